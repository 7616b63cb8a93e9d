package cn.shuangkong.service.hiddendanger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.JsonNode;

/** The 隐患清单's round trip: exported, edited, imported back; guarded by 版本 and by the closed loop. */
@DatabaseTest
class HiddenDangerSheetImportTest {

    static final String IMPORT = "/api/v1/hidden-dangers/import";

    @LocalServerPort
    int port;

    Api as(String user) {
        return Api.anonymous(port).asDemo(user);
    }

    String freshEnterprise() {
        String uscc = Api.newUscc("330302");
        var created = Api.anonymous(port).asAdmin().post("/api/v1/enterprises", Map.of("uscc", uscc, "name", "隐患清单测试有限公司",
                "regionCode", "330302", "industryCategory", "OTHER"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return uscc;
    }

    long report(String uscc, String name) {
        var response = as("lucheng-inspector").post("/api/v1/hidden-dangers", Map.of("uscc", uscc, "name", name, "dangerType", "FIRE",
                "responsiblePerson", "张三"));
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody().get("id").asLong();
    }

    byte[] export(String uscc) {
        ResponseEntity<byte[]> export = as("lucheng-regulator").getBytes("/api/v1/hidden-dangers/export.xlsx?uscc=" + uscc);
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        return export.getBody();
    }

    @Test
    void anEditedExportUpdatesTheDangersItListsAndIsAudited() throws IOException {
        String uscc = freshEnterprise();
        long first = report(uscc, "消防通道堵塞");
        long second = report(uscc, "灭火器过期");
        byte[] export = export(uscc);

        byte[] edited = edit(export, Map.of(first, Map.of("整改责任人", "李四", "整改措施", "清理通道并设置禁止占用标识")));
        ResponseEntity<JsonNode> imported = as("lucheng-inspector").upload(IMPORT, "隐患清单.xlsx", edited);
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
        assertThat(imported.getBody().get("updated").asLong()).isEqualTo(1);
        assertThat(imported.getBody().get("unchanged").asLong()).isEqualTo(1);
        JsonNode danger = as("lucheng-regulator").get("/api/v1/hidden-dangers/" + first).getBody();
        assertThat(danger.get("responsiblePerson").asString()).isEqualTo("李四");
        assertThat(danger.get("rectificationMeasures").asString()).isEqualTo("清理通道并设置禁止占用标识");
        assertThat(danger.get("version").asInt()).isEqualTo(2);
        JsonNode events = as("lucheng-regulator").get("/api/v1/hidden-dangers/" + first + "/events").getBody();
        assertThat(events.valueStream().filter(e -> e.get("type").asString().equals("DETAILS_UPDATED")))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("actor").asString()).isEqualTo("lucheng-inspector");
                    assertThat(e.get("comment").asString()).isEqualTo("导入修改：整改责任人、整改措施");
                });
        assertThat(as("lucheng-inspector").upload(IMPORT, "隐患清单(1).xlsx", edited).getStatusCode().value()).as("the same file again").isEqualTo(200);

        // The same old export edited again would overwrite 李四: refused at the 版本 cell.
        ResponseEntity<JsonNode> stale = as("lucheng-inspector").upload(IMPORT, "旧清单.xlsx", edit(export, Map.of(first, Map.of("整改责任人", "王五"))));
        assertThat(stale.getStatusCode().value()).isEqualTo(422);
        assertThat(stale.getBody().get("errors").get(0).get("message").asString()).isEqualTo("隐患 " + first + " 已被他人修改（当前版本 2，本表为 1），请重新导出后再修改");
        assertThat(stale.getBody().get("errors").get(0).get("column").asString()).isEqualTo("S");

        // Submitted for acceptance, a danger is no longer the sheet's to change.
        assertThat(as("lucheng-inspector").postWithIfMatch("/api/v1/hidden-dangers/" + second + "/transitions",
                Map.of("action", "SUBMIT", "comment", "已更换"), "\"1\"").getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> closed = as("lucheng-inspector").upload(IMPORT, "新清单.xlsx",
                edit(export(uscc), Map.of(second, Map.of("隐患位置", "二号仓库"))));
        assertThat(closed.getStatusCode().value()).isEqualTo(422);
        assertThat(closed.getBody().get("errors").get(0).get("message").asString()).isEqualTo("隐患 " + second + " 当前状态为待验收，只有整改中的隐患可以修改");
        assertThat(as("lucheng-regulator").get("/api/v1/hidden-dangers/" + second).getBody().get("location")).isNull();
    }

    @Test
    void anotherJurisdictionsDangersAreNotFound() throws IOException {
        String uscc = freshEnterprise();
        long id = report(uscc, "配电箱未上锁");
        ResponseEntity<JsonNode> foreign = as("jinjiang-inspector").upload(IMPORT, "x.xlsx", edit(export(uscc), Map.of(id, Map.of("整改责任人", "某人"))));
        assertThat(foreign.getStatusCode().value()).isEqualTo(422);
        assertThat(foreign.getBody().get("errors").get(0).get("message").asString()).isEqualTo("隐患编号 " + id + " 不存在，或不在您的管辖范围内");
        assertThat(as("lucheng-regulator").get("/api/v1/hidden-dangers/" + id).getBody().get("responsiblePerson").asString()).isEqualTo("张三");
    }

    /** The export with, for each listed danger id, the given header → new text. */
    static byte[] edit(byte[] export, Map<Long, Map<String, String>> changes) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(1);
            Map<String, Integer> columns = new HashMap<>();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                columns.put(header.getCell(c).getStringCellValue(), c);
            }
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, String> change = changes.get((long) row.getCell(0).getNumericCellValue());
                if (change != null) {
                    change.forEach((h, v) -> row.createCell(columns.get(h)).setCellValue(v));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
