package cn.shuangkong.service.majorhazard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.JsonNode;

/** Production and storage units with their chemicals: identified per GB 18218-2018 on every write, history kept, scoped. */
@DatabaseTest
class UnitApiTest {

    static final String PATH = "/api/v1/enterprises/" + Api.LUCHENG_CHEMICALS + "/units";

    @LocalServerPort
    int port;

    static Map<String, Object> unit(int people, List<Map<String, Object>> chemicals) {
        return Map.of("name", "液氯储罐区", "location", "厂区东北角", "unitType", "STORAGE", "exposedPeople", people, "chemicals", chemicals);
    }

    @Test
    void aStorageUnitIsIdentifiedGradedAndItsHistoryKept() {
        Api enterprise = Api.anonymous(port).asDemo("lucheng-enterprise");
        // 氯 2.5/5 + 氨 5/10: S = 1 exactly — a major hazard source (GB 18218-2018 §4.2.1 "等于或超过").
        var created = enterprise.post(PATH, unit(40, List.of(Map.of("name", "液氯", "quantityTonnes", 2.5), Map.of("name", "液氨", "quantityTonnes", 5))));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode unit = created.getBody();
        assertThat(unit.get("unitTypeLabel").asString()).isEqualTo("储存单元");
        assertThat(unit.get("grade").get("majorHazardSource").asBoolean()).isTrue();
        assertThat(unit.get("grade").get("s").decimalValue()).isEqualByComparingTo("1");
        // R = α(30–49 people: 1.2) × (4 × 0.5 + 2 × 0.5) = 3.6 → 四级; a storage unit that is a major hazard source is RED (§3).
        assertThat(unit.get("grade").get("alpha").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(unit.get("grade").get("r").decimalValue()).isEqualByComparingTo("3.6");
        assertThat(unit.get("grade").get("level").asString()).isEqualTo("LEVEL_4");
        assertThat(unit.get("grade").get("grade").asString()).isEqualTo("RED");
        assertThat(unit.get("chemicals")).hasSize(2);

        String path = created.getHeaders().getLocation().toString();
        var updated = enterprise.put(path, unit(40, List.of(Map.of("name", "液氯", "quantityTonnes", 2))), "\"1\"");
        assertThat(updated.getStatusCode().value()).isEqualTo(200);
        assertThat(updated.getBody().get("grade").get("majorHazardSource").asBoolean()).isFalse();

        JsonNode history = enterprise.get(path + "/grade-history").getBody();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("result").get("majorHazardSource").asBoolean()).isFalse();
        assertThat(history.get(1).get("result").get("majorHazardSource").asBoolean()).isTrue();
        assertThat(history.get(1).get("inputs").get("chemicals").get(0).get("name").asString()).isEqualTo("液氯");
        assertThat(enterprise.get(PATH).getBody().valueStream().map(u -> u.get("id").asLong())).contains(unit.get("id").asLong());
    }

    @Test
    void aChemicalThatCannotBeEvaluatedIsUnprocessableAndNothingIsStored() {
        Api enterprise = Api.anonymous(port).asDemo("lucheng-enterprise");
        int before = enterprise.get(PATH).getBody().size();
        var response = enterprise.post(PATH, unit(0, List.of(Map.of("name", "甲醇", "quantityTonnes", 600))));
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().get("errors").get(0).get("field").asString()).startsWith("chemicals[0]");
        assertThat(enterprise.get(PATH).getBody().size()).isEqualTo(before);
    }

    @Test
    void unitsAreScopedLikeTheRegistry() {
        Api enterprise = Api.anonymous(port).asDemo("lucheng-enterprise");
        String path = enterprise.post(PATH, unit(0, List.of(Map.of("name", "液氯", "quantityTonnes", 1)))).getHeaders().getLocation().toString();

        assertThat(Api.anonymous(port).asDemo("jinjiang-enterprise").get(path).getStatusCode().value()).isEqualTo(404);
        assertThat(Api.anonymous(port).asDemo("jinjiang-regulator").get(path).getStatusCode().value()).isEqualTo(404);
        assertThat(Api.anonymous(port).asDemo("lucheng-regulator").get(path).getStatusCode().value()).isEqualTo(200);
        assertThat(Api.anonymous(port).asDemo("lucheng-regulator").post(PATH, unit(0, List.of(Map.of("name", "液氯", "quantityTonnes", 1)))).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.anonymous(port).asDemo("jinjiang-enterprise").post(PATH, unit(0, List.of(Map.of("name", "液氯", "quantityTonnes", 1)))).getStatusCode().value()).isEqualTo(404);
    }
}
