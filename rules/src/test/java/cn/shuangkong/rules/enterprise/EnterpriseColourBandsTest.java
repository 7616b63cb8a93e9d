package cn.shuangkong.rules.enterprise;

import static cn.shuangkong.rules.enterprise.TestEnterprise.RECENTLY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.Reason;

/**
 * The colour of the total (second table of {@code enterprise-points.drl.xlsx}, default policy): below 20 BLUE,
 * [20, 40) YELLOW, [40, 60) ORANGE, 60 and above RED; a negative total is BLUE.
 */
class EnterpriseColourBandsTest {

    private static final EnterpriseGrading GRADING = EnterpriseGrading.builtIn();

    /**
     * Enterprises whose points add up to each side of a band edge, with no escalation: OTHER (1) + open general hidden
     * dangers (1 each, at most 10) + orange risk points (3 each, at most 15) + yellow risk points (1 each, at most 5) +
     * third-level major hazard sources (5 each, at most 10) + overdue general hidden dangers (3 each, at most 15) +
     * first-level alarms of 近30日 (0.2 each, at most 4). Every point but the alarms' is whole, so the total closest
     * below an edge is edge − 0.2.
     */
    @ParameterizedTest(name = "total {6} → {7}")
    @CsvSource({
            "0,  0, 0, 0, 0, 0,  1,    BLUE,   A total under 20 is blue,            总分 1，低于 20 分：低风险（蓝）",
            "8,  3, 0, 0, 0, 9,  19.8, BLUE,   A total under 20 is blue,            总分 19.8，低于 20 分：低风险（蓝）",
            "10, 3, 0, 0, 0, 0,  20,   YELLOW, A total of 20 to under 40 is yellow, 总分 20，20 分及以上、低于 40 分：一般风险（黄）",
            "10, 5, 5, 1, 0, 19, 39.8, YELLOW, A total of 20 to under 40 is yellow, 总分 39.8，20 分及以上、低于 40 分：一般风险（黄）",
            "10, 5, 5, 1, 0, 20, 40,   ORANGE, A total of 40 to under 60 is orange, 总分 40，40 分及以上、低于 60 分：较大风险（橙）",
            "10, 5, 5, 2, 5, 19, 59.8, ORANGE, A total of 40 to under 60 is orange, 总分 59.8，40 分及以上、低于 60 分：较大风险（橙）",
            "10, 5, 5, 2, 5, 20, 60,   RED,    A total of 60 or more is red,        总分 60，60 分及以上：重大风险（红）",
            "11, 6, 6, 3, 6, 21, 60,   RED,    A total of 60 or more is red,        总分 60，60 分及以上：重大风险（红）",
    })
    void theTotalIsColouredByItsBand(int openGeneral, int orange, int yellow, int level3Hazards, int overdueGeneral, int alarms,
                                     BigDecimal total, Grade colour, String rule, String message) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other()
                .hiddenDangers(openGeneral, 0, overdueGeneral, 0)
                .riskPoints(0, orange, yellow, 0)
                .majorHazards(0, 0, level3Hazards, 0)
                .alarms(alarms, "LEVEL_1", RECENTLY.atTime(8, 0), true).facts());

        assertThat(grade.totalScore()).isEqualByComparingTo(total);
        assertThat(grade.scoreGrade()).isEqualTo(colour);
        assertThat(grade.grade()).isEqualTo(colour);
        assertThat(grade.escalations()).isEmpty();
        assertThat(grade.reasons()).contains(new Reason(rule, message, "默认策略"));
        assertThat(grade.reasons()).contains(new Reason("The total score is the sum of the indicators' points",
                "总分 " + total.toPlainString() + "：各项指标得分之和", "默认策略"));
    }

    /** Standardisation takes points off: a total below 0 is still BLUE. */
    @ParameterizedTest(name = "{0} at {1}: total {2} → BLUE")
    @CsvSource({
            "OTHER,    LEVEL_1, -4",
            "COMMERCE, LEVEL_2, -2",
            "OTHER,    LEVEL_3, 0",
    })
    void aNegativeTotalIsBlue(String industry, String level, BigDecimal total) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.of(industry).standardization(level).facts());

        assertThat(grade.totalScore()).isEqualByComparingTo(total);
        assertThat(grade.scoreGrade()).isEqualTo(Grade.BLUE);
        assertThat(grade.grade()).isEqualTo(Grade.BLUE);
        assertThat(grade.reasons()).extracting(Reason::rule).contains("A total under 20 is blue");
    }

    /** The band edges to the tenth and beyond, on totals that no enterprise's facts reach with the shipped table. */
    @ParameterizedTest(name = "total {0} → {1}")
    @CsvSource({
            "-100,     BLUE",
            "-0.1,     BLUE",
            "19.9,     BLUE",
            "19.99999, BLUE",
            "20,       YELLOW",
            "39.9,     YELLOW",
            "40,       ORANGE",
            "59.9,     ORANGE",
            "60,       RED",
            "1000,     RED",
    })
    void theBandEdgesAreLowerInclusiveUpperExclusive(String total, Grade colour) {
        assertThat(ShippedTable.colour(total)).isEqualTo(colour);
    }
}
