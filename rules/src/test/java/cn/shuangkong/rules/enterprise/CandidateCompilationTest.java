package cn.shuangkong.rules.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.riskpoint.RiskPointGrading;

/**
 * An uploaded table is compiled from its own bytes even in a process where the classpath's rule sets are loaded, as in
 * the service. With the rules inside a jar (the service's fat jar), Drools used to read the classpath's table of the same
 * path instead, and a candidate graded exactly like the built-in table; from exploded classes, as here, it did not, so
 * this test states the behaviour and the fat jar is checked by the README's tour of candidates.
 */
class CandidateCompilationTest {

    @Test
    void aCandidateGradesWithItsOwnBandsAfterTheClasspathRuleSetsAreLoaded() throws IOException {
        EnterpriseGrading builtIn = EnterpriseGrading.builtIn();
        new RiskPointGrading();
        EnterpriseGrading candidate = EnterpriseGrading.withTable(blueBelowFive(EnterpriseGrading.builtInTable()));

        // 纺织 2 + 100–299 employees 2 + 标准化未达标 3 = 7 (default policy table)
        EnterpriseFacts seven = TestEnterprise.of("TEXTILE").employees(150).standardization("NONE").facts();
        assertThat(builtIn.grade(seven).grade()).isEqualTo(Grade.BLUE);
        EnterpriseGrade graded = candidate.grade(seven);
        assertThat(graded.totalScore()).isEqualByComparingTo("7");
        assertThat(graded.grade()).isEqualTo(Grade.YELLOW);
        assertThat(graded.scoreReason().rule()).isEqualTo("A total of 5 to under 40 is yellow");
        assertThat(candidate.ruleSetVersion()).isNotEqualTo(builtIn.ruleSetVersion());
    }

    /** The shipped table with blue below 5 (not 20) and yellow from 5. */
    static byte[] blueBelowFive(byte[] table) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(table))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                String name = row.getCell(0) == null ? "" : row.getCell(0).toString();
                if (name.equals("A total under 20 is blue")) {
                    row.getCell(0).setCellValue("A total under 5 is blue");
                    row.getCell(2).setCellValue(5);
                } else if (name.equals("A total of 20 to under 40 is yellow")) {
                    row.getCell(0).setCellValue("A total of 5 to under 40 is yellow");
                    row.getCell(1).setCellValue(5);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
