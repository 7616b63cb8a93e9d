package cn.shuangkong.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * The registry import templates under {@code templates/} are what the service serves, byte for byte. Regenerate them
 * with {@code -Dshuangkong.templates.update=true} (see templates/README.md).
 */
@DatabaseTest
class RegistryTemplatesTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "lucheng-regulator, registry-enterprises.xlsx, /api/v1/enterprises/template.xlsx",
            "lucheng-enterprise, registry-risk-points.xlsx, /api/v1/enterprises/91330302MA2AK7L1XU/risk-points/template.xlsx",
            "lucheng-enterprise, registry-units.xlsx, /api/v1/enterprises/91330302MA2AK7L1XU/units/template.xlsx",
            "lucheng-regulator, registry-hazard-points.xlsx, /api/v1/hazard-points/template.xlsx"})
    void theCommittedTemplateIsWhatTheServiceServes(String user, String file, String path) throws IOException {
        ResponseEntity<byte[]> served = Api.anonymous(port).asDemo(user).getBytes(path);
        assertThat(served.getStatusCode().value()).isEqualTo(200);
        Path committed = Path.of("..", "templates", file);
        if (Boolean.getBoolean("shuangkong.templates.update")) {
            Files.write(committed, served.getBody());
        }
        assertThat(committed).as("run with -Dshuangkong.templates.update=true to regenerate").exists();
        assertThat(Files.readAllBytes(committed)).as(committed + " differs from what " + path + " serves").isEqualTo(served.getBody());
    }
}
