package cn.shuangkong.service.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import cn.shuangkong.rules.checklist.Checklist;
import cn.shuangkong.rules.checklist.ChecklistCatalogue;

/**
 * The templates under {@code templates/} are exactly what the service serves: each is drawn again and compared byte
 * for byte. After a change to a checklist or the template, regenerate them (and the filled samples) with
 * {@code ./mvnw -pl service -am test -Dtest=TemplateFilesTest -Dshuangkong.templates.update=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TemplateFilesTest {

    static final Path TEMPLATES = Path.of("..", "templates");
    static final boolean UPDATE = Boolean.getBoolean("shuangkong.templates.update");
    static final ChecklistCatalogue CATALOGUE = ChecklistCatalogue.standard();

    static Path templateFile(String code) {
        return TEMPLATES.resolve("checklist-" + code + ".xlsx");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GENERAL", "INDUSTRY_TRADE", "CHEMICAL"})
    void theCommittedTemplateIsWhatTheServiceServes(String code) throws IOException {
        byte[] drawn = ChecklistTemplates.draw(CATALOGUE.find(code).orElseThrow());
        Path committed = templateFile(code);
        if (UPDATE) {
            Files.write(committed, drawn);
        }
        assertThat(committed).as("run with -Dshuangkong.templates.update=true to regenerate").exists();
        if (!java.util.Arrays.equals(Files.readAllBytes(committed), drawn)) {
            Path mismatch = Path.of("target", "templates-drawn", committed.getFileName().toString());
            Files.createDirectories(mismatch.getParent());
            Files.write(mismatch, drawn);
        }
        assertThat(Files.readAllBytes(committed)).as(committed + " differs from the template the service draws; "
                + "run with -Dshuangkong.templates.update=true to regenerate").isEqualTo(drawn);
    }

    @Test
    void aTemplateHasItsHeaderBlockOneRowPerItemAResultDropdownAndFrozenPanes() throws IOException {
        Checklist chemical = CATALOGUE.find("CHEMICAL").orElseThrow();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ChecklistTemplates.draw(chemical)))) {
            XSSFSheet sheet = workbook.getSheet(ChecklistTemplates.SHEET);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("企业统一社会信用代码");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("检查日期");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("检查类型");
            Row header = sheet.getRow(ChecklistTemplates.HEADER_ROW - 1);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("检查项编号");
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("检查结果");
            assertThat(sheet.getLastRowNum() + 1).isEqualTo(ChecklistTemplates.HEADER_ROW + chemical.items().size());
            Row first = sheet.getRow(ChecklistTemplates.HEADER_ROW);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("CH-01");
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("是");
            DataValidation results = sheet.getDataValidations().stream()
                    .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == 5).findFirst().orElseThrow();
            assertThat(results.getValidationConstraint().getExplicitListValues()).containsExactly("合格", "不合格", "不适用");
            assertThat(results.getRegions().getCellRangeAddress(0).getFirstRow()).isEqualTo(ChecklistTemplates.HEADER_ROW);
            assertThat(results.getRegions().getCellRangeAddress(0).getLastRow()).isEqualTo(ChecklistTemplates.HEADER_ROW + chemical.items().size() - 1);
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) ChecklistTemplates.HEADER_ROW);
            assertThat(sheet.getColumnWidth(2)).isGreaterThan(sheet.getColumnWidth(0));
            assertThat(workbook.getSheet(ChecklistTemplates.GUIDE_SHEET)).isNotNull();
        }
    }

    // --- the filled samples under templates/samples/, made once from the templates (regenerated with the update flag) ---

    static final Path SAMPLES = TEMPLATES.resolve("samples");
    /** An inspector of 鹿城区 inspecting 温州瓯江化工储运 (demo data): two failures, one of them a 121号 major item. */
    static final Path CHEMICAL_SAMPLE = SAMPLES.resolve("checklist-CHEMICAL-filled.xlsx");
    /** The same enterprise's own 日常排查 on the general checklist, saved in the legacy .xls format. */
    static final Path GENERAL_XLS_SAMPLE = SAMPLES.resolve("checklist-GENERAL-self-inspection.xls");

    @Test
    void writeSamplesWhenAsked() throws IOException {
        if (!UPDATE) {
            assertThat(CHEMICAL_SAMPLE).exists();
            assertThat(GENERAL_XLS_SAMPLE).exists();
            return;
        }
        Files.createDirectories(SAMPLES);
        Files.write(CHEMICAL_SAMPLE, filled("CHEMICAL", "91330302MA2AK7L1XU", "温州瓯江化工储运有限公司", LocalDate.of(2026, 11, 20), "王明、李强", "监管检查",
                Map.of("CH-12", new String[]{"不合格", "罐区 3 台可燃气体检测报警仪未投用", "甲类罐区", ""},
                        "CH-G06", new String[]{"不合格", "2 台有毒气体检测报警器检定证书过期", "二号仓库", "2026-12-05"},
                        "CH-06", new String[]{"不适用", "", "", ""}), false));
        Files.write(GENERAL_XLS_SAMPLE, filled("GENERAL", "91330302MA2AK7L1XU", "温州瓯江化工储运有限公司", LocalDate.of(2026, 11, 18), "安全科 陈建国", "日常排查",
                Map.of("GEN-25", new String[]{"不合格", "二号车间疏散通道堆放杂物", "二号车间", ""}), true));
    }

    /** The template of {@code code} filled as an inspector would, every unmentioned item 合格; as .xls when {@code xls}. */
    static byte[] filled(String code, String uscc, String name, LocalDate day, String inspectors, String type, Map<String, String[]> answers,
                         boolean xls) throws IOException {
        Checklist checklist = CATALOGUE.find(code).orElseThrow();
        try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(ChecklistTemplates.draw(checklist)));
             Workbook out = xls ? new HSSFWorkbook() : template) {
            Sheet sheet = template.getSheet(ChecklistTemplates.SHEET);
            sheet.getRow(1).getCell(1).setCellValue(uscc);
            sheet.getRow(1).getCell(3).setCellValue(name);
            sheet.getRow(2).getCell(1).setCellValue(day);
            sheet.getRow(2).getCell(3).setCellValue(inspectors);
            sheet.getRow(3).getCell(1).setCellValue(type);
            for (int r = ChecklistTemplates.HEADER_ROW; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String[] answer = answers.getOrDefault(row.getCell(1).getStringCellValue(), new String[]{"合格", "", "", ""});
                row.getCell(5).setCellValue(answer[0]);
                if (!answer[1].isEmpty()) {
                    row.getCell(6).setCellValue(answer[1]);
                }
                if (!answer[2].isEmpty()) {
                    row.getCell(7).setCellValue(answer[2]);
                }
                if (!answer[3].isEmpty()) {
                    row.getCell(8).setCellValue(LocalDate.parse(answer[3]));
                }
            }
            if (xls) {
                copyValues(template, out);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            out.write(bytes);
            return bytes.toByteArray();
        }
    }

    /** The values (and date formats) of every sheet of {@code from}, as .xls. */
    static void copyValues(Workbook from, Workbook to) {
        var dateStyle = to.createCellStyle();
        dateStyle.setDataFormat(to.createDataFormat().getFormat("yyyy-mm-dd"));
        for (Sheet source : from) {
            Sheet target = to.createSheet(source.getSheetName());
            for (Row row : source) {
                Row copy = target.createRow(row.getRowNum());
                for (Cell cell : row) {
                    Cell c = copy.createCell(cell.getColumnIndex());
                    if (cell.getCellType() == CellType.NUMERIC) {
                        if (org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
                            c.setCellValue(cell.getLocalDateTimeCellValue());
                            c.setCellStyle(dateStyle);
                        } else {
                            c.setCellValue(cell.getNumericCellValue());
                        }
                    } else if (cell.getCellType() == CellType.STRING) {
                        c.setCellValue(cell.getStringCellValue());
                    }
                }
            }
        }
    }
}
