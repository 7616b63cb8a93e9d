package cn.shuangkong.service.hiddendanger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.JsonNode;

/** The hidden-danger list and statistics as Excel: what each caller may see, the filters, and cells Excel can compute with. */
@DatabaseTest
class HiddenDangerExportTest {

    static final String EXPORT = "/api/v1/hidden-dangers/export.xlsx";
    static final String STATISTICS = "/api/v1/statistics/hidden-dangers";
    static final LocalDate TODAY = HiddenDangerApiTest.TODAY;

    @LocalServerPort
    int port;

    String uscc;
    long overdueTen;
    long overdueThree;
    long current;

    Api as(String user) {
        return Api.anonymous(port).asDemo(user);
    }

    /** A fresh enterprise in 鹿城区 with two dangers overdue since 10 and 3 days, and one still within its deadline. */
    @BeforeEach
    void anEnterpriseWithOverdueDangers() {
        uscc = Api.newUscc("330302");
        var created = Api.anonymous(port).asAdmin().post("/api/v1/enterprises", Map.of("uscc", uscc, "name", "导出测试化工有限公司",
                "regionCode", "330302", "industryCategory", "HAZARDOUS_CHEMICALS"));
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        overdueTen = historical(10);
        overdueThree = historical(3);
        current = report(HiddenDangerApiTest.danger(uscc));
    }

    long historical(int daysOverdue) {
        Map<String, Object> body = HiddenDangerApiTest.danger(uscc);
        body.put("foundAt", TODAY.minusDays(30) + "T10:00:00+08:00");
        body.put("deadline", TODAY.minusDays(daysOverdue).toString());
        body.put("rectificationMeasures", "更换报警仪并恢复联锁");
        return report(body);
    }

    long report(Map<String, Object> body) {
        ResponseEntity<JsonNode> response = as("lucheng-inspector").post(HiddenDangerApiTest.PATH, body);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody().get("id").asLong();
    }

    @Test
    void byDefaultTheOverdueDangersOfTheJurisdictionWithAFrozenFilteredHeaderAndRealDates() throws IOException {
        ResponseEntity<byte[]> response = as("lucheng-regulator").getBytes(EXPORT);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(ContentDisposition.parse(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).getFilename())
                .isEqualTo("隐患清单-" + TODAY + ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            XSSFSheet sheet = book.getSheet("隐患清单");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("逾期").contains("浙江省温州市鹿城区").contains("导出时间");
            Map<String, Integer> columns = headers(sheet);
            assertThat(columns.keySet()).contains("隐患编号", "企业统一社会信用代码", "企业名称", "所属区域", "隐患名称", "隐患级别", "发现时间",
                    "整改期限", "状态", "是否逾期", "逾期天数", "整改责任人", "挂牌督办", "整改措施");
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitTopRow()).as("title and header stay in view").isEqualTo((short) 2);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:S" + (sheet.getLastRowNum() + 1));

            Map<Long, Row> rows = rowsById(sheet);
            assertThat(rows).containsKeys(overdueTen, overdueThree).doesNotContainKey(current);
            assertThat(rows.values()).allMatch(r -> r.getCell(columns.get("是否逾期")).getStringCellValue().equals("是"));

            Row row = rows.get(overdueTen);
            JsonNode api = as("lucheng-regulator").get(HiddenDangerApiTest.PATH + "/" + overdueTen).getBody();
            assertThat(text(row, columns.get("企业统一社会信用代码"))).isEqualTo(uscc);
            assertThat(text(row, columns.get("企业名称"))).isEqualTo("导出测试化工有限公司");
            assertThat(text(row, columns.get("所属区域"))).isEqualTo("浙江省温州市鹿城区");
            assertThat(text(row, columns.get("隐患级别"))).isEqualTo(api.get("levelLabel").asString());
            assertThat(text(row, columns.get("状态"))).isEqualTo("整改中");
            assertThat(text(row, columns.get("整改责任人"))).isEqualTo("陈建国");
            assertThat(text(row, columns.get("整改措施"))).isEqualTo("更换报警仪并恢复联锁");
            assertThat(row.getCell(columns.get("挂牌督办")).getCellType()).isEqualTo(CellType.BLANK);

            Cell deadline = row.getCell(columns.get("整改期限"));
            assertThat(deadline.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(deadline)).isTrue();
            assertThat(deadline.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse(api.get("deadline").asString()));
            Cell found = row.getCell(columns.get("发现时间"));
            assertThat(DateUtil.isCellDateFormatted(found)).isTrue();
            assertThat(found.getLocalDateTimeCellValue()).isEqualTo(TODAY.minusDays(30).atTime(10, 0));

            Cell days = row.getCell(columns.get("逾期天数"));
            assertThat(days.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat((int) days.getNumericCellValue()).isEqualTo(api.get("daysOverdue").asInt()).isEqualTo(10);
            assertThat((int) rows.get(overdueThree).getCell(columns.get("逾期天数")).getNumericCellValue()).isEqualTo(3);
        }
    }

