package cn.shuangkong.rules.riskpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.InvalidFactException;
import cn.shuangkong.rules.Reason;

/** LEC bands of standards.md §0 (default policy): D > 320 RED, 160 < D ≤ 320 ORANGE, 70 < D ≤ 160 YELLOW, D ≤ 70 BLUE. */
class LecGradingTest {

    private static final RiskPointGrading GRADING = new RiskPointGrading();

    @ParameterizedTest(name = "L={0} E={1} C={2} → D={3} {4}")
    @CsvSource({
            // L,   E,   C,   D,     grade
            "10,  10,  100, 10000, RED",
            "3,   3,   40,  360,   RED",    // smallest scale product above 320
            "10,  2,   15,  300,   ORANGE", // largest scale product not above 320
            "6,   2,   15,  180,   ORANGE",
            "10,  1,   15,  150,   YELLOW",
            "3,   6,   7,   126,   YELLOW",
            "1,   10,  7,   70,    BLUE",   // D = 70 is still low risk
            "0.1, 0.5, 1,   0.05,  BLUE",
    })
    void scaleValuesAreGradedByTheDefaultBands(String l, String e, String c, String d, Grade grade) {
        RiskPointGrade result = GRADING.gradeLec(new BigDecimal(l), new BigDecimal(e), new BigDecimal(c));

        assertThat(result.grade()).isEqualTo(grade);
        assertThat(result.score()).isEqualByComparingTo(d);
        assertThat(result.reasons()).singleElement().extracting(Reason::clause).isEqualTo(Reason.DEFAULT_POLICY);
        assertThat(result.ruleSetVersion()).hasSize(64);
    }

    @ParameterizedTest(name = "D={0} → {1}")
    @CsvSource({
            "320.01, RED",
            "320,    ORANGE",
            "160.01, ORANGE",
            "160,    YELLOW",
            "70.01,  YELLOW",
            "70,     BLUE",
    })
    void bandBoundsAreExclusiveBelowAndInclusiveAbove(String d, Grade grade) {
        RiskPointGrade result = GRADING.grade(new LecAssessment(BigDecimal.ONE, BigDecimal.ONE, new BigDecimal(d)));

        assertThat(result.grade()).isEqualTo(grade);
        assertThat(result.reasons()).singleElement().satisfies(reason ->
                assertThat(reason.message()).startsWith("D = " + new BigDecimal(d).stripTrailingZeros().toPlainString() + "，"));
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({
            "l, 5,   6,  7",
            "e, 6,   4,  7",
            "c, 6,   6,  50",
            "l, 0,   6,  7",
    })
    void valuesOffTheLecScalesAreRefusedNamingTheField(String field, String l, String e, String c) {
        assertThatThrownBy(() -> GRADING.gradeLec(new BigDecimal(l), new BigDecimal(e), new BigDecimal(c)))
                .isInstanceOf(InvalidFactException.class)
                .extracting(ex -> ((InvalidFactException) ex).field())
                .isEqualTo(field);
    }
}
