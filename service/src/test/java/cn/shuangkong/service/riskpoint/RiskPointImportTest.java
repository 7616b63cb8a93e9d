package cn.shuangkong.service.riskpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import cn.shuangkong.service.excel.TestSheets;
import tools.jackson.databind.JsonNode;

/**
 * The 风险辨识评估清单 import: one row per control measure, rows of one name one risk point, graded as the API grades;
 * all or nothing with every problem at its cell; the export goes back in unchanged; the same file twice is replayed.
 */
@DatabaseTest
class RiskPointImportTest {

    static final String PATH = "/api/v1/enterprises/" + Api.LUCHENG_CHEMICALS + "/risk-points";
    /** Every upload has names of its own, so that no two tests send the same file. */
    static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 100_000));

    @LocalServerPort
    int port;

    Api as(String user) {
        return Api.anonymous(port).asDemo(user);
    }

    /** The downloaded template with {@code rows} below its header, in its columns' order (RiskPointSheet.IMPORTED). */
    static byte[] filled(byte[] template, Object[]... rows) throws IOException {
        return TestSheets.filled(template, rows);
    }

    // 风险点名称, 风险点类型, 位置, 分析对象, 分析单元, 风险事件, 管控措施, 措施类别, 数据来源, 评价方法, L, E, C, S, 直接判定情形, 管控层级, 责任部门, 责任人

    /** Two risk points, three events, five measures: a LEC point whose later rows leave its cells blank, a LS point whose second row repeats them. */
    static Object[][] twoRiskPoints(String ammonia, String forklift) {
        return new Object[][]{
                {ammonia, "场所", "厂区东北角", "液氨储罐区重大危险源", "1#液氨储罐", "储罐泄漏导致人员中毒", "设置有毒气体检测报警仪并与紧急切断阀联锁", "工程技术", "自动化监控",
                        "LEC", 3, 6, 15, null, null, null, "储运部", "陈建国"},
                {ammonia, null, null, null, null, "储罐泄漏导致人员中毒", "每班巡检储罐液位、压力", "操作行为", "隐患排查"},
                {ammonia, null, null, null, null, "储罐超压导致物理爆炸", "安全阀每年校验", "维护保养", "隐患排查"},
                {forklift, "作业活动", "成品仓库", null, null, "叉车撞击伤人", "叉车司机持证上岗", "操作行为", "隐患排查", "LS", 2, null, null, 3, null, null, "仓储部", "王磊"},
                {forklift, "作业活动", "成品仓库", null, null, "叉车撞击伤人", "仓库通道设置限速标识和倒车报警", "工程技术", "隐患排查", "LS", 2, null, null, 3, null, null, "仓储部", "王磊"}};
    }

    static JsonNode named(JsonNode points, String name) {
        return points.valueStream().filter(p -> p.get("name").asString().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no risk point " + name));
    }

    @Test
    void aListOfTwoRiskPointsIsGradedAsTheApiGradesAndTheSameFileAgainIsReplayed() throws IOException {
        int n = SERIAL.incrementAndGet();
        String ammonia = "液氨储罐区-" + n;
        String forklift = "叉车作业-" + n;
        Api enterprise = as("lucheng-enterprise");
        byte[] upload = filled(enterprise.getBytes(PATH + "/template.xlsx").getBody(), twoRiskPoints(ammonia, forklift));

        ResponseEntity<JsonNode> imported = enterprise.upload(PATH + "/import", "风险辨识评估清单.xlsx", upload);
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
        assertThat(imported.getBody().get("created").asLong()).isEqualTo(2);
        assertThat(imported.getBody().get("updated").asLong()).isZero();

        JsonNode points = enterprise.get(PATH).getBody();
        JsonNode lec = named(points, ammonia);
        // D = 3 × 6 × 15 = 270: 160 < D ≤ 320 is 较大风险 (standards.md §0), controlled at department level.
        assertThat(lec.get("grade").get("grade").asString()).isEqualTo("ORANGE");
        assertThat(lec.get("grade").get("gradeLabel").asString()).isEqualTo("较大风险");
        assertThat(lec.get("grade").get("score").decimalValue()).isEqualByComparingTo("270");
        assertThat(lec.get("controlLevel").asString()).isEqualTo("DEPARTMENT");
        assertThat(lec.get("location").asString()).isEqualTo("厂区东北角");
        assertThat(lec.get("responsiblePerson").asString()).isEqualTo("陈建国");
        assertThat(lec.get("events").valueStream().map(e -> e.get("name").asString())).containsExactly("储罐泄漏导致人员中毒", "储罐超压导致物理爆炸");
        JsonNode leak = lec.get("events").get(0).get("controlMeasures");
        assertThat(leak).hasSize(2);
        assertThat(leak.get(0).get("classification").asString()).isEqualTo("ENGINEERING");
        assertThat(leak.get(0).get("dataSource").asString()).isEqualTo("AUTOMATIC");
        assertThat(leak.get(1).get("description").asString()).isEqualTo("每班巡检储罐液位、压力");
        assertThat(lec.get("events").get(1).get("controlMeasures").get(0).get("classification").asString()).isEqualTo("MAINTENANCE");

        JsonNode ls = named(points, forklift);
        // R = 2 × 3 = 6: 4–8 is 一般风险 (standards.md §0, LS variant V1), controlled by the team.
        assertThat(ls.get("grade").get("grade").asString()).isEqualTo("YELLOW");
        assertThat(ls.get("grade").get("score").decimalValue()).isEqualByComparingTo("6");
        assertThat(ls.get("controlLevel").asString()).isEqualTo("TEAM");
        assertThat(ls.get("typeLabel").asString()).isEqualTo("作业活动");
        assertThat(ls.get("events")).hasSize(1);
        assertThat(ls.get("events").get(0).get("controlMeasures")).hasSize(2);
        assertThat(enterprise.get(PATH + "/" + ls.get("id").asLong() + "/grade-history").getBody().get(0).get("cause").asString()).isEqualTo("CREATED");

        ResponseEntity<JsonNode> again = enterprise.upload(PATH + "/import", "风险辨识评估清单(1).xlsx", upload);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("replayed").asBoolean()).isTrue();
        assertThat(again.getBody().get("importId").asLong()).isEqualTo(imported.getBody().get("importId").asLong());
        assertThat(again.getBody().get("created").asLong()).isEqualTo(2);
        assertThat(enterprise.get(PATH).getBody().valueStream().filter(p -> p.get("name").asString().equals(ammonia))).hasSize(1);

        // The same sheet for another enterprise is that enterprise's import, not a replay of this one.
        String other = Api.newUscc("330302");
        Api admin = Api.anonymous(port).asAdmin();
        assertThat(admin.post("/api/v1/enterprises", java.util.Map.of("uscc", other, "name", "另一家化工有限公司", "regionCode", "330302",
                "industryCategory", "HAZARDOUS_CHEMICALS")).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> elsewhere = admin.upload("/api/v1/enterprises/" + other + "/risk-points/import", "风险辨识评估清单.xlsx", upload);
        assertThat(elsewhere.getStatusCode().value()).as(String.valueOf(elsewhere.getBody())).isEqualTo(201);
        assertThat(elsewhere.getBody().get("created").asLong()).isEqualTo(2);
        assertThat(admin.get("/api/v1/enterprises/" + other + "/risk-points").getBody().size()).isEqualTo(2);
    }

    @Test
    void theExportComesBackUnchangedAndAnEditedOneReplacesTheRiskPointAndGradesItAgain() throws IOException {
        // An enterprise of its own, so that its export holds only what this test imports.
        Api admin = Api.anonymous(port).asAdmin();
        String uscc = Api.newUscc("330302");
        assertThat(admin.post("/api/v1/enterprises", Map.of("uscc", uscc, "name", "温州往返化工有限公司", "regionCode", "330302",
                "industryCategory", "HAZARDOUS_CHEMICALS")).getStatusCode().value()).isEqualTo(201);
        String path = "/api/v1/enterprises/" + uscc + "/risk-points";
        int n = SERIAL.incrementAndGet();
        String ammonia = "液氨储罐区-" + n;
        String sulphur = "污水处理池-" + n;
        byte[] upload = filled(admin.getBytes(path + "/template.xlsx").getBody(),
                new Object[]{ammonia, "场所", "厂区东北角", null, null, "储罐泄漏导致人员中毒", "设置有毒气体检测报警仪", "工程技术", "自动化监控", "LEC", 3, 6, 15},
                new Object[]{ammonia, null, null, null, null, "储罐泄漏导致人员中毒", "每班巡检", "操作行为", "隐患排查"},
                new Object[]{sulphur, "场所", "污水站", null, null, "硫化氢中毒", "进入前检测硫化氢浓度", "操作行为", "隐患排查", "直接判定", null, null, null, null,
                        "易产生硫化氢的作业场所；VIOLATES_MANDATORY_PROVISION"});
        ResponseEntity<JsonNode> first = admin.upload(path + "/import", "清单.xlsx", upload);
        assertThat(first.getStatusCode().value()).as(String.valueOf(first.getBody())).isEqualTo(201);
        JsonNode direct = named(admin.get(path).getBody(), sulphur);
        assertThat(direct.get("grade").get("grade").asString()).isEqualTo("RED");
        assertThat(direct.get("assessment").get("directFlags").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("H2S_WORKPLACE", "VIOLATES_MANDATORY_PROVISION");

        byte[] export = admin.getBytes(path + "/export.xlsx").getBody();
        ResponseEntity<JsonNode> back = admin.upload(path + "/import", "风险分级管控清单.xlsx", export);
        assertThat(back.getStatusCode().value()).as(String.valueOf(back.getBody())).isEqualTo(201);
        assertThat(back.getBody().get("unchanged").asLong()).isEqualTo(2);
        assertThat(back.getBody().get("created").asLong()).isZero();
        assertThat(back.getBody().get("updated").asLong()).isZero();
        long id = named(admin.get(path).getBody(), ammonia).get("id").asLong();
        assertThat(admin.get(path + "/" + id).getBody().get("version").asInt()).isEqualTo(1);

        // L from 3 to 6 on every row of the point (an export repeats a point's cells on each of its rows): D = 540, 重大风险,
        // which the exported 部门级 may not control; as on PUT, the level is refused at its cell until it is raised or cleared.
        byte[] raised = edit(export, ammonia, "L", 6.0);
        ResponseEntity<JsonNode> tooLow = admin.upload(path + "/import", "风险分级管控清单-修改.xlsx", raised);
        assertThat(tooLow.getStatusCode().value()).isEqualTo(422);
        JsonNode levelError = tooLow.getBody().get("errors").get(0);
        assertThat(levelError.get("column").asString() + levelError.get("row").asInt()).isEqualTo("S3");
        assertThat(levelError.get("message").asString()).isEqualTo("重大风险至少应由公司级管控，不能降为部门级");

        ResponseEntity<JsonNode> edited = admin.upload(path + "/import", "风险分级管控清单-修改(2).xlsx", edit(raised, ammonia, "管控层级", null));
        assertThat(edited.getStatusCode().value()).as(String.valueOf(edited.getBody())).isEqualTo(201);
        assertThat(edited.getBody().get("updated").asLong()).isEqualTo(1);
        assertThat(edited.getBody().get("unchanged").asLong()).isEqualTo(1);
        JsonNode regraded = admin.get(path + "/" + id).getBody();
        assertThat(regraded.get("grade").get("grade").asString()).isEqualTo("RED");
        assertThat(regraded.get("grade").get("score").decimalValue()).isEqualByComparingTo("540");
        assertThat(regraded.get("controlLevel").asString()).isEqualTo("COMPANY");
        assertThat(regraded.get("version").asInt()).isEqualTo(2);
        assertThat(regraded.get("events").get(0).get("controlMeasures")).hasSize(2);
        JsonNode history = admin.get(path + "/" + id + "/grade-history").getBody();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("cause").asString()).isEqualTo("UPDATED");
        assertThat(history.get(0).get("grade").asString()).isEqualTo("RED");
        assertThat(history.get(1).get("cause").asString()).isEqualTo("CREATED");
        assertThat(history.get(1).get("grade").asString()).isEqualTo("ORANGE");
    }

    @Test
    void everyBadCellIsNamedAndNothingIsWritten() throws IOException {
        int n = SERIAL.incrementAndGet();
        String good = "好风险点-" + n;
        Api enterprise = as("lucheng-enterprise");
        byte[] upload = filled(enterprise.getBytes(PATH + "/template.xlsx").getBody(),
                new Object[]{good, "场所", null, null, null, "火灾", "配置灭火器", "应急措施", "隐患排查", "LEC", 3, 6, 15},
                new Object[]{"方法不对-" + n, "场所", null, null, null, null, null, null, null, "LECD", 3, 6, 15},
                new Object[]{"L不是数字-" + n, "设备设施", null, null, null, null, null, null, null, "LEC", "高", 6, 15},
                new Object[]{null, null, null, null, null, "触电", "漏电保护"},
                new Object[]{good, "设备设施", null, null, null, "火灾", "动火审批"},
                new Object[]{"L不在分值表-" + n, "场所", null, null, null, "中毒", "通风", "工程", null, "LEC", 4, 6, 15});
        ResponseEntity<JsonNode> refused = enterprise.upload(PATH + "/import", "错误.xlsx", upload);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        refused.getBody().get("errors").valueStream().forEach(e -> errors.add(e.get("column").asString() + e.get("row").asInt() + " " + e.get("message").asString()));
        assertThat(errors).contains("J4 评价方法“LECD”不在可选范围内：LEC、LS、直接判定");
        assertThat(errors).contains("K5 L“高”不是数字");
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("A6 风险点名称不能为空"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("B7 风险点类型“设备设施”与风险点“" + good + "”第一行（第 3 行）的“场所”不一致"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("H8 措施类别“工程”不在可选范围内"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("K8 事故发生的可能性 L取值 4 不在分值表内"));
        assertThat(errors).hasSize(6);
        assertThat(refused.getBody().get("report").asString()).endsWith("/report.xlsx");
        assertThat(enterprise.get(PATH).getBody().valueStream().map(p -> p.get("name").asString())).doesNotContain(good);
    }

    @Test
    void onlyTheEnterpriseItselfAndAdministratorsImport() throws IOException {
        Api enterprise = as("lucheng-enterprise");
        byte[] upload = filled(enterprise.getBytes(PATH + "/template.xlsx").getBody(),
                new Object[]{"配电室-" + SERIAL.incrementAndGet(), "场所", null, null, null, null, null, null, null, "LS", 1, null, null, 2});
        assertThat(as("lucheng-regulator").upload(PATH + "/import", "x.xlsx", upload).getStatusCode().value()).isEqualTo(403);
        assertThat(as("lucheng-inspector").upload(PATH + "/import", "x.xlsx", upload).getStatusCode().value()).isEqualTo(403);
        assertThat(as("jinjiang-regulator").upload(PATH + "/import", "x.xlsx", upload).getStatusCode().value()).isEqualTo(403);
        assertThat(as("jinjiang-enterprise").upload(PATH + "/import", "x.xlsx", upload).getStatusCode().value()).isEqualTo(404);
        assertThat(Api.anonymous(port).upload(PATH + "/import", "x.xlsx", upload).getStatusCode().value()).isEqualTo(401);
        // Once imported, the same file from outside the enterprise's scope is still not found, not replayed.
        assertThat(enterprise.upload(PATH + "/import", "x.xlsx", upload).getStatusCode().value()).isEqualTo(201);
        assertThat(as("jinjiang-enterprise").upload(PATH + "/import", "x.xlsx", upload).getStatusCode().value()).isEqualTo(404);
        assertThat(as("jinjiang-enterprise").getBytes(PATH + "/template.xlsx").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theTemplateHasTheListsInputColumnsTheirDropdownsAndAGuide() throws IOException {
        ResponseEntity<byte[]> template = as("lucheng-regulator").getBytes(PATH + "/template.xlsx");
        assertThat(template.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(1).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactly("风险点名称", "风险点类型", "位置", "分析对象", "分析单元", "风险事件", "管控措施", "措施类别", "数据来源",
                    "评价方法", "L", "E", "C", "S", "直接判定情形", "管控层级", "责任部门", "责任人");
            List<List<String>> dropdowns = new ArrayList<>();
            for (DataValidation validation : workbook.getSheetAt(0).getDataValidations()) {
                dropdowns.add(List.of(validation.getValidationConstraint().getExplicitListValues()));
            }
            assertThat(dropdowns).containsExactlyInAnyOrder(List.of("场所", "设备设施", "作业活动"), List.of("工程技术", "维护保养", "操作行为", "应急措施"),
                    List.of("自动化监控", "隐患排查"), List.of("LEC", "LS", "直接判定"), List.of("公司级", "部门级", "班组级", "岗位级"));
            Sheet guide = workbook.getSheet("填写说明");
            assertThat(guide).isNotNull();
            List<String> text = new ArrayList<>();
            guide.forEach(row -> row.forEach(cell -> text.add(cell.toString())));
            assertThat(text).contains("H2S_WORKPLACE", "易产生硫化氢的作业场所");
        }
        ResponseEntity<JsonNode> empty = as("lucheng-enterprise").upload(PATH + "/import", "空模板.xlsx", template.getBody());
        assertThat(empty.getStatusCode().value()).isEqualTo(422);
        assertThat(empty.getBody().get("errors").get(0).get("message").asString()).isEqualTo("风险辨识评估清单中没有风险点");
    }

    /** The export with {@code header} set to {@code value} (blank when null) on every row of risk point {@code name}. */
    static byte[] edit(byte[] export, String name, String header, Double value) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(1).forEach(cell -> headers.add(cell.getStringCellValue()));
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(headers.indexOf("风险点名称")).getStringCellValue().equals(name)) {
                    var cell = sheet.getRow(r).getCell(headers.indexOf(header));
                    if (value == null) {
                        cell.setBlank();
                    } else {
                        cell.setCellValue(value);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
