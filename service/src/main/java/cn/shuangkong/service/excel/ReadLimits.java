package cn.shuangkong.service.excel;

/**
 * What one import may read: rows with content per sheet, columns per row (cells further right are ignored), and
 * characters per cell (Excel itself stops at 32,767).
 */
public record ReadLimits(int maxRowsPerSheet, int maxColumns, int maxCellChars) {

    public static final int EXCEL_CELL_CHARS = 32_767;

    public static ReadLimits rows(int maxRowsPerSheet) {
        return new ReadLimits(maxRowsPerSheet, 64, EXCEL_CELL_CHARS);
    }
}