    @Test
    void theListIsSentFromATemporaryFileWithItsLengthAndTheFileIsDeletedAfterwards() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> before = temporaryExports(tmp);
        ResponseEntity<byte[]> response = as("lucheng-regulator").getBytes(EXPORT);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentLength()).isEqualTo(response.getBody().length);
        // Deleted when the request is over, which may be a moment after the client has read the last byte.
        for (int i = 0; i < 50 && !before.containsAll(temporaryExports(tmp)); i++) {
            Thread.sleep(100);
        }
        assertThat(temporaryExports(tmp)).as("temporary export files left behind").isSubsetOf(before);
    }

    static Set<Path> temporaryExports(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("shuangkong-export-")).collect(Collectors.toSet());
        }
    }

    @Test
    void anotherJurisdictionDoesNotSeeThemAndAnEnterpriseSeesOnlyItsOwn() throws IOException {
        assertThat(rowsById(export(as("jinjiang-regulator"), EXPORT))).doesNotContainKeys(overdueTen, overdueThree);

        Map<String, Object> own = HiddenDangerApiTest.danger(Api.LUCHENG_CHEMICALS);
        own.put("foundAt", TODAY.minusDays(20) + "T09:00:00+08:00");
        own.put("deadline", TODAY.minusDays(2).toString());
        long ownId = report(own);
        XSSFSheet enterprise = export(as("lucheng-enterprise"), EXPORT);
        Map<Long, Row> rows = rowsById(enterprise);
        assertThat(rows).containsKey(ownId).doesNotContainKeys(overdueTen, overdueThree, current);
        int usccColumn = headers(enterprise).get("企业统一社会信用代码");
        assertThat(rows.values()).allMatch(r -> text(r, usccColumn).equals(Api.LUCHENG_CHEMICALS));
    }

    @Test
    void theListsFiltersApply() throws IOException {
        XSSFSheet sheet = export(as("lucheng-regulator"), EXPORT + "?overdue=false&uscc=" + uscc);
        assertThat(rowsById(sheet)).containsOnlyKeys(current);
        Row row = rowsById(sheet).get(current);
        Map<String, Integer> columns = headers(sheet);
        assertThat(text(row, columns.get("是否逾期"))).isEqualTo("否");
        assertThat((int) row.getCell(columns.get("逾期天数")).getNumericCellValue()).isZero();
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains(uscc).contains("未逾期");

        assertThat(rowsById(export(as("lucheng-regulator"), EXPORT + "?uscc=" + uscc + "&sort=deadline,desc")).keySet())
                .as("every status once a filter is given, in the list's order").containsExactly(current, overdueThree, overdueTen);
        assertThat(as("lucheng-regulator").getBytes(EXPORT + "?sort=name").getStatusCode().value()).isEqualTo(400);
        assertThat(as("lucheng-regulator").getBytes(EXPORT + "?regionCode=999999").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void theStatisticsSheetHoldsTheNumbersOfTheSameQuery() throws IOException {
        for (String query : List.of("?groupBy=LEVEL", "?regionCode=330302&groupBy=STATUS&from=" + TODAY.minusDays(60) + "&to=" + TODAY, "")) {
            JsonNode json = as("lucheng-regulator").get(STATISTICS + query).getBody();
            ResponseEntity<byte[]> response = as("lucheng-regulator").getBytes(STATISTICS + "/export.xlsx" + query);
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            assertThat(ContentDisposition.parse(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).getFilename())
                    .isEqualTo("隐患统计-" + TODAY + ".xlsx");
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
                XSSFSheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("浙江省温州市鹿城区");
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                int groups = json.get("groups").size();
                assertThat(sheet.getLastRowNum()).as("title, header, the groups, 合计").isEqualTo(groups + 2);
                for (int i = 0; i < groups; i++) {
                    sameCounts(sheet.getRow(i + 2), json.get("groups").get(i));
                }
                Row total = sheet.getRow(groups + 2);
                assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
                sameCounts(total, json.get("total"));
            }
        }
        assertThat(as("lucheng-regulator").getBytes(STATISTICS + "/export.xlsx?groupBy=COLOUR").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void bothExportsNeedALogin() {
        assertThat(Api.anonymous(port).getBytes(EXPORT).getStatusCode().value()).isEqualTo(401);
        assertThat(Api.anonymous(port).getBytes(STATISTICS + "/export.xlsx").getStatusCode().value()).isEqualTo(401);
    }

    static void sameCounts(Row row, JsonNode counts) {
        assertThat(row.getCell(0).getStringCellValue()).isEqualTo(counts.get("label").asString());
        String[] numbers = {"total", "open", "closed", "overdue", "majorTotal", "majorClosed"};
        for (int i = 0; i < numbers.length; i++) {
            assertThat((long) row.getCell(i + 1).getNumericCellValue()).as(numbers[i]).isEqualTo(counts.get(numbers[i]).asLong());
        }
        String[] rates = {"rectificationRate", "onTimeClosureRate", "majorClosureRate"};
        for (int i = 0; i < rates.length; i++) {
            Cell cell = row.getCell(i + 7);
            assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            if (counts.get(rates[i]) == null || counts.get(rates[i]).isNull()) {
                assertThat(cell.getCellType()).as(rates[i]).isEqualTo(CellType.BLANK);
            } else {
                assertThat(cell.getNumericCellValue()).as(rates[i]).isEqualTo(counts.get(rates[i]).doubleValue());
            }
        }
    }

    /** The sheet 隐患清单 of an export (read into memory whole, so the workbook needs no closing). */
    XSSFSheet export(Api api, String path) throws IOException {
        ResponseEntity<byte[]> response = api.getBytes(path);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            return book.getSheet("隐患清单");
        }
    }

    /** Column indexes by header text (the header is the second row, under the title). */
    static Map<String, Integer> headers(XSSFSheet sheet) {
        Map<String, Integer> columns = new HashMap<>();
        sheet.getRow(1).forEach(cell -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
        return columns;
    }

    /** The data rows by 隐患编号, in sheet order. */
    static Map<Long, Row> rowsById(XSSFSheet sheet) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        for (int i = 2; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            rows.put((long) row.getCell(0).getNumericCellValue(), row);
        }
        return rows;
    }

    static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null || cell.getCellType() == CellType.BLANK ? null : cell.getStringCellValue();
    }
}
