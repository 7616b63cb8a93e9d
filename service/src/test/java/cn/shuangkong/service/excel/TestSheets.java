package cn.shuangkong.service.excel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Spreadsheets as the import tests upload them: hand-made ones, and downloaded templates filled in. */
public final class TestSheets {

    private TestSheets() {
    }

    /** A sheet of the user's own making: a title row, then {@code headers}, then the rows (from row 3). */
    public static byte[] handMade(String sheetName, String title, String[] headers, Object[]... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(sheetName);
            sheet.createRow(0).createCell(0).setCellValue(title);
            write(sheet, 1, new Object[][]{headers});
            write(sheet, 2, rows);
            return bytes(workbook);
        }
    }

    /** A downloaded template (title row, header row) with {@code rows} below its header, on its first sheet. */
    public static byte[] filled(byte[] template, Object[]... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            write(workbook.getSheetAt(0), 2, rows);
            return bytes(workbook);
        }
    }

    /** Writes {@code rows} from row index {@code firstRow}: numbers as numbers, anything else as text, null as no cell. */
    public static void write(Sheet sheet, int firstRow, Object[][] rows) {
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.getRow(firstRow + r) == null ? sheet.createRow(firstRow + r) : sheet.getRow(firstRow + r);
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else if (v != null) {
                    row.createCell(c).setCellValue(v.toString());
                }
            }
        }
    }

    public static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
