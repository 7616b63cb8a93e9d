package cn.shuangkong.service.inspection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.shuangkong.service.excel.CellValue;
import cn.shuangkong.service.excel.Headers;
import cn.shuangkong.service.excel.Headers.Column;
import cn.shuangkong.service.excel.ReadLimits;
import cn.shuangkong.service.excel.SheetRow;
import cn.shuangkong.service.excel.SpreadsheetRejected;
import cn.shuangkong.service.excel.WorkbookReader;

/**
 * A filled checklist as read from its workbook: the header block (企业统一社会信用代码, 检查日期, …, each label
 * followed by its value in the next filled cell to the right, or written as {@code 检查日期：2026-11-20} in one cell)
 * above the item table, and the item rows below the table's header row. The first sheet with such a header row is
 * the checklist; other sheets (填写说明) are ignored. Nothing here judges the values: {@link InspectionImport} does.
 */
final class ChecklistSheet {

    static final String USCC = "企业统一社会信用代码";
    static final String ENTERPRISE_NAME = "企业名称";
    static final String INSPECTED_ON = "检查日期";
    static final String INSPECTORS = "检查人员";
    static final String INSPECTION_TYPE = "检查类型";
    static final String CHECKLIST = "检查表";

    static final String NUMBER = "序号";
    static final String ITEM_CODE = "检查项编号";
    static final String ITEM_TEXT = "检查内容";
    static final String BASIS = "依据";
    static final String MAJOR = "重大隐患判定项";
    static final String RESULT = "检查结果";
    static final String PROBLEM = "问题描述";
    static final String LOCATION = "隐患位置";
    static final String DEADLINE = "整改期限";

    /** More rows with content than any checklist has, by far; a sheet beyond it is refused unread. */
    static final int MAX_ROWS = 1_000;
    /** Rows above the table that are searched for the header block and the table's header row. */
    static final int MAX_ROWS_ABOVE_TABLE = 30;

    static final Headers TABLE = new Headers(List.of(
            Column.optional(NUMBER, NUMBER, "编号序号"),
            Column.required(ITEM_CODE, ITEM_CODE, "检查项目编号", "项目编号", "条目编号"),
            Column.optional(ITEM_TEXT, ITEM_TEXT, "检查项目", "检查项", "检查标准"),
            Column.optional(BASIS, BASIS, "检查依据", "法规依据"),
            Column.optional(MAJOR, MAJOR, "重大隐患", "是否重大隐患判定项"),
            Column.required(RESULT, RESULT, "检查情况", "结果"),
            Column.optional(PROBLEM, PROBLEM, "存在问题", "隐患描述", "问题"),
            Column.optional(LOCATION, LOCATION, "隐患部位", "位置", "部位"),
            Column.optional(DEADLINE, DEADLINE, "整改时限", "整改期限日期")));

    /** The block's labels and the other ways inspectors write them. */
    static final Map<String, List<String>> BLOCK_LABELS = new LinkedHashMap<>();

    static {
        BLOCK_LABELS.put(USCC, List.of(USCC, "统一社会信用代码", "社会信用代码", "信用代码"));
        BLOCK_LABELS.put(ENTERPRISE_NAME, List.of(ENTERPRISE_NAME, "单位名称", "受检单位", "被检查单位"));
        BLOCK_LABELS.put(INSPECTED_ON, List.of(INSPECTED_ON, "检查时间"));
        BLOCK_LABELS.put(INSPECTORS, List.of(INSPECTORS, "检查人", "检查人员签字"));
        BLOCK_LABELS.put(INSPECTION_TYPE, List.of(INSPECTION_TYPE, "排查类型"));
        BLOCK_LABELS.put(CHECKLIST, List.of(CHECKLIST, "检查表编号", "检查表类型"));
    }

    /** A value of the header block and where it is (or, when blank, the cell where it belongs). */
    record Field(String sheet, int row, int column, CellValue value) {
    }

    /** The checklist as read. {@code block} has an entry for each label found. */
    record Parsed(String sheet, Map<String, Field> block, Headers.Layout table, List<SheetRow> items) {

        Optional<Field> field(String label) {
            return Optional.ofNullable(block.get(label));
        }
    }

    private ChecklistSheet() {
    }

    static Parsed read(byte[] content) {
        var reading = new Reading();
        WorkbookReader.read(content, ReadLimits.rows(MAX_ROWS), reading::row);
        if (reading.table == null) {
            throw SpreadsheetRejected.file("未找到检查表的表头行：表格须有“" + ITEM_CODE + "”和“" + RESULT + "”两列（请使用系统下载的检查表模板）");
        }
        return new Parsed(reading.table.sheet(), reading.block, reading.table, reading.items);
    }

    /** Reading state: rows of a sheet until its header row, then that sheet's item rows; later sheets are skipped. */
    private static final class Reading {

        String sheet;
        List<SheetRow> above = new ArrayList<>();
        Headers.Layout table;
        Map<String, Field> block = new HashMap<>();
        List<SheetRow> items = new ArrayList<>();

        void row(SheetRow row) {
            if (table != null) {
                if (row.sheet().equals(table.sheet())) {
                    items.add(row);
                }
                return;
            }
            if (!row.sheet().equals(sheet)) {
                sheet = row.sheet();
                above = new ArrayList<>();
            }
            Optional<Headers.Layout> header = TABLE.match(row);
            if (header.isPresent()) {
                table = header.get();
                above.forEach(this::collectBlock);
            } else {
                // The rows just above the table: a header block sits right over it, however far down the sheet.
                if (above.size() == MAX_ROWS_ABOVE_TABLE) {
                    above.remove(0);
                }
                above.add(row);
            }
        }

        private void collectBlock(SheetRow row) {
            for (int i = 0; i < row.cells().size(); i++) {
                String text = row.cell(i).text();
                String label = label(text);
                if (label != null) {
                    block.putIfAbsent(label, valueRightOf(row, i, label));
                    continue;
                }
                // "检查日期：2026-11-20" in one cell
                int colon = Math.max(text.indexOf('：'), text.indexOf(':'));
                if (colon > 0) {
                    String inline = label(text.substring(0, colon));
                    if (inline != null) {
                        block.putIfAbsent(inline, new Field(row.sheet(), row.number(), i, CellValue.text(text.substring(colon + 1))));
                    }
                }
            }
        }

        private static Field valueRightOf(SheetRow row, int labelColumn, String label) {
            for (int j = labelColumn + 1; j < row.cells().size(); j++) {
                CellValue value = row.cell(j);
                if (value.isBlank()) {
                    continue;
                }
                if (label(value.text()) != null) {
                    break;
                }
                return new Field(row.sheet(), row.number(), j, value);
            }
            return new Field(row.sheet(), row.number(), labelColumn + 1, CellValue.EMPTY);
        }

        private static String label(String text) {
            String normalized = Headers.normalize(text);
            if (normalized.isEmpty()) {
                return null;
            }
            for (var entry : BLOCK_LABELS.entrySet()) {
                for (String alias : entry.getValue()) {
                    if (Headers.normalize(alias).equals(normalized)) {
                        return entry.getKey();
                    }
                }
            }
            return null;
        }
    }
}
