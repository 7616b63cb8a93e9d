package cn.shuangkong.service.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.JsonNode;

@DatabaseTest
class InspectionApiTest {

    static final String PATH = "/api/v1/inspections";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @LocalServerPort
    int port;

    Api as(String user) {
        return Api.anonymous(port).asDemo(user);
    }

    long dangersOf(String uscc) {
        return as("lucheng-regulator").get("/api/v1/hidden-dangers?size=1&uscc=" + uscc).getBody().get("totalElements").asLong();
    }

    long inspectionsOf(String uscc) {
        return as("lucheng-regulator").get(PATH + "?size=1&uscc=" + uscc).getBody().get("totalElements").asLong();
    }

    /** The template of {@code code} filled for 温州瓯江化工储运 (demo data), every item 合格 but those in {@code answers}; a fresh file each call. */
    static byte[] form(String code, LocalDate day, String inspectors, String type, Map<String, String[]> answers) throws IOException {
        return TemplateFilesTest.filled(code, Api.LUCHENG_CHEMICALS, "温州瓯江化工储运有限公司", day, inspectors, type, answers, false);
    }

    @Test
    void theChecklistsAreListedAndTheirTemplatesAreTheCommittedFiles() throws IOException {
        JsonNode list = as("lucheng-enterprise").get("/api/v1/checklists").getBody();
        assertThat(list.valueStream().map(c -> c.get("code").asString())).containsExactly("GENERAL", "INDUSTRY_TRADE", "CHEMICAL");
        JsonNode chemical = as("lucheng-inspector").get("/api/v1/checklists/CHEMICAL").getBody();
        assertThat(chemical.get("items").get(0).get("code").asString()).isEqualTo("CH-01");
        assertThat(chemical.get("items").get(0).get("major").asBoolean()).isTrue();
        assertThat(chemical.get("items").get(0).get("basis").asString()).isEqualTo("安监总管三〔2017〕121号 第一项");

        ResponseEntity<byte[]> template = as("lucheng-inspector").getBytes("/api/v1/checklists/CHEMICAL/template.xlsx");
        assertThat(template.getStatusCode().value()).isEqualTo(200);
        assertThat(template.getHeaders().getContentType().toString()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(template.getBody()).isEqualTo(Files.readAllBytes(TemplateFilesTest.templateFile("CHEMICAL")));
        assertThat(as("lucheng-inspector").get("/api/v1/checklists/NOPE").getStatusCode().value()).isEqualTo(404);
        assertThat(Api.anonymous(port).get("/api/v1/checklists").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void anInspectorsChecklistBecomesAnInspectionWithAHiddenDangerPerFailedItemAndTheSameFileOnlyOnce() throws IOException {
        long dangersBefore = dangersOf(Api.LUCHENG_CHEMICALS);
        byte[] sample = Files.readAllBytes(TemplateFilesTest.CHEMICAL_SAMPLE);
        ResponseEntity<JsonNode> created = as("lucheng-inspector").upload(PATH, "化工检查表.xlsx", sample);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        JsonNode inspection = created.getBody().get("inspection");
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo(PATH + "/" + inspection.get("id").asLong());
        assertThat(inspection.get("checklistCode").asString()).isEqualTo("CHEMICAL");
        assertThat(inspection.get("inspectedOn").asString()).isEqualTo("2026-11-20");
        assertThat(inspection.get("inspectors").asString()).isEqualTo("王明、李强");
        assertThat(inspection.get("inspectionType").asString()).isEqualTo("SUPERVISION");
        JsonNode score = inspection.get("score");
        assertThat(score.get("passed").asInt()).isEqualTo(29);
        assertThat(score.get("failed").asInt()).isEqualTo(2);
        assertThat(score.get("notApplicable").asInt()).isEqualTo(1);
        assertThat(score.get("applicable").asInt()).isEqualTo(31);
        assertThat(score.get("rate").decimalValue()).isEqualByComparingTo("0.9355");

        Map<String, JsonNode> dangers = new HashMap<>();
        created.getBody().get("hiddenDangers").valueStream().forEach(d -> dangers.put(d.get("checklistItemCode").asString(), d));
        assertThat(dangers).containsOnlyKeys("CH-12", "CH-G06");
        JsonNode major = dangers.get("CH-12");
        assertThat(major.get("level").asString()).as("a 121号 item is a 重大事故隐患").isEqualTo("MAJOR");
        assertThat(major.get("majorClause").asString()).contains("安监总管三〔2017〕121号 第十二项");
        assertThat(major.get("supervisionLevel").asString()).as("挂牌督办 at the inspector's county").isEqualTo("COUNTY");
        assertThat(major.get("source").asString()).isEqualTo("SUPERVISION");
        assertThat(major.get("name").asString()).isEqualTo("罐区 3 台可燃气体检测报警仪未投用");
        assertThat(major.get("location").asString()).isEqualTo("甲类罐区");
        assertThat(major.get("dangerType").asString()).isEqualTo("INSTRUMENT");
        JsonNode general = dangers.get("CH-G06");
        assertThat(general.get("level").asString()).isEqualTo("GENERAL");
        assertThat(general.get("deadline").asString()).as("the form's 整改期限").isEqualTo("2026-12-05");
        assertThat(dangersOf(Api.LUCHENG_CHEMICALS)).isEqualTo(dangersBefore + 2);

        JsonNode stored = as("lucheng-regulator").get(PATH + "/" + inspection.get("id").asLong()).getBody();
        assertThat(stored.get("results").size()).isEqualTo(32);
        assertThat(stored.get("results").valueStream().filter(r -> r.get("outcome").asString().equals("FAIL"))
                .map(r -> r.get("hiddenDangerId").asLong())).containsExactlyInAnyOrder(major.get("id").asLong(), general.get("id").asLong());
        assertThat(as("jinjiang-regulator").get(PATH + "/" + inspection.get("id").asLong()).getStatusCode().value()).isEqualTo(404);

        // The same file again: nothing new, the first result.
        ResponseEntity<JsonNode> again = as("lucheng-regulator").upload(PATH, "化工检查表(1).xlsx", sample);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("replayed").asBoolean()).isTrue();
        assertThat(again.getBody().get("inspection").get("id").asLong()).isEqualTo(inspection.get("id").asLong());
        assertThat(again.getBody().get("hiddenDangers").size()).isEqualTo(2);
        assertThat(dangersOf(Api.LUCHENG_CHEMICALS)).isEqualTo(dangersBefore + 2);

        // Opened and saved again (new bytes, same content): still the same inspection.
        byte[] resaved = edit(sample, sheet -> { });
        assertThat(resaved).isNotEqualTo(sample);
        ResponseEntity<JsonNode> resubmitted = as("lucheng-inspector").upload(PATH, "化工检查表-另存.xlsx", resaved);
        assertThat(resubmitted.getStatusCode().value()).isEqualTo(200);
        assertThat(resubmitted.getBody().get("inspection").get("id").asLong()).isEqualTo(inspection.get("id").asLong());
        assertThat(dangersOf(Api.LUCHENG_CHEMICALS)).isEqualTo(dangersBefore + 2);
    }

    @Test
    void anEnterpriseSelfInspectionSavedAsXlsKeepsTheSourceItChose() throws IOException {
        ResponseEntity<JsonNode> created = as("lucheng-enterprise").upload(PATH, "通用检查表.xls", Files.readAllBytes(TemplateFilesTest.GENERAL_XLS_SAMPLE));
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        assertThat(created.getBody().get("inspection").get("inspectionType").asString()).isEqualTo("DAILY");
        JsonNode danger = created.getBody().get("hiddenDangers").get(0);
        assertThat(danger.get("checklistItemCode").asString()).isEqualTo("GEN-25");
        assertThat(danger.get("level").asString()).isEqualTo("GENERAL");
        assertThat(danger.get("source").asString()).as("the enterprise's own 排查 source").isEqualTo("DAILY");
        assertThat(danger.get("deadline").asString()).as("the table's default from the inspection day").isEqualTo("2026-12-03");
    }

    @Test
    void everyProblemIsNamedAtItsCellNothingIsSavedAndTheReportMarksTheCells() throws IOException {
        byte[] form = form("CHEMICAL", TODAY.minusDays(1), "", "监管检查", Map.of(
                "CH-02", new String[]{"合格了", "", "", ""},
                "CH-03", new String[]{"", "", "", ""},
                "CH-G01", new String[]{"不合格", "安全技术说明书缺失", "仓库", TODAY.minusDays(5).toString()}));
        form = edit(form, sheet -> {
            sheet.getRow(ChecklistTemplates.HEADER_ROW + 4).getCell(1).setCellValue("CH-99");     // row 11: not in the checklist
            sheet.getRow(ChecklistTemplates.HEADER_ROW + 5).getCell(1).setCellValue("CH-01");     // row 12: CH-01 twice
        });
        long dangersBefore = dangersOf(Api.LUCHENG_CHEMICALS);
        long inspectionsBefore = inspectionsOf(Api.LUCHENG_CHEMICALS);

        ResponseEntity<JsonNode> refused = as("lucheng-inspector").upload(PATH, "有错误的检查表.xlsx", form);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        List<String> errors = new ArrayList<>();
        refused.getBody().get("errors").valueStream().forEach(e -> errors.add(
                e.get("sheet").asString() + "!" + e.get("column").asString() + e.get("row").asInt() + " " + e.get("message").asString()));
        int first = ChecklistTemplates.HEADER_ROW + 1;
        assertThat(errors).containsExactlyInAnyOrder(
                "检查表!D3 检查人员不能为空",
                "检查表!F" + (first + 1) + " 检查结果“合格了”不在可选范围（合格、不合格、不适用）内",
                "检查表!F" + (first + 2) + " 检查结果不能为空，请选择：合格、不合格、不适用",
                "检查表!B" + (first + 4) + " 检查项编号 CH-99 不在检查表“危险化学品企业”（CHEMICAL）中",
                "检查表!B" + (first + 5) + " 检查项 CH-01 重复：第 " + first + " 行已填写",
                "检查表!I" + (first + 20) + " 整改期限 " + TODAY.minusDays(5) + " 早于检查日期 " + TODAY.minusDays(1));
        assertThat(dangersOf(Api.LUCHENG_CHEMICALS)).isEqualTo(dangersBefore);
        assertThat(inspectionsOf(Api.LUCHENG_CHEMICALS)).isEqualTo(inspectionsBefore);

        long importId = refused.getBody().get("importId").asLong();
        assertThat(refused.getBody().get("report").asString()).isEqualTo("/api/v1/imports/" + importId + "/report.xlsx");
        JsonNode job = as("lucheng-inspector").get("/api/v1/imports/" + importId).getBody();
        assertThat(job.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(job.get("errors").size()).isEqualTo(6);
        ResponseEntity<byte[]> report = as("lucheng-inspector").getBytes("/api/v1/imports/" + importId + "/report.xlsx");
        assertThat(report.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.getBody()))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("错误清单");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).as("title, header, six problems").isEqualTo(7);
            XSSFSheet sheet = workbook.getSheet("检查表");
            var bad = sheet.getRow(first).getCell(5);
            assertThat(bad.getStringCellValue()).isEqualTo("合格了");
            assertThat(bad.getCellComment().getString().getString()).contains("不在可选范围");
            assertThat(bad.getCellStyle().getFillForegroundColorColor()).isNotNull();
        }
        assertThat(as("pingyang-inspector").get("/api/v1/imports/" + importId).getStatusCode().value()).as("another user's import").isEqualTo(404);
        assertThat(as("pingyang-inspector").getBytes("/api/v1/imports/" + importId + "/report.xlsx").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void anEnterpriseOutOfScopeOrUnknownIsRefusedWithoutSayingWhichAndAnEnterpriseMayNotCallItself监管() throws IOException {
        byte[] form = form("GENERAL", TODAY.minusDays(2), "检查组", "监管检查", Map.of("GEN-01", new String[]{"不合格", "", "", ""}));
        ResponseEntity<JsonNode> foreign = as("jinjiang-inspector").upload(PATH, "a.xlsx", form);
        assertThat(foreign.getStatusCode().value()).isEqualTo(422);
        assertThat(foreign.getBody().get("errors").get(0).get("column").asString()).isEqualTo("B");
        assertThat(foreign.getBody().get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(foreign.getBody().get("errors").get(0).get("message").asString())
                .isEqualTo("未找到统一社会信用代码为 " + Api.LUCHENG_CHEMICALS + " 的企业（未登记，或不在您的管辖范围内）");

        ResponseEntity<JsonNode> self = as("lucheng-enterprise").upload(PATH, "b.xlsx", form);
        assertThat(self.getStatusCode().value()).isEqualTo(422);
        assertThat(self.getBody().get("errors").get(0).get("message").asString()).contains("企业自查不能选“监管检查”");

        byte[] future = form("GENERAL", TODAY.plusDays(1), "检查组", "监管检查", Map.of());
        ResponseEntity<JsonNode> ahead = as("lucheng-inspector").upload(PATH, "c.xlsx", future);
        assertThat(ahead.getBody().get("errors").get(0).get("message").asString()).startsWith("检查日期 " + TODAY.plusDays(1) + " 晚于今天");
        assertThat(Api.anonymous(port).upload(PATH, "d.xlsx", form).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aHandMadeSheetIsReadByItsHeadersWhateverTheirOrderSpacingAndWidth() throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet guide = workbook.createSheet("说明");
        guide.createRow(0).createCell(0).setCellValue("本表由企业安全科整理");
        Sheet sheet = workbook.createSheet("Sheet1");
        sheet.createRow(0).createCell(0).setCellValue("温州瓯江化工储运有限公司 安全检查记录");
        Row block = sheet.createRow(1);
        block.createCell(0).setCellValue("统一社会信用代码：" + Api.LUCHENG_CHEMICALS);
        block.createCell(3).setCellValue("检查日期：" + TODAY.minusDays(3).toString().replace("-", "/"));
        Row block2 = sheet.createRow(2);
        block2.createCell(0).setCellValue(" 检查人员 ");
        block2.createCell(1).setCellValue("赵六");
        Row header = sheet.createRow(4);
        String[] headers = {"整改期限(选填)", " 检查结果（合格/不合格/不适用）", "备注", "检查项编号", "问题描述", "隐患部位"};
        for (int i = 0; i < headers.length; i++) {
            header.createCell(i).setCellValue(headers[i]);
        }
        // Paper-checklist marks: a tick for 合格, a slash for 不适用.
        Object[][] rows = {{"", "√", "", "ch-01", "", ""}, {"", " 不合格 ", "现场", "ＣＨ－０２", "2 名电工无证作业", "配电室"}, {"", "/", "", "CH-06", "", ""}};
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(5 + r);
            for (int c = 0; c < rows[r].length; c++) {
                if (!rows[r][c].toString().isEmpty()) {
                    row.createCell(c).setCellValue(rows[r][c].toString());
                }
            }
        }
        sheet.createRow(10).createCell(0).setCellValue("检查人签字：");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        workbook.close();

        ResponseEntity<JsonNode> created = as("lucheng-inspector").upload(PATH, "手工表.xlsx", out.toByteArray());
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        JsonNode inspection = created.getBody().get("inspection");
        assertThat(inspection.get("checklistCode").asString()).as("found from its item codes").isEqualTo("CHEMICAL");
        assertThat(inspection.get("inspectedOn").asString()).isEqualTo(TODAY.minusDays(3).toString());
        assertThat(inspection.get("score").get("passed").asInt()).isEqualTo(1);
        assertThat(inspection.get("score").get("failed").asInt()).isEqualTo(1);
        assertThat(inspection.get("score").get("notApplicable").asInt()).isEqualTo(1);
        JsonNode danger = created.getBody().get("hiddenDangers").get(0);
        assertThat(danger.get("checklistItemCode").asString()).isEqualTo("CH-02");
        assertThat(danger.get("level").asString()).isEqualTo("MAJOR");
        assertThat(danger.get("location").asString()).isEqualTo("配电室");
    }

    @Test
    void hostileFilesGetA4xxAndTheServiceStaysHealthy() throws Exception {
        byte[] plain = form("GENERAL", TODAY.minusDays(1), "x", "监管检查", Map.of());
        byte[] bomb = cn.shuangkong.service.excel.HostileFiles.rewriteEntryStreaming(plain, "xl/worksheets/sheet1.xml", 200L * 1024 * 1024);
        Map<String, byte[]> hostile = new java.util.LinkedHashMap<>();
        hostile.put("bomb.xlsx", bomb);
        hostile.put("renamed.xlsx", "%PDF-1.7 not a workbook".getBytes());
        hostile.put("empty.xlsx", new byte[0]);
        for (var file : hostile.entrySet()) {
            ResponseEntity<JsonNode> answer = as("lucheng-inspector").upload(PATH, file.getKey(), file.getValue());
            assertThat(answer.getStatusCode().value()).as(file.getKey()).isEqualTo(422);
            assertThat(answer.getBody().get("errors").get(0).get("message").asString()).as(file.getKey()).isNotBlank();
        }
        byte[] tooLarge = new byte[21 * 1024 * 1024];
        assertThat(as("lucheng-inspector").upload(PATH, "big.xlsx", tooLarge).getStatusCode().value()).isEqualTo(413);
        assertThat(as("lucheng-inspector").get("/api/v1/users/me").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theSameNewFileUploadedTwiceAtOnceIsImportedOnce() throws Exception {
        byte[] form = form("GENERAL", TODAY.minusDays(4), "并发检查组 " + System.nanoTime(), "监管检查",
                Map.of("GEN-23", new String[]{"不合格", "警示标志缺失", "罐区", ""}));
        long before = inspectionsOf(Api.LUCHENG_CHEMICALS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<Integer> upload = () -> {
                start.await();
                return as("lucheng-inspector").upload(PATH, "same.xlsx", form).getStatusCode().value();
            };
            answers.add(pool.submit(upload));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(inspectionsOf(Api.LUCHENG_CHEMICALS)).isEqualTo(before + 1);
    }

    static byte[] edit(byte[] xlsx, java.util.function.Consumer<Sheet> change) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            change.accept(workbook.getSheet(ChecklistTemplates.SHEET));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
