package cn.shuangkong.service.excel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * Writes one sheet top to bottom: rows in order, each cell styled by the type of its value: a {@link LocalDate} is a
 * date cell, a {@link LocalDateTime} a date-time cell (already in the zone the reader should see), a number a numeric
 * cell, a {@link Percent} a percentage, anything else text.
 */
public final class SheetWriter {

    /** A blank cell formatted for a date, for the user to fill. */
    public static final Object DATE_INPUT = new Object();

    /** A fraction shown as a percentage with two decimals (0.8333 reads 83.33%); a null fraction leaves the cell blank. */
    public record Percent(BigDecimal fraction) {
    }

    private final WorkbookWriter book;
    private final SXSSFSheet sheet;
    private Drawing<?> drawing;
    private int next;

    SheetWriter(WorkbookWriter book, SXSSFSheet sheet) {
        this.book = book;
        this.sheet = sheet;
    }

    /** The 1-based number the next row will have. */
    public int nextRowNumber() {
        return next + 1;
    }

    public SheetWriter widths(int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, Math.min(255, characters[i]) * 256);
        }
        return this;
    }

    /** A title across {@code columns} columns. */
    public SheetWriter title(String text, int columns) {
        Row row = sheet.createRow(next);
        row.setHeightInPoints(28);
        Cell cell = row.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(book.title);
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(next, next, 0, columns - 1));
        }
        next++;
        return this;
    }

    /** A row of label / value pairs (a header block such as 企业名称 | …). */
    public SheetWriter labelled(Object... labelsAndValues) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < labelsAndValues.length; i++) {
            Cell cell = row.createCell(i);
            if (i % 2 == 0) {
                cell.setCellValue(String.valueOf(labelsAndValues[i]));
                cell.setCellStyle(book.label);
            } else {
                set(cell, labelsAndValues[i], false);
            }
        }
        return this;
    }

    public SheetWriter header(List<String> headers) {
        Row row = sheet.createRow(next++);
        row.setHeightInPoints(30);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(book.header);
        }
        return this;
    }

    public SheetWriter row(List<?> values) {
        return row(values, false);
    }

    /** A data row; long texts wrap when {@code wrap}. Returns this writer; the row's number is {@link #nextRowNumber()} − 1. */
    public SheetWriter row(List<?> values, boolean wrap) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.size(); i++) {
            set(row.createCell(i), values.get(i), wrap);
        }
        return this;
    }

    /** Moves down to row {@code rowNumber} (1-based); rows are written top to bottom, never back. */
    public SheetWriter at(int rowNumber) {
        if (rowNumber - 1 < next) {
            throw new IllegalArgumentException("row " + rowNumber + " is above the next row " + (next + 1));
        }
        next = rowNumber - 1;
        return this;
    }

    public SheetWriter blank() {
        next++;
        return this;
    }

    /** Fills the cell of the last written row at {@code column}. */
    public SheetWriter fill(int column, WorkbookWriter.Fill fill) {
        Row row = sheet.getRow(next - 1);
        Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
        cell.setCellStyle(book.fill(fill));
        return this;
    }

    /** Fills and comments a cell of the last written row (the error report). */
    public SheetWriter flag(int column, String comment) {
        fill(column, WorkbookWriter.Fill.ERROR);
        if (drawing == null) {
            drawing = sheet.createDrawingPatriarch();
        }
        ClientAnchor anchor = book.workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(column);
        anchor.setCol2(column + 4);
        anchor.setRow1(next - 1);
        anchor.setRow2(next + 3);
        Comment note = drawing.createCellComment(anchor);
        note.setString(book.workbook.getCreationHelper().createRichTextString(comment));
        note.setAuthor("双控");
        note.setAddress(next - 1, column);
        return this;
    }

    /** Freezes the rows above {@code rows} and the columns left of {@code columns}. */
    public SheetWriter freeze(int columns, int rows) {
        sheet.createFreezePane(columns, rows);
        return this;
    }

    /** An autofilter over the header row (1-based) and the rows written below it. */
    public SheetWriter autoFilter(int headerRow, int columns) {
        sheet.setAutoFilter(new CellRangeAddress(headerRow - 1, Math.max(headerRow - 1, next - 1), 0, columns - 1));
        return this;
    }

    /** A dropdown of {@code choices} on column {@code column}, rows {@code firstRow}..{@code lastRow} (1-based). */
    public SheetWriter dropdown(int column, int firstRow, int lastRow, List<String> choices, String error) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint = helper.createExplicitListConstraint(choices.toArray(String[]::new));
        DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(firstRow - 1, lastRow - 1, column, column));
        validation.setShowErrorBox(true);
        validation.setSuppressDropDownArrow(true);
        validation.setEmptyCellAllowed(true);
        validation.createErrorBox("输入有误", error);
        sheet.addValidationData(validation);
        return this;
    }

    private void set(Cell cell, Object value, boolean wrap) {
        if (value == null) {
            cell.setCellStyle(book.text);
        } else if (value == DATE_INPUT) {
            cell.setCellStyle(book.date);
        } else if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(book.date);
        } else if (value instanceof LocalDateTime time) {
            cell.setCellValue(time);
            cell.setCellStyle(book.formatted("yyyy-mm-dd hh:mm"));
        } else if (value instanceof Percent p) {
            if (p.fraction() != null) {
                cell.setCellValue(p.fraction().doubleValue());
            }
            cell.setCellStyle(book.formatted("0.00%"));
        } else if (value instanceof BigDecimal decimal) {
            cell.setCellValue(decimal.doubleValue());
            cell.setCellStyle(book.number);
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(book.number);
        } else {
            cell.setCellValue(value.toString());
            cell.setCellStyle(wrap ? book.wrapped : book.text);
        }
    }
}
