package cn.shuangkong.service.excel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellReference;

import cn.shuangkong.service.api.model.SpreadsheetError;

/**
 * The error report of a refused upload: a first sheet 错误清单 listing every problem, then each uploaded sheet that has
 * one, as it was read (values only), with every cell that has a problem filled red and commented with the reason. It is drawn
 * from the cells as {@link WorkbookReader} read them, so a report never parses anything the upload did not.
 */
public final class ErrorReport {

    static final String LIST_SHEET = "错误清单";

    private ErrorReport() {
    }

    /** Rows read for a report, at most: the largest import's own limit. */
    static final int MAX_ROWS = 200_000;

    public static byte[] render(byte[] content, List<SpreadsheetError> errors) {
        Map<String, Map<Integer, Map<Integer, List<String>>>> flagged = new HashMap<>();
        for (SpreadsheetError e : errors) {
            if (e.getSheet() != null && e.getRow() != null) {
                int column = e.getColumn() == null ? 0 : CellReference.convertColStringToIndex(e.getColumn());
                flagged.computeIfAbsent(e.getSheet(), s -> new HashMap<>()).computeIfAbsent(e.getRow(), r -> new HashMap<>())
                        .computeIfAbsent(column, c -> new ArrayList<>()).add(e.getMessage());
            }
        }
        try (WorkbookWriter book = new WorkbookWriter()) {
            SheetWriter list = book.sheet(uniqueName(LIST_SHEET, flagged.keySet())).widths(16, 8, 8, 80);
            list.title("导入错误清单（共 " + errors.size() + " 处，须全部改正后重新上传；本次未导入任何数据）", 4);
            list.header(List.of("工作表", "行", "列", "问题"));
            for (SpreadsheetError e : errors) {
                list.row(java.util.Arrays.asList(e.getSheet(), e.getRow(), e.getColumn(), e.getMessage()), true);
            }
            list.freeze(0, 2);
            // Only the sheets with problems, each written as it is read: a row in memory at a time.
            Map<String, SheetWriter> sheets = new HashMap<>();
            WorkbookReader.read(content, ReadLimits.rows(MAX_ROWS), row -> {
                Map<Integer, Map<Integer, List<String>>> marks = flagged.get(row.sheet());
                if (marks == null) {
                    return;
                }
                SheetWriter out = sheets.computeIfAbsent(row.sheet(), name -> {
                    int[] widths = new int[ReadLimits.rows(1).maxColumns()];
                    java.util.Arrays.fill(widths, 16);
                    return book.sheet(name).widths(widths);
                });
                Map<Integer, List<String>> rowMarks = marks.getOrDefault(row.number(), Map.of());
                List<Object> values = new ArrayList<>();
                int columns = Math.max(row.cells().size(), rowMarks.keySet().stream().mapToInt(c -> c + 1).max().orElse(0));
                for (int c = 0; c < columns; c++) {
                    values.add(row.cell(c).isBlank() ? null : row.cell(c).text());
                }
                out.at(row.number()).row(values, false);
                rowMarks.forEach((column, messages) -> out.flag(column, String.join("\n", messages)));
            });
            return book.toBytes();
        }
    }

    private static String uniqueName(String name, java.util.Set<String> taken) {
        String candidate = name;
        for (int i = 1; taken.contains(candidate); i++) {
            candidate = name + i;
        }
        return candidate;
    }
}
