package cn.shuangkong.service.enterprise;

import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.shuangkong.schema.tables.records.EnterpriseRecord;
import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import cn.shuangkong.service.api.model.IndustryCategory;
import cn.shuangkong.service.api.model.Role;
import cn.shuangkong.service.excel.TestSheets;
import cn.shuangkong.service.imports.ImportJournal;
import cn.shuangkong.service.imports.SheetImports;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.riskmap.GradedEnterprises;
import tools.jackson.databind.JsonNode;

@DatabaseTest
class EnterpriseImportExportTest {

    static final String IMPORT = "/api/v1/enterprises/import";
    static final String EXPORT = "/api/v1/enterprises/export.xlsx";

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    Api as(String user) {
        return Api.anonymous(port).asDemo(user);
    }

    /** A sheet as a regulator's clerk makes it: a title row, headers with spaces and a full-width colon, columns in their own order. */
    static byte[] sheet(String[] headers, Object[]... rows) throws IOException {
        return TestSheets.handMade("企业名录", "鹿城区危化企业名录（2026年）", headers, rows);
    }

    static final String[] HEADERS = {"企业名称", " 统一社会信用代码 ", "行政区划代码", "行业类别", "从业人员数", "安全生产标准化等级", "经度", "纬度"};

    /** An enterprise registered directly in the table (elsewhere, or before the test's upload), at version 1. */
    private void registered(String uscc, String name, String regionCode, LocalDateTime at) {
        db.insertInto(ENTERPRISE).set(ENTERPRISE.USCC, uscc).set(ENTERPRISE.NAME, name).set(ENTERPRISE.REGION_CODE, regionCode)
                .set(ENTERPRISE.INDUSTRY_CATEGORY, "OTHER").set(ENTERPRISE.VERSION, 1).set(ENTERPRISE.CREATED_AT, at).set(ENTERPRISE.UPDATED_AT, at)
                .execute();
    }

