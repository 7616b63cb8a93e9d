package cn.shuangkong.rules.enterprise;

import static cn.shuangkong.rules.enterprise.TestEnterprise.RECENTLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.Reason;
import cn.shuangkong.rules.RuleTableRejected;
import cn.shuangkong.rules.RuleTableRejected.Problem;

/**
 * The check of an uploaded candidate table ({@link EnterpriseRuleTable}): each test starts from the built-in table,
 * changes what an administrator (or an attacker) might change, and expects the problem named by sheet, row and column
 * as Excel shows them, in Chinese, before Drools ever compiles the table. Rows of the built-in table: code rows 6–8,
 * points rows 10–68 (10 危险化学品, 23 其他, 24–26 从业人员, 31 红色风险点, 55–56 罚款), colour rows 75–78
 * (BLUE, YELLOW, ORANGE, RED).
 */
class EnterpriseRuleTableTest {

    private static final String SHEET = "企业风险计分";
    private static final EnterpriseGrading GRADING = EnterpriseGrading.builtIn();

    static Stream<Arguments> oneCellChanged() {
        return Stream.of(
                // the points table
                Arguments.of("unknown indicator code", "B10", "INDUSTRY_X", 10, "B", "没有指标“INDUSTRY_X”，可选：INDUSTRY、EMPLOYEES"),
                Arguments.of("indicator left blank", "B10", null, 10, "B", "指标不能为空"),
                Arguments.of("categorised indicator without a category", "C31", null, 31, "C", "指标 RISK_POINTS 须填分类，可选：RED、ORANGE、YELLOW、BLUE"),
                Arguments.of("categorised indicator with an unknown category", "C31", "PURPLE", 31, "C", "指标 RISK_POINTS 须填分类"),
                Arguments.of("a category on an indicator that has none", "C24", "RED", 24, "C", "指标 EMPLOYEES 不分类，分类须留空"),
                Arguments.of("points that are not a number", "F10", "十", 10, "F", "“十”不是数字（请填如 10、0.5、-3 的数字）"),
                Arguments.of("base points left blank", "F10", null, 10, "F", "不能为空，请填数字（可为 0）"),
                Arguments.of("a per-unit that is not a number", "G31", "10分", 31, "G", "“10分”不是数字"),
                Arguments.of("a cap with seven decimals", "H31", "30.0000001", 31, "H", "“30.0000001”不是数字"),
                Arguments.of("upper bound equal to the lower", "E24", 100, 24, "E", "上限须大于下限"),
                Arguments.of("upper bound below the lower", "E24", 50, 24, "E", "上限须大于下限"),
                Arguments.of("rows of one indicator overlapping", "D25", 299, 25, "D", "与第 24 行的指标值区间重叠：同一指标同一分类只能有一行生效"),
                Arguments.of("a row without lower bound over the others", "D26", null, 26, "D", "与第 24 行的指标值区间重叠"),
                Arguments.of("a row without upper bound over the next", "E55", null, 56, "D", "与第 55 行的指标值区间重叠"),
                Arguments.of("rule name left blank", "A10", null, 10, "A", "规则名称不能为空"),
                Arguments.of("duplicate rule name", "A11", "Industry hazardous chemicals scores 10", 11, "A", "规则名称与第 10 行重复"),
                Arguments.of("duplicate rule name across the tables", "A75", "Industry other scores 1", 75, "A", "规则名称与第 23 行重复"),
                // what is pasted into rule code
                Arguments.of("a quote in a rule name", "A10", "Industry \"hazardous\" scores 10", 10, "A", "规则名称不得含半角引号 \" 或反斜杠 \\ 或换行"),
                Arguments.of("a quote in a message", "J10", "计 {$i.points} 分\"); System.exit(0); //", 10, "J", "不得含半角引号 \" 或反斜杠 \\ 或换行（引号请用全角“”）"),
                Arguments.of("a backslash in a clause", "I10", "默认策略\\u0022", 10, "I", "不得含半角引号 \" 或反斜杠 \\ 或换行"),
                Arguments.of("a line break in a message", "J10", "计 {$i.points} 分\nend", 10, "J", "不得含半角引号 \" 或反斜杠 \\ 或换行"),
                Arguments.of("a message left blank", "J10", null, 10, "J", "不能为空"),
                Arguments.of("an unknown placeholder", "J10", "计 {$i.foo} 分", 10, "J", "不认识的占位符 {$i.foo}，可用："),
                Arguments.of("a colour placeholder in the points table", "J10", "总分 {$t.value}", 10, "J", "不认识的占位符 {$t.value}"),
                Arguments.of("a points placeholder in the colour table", "F75", "总分 {$i.value}", 75, "F", "不认识的占位符 {$i.value}，可用：{$t.value}"),
                Arguments.of("a placeholder in a clause", "I10", "默认策略 {$i.value}", 10, "I", "不认识的占位符 {$i.value}"),
                // the rows that carry code, and the fixed cells
                Arguments.of("a changed action", "F8", "System.exit(0);", 8, "F", "规则表的代码行不得修改：应为“$i.base($param);”"),
                Arguments.of("a changed condition", "D8", "value >= $param || true", 8, "D", "规则表的代码行不得修改：应为“value >= $param”"),
                Arguments.of("a changed keyword", "F6", "CONDITION", 6, "F", "规则表的代码行不得修改：应为“ACTION”"),
                Arguments.of("a changed colour action", "D73", "$t.conclude(Grade.$param); System.exit(0);", 73, "D", "应为“$t.conclude(Grade.$param);”"),
                Arguments.of("a changed package", "B1", "cn.shuangkong.rules.other", 1, "B", "应为“cn.shuangkong.rules.enterprise”（规则表的固定内容不得修改）"),
                Arguments.of("a changed import", "B2", "java.lang.Runtime", 2, "B", "应为“cn.shuangkong.rules.Grade”"),
                // outside the tables
                Arguments.of("text beside the points table", "L20", "备注", 20, "L", "表格之外不得填写内容"),
                Arguments.of("text beside a title", "B5", "备注", 5, "B", "表格之外不得填写内容"),
                Arguments.of("text beside the package", "C1", "备注", 1, "C", "表格之外不得填写内容"),
                Arguments.of("text above the points table", "A4", "备注", 4, "A", "两张表之外不得填写内容（表内不得留空行：空行即表的结尾）"),
                Arguments.of("text between the tables", "K69", "备注", 69, "K", "两张表之外不得填写内容"),
                Arguments.of("text below the colour table", "A100", "Functions", 100, "A", "两张表之外不得填写内容"),
                // the colour bands
                Arguments.of("a gap between bands", "B77", 45, 77, "B", "分值区间须与上一档首尾相接：上一档（第 76 行）上限为 40，本档下限为 45"),
                Arguments.of("overlapping bands", "B77", 35, 77, "B", "分值区间须与上一档首尾相接：上一档（第 76 行）上限为 40，本档下限为 35"),
                Arguments.of("a lowest band with a lower bound", "B75", 0, 75, "B", "最低一档的下限须留空：总分低于 0 的企业将没有等级"),
                Arguments.of("a highest band with an upper bound", "C78", 1000, 78, "C", "最高一档的上限须留空：总分达到 1000 的企业将没有等级"),
                Arguments.of("a higher band with a safer colour", "D77", "BLUE", 77, "D", "总分更高的一档等级不能更低：本档 低风险，低一档（第 76 行）一般风险"),
                Arguments.of("an unknown colour", "D77", "PURPLE", 77, "D", "风险等级须为 RED（重大风险）、ORANGE（较大风险）、YELLOW（一般风险）或 BLUE（低风险）"),
                Arguments.of("a colour in lower case", "D78", "red", 78, "D", "风险等级须为 RED（重大风险）"));
    }

