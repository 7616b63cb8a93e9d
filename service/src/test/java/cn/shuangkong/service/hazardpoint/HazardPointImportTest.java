package cn.shuangkong.service.hazardpoint;

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

/** Geological hazard points from a sheet: matched by name within their region, graded by the hazardpoint rules, all or nothing. */
@DatabaseTest
class HazardPointImportTest {

    static final String IMPORT = "/api/v1/hazard-points/import";
    static final String TEMPLATE = "/api/v1/hazard-points/template.xlsx";
    /** 鹿城区七都街道 and 五马街道, in lucheng-regulator's jurisdiction. */
    static final String QIDU = "330302023";
    static final String WUMA = "330302006";
    static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 100_000));

    static final String[] HEADERS = {"隐患点名称", "行政区划代码", "灾害类型", "位置", "经度", "纬度", "受威胁人数", "潜在经济损失（元）", "群测群防监测员"};

    @LocalServerPort
    int port;

    Api as(String user) {
        return Api.anonymous(port).asDemo(user);
    }

    static String name(String base) {
        return base + "-" + SERIAL.incrementAndGet();
    }

    /** A sheet as a county's clerk makes it: a title row, then {@code headers}, then the rows (from row 3). */
    static byte[] sheet(String[] headers, Object[]... rows) throws IOException {
        return TestSheets.handMade("隐患点台账", "鹿城区地质灾害隐患点（2026年汛前排查）", headers, rows);
    }

    JsonNode pointNamed(String regionCode, String name) {
        return as("lucheng-regulator").get("/api/v1/hazard-points?size=200&regionCode=" + regionCode).getBody().get("content").valueStream()
                .filter(p -> p.get("name").asString().equals(name)).findFirst().orElse(null);
    }

    static List<String> errors(ResponseEntity<JsonNode> refused) {
        List<String> errors = new ArrayList<>();
        refused.getBody().get("errors").valueStream().forEach(e -> errors.add(e.get("column").asString() + e.get("row").asInt() + " " + e.get("message").asString()));
        return errors;
    }

    @Test
    void pointsAreGradedThenUpdatedByNameWithinTheirRegionOrLeftUnchanged() throws IOException {
        String landslide = name("港头村后山滑坡");
        String rockfall = name("五马山崩塌");
        byte[] upload = sheet(HEADERS,
                new Object[]{landslide, QIDU, "滑坡", "港头村后山", 120.4231, 28.1102, 120, 3_000_000, "徐志明"},
                new Object[]{rockfall, Integer.valueOf(WUMA), "COLLAPSE", null, null, null, 30, 100_000, null});
        ResponseEntity<JsonNode> imported = as("lucheng-regulator").upload(IMPORT, "隐患点.xlsx", upload);
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
        assertThat(imported.getBody().get("created").asLong()).isEqualTo(2);

        // 100 ≤ people < 500 is 中型, 黄 (as HazardPointApiTest); under 100 people and under 500万元 is 小型 (standards.md §6.2).
        JsonNode point = pointNamed(QIDU, landslide);
        assertThat(point.get("grade").get("scale").asString()).isEqualTo("MEDIUM");
        assertThat(point.get("grade").get("grade").asString()).isEqualTo("YELLOW");
        assertThat(point.get("regionName").asString()).isEqualTo("浙江省温州市鹿城区七都街道");
        assertThat(point.get("monitoringPerson").asString()).isEqualTo("徐志明");
        assertThat(point.get("longitude").decimalValue()).isEqualByComparingTo("120.4231");
        JsonNode other = pointNamed(WUMA, rockfall);
        assertThat(other.get("type").asString()).isEqualTo("COLLAPSE");
        assertThat(other.get("grade").get("scale").asString()).isEqualTo("SMALL");

        ResponseEntity<JsonNode> again = as("lucheng-regulator").upload(IMPORT, "隐患点(1).xlsx", upload);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("replayed").asBoolean()).isTrue();
        assertThat(again.getBody().get("importId").asLong()).isEqualTo(imported.getBody().get("importId").asLong());

        // A sheet in 万元: 620 people makes the landslide 大型 (as HazardPointApiTest); the rockfall's 10 万元 is the 100,000 元 it had.
        String fissure = name("七都地裂缝");
        String[] inTenThousands = HEADERS.clone();
        inTenThousands[7] = "潜在经济损失(万元)";
        ResponseEntity<JsonNode> second = as("lucheng-regulator").upload(IMPORT, "隐患点-汛前复核.xlsx", sheet(inTenThousands,
                new Object[]{landslide, QIDU, "滑坡", "港头村后山", 120.4231, 28.1102, 620, 300, "徐志明"},
                new Object[]{rockfall, WUMA, "崩塌", null, null, null, 30, 10, null},
                new Object[]{fissure, QIDU, "地裂缝", null, null, null, 0, 0, null}));
        assertThat(second.getStatusCode().value()).as(String.valueOf(second.getBody())).isEqualTo(201);
        assertThat(second.getBody().get("created").asLong()).isEqualTo(1);
        assertThat(second.getBody().get("updated").asLong()).isEqualTo(1);
        assertThat(second.getBody().get("unchanged").asLong()).isEqualTo(1);
        JsonNode updated = pointNamed(QIDU, landslide);
        assertThat(updated.get("id").asLong()).isEqualTo(point.get("id").asLong());
        assertThat(updated.get("version").asInt()).isEqualTo(2);
        assertThat(updated.get("potentialLossYuan").decimalValue()).isEqualByComparingTo("3000000");
        assertThat(updated.get("grade").get("scale").asString()).isEqualTo("LARGE");
        JsonNode history = as("lucheng-regulator").get("/api/v1/hazard-points/" + point.get("id").asLong() + "/grade-history").getBody();
        assertThat(history.valueStream().map(h -> h.get("cause").asString())).containsExactly("UPDATED", "CREATED");
        assertThat(pointNamed(WUMA, rockfall).get("version").asInt()).isEqualTo(1);
        assertThat(pointNamed(QIDU, fissure)).isNotNull();
    }

    @Test
    void everyBadCellIsNamedAndNothingIsWritten() throws IOException {
        String good = name("好隐患点");
        String twice = name("重复隐患点");
        byte[] upload = sheet(HEADERS,
                new Object[]{good, QIDU, "滑坡", null, null, null, 10, 0, null},
                new Object[]{name("晋江某滑坡"), "350582", "滑坡", null, null, null, 10, 0, null},
                new Object[]{name("浙江省滑坡"), "330000", "滑坡", null, null, null, 10, 0, null},
                new Object[]{name("山洪点"), QIDU, "山洪", null, null, null, "很多", 0, null},
                new Object[]{name("经度有误"), QIDU, "泥石流", null, 200, null, 10, 0, null},
                new Object[]{twice, QIDU, "滑坡", null, null, null, 1, 0, null},
                new Object[]{twice, QIDU, "滑坡", null, null, null, 1, 0, null});
        ResponseEntity<JsonNode> refused = as("lucheng-regulator").upload(IMPORT, "错误.xlsx", upload);
        assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(422);
        List<String> errors = errors(refused);
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("B4 只能管理本辖区的隐患点：").contains("晋江市"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("B5 隐患点所在地应为县级或乡级行政区划"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("C6 灾害类型“山洪”不在可选范围内"));
        assertThat(errors).contains("G6 受威胁人数“很多”不是数字");
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("E7 经度："));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("A9 隐患点“" + twice + "”（" + QIDU + "）重复：第 8 行已有"));
        assertThat(errors).hasSize(6);
        assertThat(pointNamed(QIDU, good)).isNull();
        assertThat(pointNamed(QIDU, twice)).isNull();

        // Another jurisdiction's upload of the very same file is checked against its own scope, not replayed.
        byte[] mine = sheet(HEADERS, new Object[]{name("七都滑坡"), QIDU, "滑坡", null, null, null, 10, 0, null});
        assertThat(as("lucheng-regulator").upload(IMPORT, "x.xlsx", mine).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> elsewhere = as("jinjiang-regulator").upload(IMPORT, "x.xlsx", mine);
        assertThat(elsewhere.getStatusCode().value()).isEqualTo(422);
        assertThat(errors(elsewhere)).containsExactly("B3 只能管理本辖区的隐患点：浙江省温州市鹿城区七都街道不在管辖范围内");
    }

    @Test
    void aClosedPointIsNotReopenedByAnImport() throws IOException {
        String closed = name("已核销滑坡");
        Api regulator = as("lucheng-regulator");
        var created = regulator.post("/api/v1/hazard-points", java.util.Map.of("name", closed, "regionCode", QIDU, "type", "LANDSLIDE",
                "threatenedPeople", 10, "potentialLossYuan", 0));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String path = created.getHeaders().getLocation().toString();
        assertThat(regulator.postWithIfMatch(path + "/closure", java.util.Map.of("reason", "RELOCATION"), "\"1\"").getStatusCode().value()).isEqualTo(200);

        ResponseEntity<JsonNode> refused = regulator.upload(IMPORT, "核销后.xlsx", sheet(HEADERS,
                new Object[]{closed, QIDU, "滑坡", null, null, null, 20, 0, null}));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(errors(refused)).singleElement().satisfies(e -> assertThat(e).startsWith("A3 隐患点“" + closed + "”已核销"));
        assertThat(regulator.get(path).getBody().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void onlyRegulatorsAndAdministratorsImportAndTheTemplateHasItsDropdownAndGuide() throws IOException {
        byte[] upload = sheet(HEADERS, new Object[]{name("某滑坡"), QIDU, "滑坡", null, null, null, 1, 0, null});
        assertThat(as("lucheng-enterprise").upload(IMPORT, "x.xlsx", upload).getStatusCode().value()).isEqualTo(403);
        assertThat(as("lucheng-inspector").upload(IMPORT, "x.xlsx", upload).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.anonymous(port).upload(IMPORT, "x.xlsx", upload).getStatusCode().value()).isEqualTo(401);
        assertThat(as("lucheng-enterprise").getBytes(TEMPLATE).getStatusCode().value()).isEqualTo(403);

        ResponseEntity<byte[]> template = as("lucheng-regulator").getBytes(TEMPLATE);
        assertThat(template.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.getBody()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(1).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly(HEADERS);
            assertThat(sheet.getDataValidations()).anySatisfy(v -> {
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(2);
                assertThat(v.getValidationConstraint().getExplicitListValues()).contains("滑坡", "泥石流", "不稳定斜坡");
            });
            assertThat(workbook.getSheet("填写说明")).isNotNull();
        }
    }
}
