package cn.shuangkong.rules.enterprise;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.RuleTableRejected.Problem;

/**
 * Checks an edited copy of {@code enterprise-points.drl.xlsx} before Drools compiles it, and names every problem by
 * sheet, row and column in Chinese.
 *
 * <p>A decision table's cells are pasted into rule code, so an uploaded table could run any code it liked. Only the
 * values may change: the keyword rows and the rows that carry code must equal the built-in table's, every value must
 * be what its column takes (an indicator code, a category, a number, a colour, text without quotes), and nothing may
 * stand outside the two tables. Each cell is read as Drools reads it (a merged region as its first cell, a number as
 * its format shows it), and no cell but the two titles may start with "RuleTable", which opens a table wherever it
 * is. Beyond that it checks what would make the grades wrong: overlapping rows of one indicator, colour bands with
 * gaps, overlaps or a higher total getting a safer colour.
 */
public final class EnterpriseRuleTable {

    static final String POINTS_TABLE = "RuleTable Indicator points";
    static final String COLOUR_TABLE = "RuleTable Score colours";
    private static final Set<String> POINTS_PLACEHOLDERS = Set.of("{$i.value}", "{$i.points}", "{$i.category}", "{$i.label}", "{$i.unit}", "{$i.code}");
    private static final Set<String> COLOUR_PLACEHOLDERS = Set.of("{$t.value}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\$[^}]*}");
    /** Without leading zeros: the text is pasted into Java, where 010 is octal 8. */
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9]\\d{0,11})(\\.\\d{1,6})?");
    /** Any cell whose text starts so (after trimming, in any case) opens a new decision table for Drools, wherever it stands. */
    private static final String TABLE_KEYWORD = "ruletable";

    /** The fixed rows of each table: its keyword row, its pattern row and its code row, as in the built-in table. */
    private record Layout(int width, List<List<String>> codeRows) {
    }

    private EnterpriseRuleTable() {
    }

    /** Every problem of the table, or none when Drools may compile it. */
    public static List<Problem> check(byte[] table) {
        return check(table, EnterpriseGrading.builtInTable());
    }

    static List<Problem> check(byte[] table, byte[] builtIn) {
        Map<String, Layout> layouts;
        try (Workbook reference = new XSSFWorkbook(new ByteArrayInputStream(builtIn))) {
            layouts = layouts(reference.getSheetAt(0));
        } catch (IOException e) {
            throw new IllegalStateException("The built-in enterprise table cannot be read", e);
        }
        List<Problem> problems = new ArrayList<>();
        Workbook workbook;
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(table));
        } catch (IOException | RuntimeException e) {
            return List.of(new Problem("", 0, "", "文件不是有效的 .xlsx 工作簿（请用 Excel 或 WPS 另存为 .xlsx）"));
        }
        try (workbook) {
            for (int i = 1; i < workbook.getNumberOfSheets(); i++) {
                Sheet extra = workbook.getSheetAt(i);
                if (extra.getPhysicalNumberOfRows() > 0) {
                    problems.add(new Problem(extra.getSheetName(), 0, "", "规则表只能有一个工作表，请删除工作表“" + extra.getSheetName() + "”"));
                }
            }
            new SheetCheck(workbook.getSheetAt(0), layouts, problems).run();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return problems;
    }

    private static Map<String, Layout> layouts(Sheet sheet) {
        Map<String, Layout> layouts = new HashMap<>();
        for (Row row : sheet) {
            String a = text(row.getCell(0));
            if (a.equals(POINTS_TABLE) || a.equals(COLOUR_TABLE)) {
                int width = sheet.getRow(row.getRowNum() + 1).getLastCellNum();
                List<List<String>> code = new ArrayList<>();
                for (int r = 1; r <= 3; r++) {
                    code.add(texts(sheet.getRow(row.getRowNum() + r), width));
                }
                layouts.put(a, new Layout(width, code));
            }
        }
        return layouts;
    }

    /** One pass over the sheet: fixed rows, then each table, then anything else that is not blank. */
    private static final class SheetCheck {

        private final Sheet sheet;
        private final Map<String, Layout> layouts;
        private final List<Problem> problems;
        private final Map<String, Integer> ruleNames = new HashMap<>();
        private final boolean[] checked;

        SheetCheck(Sheet sheet, Map<String, Layout> layouts, List<Problem> problems) {
            this.sheet = sheet;
            this.layouts = layouts;
            this.problems = problems;
            this.checked = new boolean[Math.max(sheet.getLastRowNum() + 1, 0) + 1];
        }

        void run() {
            expect(0, 0, "RuleSet");
            expect(0, 1, "cn.shuangkong.rules.enterprise");
            expect(1, 0, "Import");
            expect(1, 1, "cn.shuangkong.rules.Grade");
            expect(2, 0, "Notes");
            for (int r = 0; r <= 2 && r < checked.length; r++) {
                checked[r] = true;
            }
            onlyColumns(0, 2);
            onlyColumns(1, 2);
            Integer points = find(POINTS_TABLE);
            Integer colours = find(COLOUR_TABLE);
            if (points == null) {
                problems.add(new Problem(sheet.getSheetName(), 0, "A", "找不到指标计分表（A 列应有“" + POINTS_TABLE + "”）"));
            } else {
                pointsTable(points);
            }
            if (colours == null) {
                problems.add(new Problem(sheet.getSheetName(), 0, "A", "找不到风险等级表（A 列应有“" + COLOUR_TABLE + "”）"));
            } else {
                colourTable(colours);
            }
            for (CellRangeAddress region : sheet.getMergedRegions()) {
                Row first = sheet.getRow(region.getFirstRow());
                if (first == null || first.getCell(region.getFirstColumn()) == null) {
                    problem(region.getFirstRow(), region.getFirstColumn(), "合并区域 " + region.formatAsString() + " 的第一个单元格缺失，无法读取，请取消合并");
                }
            }
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (isFormula(cell)) {
                        problem(row.getRowNum(), cell.getColumnIndex(), "规则表中不得使用公式，请直接填写数值或文字");
                    } else if (opensTable(cell)) {
                        problem(row.getRowNum(), cell.getColumnIndex(), "单元格内容不得以“RuleTable”开头（Drools 会把它当作一张新表的开始）");
                    }
                }
            }
            for (Row row : sheet) {
                if (row.getRowNum() < checked.length && checked[row.getRowNum()]) {
                    continue;
                }
                for (Cell cell : row) {
                    if (!text(cell).isEmpty()) {
                        problem(row.getRowNum(), cell.getColumnIndex(), "两张表之外不得填写内容（表内不得留空行：空行即表的结尾）");
                        break;
                    }
                }
            }
        }

        private Integer find(String title) {
            Integer found = null;
            for (Row row : sheet) {
                if (text(row.getCell(0)).equals(title)) {
                    if (found != null) {
                        problem(row.getRowNum(), 0, "“" + title + "”只能出现一次");
                    }
                    found = row.getRowNum();
                }
            }
            return found;
        }

        /** The rule rows of a table: from after its title row to the first blank row. */
        private List<Row> ruleRows(int titleRow, String title) {
            Layout layout = layouts.get(title);
            checked[titleRow] = true;
            onlyColumns(titleRow, 1);
            for (int r = 1; r <= 3; r++) {
                int index = titleRow + r;
                List<String> expected = layout.codeRows().get(r - 1);
                List<String> actual = texts(sheet.getRow(index), layout.width());
                for (int c = 0; c < layout.width(); c++) {
                    if (!expected.get(c).equals(actual.get(c))) {
                        problem(index, c, "规则表的代码行不得修改：应为“" + expected.get(c) + "”");
                    }
                }
                if (index < checked.length) {
                    checked[index] = true;
                }
                onlyColumns(index, layout.width());
            }
            int titles = titleRow + 4;
            if (titles < checked.length) {
                checked[titles] = true;
            }
            onlyColumns(titles, layout.width());
            List<Row> rows = new ArrayList<>();
            for (int r = titles + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || texts(row, layout.width()).stream().allMatch(String::isEmpty)) {
                    break;
                }
                checked[r] = true;
                onlyColumns(r, layout.width());
                rows.add(row);
            }
            if (rows.isEmpty()) {
                problem(titles, 0, "表中没有规则行");
            }
            return rows;
        }

        private void pointsTable(int titleRow) {
            Map<String, List<Band>> bands = new HashMap<>();
            for (Row row : ruleRows(titleRow, POINTS_TABLE)) {
                int r = row.getRowNum();
                name(row);
                String code = text(row.getCell(1));
                IndicatorCode indicator = null;
                try {
                    indicator = IndicatorCode.valueOf(code);
                } catch (IllegalArgumentException e) {
                    problem(r, 1, code.isEmpty() ? "指标不能为空" : "没有指标“" + code + "”，可选：" + codes());
                }
                String category = text(row.getCell(2));
                if (indicator != null) {
                    if (indicator.categorised() && !indicator.categories().contains(category)) {
                        problem(r, 2, "指标 " + code + " 须填分类，可选：" + String.join("、", indicator.categories()));
                    } else if (!indicator.categorised() && !category.isEmpty()) {
                        problem(r, 2, "指标 " + code + " 不分类，分类须留空");
                    }
                }
                BigDecimal from = number(row, 3, false);
                BigDecimal to = number(row, 4, false);
                if (from != null && to != null && from.compareTo(to) >= 0) {
                    problem(r, 4, "上限须大于下限");
                }
                number(row, 5, true);
                number(row, 6, false);
                number(row, 7, false);
                prose(row, 8, Set.of());
                prose(row, 9, POINTS_PLACEHOLDERS);
                if (indicator != null) {
                    List<Band> same = bands.computeIfAbsent(code + "/" + category, k -> new ArrayList<>());
                    Band band = new Band(r, from, to);
                    same.stream().filter(b -> b.overlaps(band)).findFirst().ifPresent(b ->
                            problem(r, 3, "与第 " + (b.row() + 1) + " 行的指标值区间重叠：同一指标同一分类只能有一行生效"));
                    same.add(band);
                }
            }
        }

        private void colourTable(int titleRow) {
            List<Band> bands = new ArrayList<>();
            Map<Integer, Grade> grades = new HashMap<>();
            for (Row row : ruleRows(titleRow, COLOUR_TABLE)) {
                int r = row.getRowNum();
                name(row);
                BigDecimal from = number(row, 1, false);
                BigDecimal to = number(row, 2, false);
                if (from != null && to != null && from.compareTo(to) >= 0) {
                    problem(r, 2, "上限须大于下限");
                    continue;
                }
                String grade = text(row.getCell(3));
                try {
                    grades.put(r, Grade.valueOf(grade));
                } catch (IllegalArgumentException e) {
                    problem(r, 3, "风险等级须为 RED（重大风险）、ORANGE（较大风险）、YELLOW（一般风险）或 BLUE（低风险）");
                }
                prose(row, 4, Set.of());
                prose(row, 5, COLOUR_PLACEHOLDERS);
                bands.add(new Band(r, from, to));
            }
            bands.sort(Comparator.comparing(Band::from, Comparator.nullsFirst(Comparator.naturalOrder())));
            for (int i = 0; i < bands.size(); i++) {
                Band band = bands.get(i);
                if (i == 0 && band.from() != null) {
                    problem(band.row(), 1, "最低一档的下限须留空：总分低于 " + band.from().toPlainString() + " 的企业将没有等级");
                }
                if (i > 0) {
                    Band previous = bands.get(i - 1);
                    if (previous.to() == null || band.from() == null || previous.to().compareTo(band.from()) != 0) {
                        problem(band.row(), 1, "分值区间须与上一档首尾相接：上一档（第 " + (previous.row() + 1) + " 行）上限为 "
                                + (previous.to() == null ? "空" : previous.to().toPlainString()) + "，本档下限为 "
                                + (band.from() == null ? "空" : band.from().toPlainString()));
                    }
                    Grade lower = grades.get(previous.row());
                    Grade higher = grades.get(band.row());
                    if (lower != null && higher != null && higher.ordinal() > lower.ordinal()) {
                        problem(band.row(), 3, "总分更高的一档等级不能更低：本档 " + higher.label() + "，低一档（第 " + (previous.row() + 1) + " 行）"
                                + lower.label());
                    }
                }
                if (i == bands.size() - 1 && band.to() != null) {
                    problem(band.row(), 2, "最高一档的上限须留空：总分达到 " + band.to().toPlainString() + " 的企业将没有等级");
                }
            }
        }

        private void name(Row row) {
            String name = text(row.getCell(0));
            if (name.isEmpty()) {
                problem(row.getRowNum(), 0, "规则名称不能为空");
            } else if (unsafe(name)) {
                problem(row.getRowNum(), 0, "规则名称不得含半角引号 \" 或反斜杠 \\ 或换行");
            } else if (ruleNames.putIfAbsent(name, row.getRowNum()) != null) {
                problem(row.getRowNum(), 0, "规则名称与第 " + (ruleNames.get(name) + 1) + " 行重复");
            }
        }

        private BigDecimal number(Row row, int column, boolean required) {
            Cell cell = row.getCell(column);
            String value = text(cell);
            if (value.isEmpty()) {
                if (required) {
                    problem(row.getRowNum(), column, "不能为空，请填数字（可为 0）");
                }
                return null;
            }
            if (!DECIMAL.matcher(value).matches()) {
                problem(row.getRowNum(), column, "“" + value + "”不是数字（请填如 10、0.5、-3 的数字）");
                return null;
            }
            return new BigDecimal(value);
        }

        private void prose(Row row, int column, Set<String> placeholders) {
            String value = text(row.getCell(column));
            if (value.isEmpty()) {
                problem(row.getRowNum(), column, "不能为空");
            } else if (unsafe(value)) {
                problem(row.getRowNum(), column, "不得含半角引号 \" 或反斜杠 \\ 或换行（引号请用全角“”）");
            } else {
                Matcher m = PLACEHOLDER.matcher(value);
                while (m.find()) {
                    if (!placeholders.contains(m.group())) {
                        problem(row.getRowNum(), column, "不认识的占位符 " + m.group() + (placeholders.isEmpty() ? "" : "，可用：" + String.join("、", placeholders)));
                    }
                }
            }
        }

        private void expect(int row, int column, String expected) {
            String actual = text(cellAt(row, column));
            if (!actual.equals(expected)) {
                problem(row, column, "应为“" + expected + "”（规则表的固定内容不得修改）");
            }
        }

        private void onlyColumns(int rowIndex, int width) {
            Row row = sheet.getRow(rowIndex);
            if (row == null) {
                return;
            }
            for (Cell cell : row) {
                if (cell.getColumnIndex() >= width && !text(cell).isEmpty()) {
                    problem(rowIndex, cell.getColumnIndex(), "表格之外不得填写内容");
                    return;
                }
            }
        }

        private Cell cellAt(int row, int column) {
            Row r = sheet.getRow(row);
            return r == null ? null : r.getCell(column);
        }

        private void problem(int row, int column, String message) {
            problems.add(new Problem(sheet.getSheetName(), row + 1, CellReference.convertNumToColString(column), message));
        }
    }

    /** A row's interval [from, to) of values; null bounds are open. */
    private record Band(int row, BigDecimal from, BigDecimal to) {

        boolean overlaps(Band other) {
            boolean startsBeforeOtherEnds = from == null || other.to == null || from.compareTo(other.to) < 0;
            boolean otherStartsBeforeThisEnds = other.from == null || to == null || other.from.compareTo(to) < 0;
            return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
        }
    }

    private static String codes() {
        return String.join("、", java.util.Arrays.stream(IndicatorCode.values()).map(Enum::name).toList());
    }

    private static boolean unsafe(String text) {
        return text.indexOf('"') >= 0 || text.indexOf('\\') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    private static List<String> texts(Row row, int width) {
        List<String> texts = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            texts.add(row == null ? "" : text(row.getCell(c)));
        }
        return texts;
    }

    /**
     * A cell's value as Drools reads it (its ExcelParser), so that what is checked is what is compiled: a cell of a
     * merged region reads as the region's first cell; text as written; a number without a trailing ".0" when Drools
     * reads that number, otherwise what Drools reads (the cell's number format, which may add any text, or a quoted
     * date); a formula is not a value.
     */
    static String text(Cell cell) {
        Cell source = mergedSource(cell);
        if (source == null) {
            return "";
        }
        return switch (source.getCellType()) {
            case STRING -> source.getStringCellValue().strip();
            case NUMERIC -> number(source).strip();
            case BOOLEAN -> String.valueOf(source.getBooleanCellValue());
            case FORMULA -> "=" + source.getCellFormula();
            case ERROR -> new DataFormatter(Locale.ENGLISH).formatCellValue(source);
            default -> "";
        };
    }

    /** The first cell of the merged region {@code cell} lies in (which Drools reads in its place), or the cell itself. */
    private static Cell mergedSource(Cell cell) {
        if (cell == null) {
            return null;
        }
        for (CellRangeAddress region : cell.getSheet().getMergedRegions()) {
            if (region.isInRange(cell)) {
                Row first = cell.getSheet().getRow(region.getFirstRow());
                return first == null ? null : first.getCell(region.getFirstColumn());
            }
        }
        return cell;
    }

    private static String number(Cell cell) {
        DataFormatter formatter = new DataFormatter(Locale.ENGLISH);
        if (DateUtil.isCellDateFormatted(cell)) {
            return "\"" + formatter.formatCellValue(cell) + "\"";
        }
        double value = cell.getNumericCellValue();
        String drools = value - Math.round(value) != 0 ? String.valueOf(value) : formatter.formatCellValue(cell);
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return drools.equals(plain) || drools.equals(String.valueOf(value)) ? plain : drools;
    }

    private static boolean opensTable(Cell cell) {
        String text = text(cell);
        boolean title = cell.getColumnIndex() == 0 && (text.equals(POINTS_TABLE) || text.equals(COLOUR_TABLE));
        return !title && text.trim().toLowerCase(Locale.ROOT).startsWith(TABLE_KEYWORD);
    }

    static boolean isFormula(Cell cell) {
        return cell != null && cell.getCellType() == CellType.FORMULA;
    }
}
