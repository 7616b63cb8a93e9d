package cn.shuangkong.service.majorhazard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import cn.shuangkong.service.excel.TestSheets;
import tools.jackson.databind.JsonNode;

/** Units and their chemicals from a sheet: one row per chemical, graded by GB 18218-2018 as the API grades them, all or nothing. */
@DatabaseTest
class UnitImportTest {

    static final String UNITS = "/api/v1/enterprises/" + Api.LUCHENG_CHEMICALS + "/units";
    static final String IMPORT = UNITS + "/import";
    static final String TEMPLATE = UNITS + "/template.xlsx";
    static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 100_000));

    @LocalServerPort
    int port;

    Api as(String user) {
        return Api.anonymous(port).asDemo(user);
    }

    /** A unit name no other test uses. */
    static String name(String base) {
        return base + "-" + SERIAL.incrementAndGet();
    }

    /** The template as downloaded, filled from its first data row (row 3): 单元名称, 单元类型, 单元位置, 人数, 名称, CAS号, 危险性类别, 存在量. */
    byte[] filled(Object[]... rows) throws IOException {
        ResponseEntity<byte[]> template = as("lucheng-enterprise").getBytes(TEMPLATE);
        assertThat(template.getStatusCode().value()).isEqualTo(200);
        return TestSheets.filled(template.getBody(), rows);
    }

    /** A sheet of the user's own making: a title row, then {@code headers}, then the rows. */
    static byte[] sheet(String[] headers, Object[]... rows) throws IOException {
        return TestSheets.handMade("单元台账", "危险化学品单元台账", headers, rows);
    }

    static final String[] HEADERS = {"单元名称", "单元类型", "单元位置", "厂区边界外500米范围内人数", "危险化学品名称", "CAS号", "危险性类别", "存在量（吨）"};

    JsonNode unitNamed(String name) {
        return as("lucheng-enterprise").get(UNITS).getBody().valueStream()
                .filter(u -> u.get("name").asString().equals(name)).findFirst().orElse(null);
    }

    List<String> errors(ResponseEntity<JsonNode> refused) {
        List<String> errors = new ArrayList<>();
        refused.getBody().get("errors").valueStream().forEach(e -> errors.add(e.get("column").asString() + e.get("row").asInt() + " " + e.get("message").asString()));
        return errors;
    }

    @Test
    void rowsOfOneUnitAreGradedAsTheApiGradesThemAndAKnownNameIsUpdatedOrLeftUnchanged() throws IOException {
        String tanks = name("液氯储罐区");
        String workshop = name("氯化车间");
        byte[] upload = filled(
                new Object[]{tanks, "储存单元", "厂区东北角", 40, "液氯", null, null, 2.5},
                new Object[]{tanks, null, null, null, "液氨", "7664-41-7", null, 5},
                new Object[]{workshop, "PRODUCTION", null, 0, "液氯", null, null, 2});
        ResponseEntity<JsonNode> imported = as("lucheng-enterprise").upload(IMPORT, "单元.xlsx", upload);
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
        assertThat(imported.getBody().get("created").asLong()).isEqualTo(2);
        assertThat(imported.getBody().get("updated").asLong()).isZero();

        // 氯 2.5/5 + 氨 5/10: S = 1 exactly, a major hazard source; R = 1.2 × (4 × 0.5 + 2 × 0.5) = 3.6 → 四级, a storage unit RED (as UnitApiTest).
        JsonNode unit = unitNamed(tanks);
        assertThat(unit.get("unitType").asString()).isEqualTo("STORAGE");
        assertThat(unit.get("location").asString()).isEqualTo("厂区东北角");
        assertThat(unit.get("exposedPeople").asInt()).isEqualTo(40);
        assertThat(unit.get("chemicals")).hasSize(2);
        assertThat(unit.get("grade").get("majorHazardSource").asBoolean()).isTrue();
        assertThat(unit.get("grade").get("s").decimalValue()).isEqualByComparingTo("1");
        assertThat(unit.get("grade").get("alpha").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(unit.get("grade").get("r").decimalValue()).isEqualByComparingTo("3.6");
        assertThat(unit.get("grade").get("level").asString()).isEqualTo("LEVEL_4");
        assertThat(unit.get("grade").get("grade").asString()).isEqualTo("RED");
        JsonNode other = unitNamed(workshop);
        assertThat(other.get("unitType").asString()).isEqualTo("PRODUCTION");
        assertThat(other.get("grade").get("majorHazardSource").asBoolean()).isFalse();

        ResponseEntity<JsonNode> again = as("lucheng-enterprise").upload(IMPORT, "单元(1).xlsx", upload);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("replayed").asBoolean()).isTrue();
        assertThat(again.getBody().get("importId").asLong()).isEqualTo(imported.getBody().get("importId").asLong());
        assertThat(again.getBody().get("created").asLong()).isEqualTo(2);

        // 液氯 2 t alone: no longer a major hazard source (as UnitApiTest's update); the workshop as it was; a new unit.
        String warehouse = name("液氯钢瓶库");
        ResponseEntity<JsonNode> second = as("lucheng-enterprise").upload(IMPORT, "单元-修改.xlsx", filled(
                new Object[]{tanks, "储存单元", "厂区东北角", 40, "液氯", null, null, 2},
                new Object[]{workshop, "生产单元", null, 0, "液氯", null, null, 2},
                new Object[]{warehouse, "储存单元", null, 0, "氯", null, null, 1}));
        assertThat(second.getStatusCode().value()).as(String.valueOf(second.getBody())).isEqualTo(201);
        assertThat(second.getBody().get("created").asLong()).isEqualTo(1);
        assertThat(second.getBody().get("updated").asLong()).isEqualTo(1);
        assertThat(second.getBody().get("unchanged").asLong()).isEqualTo(1);
        JsonNode updated = unitNamed(tanks);
        assertThat(updated.get("id").asLong()).isEqualTo(unit.get("id").asLong());
        assertThat(updated.get("version").asInt()).isEqualTo(2);
        assertThat(updated.get("chemicals")).hasSize(1);
        assertThat(updated.get("grade").get("majorHazardSource").asBoolean()).isFalse();
        JsonNode history = as("lucheng-enterprise").get(UNITS + "/" + unit.get("id").asLong() + "/grade-history").getBody();
        assertThat(history.valueStream().map(h -> h.get("cause").asString())).containsExactly("UPDATED", "CREATED");
        assertThat(unitNamed(workshop).get("version").asInt()).isEqualTo(1);
        assertThat(unitNamed(warehouse)).isNotNull();
    }

    @Test
    void everyBadCellIsNamedAtItsRowAndNothingIsWritten() throws IOException {
        String good = name("好单元");
        String mixed = name("混乱单元");
        String quantity = name("数量单元");
        String methanol = name("甲醇罐区");
        byte[] upload = sheet(HEADERS,
                new Object[]{good, "储存单元", null, 0, "液氯", null, null, 1},
                new Object[]{mixed, "储存单元", null, 10, "液氯", null, null, 1},
                new Object[]{mixed, "生产单元", null, null, "液氨", null, null, 2},
                new Object[]{mixed, null, null, null, "神秘化学品", null, null, 3},
                new Object[]{quantity, "储存单元", null, 0, "液氯", null, null, "很多"},
                new Object[]{methanol, "储存单元", null, 0, "甲醇", null, null, 600},
                new Object[]{null, "储存单元", null, 0, "液氯", null, null, 1});
        ResponseEntity<JsonNode> refused = as("lucheng-enterprise").upload(IMPORT, "错误.xlsx", upload);
        assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(422);
        List<String> errors = errors(refused);
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("B5 单元“" + mixed + "”的单元类型“生产单元”与第 4 行的“储存单元”不一致"));
        // The rules' 422 for a chemical becomes an error at that chemical's row, even in a unit with other problems.
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("E6 「神秘化学品」未列入GB 18218-2018表1"));
        assertThat(errors).contains("H7 存在量（吨）“很多”不是数字");
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("E8 「甲醇」").contains("须给出危险性类别符号"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("A9 单元名称不能为空"));
        assertThat(errors).hasSize(5);
        assertThat(refused.getBody().get("report").asString()).endsWith("/report.xlsx");
        assertThat(unitNamed(good)).isNull();
        assertThat(unitNamed(mixed)).isNull();
    }

    @Test
    void onlyTheEnterpriseAndAdministratorsImportAndOnlyIntoAnEnterpriseTheyMaySee() throws IOException {
        byte[] upload = sheet(HEADERS, new Object[]{name("液氯储罐区"), "储存单元", null, 0, "液氯", null, null, 1});
        assertThat(as("lucheng-regulator").upload(IMPORT, "x.xlsx", upload).getStatusCode().value()).isEqualTo(403);
        assertThat(as("lucheng-inspector").upload(IMPORT, "x.xlsx", upload).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.anonymous(port).upload(IMPORT, "x.xlsx", upload).getStatusCode().value()).isEqualTo(401);
        assertThat(as("jinjiang-enterprise").upload(IMPORT, "x.xlsx", upload).getStatusCode().value()).isEqualTo(404);
        assertThat(as("jinjiang-enterprise").getBytes(TEMPLATE).getStatusCode().value()).isEqualTo(404);

        // The same file for another enterprise is another import, not a replay of the first.
        ResponseEntity<JsonNode> mine = as("lucheng-enterprise").upload(IMPORT, "x.xlsx", upload);
        assertThat(mine.getStatusCode().value()).as(String.valueOf(mine.getBody())).isEqualTo(201);
        ResponseEntity<JsonNode> theirs = Api.anonymous(port).asAdmin()
                .upload("/api/v1/enterprises/" + Api.JINJIANG_CERAMICS + "/units/import", "x.xlsx", upload);
        assertThat(theirs.getStatusCode().value()).as(String.valueOf(theirs.getBody())).isEqualTo(201);
        assertThat(theirs.getBody().get("created").asLong()).isEqualTo(1);
    }

    @Test
    void theTemplateHasItsHeadersAUnitTypeDropdownAndAGuide() throws IOException {
        ResponseEntity<byte[]> template = as("lucheng-regulator").getBytes(TEMPLATE);
        assertThat(template.getStatusCode().value()).isEqualTo(200);
        assertThat(template.getHeaders().getContentDisposition().getFilename()).isEqualTo("单元及危险化学品导入表.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.getBody()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(1).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly(HEADERS);
            assertThat(sheet.getDataValidations()).anySatisfy(v -> {
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(1);
                assertThat(v.getValidationConstraint().getExplicitListValues()).containsExactly("生产单元", "储存单元");
            });
            assertThat(workbook.getSheet("填写说明")).isNotNull();
        }
    }
}
