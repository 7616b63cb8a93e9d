package cn.shuangkong.service.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.JsonNode;

/** What-if grading over HTTP: any authenticated user, nothing stored; numbers, labels and clause-cited reasons. */
@DatabaseTest
class GradingApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = Api.anonymous(port).asDemo("lucheng-enterprise");
    }

    @ParameterizedTest(name = "{0} → {4} {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // standards.md §0 default bands: LEC D > 320 RED … D ≤ 70 BLUE; LS V1 20–25 RED, 9–16 ORANGE, 4–8 YELLOW, 1–3 BLUE
            "LEC | 3 | 3  | 40 | -  | RED    | 360 | 重大风险 | 红 | COMPANY",
            "LEC | 6 | 6  | 7  | -  | ORANGE | 252 | 较大风险 | 橙 | DEPARTMENT",
            "LEC | 6 | 6  | 3  | -  | YELLOW | 108 | 一般风险 | 黄 | TEAM",
            "LEC | 1 | 10 | 7  | -  | BLUE   | 70  | 低风险   | 蓝 | POST",
            "LS  | 3 | -  | -  | 3  | ORANGE | 9   | 较大风险 | 橙 | DEPARTMENT",
            "LS  | 4 | -  | -  | 5  | RED    | 20  | 重大风险 | 红 | COMPANY",
    })
    void riskPointsAreGradedWithTheirNumbersAndReasons(String method, String l, String e, String c, String s, String grade,
                                                       String score, String label, String colour, String controlLevel) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("method", method, "l", Double.valueOf(l)));
        if (e != null) {
            body.put("e", Double.valueOf(e));
            body.put("c", Double.valueOf(c));
        }
        if (s != null) {
            body.put("s", Double.valueOf(s));
        }
        var response = api.post("/api/v1/grading/risk-point", body);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode g = response.getBody();
        assertThat(g.get("grade").asString()).isEqualTo(grade);
        assertThat(g.get("gradeLabel").asString()).isEqualTo(label);
        assertThat(g.get("colour").asString()).isEqualTo(colour);
        assertThat(g.get("score").decimalValue()).isEqualByComparingTo(score);
        assertThat(g.get("controlLevel").asString()).isEqualTo(controlLevel);
        assertThat(g.get("reasons").get(0).get("clause").asString()).isEqualTo("默认策略");
        assertThat(g.get("reasons").get(0).get("message").asString()).contains(score);
        assertThat(g.get("ruleSetVersion").asString()).hasSize(64);
    }

    @Test
    void aDirectFlagMakesAPointRedWithTheItemCited() {
        var g = api.post("/api/v1/grading/risk-point", Map.of("method", "DIRECT", "directFlags", List.of("H2S_WORKPLACE"))).getBody();
        assertThat(g.get("grade").asString()).isEqualTo("RED");
        assertThat(g.has("score")).isFalse();
        assertThat(g.get("reasons").get(0).get("clause").asString()).contains("第9项");
        assertThat(g.get("reasons").get(0).get("message").asString()).contains("易产生硫化氢的作业场所");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "l   | {\"method\":\"LEC\",\"l\":5,\"e\":6,\"c\":7}",
            "s   | {\"method\":\"LS\",\"l\":3,\"s\":6}",
            "directFlags | {\"method\":\"DIRECT\"}",
            "method | {\"method\":\"MES\",\"l\":1}",
    })
    void invalidRiskInputsNameTheField(String field, String json) {
        var response = api.post("/api/v1/grading/risk-point", tools.jackson.databind.json.JsonMapper.builder().build().readTree(json));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void theWorkedExampleOfGb18218GivesLevelFour() {
        // standards.md §1.8: 氯 q=5 (Q=5, β=4) + 氨 q=5 (Q=10, β=2), 0 people (α=0.5): Σβq/Q = 5, R = 2.5 → 四级.
        var g = api.post("/api/v1/grading/major-hazard", Map.of("unitType", "PRODUCTION", "exposedPeople", 0, "chemicals", List.of(
                Map.of("name", "氯", "quantityTonnes", 5), Map.of("name", "氨", "quantityTonnes", 5)))).getBody();
        assertThat(g.get("majorHazardSource").asBoolean()).isTrue();
        assertThat(g.get("s").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(g.get("alpha").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(g.get("r").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(g.get("level").asString()).isEqualTo("LEVEL_4");
        assertThat(g.get("levelLabel").asString()).isEqualTo("四级");
        JsonNode chlorine = g.get("chemicals").get(0);
        assertThat(chlorine.get("criticalQuantityTonnes").decimalValue()).isEqualByComparingTo("5");
        assertThat(chlorine.get("beta").decimalValue()).isEqualByComparingTo("4");
        assertThat(chlorine.get("ratio").decimalValue()).isEqualByComparingTo("1");
        assertThat(g.get("reasons").valueStream().map(r -> r.get("clause").asString())).anyMatch(c -> c.contains("GB 18218-2018"));
    }

    @Test
    void levelOneByTheWorkedExample() {
        // standards.md §1.8: 氯 q=250 t, ≥ 100 people: β·q/Q = 200, R = 2.0 × 200 = 400 → 一级; a storage unit that is a major hazard source is RED.
        var g = api.post("/api/v1/grading/major-hazard", Map.of("unitType", "STORAGE", "exposedPeople", 120, "chemicals", List.of(
                Map.of("name", "液氯", "quantityTonnes", 250)))).getBody();
        assertThat(g.get("r").decimalValue()).isEqualByComparingTo("400");
        assertThat(g.get("level").asString()).isEqualTo("LEVEL_1");
        assertThat(g.get("grade").asString()).isEqualTo("RED");
    }

    @Test
    void belowTheCriticalQuantityIsNotAMajorHazardSource() {
        var g = api.post("/api/v1/grading/major-hazard", Map.of("unitType", "STORAGE", "exposedPeople", 10, "chemicals", List.of(
                Map.of("cas", "7782-50-5", "quantityTonnes", 4.9)))).getBody();
        assertThat(g.get("majorHazardSource").asBoolean()).isFalse();
        assertThat(g.get("s").decimalValue()).isEqualByComparingTo("0.98");
        assertThat(g.has("level")).isFalse();
    }

    @Test
    void aChemicalThatNeedsASymbolIsUnprocessableNamingIt() {
        // 甲醇 is in Table 1 (Q = 500 t) but not in Table 3: its β needs a Table-4 hazard symbol.
        var response = api.post("/api/v1/grading/major-hazard", Map.of("unitType", "STORAGE", "exposedPeople", 10, "chemicals", List.of(
                Map.of("name", "氯", "quantityTonnes", 1), Map.of("name", "甲醇", "quantityTonnes", 100))));
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().get("errors").get(0).get("field").asString()).startsWith("chemicals[1]");
        assertThat(response.getBody().get("errors").get(0).get("message").asString()).contains("甲醇");

        var withSymbol = api.post("/api/v1/grading/major-hazard", Map.of("unitType", "STORAGE", "exposedPeople", 10, "chemicals", List.of(
                Map.of("name", "甲醇", "hazardSymbols", List.of("W5.4"), "quantityTonnes", 100))));
        assertThat(withSymbol.getStatusCode().value()).isEqualTo(200);
        assertThat(withSymbol.getBody().get("chemicals").get(0).get("criticalQuantityTonnes").decimalValue()).isEqualByComparingTo("500");
    }

    @Test
    void anUnknownChemicalWithoutSymbolsIsUnprocessable() {
        var response = api.post("/api/v1/grading/major-hazard", Map.of("unitType", "PRODUCTION", "exposedPeople", 0, "chemicals", List.of(
                Map.of("name", "某某新型溶剂", "quantityTonnes", 3))));
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().get("errors").get(0).get("message").asString()).contains("某某新型溶剂");
    }

    @ParameterizedTest(name = "{0} people, {1} yuan → {2} {3}")
    @CsvSource({
            // standards.md §6.2 险情 scale ("以上" includes the number) and §0 colours; the larger scale wins
            "1000, 0,         HUGE,   RED",
            "999,  0,         LARGE,  ORANGE",
            "100,  0,         MEDIUM, YELLOW",
            "99,   4999999,   SMALL,  BLUE",
            "10,   100000000, HUGE,   RED",
            "600,  6000000,   LARGE,  ORANGE",
    })
    void hazardPointsAreGradedByTheLargerScale(int people, long loss, String scale, String grade) {
        var g = api.post("/api/v1/grading/hazard-point", Map.of("type", "LANDSLIDE", "threatenedPeople", people, "potentialLossYuan", loss)).getBody();
        assertThat(g.get("scale").asString()).isEqualTo(scale);
        assertThat(g.get("grade").asString()).isEqualTo(grade);
        assertThat(g.get("typeLabel").asString()).isEqualTo("滑坡");
        assertThat(g.get("reasons")).isNotEmpty();
    }

    @Test
    void ruleSetsAreListedWithTheirVersions() {
        JsonNode sets = api.get("/api/v1/rulesets").getBody();
        assertThat(sets.valueStream().map(s -> s.get("name").asString())).containsExactly("riskpoint", "majorhazard", "hazardpoint", "enterprise");
        assertThat(sets.valueStream().map(s -> s.get("version").asString())).allMatch(v -> v.matches("[0-9a-f]{64}"));
        // The enterprise rule set lists its table's versions; the one in force is the version it reports.
        JsonNode enterprise = sets.get(3);
        assertThat(enterprise.get("releases").valueStream().filter(r -> r.get("status").asString().equals("ACTIVE"))
                .map(r -> r.get("version").asString())).containsExactly(enterprise.get("version").asString());
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        assertThat(Api.anonymous(port).post("/api/v1/grading/risk-point", Map.of("method", "LS", "l", 1, "s", 1)).getStatusCode().value()).isEqualTo(401);
    }
}
