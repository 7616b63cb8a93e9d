package cn.shuangkong.service.excel;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One cell as read: its text as the user sees it (stripped; a number in plain notation; a date as ISO), and, when
 * the cell holds one, its number or its date. Formula cells give their cached result; nothing is ever evaluated.
 */
public record CellValue(String text, BigDecimal number, LocalDate date) {

    public static final CellValue EMPTY = new CellValue("", null, null);

    public static CellValue text(String text) {
        return text == null || text.isBlank() ? EMPTY : new CellValue(text.strip(), null, null);
    }

    public boolean isBlank() {
        return text.isEmpty();
    }
}
