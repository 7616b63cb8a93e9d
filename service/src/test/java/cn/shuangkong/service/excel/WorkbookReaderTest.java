package cn.shuangkong.service.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one reader: what it reads, and the hostile files it refuses before any importer sees them. */
class WorkbookReaderTest {

    static List<SheetRow> read(byte[] content, int maxRows) {
        List<SheetRow> rows = new ArrayList<>();
        WorkbookReader.read(content, ReadLimits.rows(maxRows), rows::add);
        return rows;
    }

    /** A sheet 检查表 of {@code rows} rows, each a code in its first cell. */
    private static byte[] codes(int rows) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        Sheet sheet = workbook.createSheet("检查表");
        for (int i = 0; i < rows; i++) {
            sheet.createRow(i).createCell(0).setCellValue("CH-" + i);
        }
        return bytes(workbook);
    }

    static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        workbook.close();
        return out.toByteArray();
    }

    static byte[] sample(Workbook workbook) throws IOException {
        Sheet sheet = workbook.createSheet("检查表");
        Row title = sheet.createRow(0);
        title.createCell(0).setCellValue("  危险化学品企业安全检查表  ");
        Row data = sheet.createRow(3);
        data.createCell(0).setCellValue("CH-02");
        data.createCell(2).setCellValue(12.50);
        CellStyle dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        data.createCell(3).setCellValue(LocalDate.of(2026, 11, 20));
        data.getCell(3).setCellStyle(dateStyle);
        data.createCell(4).setCellFormula("1+1");
        data.createCell(5).setCellValue(91330302L);
        return bytes(workbook);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"xlsx", "xls"})
    void readsTextNumbersDatesAndCachedFormulaValuesWithExcelsRowNumbers(String format) throws IOException {
        Workbook workbook = format.equals("xlsx") ? new XSSFWorkbook() : new HSSFWorkbook();
        workbook.setForceFormulaRecalculation(false);
        byte[] content = sample(workbook);
        List<SheetRow> rows = read(content, 100);
        assertThat(rows).extracting(SheetRow::number).containsExactly(1, 4);
        assertThat(rows.get(0).cell(0).text()).isEqualTo("危险化学品企业安全检查表");
        SheetRow data = rows.get(1);
        assertThat(data.sheet()).isEqualTo("检查表");
        assertThat(data.cell(0).text()).isEqualTo("CH-02");
        assertThat(data.cell(1).isBlank()).isTrue();
        assertThat(data.cell(2).number()).isEqualByComparingTo("12.5");
        assertThat(data.cell(3).date()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(data.cell(5).text()).as("a long number in plain notation").isEqualTo("91330302");
    }

    @Test
    void aFormulaGivesTheValueExcelCachedAndIsNeverEvaluated() throws IOException {
        // A formula pointing into another workbook, with the value Excel cached when the file was saved.
        XSSFWorkbook workbook = new XSSFWorkbook();
        Row row = workbook.createSheet("检查表").createRow(0);
        row.createCell(0).setCellFormula("1+1");
        byte[] content = bytes(workbook);
        byte[] linked = HostileFiles.rewriteEntry(content, "xl/worksheets/sheet1.xml",
                xml -> xml.replace("<f>1+1</f>", "<f>[1]Sheet1!A1</f><v>合格</v>").replace("<c r=\"A1\"", "<c r=\"A1\" t=\"str\""));
        List<SheetRow> rows = read(linked, 10);
        assertThat(rows.get(0).cell(0).text()).isEqualTo("合格");
    }

    @Test
    void richTextBooleansErrorsAndCellsWithoutAddressesReadAsExcelShowsThem() throws IOException {
        // As other writers save a sheet: rich text with a phonetic guide, inline or shared; rows and cells without
        // their r attribute; a boolean, an error and a formula's text.
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.createSheet("检查表").createRow(0).createCell(0).setCellValue("x");
        byte[] content = HostileFiles.rewriteEntry(bytes(workbook), "xl/sharedStrings.xml", xml -> xml.replaceFirst("<si>.*</si>",
                "<si><r><t>温州</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">瓯江 </t></r><rPh sb=\"0\" eb=\"2\"><t>WENZHOU</t></rPh></si>"));
        content = HostileFiles.rewriteEntry(content, "xl/worksheets/sheet1.xml", xml -> xml.replaceFirst("<sheetData>.*</sheetData>", """
                <sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c t="inlineStr"><is><r><t>化工</t></r><r><t>储运</t></r>\
                <rPh sb="0" eb="2"><t>HUAGONG</t></rPh></is></c></row>\
                <row><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="str"><f>A1</f><v> 合格 </v></c><c><v>1.50</v></c></row></sheetData>"""));
        List<SheetRow> rows = read(content, 10);
        assertThat(rows).extracting(SheetRow::number).containsExactly(2, 3);
        assertThat(rows.get(0).cells()).extracting(CellValue::text).containsExactly("", "温州瓯江", "化工储运");
        assertThat(rows.get(1).cells()).extracting(CellValue::text).containsExactly("TRUE", "#N/A", "合格", "1.5");
        assertThat(rows.get(1).cell(3).number()).isEqualByComparingTo("1.5");
    }

    @Test
    void cellAttributesAreReadAsXmlValuesAndBadNumbersRefused() throws IOException {
        // A cell's reference, type and style are read from the parser's buffer (XlsxSheets.AttributeText): white space
        // around a value does not count, as in XML's typed values; a lower-case reference names its column; a style a
        // text cell does not use is not looked at; a style beyond the workbook's is no date format.
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.createSheet("检查表").createRow(0).createCell(0).setCellValue("x");
        byte[] plain = bytes(workbook);
        byte[] content = HostileFiles.rewriteEntry(plain, "xl/worksheets/sheet1.xml", xml -> xml.replaceFirst("<sheetData>.*</sheetData>", """
                <sheetData><row r=" 3 "><c r="c3" t=" inlineStr " s="x"><is><t>化工</t></is></c><c r=" AA3 " s=" 0 "><v>12</v></c>                <c s="999"><v>7</v></c><c t="s" r="AC3"><v> 0 </v></c></row></sheetData>"""));
        List<SheetRow> rows = read(content, 10);
        assertThat(rows).extracting(SheetRow::number).containsExactly(3);
        assertThat(rows.get(0).cell(2).text()).isEqualTo("化工");
        assertThat(rows.get(0).cell(26).number()).isEqualByComparingTo("12");
        assertThat(rows.get(0).cell(27).number()).isEqualByComparingTo("7");
        assertThat(rows.get(0).cell(28).text()).isEqualTo("x");
        // A number whose style is not an index, a row whose number is not one: the file is unreadable, as before.
        for (String bad : List.of("<row r=\"3\"><c r=\"A3\" s=\"x\"><v>12</v></c></row>", "<row r=\"三\"><c r=\"A3\"><v>12</v></c></row>",
                "<row r=\"3\"><c r=\"A3\" s=\"99999999999\"><v>12</v></c></row>")) {
            byte[] broken = HostileFiles.rewriteEntry(plain, "xl/worksheets/sheet1.xml",
                    xml -> xml.replaceFirst("<sheetData>.*</sheetData>", "<sheetData>" + bad + "</sheetData>"));
            assertThatThrownBy(() -> read(broken, 10)).as(bad).isInstanceOf(SpreadsheetRejected.class).hasMessageContaining("无法读取");
        }
    }

    @Test
    void aRenamedTextFileIsNotAWorkbook() {
        byte[] csv = "企业统一社会信用代码,检查日期\n91330302MA2AK7L1XU,2026-11-20\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(csv, 10)).isInstanceOf(SpreadsheetRejected.class).hasMessageContaining("不是 Excel 工作簿");
        byte[] zip = HostileFiles.zipOf("word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read(zip, 10)).isInstanceOf(SpreadsheetRejected.class);
    }

    @Test
    void anEncryptedWorkbookIsRefused() throws Exception {
        byte[] plain = bytes(new XSSFWorkbook() {{ createSheet("检查表").createRow(0).createCell(0).setCellValue("x"); }});
        POIFSFileSystem fs = new POIFSFileSystem();
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("secret");
        try (OutputStream os = encryptor.getDataStream(fs)) {
            os.write(plain);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        assertThatThrownBy(() -> read(out.toByteArray(), 10)).isInstanceOf(SpreadsheetRejected.class).hasMessageContaining("已加密");
    }

    @Test
    void aZipBombIsRefusedWithoutInflatingIt() throws IOException {
        byte[] plain = bytes(new XSSFWorkbook() {{ createSheet("检查表").createRow(0).createCell(0).setCellValue("x"); }});
        // 200 MB of spaces inside the sheet's XML: a few hundred kB compressed, a ratio far beyond POI's guard.
        byte[] bomb = HostileFiles.rewriteEntryStreaming(plain, "xl/worksheets/sheet1.xml", 200L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        long before = HostileFiles.usedHeap();
        assertThatThrownBy(() -> read(bomb, 10)).isInstanceOf(SpreadsheetRejected.class).hasMessageContaining("压缩炸弹");
        assertThat(HostileFiles.usedHeap() - before).as("heap grown while refusing").isLessThan(150L * 1024 * 1024);
    }

    @Test
    void anExternalEntityIsNeverResolved() throws IOException {
        byte[] plain = bytes(new XSSFWorkbook() {{ createSheet("检查表").createRow(0).createCell(0).setCellValue("x"); }});
        byte[] xxe = HostileFiles.rewriteEntry(plain, "xl/sharedStrings.xml", xml -> xml
                .replaceFirst("\\?>", "?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
                .replace(">x<", ">&xxe;<"));
        assertThat(new String(xxe, StandardCharsets.ISO_8859_1)).doesNotContain("root:");
        List<String> seen = new ArrayList<>();
        try {
            read(xxe, 10).forEach(r -> r.cells().forEach(c -> seen.add(c.text())));
        } catch (SpreadsheetRejected e) {
            assertThat(e.errors()).isNotEmpty();
        }
        assertThat(seen).noneMatch(text -> text.contains("root:"));
    }

    /** Nested entities declared in the worksheet itself ("billion laughs"): never expanded, the file refused. */
    @Test
    void anEntityExpansionBombInAWorksheetIsRefused() throws IOException {
        byte[] plain = bytes(new XSSFWorkbook() {{ createSheet("检查表").createRow(0).createCell(0).setCellValue(42); }});
        StringBuilder dtd = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String[] written = new String[1];
        byte[] bomb = HostileFiles.rewriteEntry(plain, "xl/worksheets/sheet1.xml", xml -> written[0] = xml
                .replaceFirst("\\?>", "?>" + dtd)
                .replaceFirst("<v>[^<]*</v>", "<v>&l9;</v>"));
        assertThat(written[0]).contains("<!ENTITY l9").contains("<v>&l9;</v>");
        long before = HostileFiles.usedHeap();
        assertThatThrownBy(() -> read(bomb, 10)).isInstanceOf(SpreadsheetRejected.class);
        assertThat(HostileFiles.usedHeap() - before).as("heap grown while refusing").isLessThan(150L * 1024 * 1024);
    }

    @Test
    void moreRowsThanTheImportAllowsAreRefusedAtTheFirstRowTooMany() throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        Sheet sheet = workbook.createSheet("检查表");
        for (int i = 0; i < 100_001; i++) {
            sheet.createRow(i).createCell(0).setCellValue("CH-" + i);
        }
        byte[] content = bytes(workbook);
        assertThatThrownBy(() -> read(content, 1_000)).isInstanceOf(SpreadsheetRejected.class).hasMessageContaining("超过 1000 行");
    }

    @Test
    void aCellLongerThanExcelAllowsIsRefusedNamingTheCell() throws IOException {
        byte[] plain = bytes(new XSSFWorkbook() {{ createSheet("检查表").createRow(4).createCell(2).setCellValue("x"); }});
        // About 1 MB of varied Chinese text (a repeated character would compress like a zip bomb and be refused as one).
        java.util.Random random = new java.util.Random(42);
        StringBuilder text = new StringBuilder();
        while (text.length() < 1024 * 1024 / 3) {
            text.append((char) (0x4E00 + random.nextInt(0x5000)));
        }
        String megabyte = text.toString();
        byte[] huge = HostileFiles.rewriteEntry(plain, "xl/sharedStrings.xml", xml -> xml.replace(">x<", ">" + megabyte + "<"));
        assertThatThrownBy(() -> read(huge, 10)).isInstanceOfSatisfying(SpreadsheetRejected.class, e -> {
            assertThat(e.errors()).as(e.getMessage() + " " + e.errors()).hasSize(1);
            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.getSheet()).as(error.getMessage()).isEqualTo("检查表");
                assertThat(error.getRow()).isEqualTo(5);
                assertThat(error.getColumn()).isEqualTo("C");
                assertThat(error.getMessage()).contains("超过上限 32767");
            });
        });
    }

    @ParameterizedTest(name = "\"{0}\" is the header {1}")
    @CsvSource(delimiter = '|', value = {
            " 检查结果 |检查结果",
            "检查结果（合格/不合格/不适用）|检查结果",
            "＊检查结果|检查结果",
            "检 查 结 果|检查结果",
            "检查日期：|检查日期",
            "整改期限(选填)|整改期限"})
    void headersAreMatchedWhateverTheirSpacingWidthAndHints(String written, String header) {
        assertThat(Headers.normalize(written)).isEqualTo(Headers.normalize(header));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"2026-11-20,2026-11-20", "2026/11/20,2026-11-20", "2026.11.20,2026-11-20", "2026年11月20日,2026-11-20", "20261120,2026-11-20",
            "２０２６－１１－２０,2026-11-20", "2026-1-5,2026-01-05", "2026-11-20 09:30,2026-11-20"})
    void datesAreReadTheWaysUsersTypeThem(String typed, LocalDate expected) {
        assertThat(CellParsing.date(CellValue.text(typed))).contains(expected);
    }

    @Test
    void tooManySharedStringsAreRefusedBeforeTheyAreLoaded() throws IOException {
        byte[] plain = bytes(new XSSFWorkbook() {{ createSheet("检查表").createRow(0).createCell(0).setCellValue("x"); }});
        // 1.2 million short distinct strings: a small file whose strings alone would take hundreds of MB of heap.
        StringBuilder strings = new StringBuilder();
        for (int i = 0; i < 1_200_000; i++) {
            strings.append("<si><t>").append(Integer.toString(i, 36)).append("</t></si>");
        }
        byte[] flood = HostileFiles.rewriteEntry(plain, "xl/sharedStrings.xml", xml -> xml.replace("<si><t>x</t></si>", "<si><t>x</t></si>" + strings));
        assertThatThrownBy(() -> read(flood, 10)).isInstanceOf(SpreadsheetRejected.class).hasMessageContaining("共享文本超过上限");
    }

    @ParameterizedTest
    @CsvSource({"1E999999999", "1e5", "12.5.3", "0x1F"})
    void numbersAreWrittenOutNeverWithExponents(String typed) {
        assertThatThrownBy(() -> CellParsing.number(CellValue.text(typed))).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void whatTheImporterThrowsIsNotMistakenForABrokenFile() throws IOException {
        byte[] plain = bytes(new XSSFWorkbook() {{ createSheet("检查表").createRow(0).createCell(0).setCellValue("x"); }});
        assertThatThrownBy(() -> WorkbookReader.read(plain, ReadLimits.rows(10), row -> {
            throw new IllegalStateException("importer bug");
        })).isInstanceOf(IllegalStateException.class).hasMessage("importer bug");
    }

    static List<SheetRow> readAhead(byte[] content, int maxRows) {
        List<SheetRow> rows = new ArrayList<>();
        WorkbookReader.readAhead(content, ReadLimits.rows(maxRows), rows::add);
        return rows;
    }

    static long readAheadThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("workbook-read-ahead")).count();
    }

    @Test
    void readingAheadGivesTheSameRowsInTheSameOrder() throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        Sheet sheet = workbook.createSheet("检查表");
        for (int i = 0; i < 5_000; i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue("CH-" + i);
            row.createCell(2).setCellValue(i * 0.5);
        }
        workbook.createSheet("第二页").createRow(2).createCell(1).setCellValue("末行");
        byte[] content = bytes(workbook);
        assertThat(readAhead(content, 10_000)).hasSize(5_001).isEqualTo(read(content, 10_000));
        assertThat(readAhead(sample(new HSSFWorkbook()), 10)).isEqualTo(read(sample(new HSSFWorkbook()), 10));
        assertThat(readAheadThreads()).isZero();
    }

    @Test
    void readingAheadRefusesTheSameHostileFilesAfterTheRowsBeforeTheProblem() throws IOException {
        byte[] tooMany = codes(3_000);
        List<SheetRow> seen = new ArrayList<>();
        assertThatThrownBy(() -> WorkbookReader.readAhead(tooMany, ReadLimits.rows(2_000), seen::add))
                .isInstanceOf(SpreadsheetRejected.class).hasMessageContaining("超过 2000 行");
        assertThat(seen).hasSize(2_000);

        byte[] plain = bytes(new XSSFWorkbook() {{ createSheet("检查表").createRow(0).createCell(0).setCellValue("x"); }});
        byte[] bomb = HostileFiles.rewriteEntryStreaming(plain, "xl/worksheets/sheet1.xml", 200L * 1024 * 1024);
        assertThatThrownBy(() -> readAhead(bomb, 10)).isInstanceOf(SpreadsheetRejected.class).hasMessageContaining("压缩炸弹");
        assertThatThrownBy(() -> readAhead("名称,代码\n".getBytes(StandardCharsets.UTF_8), 10)).isInstanceOf(SpreadsheetRejected.class);
        assertThat(readAheadThreads()).isZero();
    }

    @Test
    void whatTheImporterThrowsWhileReadingAheadStopsTheParsingAndReachesTheCaller() throws IOException {
        byte[] content = codes(20_000);
        List<SheetRow> seen = new ArrayList<>();
        assertThatThrownBy(() -> WorkbookReader.readAhead(content, ReadLimits.rows(100_000), row -> {
            seen.add(row);
            if (seen.size() == 10) {
                throw new IllegalStateException("importer bug");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("importer bug");
        assertThat(seen).hasSize(10);
        assertThat(readAheadThreads()).isZero();
    }

    /** An import's cells are read and checked on the parsing thread; the caller gets what that gave, in order, nulls left out. */
    @Test
    void rowsPreparedOnTheParsingThreadReachTheCallerInOrderWithoutTheNulls() throws IOException {
        byte[] content = codes(5_000);
        List<String> preparedOn = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> received = new ArrayList<>();
        WorkbookReader.readAhead(content, ReadLimits.rows(10_000), row -> {
            preparedOn.add(Thread.currentThread().getName());
            return row.number() % 2 == 0 ? null : row.number();
        }, received::add);
        List<Integer> odd = read(content, 10_000).stream().map(SheetRow::number).filter(n -> n % 2 != 0).toList();
        assertThat(received).hasSize(2_500).isEqualTo(odd);
        assertThat(preparedOn).hasSize(5_000).containsOnly("workbook-read-ahead");
        assertThat(readAheadThreads()).isZero();
    }

    /** Bean validation's messages follow LocaleContextHolder: the parsing thread checks cells in the caller's locale. */
    @Test
    void rowsArePreparedInTheCallersLocale() throws IOException {
        List<java.util.Locale> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        try {
            WorkbookReader.readAhead(codes(10), ReadLimits.rows(100), row -> {
                seen.add(org.springframework.context.i18n.LocaleContextHolder.getLocale());
                return row;
            }, row -> { });
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        assertThat(seen).hasSize(10).containsOnly(java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void whatPreparingARowThrowsReachesTheCallerAfterTheRowsBeforeIt() throws IOException {
        byte[] content = codes(20_000);
        List<Integer> received = new ArrayList<>();
        assertThatThrownBy(() -> WorkbookReader.readAhead(content, ReadLimits.rows(100_000), row -> {
            if (row.number() == 4_321) {
                throw new IllegalStateException("checking bug");
            }
            return row.number();
        }, received::add)).isInstanceOf(IllegalStateException.class).hasMessage("checking bug");
        assertThat(received).hasSize(4_320).last().isEqualTo(4_320);
        assertThat(readAheadThreads()).isZero();
    }

    @org.junit.jupiter.api.Test
    void aDateThatLostItsFormatIsReadFromExcelsDayNumber() {
        // 46346 is 2026-11-20 in Excel's day numbers (day 0 = 1899-12-30); small numbers stay numbers, not dates.
        assertThat(CellParsing.date(new CellValue("46346", new java.math.BigDecimal("46346"), null))).contains(LocalDate.of(2026, 11, 20));
        assertThatThrownBy(() -> CellParsing.date(new CellValue("12", java.math.BigDecimal.valueOf(12), null)))
                .isInstanceOf(java.time.format.DateTimeParseException.class);
    }

    @ParameterizedTest
    @CsvSource({"2026-02-30", "下周一", "20261340"})
    void whatIsNotADateIsSaidSo(String typed) {
        assertThatThrownBy(() -> CellParsing.date(CellValue.text(typed))).isInstanceOf(java.time.format.DateTimeParseException.class);
    }

}
