package cn.shuangkong.service.excel;

import java.util.List;

/**
 * A row of a sheet as read, {@code number} counted from 1 as Excel shows it; cells by column index from 0, trailing
 * blanks trimmed.
 */
public record SheetRow(String sheet, int number, List<CellValue> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    public CellValue cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : CellValue.EMPTY;
    }

    public boolean isBlank() {
        return cells.stream().allMatch(CellValue::isBlank);
    }
}