    /** One cell changed: exactly one problem, where Excel shows it; the candidate is refused with it. */
    @ParameterizedTest(name = "{0}: {1} = {2} → row {3} column {4}")
    @MethodSource("oneCellChanged")
    void oneBadCellIsOneProblemWhereItIs(String description, String cell, Object value, int row, String column, String message) {
        byte[] candidate = edited(sheet -> set(sheet, cell, value));

        List<Problem> problems = EnterpriseRuleTable.check(candidate);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.sheet()).isEqualTo(SHEET);
            assertThat(problem.row()).isEqualTo(row);
            assertThat(problem.column()).isEqualTo(column);
            assertThat(problem.message()).contains(message);
        });
        assertThatThrownBy(() -> EnterpriseGrading.withTable(candidate))
                .isInstanceOfSatisfying(RuleTableRejected.class, e -> assertThat(e.problems()).isEqualTo(problems));
    }

    @Test
    void theBuiltInTableHasNoProblem() {
        assertThat(EnterpriseRuleTable.check(EnterpriseGrading.builtInTable())).isEmpty();
    }

    /** A formula is refused wherever it stands in a rule row, whatever it computes. */
    @Test
    void aFormulaIsRefused() {
        byte[] candidate = edited(sheet -> set(sheet, "F10", "=5+5"));

        assertThat(EnterpriseRuleTable.check(candidate)).contains(new Problem(SHEET, 10, "F", "规则表中不得使用公式，请直接填写数值或文字"));
        assertThatThrownBy(() -> EnterpriseGrading.withTable(candidate)).isInstanceOf(RuleTableRejected.class);
    }

    /**
     * A band bound that is not a number is named first; the band check then reads it as open, so that further
     * problems follow from it.
     */
    @Test
    void aBandBoundThatIsNotANumberIsNamedFirst() {
        List<Problem> problems = EnterpriseRuleTable.check(edited(sheet -> set(sheet, "B78", "六十")));

        assertThat(problems).first().isEqualTo(new Problem(SHEET, 78, "B", "“六十”不是数字（请填如 10、0.5、-3 的数字）"));
    }

    /** A colour row whose bounds are reversed is left out of the band check, which then finds the gap it leaves. */
    @Test
    void aColourBandWithReversedBoundsAlsoLeavesAGap() {
        List<Problem> problems = EnterpriseRuleTable.check(edited(sheet -> set(sheet, "C76", 20)));

        assertThat(problems).containsExactly(
                new Problem(SHEET, 76, "C", "上限须大于下限"),
                new Problem(SHEET, 77, "B", "分值区间须与上一档首尾相接：上一档（第 75 行）上限为 20，本档下限为 40"));
    }

    /** A blank row ends a table: the rows after it are outside the tables, each named once. */
    @Test
    void aBlankRowInsideTheTableEndsIt() {
        List<Problem> problems = EnterpriseRuleTable.check(edited(sheet -> sheet.removeRow(sheet.getRow(39))));

        assertThat(problems).hasSize(28).allSatisfy(problem -> {
            assertThat(problem.column()).isEqualTo("A");
            assertThat(problem.message()).isEqualTo("两张表之外不得填写内容（表内不得留空行：空行即表的结尾）");
        });
        assertThat(problems).extracting(Problem::row).containsExactlyElementsOf(IntStream.rangeClosed(41, 68).boxed().toList());
    }

    @Test
    void aRenamedTableIsNotFound() {
        List<Problem> problems = EnterpriseRuleTable.check(edited(sheet -> set(sheet, "A70", "RuleTable Colours")));

        assertThat(problems).contains(new Problem(SHEET, 0, "A", "找不到风险等级表（A 列应有“RuleTable Score colours”）"));
        assertThat(problems).contains(new Problem(SHEET, 70, "A", "两张表之外不得填写内容（表内不得留空行：空行即表的结尾）"));
    }

    @Test
    void aSecondSheetWithContentIsRefused() {
        byte[] candidate = edited(sheet -> sheet.getWorkbook().createSheet("备注").createRow(3).createCell(2).setCellValue("见附件"));

        assertThat(EnterpriseRuleTable.check(candidate))
                .containsExactly(new Problem("备注", 0, "", "规则表只能有一个工作表，请删除工作表“备注”"));
        assertThatThrownBy(() -> EnterpriseGrading.withTable(candidate)).isInstanceOf(RuleTableRejected.class);
    }

    @Test
    void anEmptySecondSheetIsNoProblem() {
        assertThat(EnterpriseRuleTable.check(edited(sheet -> sheet.getWorkbook().createSheet("Sheet2")))).isEmpty();
    }

    static Stream<Arguments> notXlsx() {
        byte[] random = new byte[4096];
        new Random(20260630L).nextBytes(random);
        return Stream.of(
                Arguments.of("random bytes", random),
                Arguments.of("no bytes", new byte[0]),
                Arguments.of("a CSV", "规则名称,指标\nx,INDUSTRY\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("an .xls workbook", xls()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notXlsx")
    void aFileThatIsNotXlsxIsRefused(String description, byte[] file) {
        Problem notAWorkbook = new Problem("", 0, "", "文件不是有效的 .xlsx 工作簿（请用 Excel 或 WPS 另存为 .xlsx）");

        assertThat(EnterpriseRuleTable.check(file)).containsExactly(notAWorkbook);
        assertThatThrownBy(() -> EnterpriseGrading.withTable(file))
                .isInstanceOfSatisfying(RuleTableRejected.class, e -> assertThat(e.problems()).containsExactly(notAWorkbook));
    }

    /** Values may change: a row added for blue risk points (the colour table moves down a row) is accepted. */
    @Test
    void anAddedRowIsAccepted() {
        byte[] candidate = edited(sheet -> {
            sheet.shiftRows(68, sheet.getLastRowNum(), 1);
            sheet.createRow(68);
            Object[] cells = {"Blue risk points score 0.5 each, at most 2", "RISK_POINTS", "BLUE", 1, null, 0, 0.5, 2, "默认策略",
                    "低风险（蓝）风险点 {$i.value} 个，每个 0.5 分，最高 2 分，计 {$i.points} 分"};
            for (int c = 0; c < cells.length; c++) {
                set(sheet, new CellReference(68, c).formatAsString(), cells[c]);
            }
        });

        assertThat(EnterpriseRuleTable.check(candidate)).isEmpty();
    }

    /** A valid edit compiles into another version: RED from 50 instead of 60 moves an enterprise with 55 points from ORANGE to RED. */
    @Test
    void aValidEditOfTheBandsCompilesAndRegrades() {
        byte[] candidate = edited(sheet -> {
            set(sheet, "C77", 50);
            set(sheet, "B78", 50);
        });
        // OTHER 1 + open general dangers 10 + orange risk points 5 × 3 + yellow 5 + third-level sources 2 × 5
        // + overdue general dangers 4 × 3 + first-level alarms of 近30日 10 × 0.2 = 55
        EnterpriseFacts fiftyFive = TestEnterprise.other()
                .hiddenDangers(10, 0, 4, 0)
                .riskPoints(0, 5, 5, 0)
                .majorHazards(0, 0, 2, 0)
                .alarms(10, "LEVEL_1", RECENTLY.atTime(8, 0), true).facts();

        assertThat(EnterpriseRuleTable.check(candidate)).isEmpty();
        EnterpriseGrading edited = EnterpriseGrading.withTable(candidate);

        assertThat(edited.ruleSetVersion()).matches("[0-9a-f]{64}").isNotEqualTo(GRADING.ruleSetVersion());
        EnterpriseGrade before = GRADING.grade(fiftyFive);
        EnterpriseGrade after = edited.grade(fiftyFive);
        assertThat(before.totalScore()).isEqualByComparingTo("55");
        assertThat(before.grade()).isEqualTo(Grade.ORANGE);
        assertThat(after.totalScore()).isEqualByComparingTo("55");
        assertThat(after.grade()).isEqualTo(Grade.RED);
        assertThat(after.reasons()).extracting(Reason::rule).contains("A total of 60 or more is red");
        assertThat(after.ruleSetVersion()).isEqualTo(edited.ruleSetVersion());
    }

    // ---- Drools reads every cell of the sheet, its own way: what it reads must be what was checked ----

    /** Any cell starting with "RuleTable" opens a new decision table for Drools, wherever it stands, whatever its case. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
            "A68; RuleTable evil",    // a rule name
            "J62; RuleTable x",       // a message
            "I40; '  RULETABLE x'",   // a clause
            "J9;  ruletable x",       // a column title
            "B3;  RuleTable notes",   // the notes
    })
    void aCellThatOpensATableIsRefused(String cell, String value) {
        List<Problem> problems = EnterpriseRuleTable.check(edited(sheet -> set(sheet, cell, value)));

        CellReference ref = new CellReference(cell);
        assertThat(problems).containsExactly(new Problem(SHEET, ref.getRow() + 1, CellReference.convertNumToColString(ref.getCol()),
                "单元格内容不得以“RuleTable”开头（Drools 会把它当作一张新表的开始）"));
    }

    /**
     * The attack the check must stop: a message cell opens a table whose following message cells declare an action
     * (no quote, no backslash, no placeholder needed) that runs as soon as a grade is made.
     */
    @Test
    void codeCannotBeSmuggledInThroughTheMessageColumn() {
        String[] column = {"RuleTable x", "ACTION", "java.lang.System",
                "setProperty(java.lang.String.valueOf(java.lang.Math.PI), java.lang.String.valueOf(true))", "说明", "1"};
        byte[] candidate = edited(sheet -> {
            for (int i = 0; i < column.length; i++) {
                set(sheet, "J" + (62 + i), column[i]);
            }
        });

        assertThat(EnterpriseRuleTable.check(candidate)).containsExactly(
                new Problem(SHEET, 62, "J", "单元格内容不得以“RuleTable”开头（Drools 会把它当作一张新表的开始）"));
        assertThatThrownBy(() -> EnterpriseGrading.withTable(candidate).grade(TestEnterprise.other().facts()))
                .isInstanceOf(RuleTableRejected.class);
        assertThat(System.getProperty(String.valueOf(Math.PI))).isNull();
    }

    /** Drools reads a whole number as its number format shows it, and a format may show text around it. */
    @ParameterizedTest(name = "{0}: {1} as {2}")
    @CsvSource(delimiter = '|', value = {
            "an expression after the base points | F10 | 10     | 0\" + a(b)\" | “10 + a(b)”不是数字",
            "a leading zero (octal 8)            | F10 | 10     | 000         | “010”不是数字",
            "a thousands separator               | D55 | 100000 | '#,##0'     | “100,000”不是数字",
            "a date                              | F10 | 10     | yyyy-mm-dd  | “\"1900-01-10\"”不是数字",
            "a percentage                        | G31 | 10     | 0%          | “1000%”不是数字",
    })
    void aNumberFormatThatChangesWhatDroolsReadsIsRefused(String description, String cell, double value, String format, String message) {
        byte[] candidate = edited(sheet -> {
            set(sheet, cell, value);
            formatted(sheet, cell, format);
        });

        assertThat(EnterpriseRuleTable.check(candidate)).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(new CellReference(cell).getRow() + 1);
            assertThat(problem.column()).isEqualTo(cell.substring(0, 1));
            assertThat(problem.message()).contains(message);
        });
        assertThatThrownBy(() -> EnterpriseGrading.withTable(candidate)).isInstanceOf(RuleTableRejected.class);
    }

    @Test
    void aNumberFormatShowingTextThatOpensATableIsRefused() {
        byte[] candidate = edited(sheet -> {
            set(sheet, "D31", 1);
            formatted(sheet, "D31", "\"RuleTable \"0");
        });

        assertThat(EnterpriseRuleTable.check(candidate)).containsExactlyInAnyOrder(
                new Problem(SHEET, 31, "D", "“RuleTable 1”不是数字（请填如 10、0.5、-3 的数字）"),
                new Problem(SHEET, 31, "D", "单元格内容不得以“RuleTable”开头（Drools 会把它当作一张新表的开始）"));
    }

    /** A format that shows the number Drools reads as that number (10.00 for 10; 1.5 for 1.5) changes nothing. */
    @ParameterizedTest(name = "{1} as {2}")
    @CsvSource(delimiter = ';', value = {
            "F10; 10;  0.00",
            "G31; 1.5; 0.0",
            "H31; 30;  General",
    })
    void aNumberFormatShowingTheSameNumberIsAccepted(String cell, double value, String format) {
        assertThat(EnterpriseRuleTable.check(edited(sheet -> {
            set(sheet, cell, value);
            formatted(sheet, cell, format);
        }))).isEmpty();
    }

    /** Text typed as a number with a leading zero would be pasted as an octal literal (010 = 8). */
    @Test
    void aNumberWithALeadingZeroIsRefused() {
        assertThat(EnterpriseRuleTable.check(edited(sheet -> set(sheet, "F10", "010"))))
                .containsExactly(new Problem(SHEET, 10, "F", "“010”不是数字（请填如 10、0.5、-3 的数字）"));
        assertThat(EnterpriseRuleTable.check(edited(sheet -> set(sheet, "G31", "0.5")))).isEmpty();
    }

    /** Drools reads every cell of a merged region as the region's first cell; so does the check. */
    @Test
    void aMergedRegionReadsAsItsFirstCell() {
        // Rows 24 and 25 both from 100: they overlap.
        assertThat(EnterpriseRuleTable.check(edited(sheet -> sheet.addMergedRegion(CellRangeAddress.valueOf("D24:D25")))))
                .containsExactly(new Problem(SHEET, 25, "D", "与第 24 行的指标值区间重叠：同一指标同一分类只能有一行生效"));
        // A rule name spread over the conditions and the base points.
        assertThat(EnterpriseRuleTable.check(edited(sheet -> {
            set(sheet, "A62", "java.lang.Math.max(0, 0)");
            sheet.addMergedRegion(CellRangeAddress.valueOf("A62:F62"));
        }))).contains(
                new Problem(SHEET, 62, "B", "没有指标“java.lang.Math.max(0, 0)”，可选：" + String.join("、",
                        Stream.of(IndicatorCode.values()).map(Enum::name).toList())),
                new Problem(SHEET, 62, "F", "“java.lang.Math.max(0, 0)”不是数字（请填如 10、0.5、-3 的数字）"));
        // A region whose first cell is missing cannot be read (Drools fails on it).
        assertThat(EnterpriseRuleTable.check(edited(sheet -> {
            sheet.getRow(30).removeCell(sheet.getRow(30).getCell(6));
            sheet.addMergedRegion(CellRangeAddress.valueOf("G31:H31"));
        }))).containsExactly(new Problem(SHEET, 31, "G", "合并区域 G31:H31 的第一个单元格缺失，无法读取，请取消合并"));
        // One clause over two rows reads as that clause in both.
        assertThat(EnterpriseRuleTable.check(edited(sheet -> sheet.addMergedRegion(CellRangeAddress.valueOf("I10:I11"))))).isEmpty();
    }

    /** Drools evaluates a formula wherever it stands, a column title or the notes as much as a value. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"J9", "B3", "D74"})
    void aFormulaOutsideTheRuleRowsIsRefused(String cell) {
        CellReference ref = new CellReference(cell);

        assertThat(EnterpriseRuleTable.check(edited(sheet -> set(sheet, cell, "=\"Rule\"&\"Table x\""))))
                .containsExactly(new Problem(SHEET, ref.getRow() + 1, CellReference.convertNumToColString(ref.getCol()),
                        "规则表中不得使用公式，请直接填写数值或文字"));
    }

    /** The built-in table with {@code edit} applied to its sheet, as the bytes of an uploaded file. */
    static byte[] edited(Consumer<Sheet> edit) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(EnterpriseGrading.builtInTable()))) {
            edit.accept(workbook.getSheetAt(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a cell as an administrator types it: a number as a number, "=…" as a formula, null as an emptied cell. */
    static void set(Sheet sheet, String reference, Object value) {
        CellReference ref = new CellReference(reference);
        Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
        Cell cell = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
        if (value == null) {
            row.removeCell(cell);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value.toString().startsWith("=")) {
            cell.setCellFormula(value.toString().substring(1));
        } else {
            cell.setCellValue(value.toString());
        }
    }

    /** Gives a cell a number format of its own, as Excel's 设置单元格格式 does. */
    static void formatted(Sheet sheet, String reference, String format) {
        CellReference ref = new CellReference(reference);
        Cell cell = sheet.getRow(ref.getRow()).getCell(ref.getCol());
        CellStyle style = sheet.getWorkbook().createCellStyle();
        style.cloneStyleFrom(cell.getCellStyle());
        style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat(format));
        cell.setCellStyle(style);
    }

    private static byte[] xls() {
        try (Workbook workbook = new HSSFWorkbook()) {
            workbook.createSheet(SHEET).createRow(0).createCell(0).setCellValue("RuleSet");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