    /** The export's rows by 统一社会信用代码, each as header → cell. */
    static Map<String, Map<String, XSSFCell>> rows(byte[] export) throws IOException {
        Map<String, Map<String, XSSFCell>> rows = new HashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(1);
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Map<String, XSSFCell> cells = new HashMap<>();
                for (int c = 0; c < header.getLastCellNum(); c++) {
                    cells.put(header.getCell(c).getStringCellValue(), sheet.getRow(r).getCell(c));
                }
                rows.put(cells.get("统一社会信用代码").getStringCellValue(), cells);
            }
        }
        return rows;
    }

    @Test
    void aRegistrySheetRegistersExportsAndComesBackAsAnUpdateGuardedByItsVersion() throws IOException {
        String a = Api.newUscc("330302");
        String b = Api.newUscc("330302");
        byte[] upload = sheet(HEADERS,
                new Object[]{"温州甲化工有限公司", a, "330302", "危险化学品", 120, "二级", 120.655, 28.0123},
                new Object[]{"温州乙机械有限公司", b.toLowerCase(), 330302, "MACHINERY", null, null, null, null});
        ResponseEntity<JsonNode> imported = as("lucheng-regulator").upload(IMPORT, "名录.xlsx", upload);
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
        assertThat(imported.getBody().get("created").asLong()).isEqualTo(2);
        JsonNode first = as("lucheng-regulator").get("/api/v1/enterprises/" + a).getBody();
        assertThat(first.get("industryCategory").asString()).isEqualTo("HAZARDOUS_CHEMICALS");
        assertThat(first.get("standardizationLevel").asString()).isEqualTo("LEVEL_2");
        assertThat(first.get("employees").asInt()).isEqualTo(120);
        assertThat(first.get("longitude").decimalValue()).isEqualByComparingTo("120.655");
        assertThat(as("lucheng-regulator").get("/api/v1/enterprises/" + b).getBody().get("industryCategory").asString()).isEqualTo("MACHINERY");
        // Registered by the import, graded at once (after its commit): 危险化学品 10 + 100–299 employees 2 + 二级 −3 + no licence 15
        JsonNode grade = as("lucheng-regulator").get("/api/v1/enterprises/" + a + "/grade").getBody();
        assertThat(grade.get("totalScore").asInt()).isEqualTo(24);
        assertThat(grade.get("cause").asString()).isEqualTo("ENTERPRISE_UPDATED");

        ResponseEntity<JsonNode> again = as("lucheng-regulator").upload(IMPORT, "名录(1).xlsx", upload);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("replayed").asBoolean()).isTrue();
        assertThat(again.getBody().get("importId").asLong()).isEqualTo(imported.getBody().get("importId").asLong());

        // Export, change a name, import the export again: one update, versions move on.
        byte[] export = as("lucheng-regulator").getBytes(EXPORT + "?regionCode=330302").getBody();
        Map<String, Map<String, XSSFCell>> exported = rows(export);
        assertThat(exported).containsKeys(a, b);
        assertThat(exported.get(a).get("所属区域").getStringCellValue()).isEqualTo("浙江省温州市鹿城区");
        assertThat(exported.get(a).get("版本").getNumericCellValue()).isEqualTo(1);
        byte[] edited = edit(export, a, "企业名称", "温州甲化工股份有限公司");
        ResponseEntity<JsonNode> update = as("lucheng-regulator").upload(IMPORT, "导出后修改.xlsx", edited);
        assertThat(update.getStatusCode().value()).as(String.valueOf(update.getBody())).isEqualTo(201);
        assertThat(update.getBody().get("updated").asLong()).isEqualTo(1);
        assertThat(update.getBody().get("created").asLong()).isZero();
        JsonNode renamed = as("lucheng-regulator").get("/api/v1/enterprises/" + a).getBody();
        assertThat(renamed.get("name").asString()).isEqualTo("温州甲化工股份有限公司");
        assertThat(renamed.get("version").asInt()).isEqualTo(2);

        // The old export edited elsewhere would overwrite that change: refused at its 版本 cell.
        byte[] stale = edit(export, a, "联系电话", "0577-88001234");
        ResponseEntity<JsonNode> refused = as("lucheng-regulator").upload(IMPORT, "旧导出.xlsx", stale);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        JsonNode error = refused.getBody().get("errors").get(0);
        assertThat(error.get("message").asString()).contains("已被他人修改（当前版本 2，本表为 1）");
        assertThat(error.get("column").asString()).isEqualTo("O");
        assertThat(as("lucheng-regulator").get("/api/v1/enterprises/" + a).getBody().get("contactPhone")).isNull();
    }

    /**
     * Every column of a new enterprise arrives as written, whichever way the rows reach the table (LOAD DATA on MariaDB,
     * INSERTs on H2): text with a line break, a tab, a backslash and what reads like MySQL's null, a decimal, a code.
     */
    @Test
    void aNewEnterpriseKeepsEveryCellAsWritten() throws IOException {
        String uscc = Api.newUscc("330302");
        String[] headers = {"统一社会信用代码", "企业名称", "行政区划代码", "行业类别", "国民经济行业代码", "地址", "经度", "纬度", "从业人员数",
                "安全生产标准化等级", "法定代表人", "联系电话"};
        String address = "温州市鹿城区\\N 工业路 1 号\n\t东区 \\B 栋";
        byte[] upload = sheet(headers, new Object[]{uscc, "温州丙化工有限公司\\N", "330302", "危险化学品", "C2614", address, 120.6551234, 28.012345,
                57, "三级", "张\\t三", "0577-88886666"});
        ResponseEntity<JsonNode> imported = as("lucheng-regulator").upload(IMPORT, "全部列.xlsx", upload);
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
        JsonNode e = as("lucheng-regulator").get("/api/v1/enterprises/" + uscc).getBody();
        assertThat(e.get("name").asString()).isEqualTo("温州丙化工有限公司\\N");
        assertThat(e.get("industryCode").asString()).isEqualTo("C2614");
        assertThat(e.get("address").asString()).isEqualTo(address);
        assertThat(e.get("longitude").decimalValue()).isEqualByComparingTo("120.655123");
        assertThat(e.get("latitude").decimalValue()).isEqualByComparingTo("28.012345");
        assertThat(e.get("employees").asInt()).isEqualTo(57);
        assertThat(e.get("standardizationLevel").asString()).isEqualTo("LEVEL_3");
        assertThat(e.get("legalRepresentative").asString()).isEqualTo("张\\t三");
        assertThat(e.get("contactPhone").asString()).isEqualTo("0577-88886666");
        assertThat(e.get("version").asInt()).isEqualTo(1);
        assertThat(e.get("createdAt").asString()).isEqualTo(e.get("updatedAt").asString());
        assertThat(java.time.OffsetDateTime.parse(e.get("createdAt").asString()))
                .isCloseTo(java.time.OffsetDateTime.now(), org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.MINUTES));
    }

    @Test
    void everyBadCellIsNamedAndNothingIsRegistered() throws IOException {
        String good = Api.newUscc("330302");
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        String twice = Api.newUscc("330302");
        byte[] upload = sheet(HEADERS,
                new Object[]{"好企业有限公司", good, "330302", "危险化学品", 10, null, null, null},
                new Object[]{"校验码错误有限公司", badCheck, "330302", "危险化学品", null, null, null, null},
                new Object[]{"外地企业有限公司", Api.newUscc("350582"), "350582", "建材", null, null, null, null},
                new Object[]{"行业不对有限公司", Api.newUscc("330302"), "330302", "化工", "很多", "五级", 200, null},
                new Object[]{null, twice, "330302", "其他", null, null, null, null},
                new Object[]{"重复有限公司", twice, "330302", "其他", null, null, null, null});
        long before = as("lucheng-regulator").get("/api/v1/enterprises?size=1").getBody().get("totalElements").asLong();
        ResponseEntity<JsonNode> refused = as("lucheng-regulator").upload(IMPORT, "错误.xlsx", upload);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        refused.getBody().get("errors").valueStream().forEach(e -> errors.add(e.get("column").asString() + e.get("row").asInt() + " " + e.get("message").asString()));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("B4 统一社会信用代码 " + badCheck + " 无效"));
        assertThat(errors).contains("C5 行政区划 350582 不在您的管辖范围内");
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("D6 行业类别“化工”不在可选范围内"));
        assertThat(errors).contains("E6 从业人员数“很多”不是数字");
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("F6 安全生产标准化等级“五级”不在可选范围内"));
        // In Chinese whatever the JVM's language (the cells are checked on the parsing thread, in the request's locale).
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("G6 经度：").matches("G6 经度：\\P{IsLatin}*[\\p{IsHan}].*"));
        assertThat(errors).contains("A7 企业名称不能为空");
        assertThat(as("lucheng-regulator").get("/api/v1/enterprises?size=1").getBody().get("totalElements").asLong()).isEqualTo(before);
        assertThat(as("lucheng-regulator").get("/api/v1/enterprises/" + good).getStatusCode().value()).isEqualTo(404);
        assertThat(refused.getBody().get("report").asString()).endsWith("/report.xlsx");
    }

    @Autowired
    EnterpriseImport importer;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    SheetImports imports;

    @Test
    void aCodeRegisteredElsewhereBetweenTheCheckAndTheInsertRollsTheImportBackWith409() throws IOException {
        CurrentUser clerk = new CurrentUser("lucheng-regulator", Role.REGULATOR, "330302", null);
        String first = Api.newUscc("330302");
        String taken = Api.newUscc("330302");
        byte[] upload = sheet(HEADERS, new Object[]{"先到有限公司", first, "330302", "其他", null, null, null, null});
        MockMultipartFile file = new MockMultipartFile("file", "并发.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", upload);
        // Another county's regulator has registered the code, outside this clerk's scope, after the import checked its row.
        LocalDateTime now = LocalDateTime.of(2026, 11, 22, 8, 0);
        registered(taken, "别处登记有限公司", "330303", now);
        EnterpriseImport.Row late = new EnterpriseImport.Row(4, taken,
                new EnterpriseFields("后到有限公司", "330302", IndustryCategory.OTHER, null, null, null, null, null, null, null, null), null);
        assertThatThrownBy(() -> imports.runWhileReading(clerk, ImportJournal.ENTERPRISES, "user:" + clerk.username(), file, content -> {
            SheetImports.Counts counts = importer.importRows(clerk, content);
            importer.insert(List.of(late), now, true);
            return counts;
        })).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
        assertThat(db.fetchCount(ENTERPRISE, ENTERPRISE.USCC.eq(first))).isZero();
        assertThat(db.fetchOne(ENTERPRISE, ENTERPRISE.USCC.eq(taken)).getName()).isEqualTo("别处登记有限公司");
    }

    /**
     * Both ways of writing new enterprises store the same values, the time included as every other write stores it:
     * LOAD DATA where the server allows it, INSERTs where it does not (MySQL 8's default, and H2). 5,001 rows each: a full
     * load and a short one; five full statements and a short one.
     */
    @Test
    void theBulkPathAndTheInsertsWriteTheSame() {
        LocalDateTime now = LocalDateTime.of(2026, 12, 6, 2, 30, 15);
        List<EnterpriseImport.Row> bulk = new ArrayList<>();
        List<EnterpriseImport.Row> inserted = new ArrayList<>();
        int n = EnterpriseImport.LOAD_ROWS + 1;
        for (int i = 0; i < n; i++) {
            for (List<EnterpriseImport.Row> rows : List.of(bulk, inserted)) {
                rows.add(new EnterpriseImport.Row(i + 3, Api.newUscc("330302"), new EnterpriseFields("两路有限公司\\N\t" + i, "330302",
                        IndustryCategory.MACHINERY, "C3411", "地址\n第 " + i + " 号", new java.math.BigDecimal("120.123456"), null, i, null,
                        "李四", null), null));
            }
        }
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly(); // the other tests count this county's enterprises
            assertThat(importer.insert(bulk, now, true)).isEqualTo(n);
            assertThat(importer.insert(inserted, now, false)).isEqualTo(n);
            compare(bulk, inserted, now);
        });
        assertThat(db.fetchCount(ENTERPRISE, ENTERPRISE.USCC.eq(bulk.get(0).uscc()))).isZero();
    }

    private void compare(List<EnterpriseImport.Row> bulk, List<EnterpriseImport.Row> inserted, LocalDateTime now) {
        for (int i = 0; i < bulk.size(); i += 500) {
            EnterpriseRecord a = db.fetchOne(ENTERPRISE, ENTERPRISE.USCC.eq(bulk.get(i).uscc()));
            EnterpriseRecord b = db.fetchOne(ENTERPRISE, ENTERPRISE.USCC.eq(inserted.get(i).uscc()));
            assertThat(a.getCreatedAt()).isEqualTo(b.getCreatedAt()).isEqualTo(a.getUpdatedAt()).isEqualTo(now);
            assertThat(List.of(a.getName(), a.getAddress(), a.getLongitude(), a.getEmployees(), a.getIndustryCode(), a.getLegalRepresentative(),
                    a.getVersion())).isEqualTo(List.of(b.getName(), b.getAddress(), b.getLongitude(), b.getEmployees(), b.getIndustryCode(),
                    b.getLegalRepresentative(), b.getVersion()));
            assertThat(a.getName()).isEqualTo("两路有限公司\\N\t" + i);
            assertThat(a.getContactPhone()).isNull();
        }
    }

    /**
     * Rows are checked (on the bulk path, loaded first) while the sheet is still read, and written (a thousand a statement;
     * {@value EnterpriseImport#LOAD_ROWS} a load on the bulk path, whose loads roll back with the transaction as
     * {@link #theBulkPathAndTheInsertsWriteTheSame} shows): a problem after them still leaves nothing written.
     */
    @Test
    void aProblemAfterThousandsOfGoodRowsStillLeavesNothingWritten() throws IOException {
        String outside = Api.newUscc("330303");
        LocalDateTime now = LocalDateTime.of(2026, 11, 22, 8, 0);
        registered(outside, "龙湾登记有限公司", "330303", now);
        List<Object[]> good = new ArrayList<>();
        List<String> usccs = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            String uscc = Api.newUscc("330302");
            usccs.add(uscc);
            good.add(new Object[]{"批量企业" + i + "有限公司", uscc, "330302", "机械", 20, null, null, null});
        }
        long before = as("lucheng-regulator").get("/api/v1/enterprises?size=1").getBody().get("totalElements").asLong();

        // A code registered outside the clerk's scope, in the last rows: found by the registry check of the last chunk.
        List<Object[]> registry = new ArrayList<>(good);
        registry.add(new Object[]{"龙湾登记有限公司", outside, "330302", "其他", null, null, null, null});
        ResponseEntity<JsonNode> refused = as("lucheng-regulator").upload(IMPORT, "大表-范围外.xlsx", sheet(HEADERS, registry.toArray(Object[][]::new)));
        assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(422);
        assertThat(refused.getBody().get("errors")).hasSize(1);
        assertThat(refused.getBody().get("errors").get(0).get("message").asString()).isEqualTo("统一社会信用代码 " + outside + " 已登记在您的管辖范围之外");
        assertThat(refused.getBody().get("errors").get(0).get("row").asInt()).isEqualTo(2_503);

        // A cell problem in the last row, after two chunks passed every check: only the cell's problem is reported.
        List<Object[]> cells = new ArrayList<>(good);
        cells.add(new Object[]{"重复有限公司", usccs.get(7), "330302", "其他", null, null, null, null});
        cells.add(new Object[]{"龙湾登记有限公司", outside, "330302", "其他", null, null, null, null});
        ResponseEntity<JsonNode> duplicate = as("lucheng-regulator").upload(IMPORT, "大表-重复.xlsx", sheet(HEADERS, cells.toArray(Object[][]::new)));
        assertThat(duplicate.getStatusCode().value()).isEqualTo(422);
        assertThat(duplicate.getBody().get("errors")).hasSize(1);
        assertThat(duplicate.getBody().get("errors").get(0).get("message").asString()).isEqualTo("统一社会信用代码 " + usccs.get(7) + " 重复：第 10 行已有");

        assertThat(as("lucheng-regulator").get("/api/v1/enterprises?size=1").getBody().get("totalElements").asLong()).isEqualTo(before);
        assertThat(db.fetchCount(ENTERPRISE, ENTERPRISE.USCC.in(usccs))).isZero();

        // The good rows alone: all registered (one load on the bulk path, three statements elsewhere).
        ResponseEntity<JsonNode> imported = as("lucheng-regulator").upload(IMPORT, "大表.xlsx", sheet(HEADERS, good.toArray(Object[][]::new)));
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
        assertThat(imported.getBody().get("created").asLong()).isEqualTo(2_500);
        assertThat(db.fetchCount(ENTERPRISE, ENTERPRISE.USCC.in(usccs))).isEqualTo(2_500);
    }

    /**
     * On the bulk path rows without a version are first loaded as new without their registry check; a load that meets
     * a code already registered is rolled back and its rows checked one by one: the known enterprise in the middle of
     * thousands of new ones is updated (not loaded again, not refused), the new ones are all registered once.
     */
    @Test
    void aKnownEnterpriseAmongThousandsOfNewOnesIsUpdatedAndTheNewOnesRegisteredOnce() throws IOException {
        String known = Api.newUscc("330302");
        LocalDateTime then = LocalDateTime.of(2026, 11, 22, 8, 0);
        registered(known, "旧名有限公司", "330302", then);
        List<Object[]> rows = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            if (i == 1_200) {
                rows.add(new Object[]{"新名有限公司", known, "330302", "其他", null, null, null, null});
            }
            String uscc = Api.newUscc("330302");
            fresh.add(uscc);
            rows.add(new Object[]{"新登记企业" + i + "有限公司", uscc, "330302", "机械", 20, null, null, null});
        }
        ResponseEntity<JsonNode> imported = as("lucheng-regulator").upload(IMPORT, "新旧混合.xlsx", sheet(HEADERS, rows.toArray(Object[][]::new)));
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
        assertThat(imported.getBody().get("created").asLong()).isEqualTo(2_500);
        assertThat(imported.getBody().get("updated").asLong()).isEqualTo(1);
        assertThat(db.fetchCount(ENTERPRISE, ENTERPRISE.USCC.in(fresh))).isEqualTo(2_500);
        EnterpriseRecord updated = db.fetchOne(ENTERPRISE, ENTERPRISE.USCC.eq(known));
        assertThat(updated.getName()).isEqualTo("新名有限公司");
        assertThat(updated.getVersion()).isEqualTo(2);
        assertThat(updated.getCreatedAt()).isEqualTo(then);
        EnterpriseRecord last = db.fetchOne(ENTERPRISE, ENTERPRISE.USCC.eq(fresh.get(2_499)));
        assertThat(last.getName()).isEqualTo("新登记企业2499有限公司");
        assertThat(last.getVersion()).isEqualTo(1);
    }

    /**
     * More rows than one load takes: on the bulk path loads of 1,000, 2,000 and up to {@value EnterpriseImport#LOAD_ROWS}
     * rows go to the server in the background while the rest are read. A known code in the second load makes that load
     * roll back (the first stands), and its rows and every row after them are checked; without one, every load stands.
     */
    @Test
    void loadsInTheBackgroundStandOrAreCheckedRowByRow() throws IOException {
        int n = EnterpriseImport.LOAD_ROWS + 500;
        String known = Api.newUscc("330302");
        LocalDateTime then = LocalDateTime.of(2026, 11, 22, 8, 0);
        registered(known, "旧名有限公司", "330302", then);
        for (boolean withKnown : new boolean[] {true, false}) {
            List<Object[]> rows = new ArrayList<>();
            List<String> fresh = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (withKnown && i == 2_000) {
                    rows.add(new Object[]{"新名有限公司", known, "330302", "其他", null, null, null, null});
                }
                String uscc = Api.newUscc("330302");
                fresh.add(uscc);
                rows.add(new Object[]{"分批企业" + i + "有限公司", uscc, "330302", "机械", i % 500, null, null, null});
            }
            ResponseEntity<JsonNode> imported = as("lucheng-regulator").upload(IMPORT, "分批" + withKnown + ".xlsx", sheet(HEADERS, rows.toArray(Object[][]::new)));
            assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
            assertThat(imported.getBody().get("created").asLong()).isEqualTo(n);
            assertThat(imported.getBody().get("updated").asLong()).isEqualTo(withKnown ? 1 : 0);
            assertThat(db.fetchCount(ENTERPRISE, ENTERPRISE.USCC.in(fresh))).isEqualTo(n);
            assertThat(db.fetchOne(ENTERPRISE, ENTERPRISE.USCC.eq(fresh.get(n - 1))).getEmployees()).isEqualTo((n - 1) % 500);
        }
        assertThat(db.fetchOne(ENTERPRISE, ENTERPRISE.USCC.eq(known)).getName()).isEqualTo("新名有限公司");
    }

    @Test
    void onlyRegulatorsImportAndEveryoneExportsOnlyWhatTheyMaySee() throws IOException {
        byte[] upload = sheet(HEADERS, new Object[]{"某企业", Api.newUscc("330302"), "330302", "其他", null, null, null, null});
        assertThat(as("lucheng-enterprise").upload(IMPORT, "x.xlsx", upload).getStatusCode().value()).isEqualTo(403);
        assertThat(as("lucheng-inspector").upload(IMPORT, "x.xlsx", upload).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.anonymous(port).upload(IMPORT, "x.xlsx", upload).getStatusCode().value()).isEqualTo(401);

        assertThat(rows(as("lucheng-enterprise").getBytes(EXPORT).getBody())).containsOnlyKeys(Api.LUCHENG_CHEMICALS);
        assertThat(rows(as("jinjiang-regulator").getBytes(EXPORT).getBody())).isNotEmpty().allSatisfy((uscc, row) ->
                assertThat(row.get("行政区划代码").getStringCellValue()).startsWith("350582"));
        ResponseEntity<byte[]> template = as("lucheng-enterprise").getBytes("/api/v1/enterprises/template.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.getBody()))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("统一社会信用代码");
            assertThat(workbook.getSheet("填写说明")).isNotNull();
        }
    }

    @Test
    void theExportFillsTheHighestRiskPointGradeWithItsColour() throws IOException {
        String uscc = Api.newUscc("330302");
        Api admin = Api.anonymous(port).asAdmin();
        assertThat(admin.post("/api/v1/enterprises", Map.of("uscc", uscc, "name", "红色风险化工有限公司", "regionCode", "330302",
                "industryCategory", "HAZARDOUS_CHEMICALS")).getStatusCode().value()).isEqualTo(201);
        var point = admin.post("/api/v1/enterprises/" + uscc + "/risk-points", Map.of("name", "液氯储罐区", "type", "PLACE",
                "assessment", Map.of("method", "LEC", "l", 10, "e", 6, "c", 15)));
        assertThat(point.getStatusCode().value()).as(String.valueOf(point.getBody())).isEqualTo(201);
        assertThat(point.getBody().get("grade").get("grade").asString()).isEqualTo("RED");
        XSSFCell colour = rows(as("lucheng-regulator").getBytes(EXPORT).getBody()).get(uscc).get("最高风险点等级");
        assertThat(colour.getStringCellValue()).isEqualTo("重大风险");
        assertThat(colour.getCellStyle().getFillForegroundColorColor().getARGBHex()).endsWith("FF0000");
    }

    @Test
    void theExportShowsTheEnterpriseGradeInForceFilledWithItsColourAndFiltersByIt() throws IOException {
        GradedEnterprises data = new GradedEnterprises(db);
        String red = data.register("鹿城四色导出红色有限公司", "330302027", "HAZARDOUS_CHEMICALS", null, null);
        data.grade(red, "RED", "91.25", LocalDateTime.of(2026, 11, 20, 2, 30));
        String blue = data.register("鹿城四色导出蓝色有限公司", "330302028", "MACHINERY", null, null);
        data.grade(blue, "BLUE", "12", LocalDateTime.of(2026, 11, 21, 17, 5));
        String ungraded = data.register("鹿城四色导出未评定有限公司", "330302031", "OTHER", null, null);

        Map<String, Map<String, XSSFCell>> all = rows(as("lucheng-regulator").getBytes(EXPORT).getBody());
        assertThat(all).containsKeys(red, blue, ungraded);
        XSSFCell redGrade = all.get(red).get("企业风险等级");
        assertThat(redGrade.getStringCellValue()).isEqualTo("重大风险");
        assertThat(redGrade.getCellStyle().getFillForegroundColorColor().getARGBHex()).endsWith("FF0000");
        XSSFCell blueGrade = all.get(blue).get("企业风险等级");
        assertThat(blueGrade.getStringCellValue()).isEqualTo("低风险");
        assertThat(blueGrade.getCellStyle().getFillForegroundColorColor().getARGBHex()).endsWith("0070C0");
        assertThat(all.get(red).get("风险分值").getNumericCellValue()).isEqualTo(91.25);
        // 评定时间 is a date-time cell in China time (stored 02:30 UTC).
        XSSFCell gradedAt = all.get(red).get("评定时间");
        assertThat(gradedAt.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(gradedAt)).isTrue();
        assertThat(gradedAt.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 20, 10, 30));
        assertThat(all.get(blue).get("评定时间").getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 22, 1, 5));
        // Not graded yet: blank, unfilled.
        assertThat(all.get(ungraded).get("企业风险等级").getCellType()).isEqualTo(CellType.BLANK);
        assertThat(all.get(ungraded).get("企业风险等级").getCellStyle().getFillForegroundColorColor()).isNull();
        assertThat(all.get(ungraded).get("评定时间").getCellType()).isEqualTo(CellType.BLANK);

        byte[] redOnly = as("lucheng-regulator").getBytes(EXPORT + "?colour=RED").getBody();
        Map<String, Map<String, XSSFCell>> reds = rows(redOnly);
        assertThat(reds).containsKey(red).doesNotContainKeys(blue, ungraded);
        assertThat(reds.values()).allSatisfy(row -> assertThat(row.get("企业风险等级").getStringCellValue()).isEqualTo("重大风险"));
        assertThat(rows(as("lucheng-regulator").getBytes(EXPORT + "?colour=RED&colour=BLUE").getBody()))
                .containsKeys(red, blue).doesNotContainKey(ungraded)
                .allSatisfy((uscc, row) -> assertThat(row.get("企业风险等级").getStringCellValue()).isIn("重大风险", "低风险"));
        assertThat(rows(as("jinjiang-regulator").getBytes(EXPORT + "?colour=RED").getBody())).doesNotContainKey(red);
        assertThat(as("lucheng-regulator").getBytes(EXPORT + "?colour=PURPLE").getStatusCode().value()).isEqualTo(400);

        // The export with its grade columns goes back in: those columns are ignored and nothing changes.
        ResponseEntity<JsonNode> again = as("lucheng-regulator").upload(IMPORT, "四色导出.xlsx", redOnly);
        assertThat(again.getStatusCode().value()).as(String.valueOf(again.getBody())).isEqualTo(201);
        assertThat(again.getBody().get("created").asLong()).isZero();
        assertThat(again.getBody().get("updated").asLong()).isZero();
        assertThat(again.getBody().get("unchanged").asLong()).isEqualTo(reds.size());
    }

    static byte[] edit(byte[] export, String uscc, String header, String value) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row headers = sheet.getRow(1);
            int column = -1;
            for (int c = 0; c < headers.getLastCellNum(); c++) {
                if (headers.getCell(c).getStringCellValue().equals(header)) {
                    column = c;
                }
            }
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(0).getStringCellValue().equals(uscc)) {
                    sheet.getRow(r).createCell(column).setCellValue(value);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
