package cn.shuangkong.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;

/** Health, the contract and Swagger UI need no login; nothing else outside /api does either. */
@DatabaseTest
class PublicEndpointsTest {

    @LocalServerPort
    int port;

    @Test
    void healthContractAndSwaggerUiArePublic() {
        Api anonymous = Api.anonymous(port);
        assertThat(anonymous.getText("/actuator/health").getBody()).contains("\"UP\"");
        var contract = anonymous.getText("/openapi.yaml");
        assertThat(contract.getStatusCode().value()).isEqualTo(200);
        assertThat(contract.getBody()).startsWith("openapi: 3").contains("/api/v1/enterprises");
        assertThat(anonymous.getText("/swagger-ui.html").getBody()).contains("/openapi.yaml");
        assertThat(anonymous.getText("/webjars/swagger-ui/swagger-ui-bundle.js").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void everythingElseIsClosed() {
        assertThat(Api.anonymous(port).getText("/actuator/env").getStatusCode().value()).isIn(401, 403);
        assertThat(Api.anonymous(port).getText("/api/v1/anything").getStatusCode().value()).isEqualTo(401);
    }
}
