package cn.shuangkong.service.riskpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.JsonNode;

/** An enterprise's risk points: graded on every write, versioned, their grade history kept; scoped like the registry. */
@DatabaseTest
class RiskPointApiTest {

    static final String PATH = "/api/v1/enterprises/" + Api.LUCHENG_CHEMICALS + "/risk-points";

    @LocalServerPort
    int port;

    Api enterprise;

    @BeforeEach
    void client() {
        enterprise = Api.anonymous(port).asDemo("lucheng-enterprise");
    }

    static Map<String, Object> riskPoint(Map<String, Object> assessment) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "液氯储罐区");
        body.put("location", "厂区东北角");
        body.put("type", "PLACE");
        body.put("analysisObject", "液氯储罐区重大危险源");
        body.put("analysisUnit", "1#液氯储罐");
        body.put("assessment", assessment);
        body.put("responsibleDepartment", "储运部");
        body.put("responsiblePerson", "陈建国");
        body.put("events", List.of(Map.of("name", "储罐泄漏导致人员中毒", "controlMeasures", List.of(
                Map.of("description", "设置有毒气体检测报警仪并与紧急切断阀联锁", "dataSource", "AUTOMATIC", "classification", "ENGINEERING"),
                Map.of("description", "每班巡检储罐液位、压力", "dataSource", "INSPECTION", "classification", "OPERATION")))));
        return body;
    }

    @Test
    void theRiskControlListHasARowPerControlMeasureWithTheGradeInItsColour() throws java.io.IOException {
        JsonNode point = enterprise.post(PATH, riskPoint(Map.of("method", "LEC", "l", 3, "e", 6, "c", 15))).getBody();
        var export = enterprise.getBytes(PATH + "/export.xlsx");
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(export.getBody()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains(Api.LUCHENG_CHEMICALS);
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("管控措施");
            List<org.apache.poi.ss.usermodel.Row> rows = new java.util.ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(1).getStringCellValue().equals(point.get("name").asString())) {
                    rows.add(sheet.getRow(r));
                }
            }
            assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
            var last = rows.get(rows.size() - 1);
            assertThat(last.getCell(6).getStringCellValue()).isEqualTo("储罐泄漏导致人员中毒");
            assertThat(last.getCell(16).getNumericCellValue()).isEqualTo(270);
            assertThat(last.getCell(17).getStringCellValue()).isEqualTo("较大风险");
            assertThat(((org.apache.poi.xssf.usermodel.XSSFCellStyle) last.getCell(17).getCellStyle()).getFillForegroundColorColor().getARGBHex()).endsWith("FFA500");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
        }
        assertThat(Api.anonymous(port).asDemo("jinjiang-regulator").getBytes(PATH + "/export.xlsx").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void anEnterpriseRegistersARiskPointThatIsGradedAndExplained() {
        var created = enterprise.post(PATH, riskPoint(Map.of("method", "LEC", "l", 3, "e", 6, "c", 15)));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"1\"");
        JsonNode point = created.getBody();
        // D = 3 × 6 × 15 = 270: 160 < D ≤ 320 is 较大风险 (standards.md §0), controlled at department level.
        assertThat(point.get("grade").get("grade").asString()).isEqualTo("ORANGE");
        assertThat(point.get("grade").get("score").decimalValue()).isEqualByComparingTo("270");
        assertThat(point.get("grade").get("reasons").get(0).get("clause").asString()).isEqualTo("默认策略");
        assertThat(point.get("controlLevel").asString()).isEqualTo("DEPARTMENT");
        assertThat(point.get("controlLevelLabel").asString()).isEqualTo("部门级");
        assertThat(point.get("typeLabel").asString()).isEqualTo("场所");
        assertThat(point.get("events").get(0).get("controlMeasures")).hasSize(2);
        assertThat(point.get("events").get(0).get("controlMeasures").get(0).get("classification").asString()).isEqualTo("ENGINEERING");

        String location = created.getHeaders().getLocation().toString();
        assertThat(enterprise.get(location).getBody().get("assessment").get("l").decimalValue()).isEqualByComparingTo("3");
        assertThat(enterprise.get(PATH).getBody().valueStream().map(p -> p.get("id").asLong())).contains(point.get("id").asLong());
    }

    @Test
    void anUpdateReGradesAndTheHistoryKeepsEveryGradeWithItsVersion() {
        JsonNode point = enterprise.post(PATH, riskPoint(Map.of("method", "LS", "l", 2, "s", 2))).getBody();
        String path = PATH + "/" + point.get("id").asLong();
        assertThat(point.get("grade").get("grade").asString()).isEqualTo("YELLOW");

        var updated = enterprise.put(path, riskPoint(Map.of("method", "LS", "l", 2, "s", 2, "directFlags", List.of("MAJOR_HAZARD_SOURCE"))), "\"1\"");
        assertThat(updated.getStatusCode().value()).isEqualTo(200);
        assertThat(updated.getBody().get("grade").get("grade").asString()).isEqualTo("RED");
        assertThat(updated.getBody().get("controlLevel").asString()).isEqualTo("COMPANY");

        JsonNode history = enterprise.get(path + "/grade-history").getBody();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("grade").asString()).isEqualTo("RED");
        assertThat(history.get(0).get("cause").asString()).isEqualTo("UPDATED");
        assertThat(history.get(1).get("grade").asString()).isEqualTo("YELLOW");
        assertThat(history.get(1).get("cause").asString()).isEqualTo("CREATED");
        assertThat(history.get(1).get("inputs").get("method").asString()).isEqualTo("LS");
        assertThat(history.get(0).get("result").get("reasons")).hasSize(2);
        assertThat(history.get(0).get("ruleSetVersion").asString()).hasSize(64).isEqualTo(history.get(1).get("ruleSetVersion").asString());
        assertThat(history.get(0).get("gradedBy").asString()).isEqualTo("lucheng-enterprise");

        assertThat(enterprise.put(path, riskPoint(Map.of("method", "LS", "l", 1, "s", 1)), "\"1\"").getStatusCode().value()).isEqualTo(412);
        assertThat(enterprise.put(path, riskPoint(Map.of("method", "LS", "l", 1, "s", 1)), null).getStatusCode().value()).isEqualTo(428);
    }

    @Test
    void aControlLevelBelowWhatTheGradeCallsForIsRefused() {
        Map<String, Object> body = riskPoint(Map.of("method", "LEC", "l", 3, "e", 3, "c", 40));
        body.put("controlLevel", "TEAM");
        var response = enterprise.post(PATH, body);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").get(0).get("field").asString()).isEqualTo("controlLevel");

        body.put("assessment", Map.of("method", "LS", "l", 1, "s", 1));
        var higher = enterprise.post(PATH, body);
        assertThat(higher.getStatusCode().value()).isEqualTo(201);
        assertThat(higher.getBody().get("controlLevel").asString()).isEqualTo("TEAM");
    }

    @Test
    void invalidAssessmentsNameTheNestedField() {
        var response = enterprise.post(PATH, riskPoint(Map.of("method", "LEC", "l", 4, "e", 6, "c", 15)));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").get(0).get("field").asString()).isEqualTo("assessment.l");
    }

    @Test
    void anotherEnterprisesRiskPointsAreNotFound() {
        JsonNode point = enterprise.post(PATH, riskPoint(Map.of("method", "LS", "l", 1, "s", 2))).getBody();
        String path = PATH + "/" + point.get("id").asLong();

        Api other = Api.anonymous(port).asDemo("jinjiang-enterprise");
        assertThat(other.get(PATH).getStatusCode().value()).isEqualTo(404);
        assertThat(other.get(path).getStatusCode().value()).isEqualTo(404);
        assertThat(other.get(path + "/grade-history").getStatusCode().value()).isEqualTo(404);
        assertThat(other.post(PATH, riskPoint(Map.of("method", "LS", "l", 1, "s", 2))).getStatusCode().value()).isEqualTo(404);
        assertThat(other.put(path, riskPoint(Map.of("method", "LS", "l", 1, "s", 2)), "\"1\"").getStatusCode().value()).isEqualTo(404);
        // The same id under the other enterprise's own path is not found either.
        assertThat(other.get("/api/v1/enterprises/" + Api.newUscc("350582") + "/risk-points/" + point.get("id").asLong()).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void regulatorsReadTheirJurisdictionButDoNotWrite() {
        JsonNode point = enterprise.post(PATH, riskPoint(Map.of("method", "LS", "l", 5, "s", 5))).getBody();
        String path = PATH + "/" + point.get("id").asLong();

        Api regulator = Api.anonymous(port).asDemo("lucheng-regulator");
        assertThat(regulator.get(path).getStatusCode().value()).isEqualTo(200);
        assertThat(regulator.get(PATH + "?grade=RED").getBody().valueStream().map(p -> p.get("grade").get("grade").asString())).containsOnly("RED");
        assertThat(regulator.post(PATH, riskPoint(Map.of("method", "LS", "l", 1, "s", 1))).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.anonymous(port).asDemo("jinjiang-regulator").get(path).getStatusCode().value()).isEqualTo(404);
        assertThat(Api.anonymous(port).asDemo("lucheng-inspector").get(path + "/grade-history").getStatusCode().value()).isEqualTo(200);
    }
}
