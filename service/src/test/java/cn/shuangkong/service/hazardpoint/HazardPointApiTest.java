package cn.shuangkong.service.hazardpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.JsonNode;

/** Geological hazard points: owned by a region, managed by its regulators, closed (核销) with a reason, history kept. */
@DatabaseTest
class HazardPointApiTest {

    @LocalServerPort
    int port;

    static Map<String, Object> hazardPoint(String regionCode, int people, long loss) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "温溪镇港头村后山滑坡");
        body.put("regionCode", regionCode);
        body.put("type", "LANDSLIDE");
        body.put("location", "港头村后山");
        body.put("longitude", 120.4231);
        body.put("latitude", 28.1102);
        body.put("threatenedPeople", people);
        body.put("potentialLossYuan", loss);
        body.put("monitoringPerson", "徐志明");
        return body;
    }

    @Test
    void aRegulatorRegistersUpdatesAndClosesAHazardPoint() {
        Api regulator = Api.anonymous(port).asDemo("qingtian-regulator");
        var created = regulator.post("/api/v1/hazard-points", hazardPoint("331121101", 120, 3_000_000));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode point = created.getBody();
        // 100 ≤ people < 500 is 中型 (standards.md §6.2), 黄 by §0.
        assertThat(point.get("grade").get("scale").asString()).isEqualTo("MEDIUM");
        assertThat(point.get("grade").get("grade").asString()).isEqualTo("YELLOW");
        assertThat(point.get("regionName").asString()).isEqualTo("浙江省丽水市青田县温溪镇");
        assertThat(point.get("status").asString()).isEqualTo("ACTIVE");
        String path = created.getHeaders().getLocation().toString();

        var updated = regulator.put(path, hazardPoint("331121101", 620, 3_000_000), "\"1\"");
        assertThat(updated.getStatusCode().value()).isEqualTo(200);
        assertThat(updated.getBody().get("grade").get("scale").asString()).isEqualTo("LARGE");

        var closed = regulator.post(path + "/closure", Map.of("reason", "RELOCATION", "note", "受威胁住户已整体搬迁"));
        assertThat(closed.getStatusCode().value()).isEqualTo(428);
        closed = regulator.postWithIfMatch(path + "/closure", Map.of("reason", "RELOCATION", "note", "受威胁住户已整体搬迁"), "\"2\"");
        assertThat(closed.getStatusCode().value()).isEqualTo(200);
        assertThat(closed.getBody().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.getBody().get("closureReasonLabel").asString()).isEqualTo("搬迁避让");
        assertThat(closed.getBody().get("closedAt").asString()).isNotBlank();

        assertThat(regulator.put(path, hazardPoint("331121101", 620, 3_000_000), "\"3\"").getStatusCode().value()).isEqualTo(409);

        JsonNode history = regulator.get(path + "/grade-history").getBody();
        assertThat(history.valueStream().map(h -> h.get("cause").asString())).containsExactly("CLOSED", "UPDATED", "CREATED");
        assertThat(history.valueStream().map(h -> h.get("grade").asString())).containsExactly("ORANGE", "ORANGE", "YELLOW");
    }

    @Test
    void hazardPointsAreScopedToTheRegion() {
        Api qingtian = Api.anonymous(port).asDemo("qingtian-regulator");
        String path = qingtian.post("/api/v1/hazard-points", hazardPoint("331121", 30, 100_000)).getHeaders().getLocation().toString();

        assertThat(Api.anonymous(port).asDemo("lucheng-regulator").get(path).getStatusCode().value()).isEqualTo(404);
        assertThat(Api.anonymous(port).asDemo("lucheng-regulator").post("/api/v1/hazard-points", hazardPoint("331121", 30, 100_000)).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.anonymous(port).asDemo("qingtian-inspector").get(path).getStatusCode().value()).isEqualTo(200);
        assertThat(Api.anonymous(port).asDemo("qingtian-inspector").post("/api/v1/hazard-points", hazardPoint("331121", 30, 100_000)).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.anonymous(port).asDemo("qingtian-enterprise").get(path).getStatusCode().value()).isEqualTo(403);

        JsonNode page = Api.anonymous(port).asDemo("qingtian-inspector").get("/api/v1/hazard-points?status=ACTIVE&size=200").getBody();
        assertThat(page.get("content").valueStream().map(p -> p.get("regionCode").asString())).allMatch(c -> c.startsWith("331121"));
        assertThat(Api.anonymous(port).asDemo("lucheng-regulator").get("/api/v1/hazard-points?regionCode=331121").getBody().get("totalElements").asLong()).isZero();
    }

    @Test
    void invalidHazardPointsNameTheField() {
        Api regulator = Api.anonymous(port).asDemo("qingtian-regulator");
        var negative = regulator.post("/api/v1/hazard-points", hazardPoint("331121", -1, 0));
        assertThat(negative.getStatusCode().value()).isEqualTo(400);
        assertThat(negative.getBody().get("errors").get(0).get("field").asString()).isEqualTo("threatenedPeople");
        var province = regulator.post("/api/v1/hazard-points", hazardPoint("330000", 1, 0));
        assertThat(province.getStatusCode().value()).isEqualTo(400);
        assertThat(province.getBody().get("errors").get(0).get("field").asString()).isEqualTo("regionCode");
    }
}
