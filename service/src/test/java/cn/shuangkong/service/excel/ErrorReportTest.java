package cn.shuangkong.service.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.shuangkong.service.api.model.SpreadsheetError;

class ErrorReportTest {

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void theReportListsEveryProblemAndMarksEachBadCellWithItsReason(String format) throws IOException {
        Workbook upload = format.equals("xlsx") ? new XSSFWorkbook() : new HSSFWorkbook();
        Sheet sheet = upload.createSheet("检查表");
        sheet.createRow(0).createCell(0).setCellValue("标题");
        sheet.createRow(4).createCell(5).setCellValue("合格了");
        sheet.getRow(4).createCell(1).setCellValue("CH-01");
        upload.createSheet("填写说明").createRow(0).createCell(0).setCellValue("说明");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        upload.write(bytes);
        upload.close();
        List<SpreadsheetError> errors = List.of(
                WorkbookReader.error("检查表", 5, 5, "检查结果“合格了”不在可选范围（合格、不合格、不适用）内"),
                WorkbookReader.error("检查表", 5, 5, "第二个问题"),
                new SpreadsheetError("表头缺少“检查日期”").sheet("检查表"));

        try (XSSFWorkbook report = new XSSFWorkbook(new ByteArrayInputStream(ErrorReport.render(bytes.toByteArray(), errors)))) {
            assertThat(report.getSheetAt(0).getSheetName()).isEqualTo("错误清单");
            assertThat(report.getSheetAt(0).getRow(2).getCell(3).getStringCellValue()).startsWith("检查结果“合格了”");
            assertThat(report.getSheetAt(0).getRow(4).getCell(3).getStringCellValue()).isEqualTo("表头缺少“检查日期”");
            assertThat(report.getSheetAt(1).getSheetName()).isEqualTo("检查表");
            assertThat(report.getNumberOfSheets()).as("only the sheets with problems").isEqualTo(2);
            XSSFCell bad = report.getSheet("检查表").getRow(4).getCell(5);
            assertThat(bad.getStringCellValue()).isEqualTo("合格了");
            assertThat(bad.getCellComment()).isNotNull();
            assertThat(bad.getCellComment().getString().getString()).isEqualTo("检查结果“合格了”不在可选范围（合格、不合格、不适用）内\n第二个问题");
            assertThat(bad.getCellStyle().getFillForegroundColorColor().getARGBHex()).endsWith("FFC7CE");
            assertThat(report.getSheet("检查表").getRow(4).getCell(1).getStringCellValue()).isEqualTo("CH-01");
            assertThat(report.getSheet("检查表").getRow(4).getCell(1).getCellComment()).isNull();
        }
    }
}
