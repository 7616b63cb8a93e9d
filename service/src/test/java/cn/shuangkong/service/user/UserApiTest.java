package cn.shuangkong.service.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.JsonNode;

@DatabaseTest
class UserApiTest {

    @LocalServerPort
    int port;

    private static int serial;

    private static synchronized String username(String prefix) {
        return prefix + "-" + System.nanoTime() % 100_000_000 + "-" + (++serial);
    }

    @Test
    void anAdminCreatesARegulatorWhoThenSeesItsJurisdiction() {
        String username = username("pingyang-reg");
        var created = Api.anonymous(port).asAdmin().post("/api/v1/users",
                Map.of("username", username, "password", "s3cret-pass", "role", "REGULATOR", "regionCode", "330326", "displayName", "平阳县应急管理局"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("roleLabel").asString()).isEqualTo("监管部门");
        assertThat(created.getBody().has("password")).isFalse();

        Api regulator = Api.anonymous(port).as(username, "s3cret-pass");
        JsonNode me = regulator.get("/api/v1/users/me").getBody();
        assertThat(me.get("regionCode").asString()).isEqualTo("330326");
        JsonNode page = regulator.get("/api/v1/enterprises?size=200").getBody();
        assertThat(page.get("totalElements").asLong()).isPositive();
        assertThat(page.get("content").valueStream().map(e -> e.get("regionCode").asString())).allMatch(c -> c.startsWith("330326"));
    }

    @Test
    void anEnterpriseUserIsBoundToARegisteredEnterprise() {
        String username = username("ent");
        var created = Api.anonymous(port).asAdmin().post("/api/v1/users",
                Map.of("username", username, "password", "s3cret-pass", "role", "ENTERPRISE", "uscc", Api.JINJIANG_CERAMICS));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(Api.anonymous(port).as(username, "s3cret-pass").get("/api/v1/enterprises/" + Api.JINJIANG_CERAMICS).getStatusCode().value()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} → {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "a regulator without a region       | REGULATOR  | -        | -                  | s3cret-pass | regionCode",
            "an inspector in an unknown region  | INSPECTOR  | 999999   | -                  | s3cret-pass | regionCode",
            "an enterprise user without uscc    | ENTERPRISE | -        | -                  | s3cret-pass | uscc",
            "an enterprise not registered       | ENTERPRISE | -        | 914403001922038216 | s3cret-pass | uscc",
            "an admin with a region             | ADMIN      | 330302   | -                  | s3cret-pass | regionCode",
            "a short password                   | INSPECTOR  | 330302   | -                  | short       | password",
            "an unknown role                    | AUDITOR    | 330302   | -                  | s3cret-pass | role",
    })
    void invalidUsersAreRefusedNamingTheField(String description, String role, String regionCode, String uscc, String password, String field) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username("bad"));
        body.put("password", password);
        body.put("role", role);
        body.put("regionCode", regionCode);
        body.put("uscc", uscc);
        var response = Api.anonymous(port).asAdmin().post("/api/v1/users", body);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void aDuplicateUsernameIsAConflict() {
        var response = Api.anonymous(port).asAdmin().post("/api/v1/users",
                Map.of("username", "lucheng-regulator", "password", "s3cret-pass", "role", "REGULATOR", "regionCode", "330302"));
        assertThat(response.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void onlyAnAdminCreatesUsers() {
        Map<String, Object> body = Map.of("username", username("x"), "password", "s3cret-pass", "role", "ADMIN");
        assertThat(Api.anonymous(port).asDemo("lucheng-regulator").post("/api/v1/users", body).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.anonymous(port).asDemo("lucheng-enterprise").post("/api/v1/users", body).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.anonymous(port).post("/api/v1/users", body).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void theAdminWasCreatedOnFirstStartWithTheConfiguredPassword() {
        JsonNode me = Api.anonymous(port).asAdmin().get("/api/v1/users/me").getBody();
        assertThat(me.get("username").asString()).isEqualTo("admin");
        assertThat(me.get("role").asString()).isEqualTo("ADMIN");
    }
}
