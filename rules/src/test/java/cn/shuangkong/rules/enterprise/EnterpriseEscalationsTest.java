package cn.shuangkong.rules.enterprise;

import static cn.shuangkong.rules.enterprise.TestEnterprise.AS_OF;
import static cn.shuangkong.rules.enterprise.TestEnterprise.RECENTLY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.Reason;
import cn.shuangkong.rules.enterprise.EnterpriseGrade.Escalation;

/**
 * {@code enterprise-escalations.drl}: floors no score can lower (default policy). A death in the last 12 months or an
 * overdue major hidden danger makes the enterprise RED; an open major hidden danger, a first- or second-level major
 * hazard source or a red risk point makes it at least ORANGE. The colour is the most severe of the total's colour and
 * every floor.
 */
class EnterpriseEscalationsTest {

    private static final EnterpriseGrading GRADING = EnterpriseGrading.builtIn();

    private static final String DEATH = "A death in an accident in the last 12 months makes the enterprise red";
    private static final String OVERDUE_MAJOR = "An overdue major hidden danger makes the enterprise red";
    private static final String OPEN_MAJOR = "An open major hidden danger makes the enterprise at least orange";
    private static final String MAJOR_HAZARD = "A first- or second-level major hazard source makes the enterprise at least orange";
    private static final String RED_POINT = "A red risk point makes the enterprise at least orange";

    static Stream<Arguments> eachEscalationAlone() {
        return Stream.of(
                // 1 + 10 per open major danger
                Arguments.of(OPEN_MAJOR, (UnaryOperator<TestEnterprise>) e -> e.hiddenDangers(0, 1, 0, 0), "11", Grade.ORANGE,
                        "有 1 项重大事故隐患尚未销号：企业安全风险等级不低于较大风险（橙）"),
                // 1 + 15 per first-level source
                Arguments.of(MAJOR_HAZARD, (UnaryOperator<TestEnterprise>) e -> e.majorHazards(1, 0, 0, 0), "16", Grade.ORANGE,
                        "有一级重大危险源 1 个、二级重大危险源 0 个：企业安全风险等级不低于较大风险（橙）"),
                // 1 + 10 per second-level source
                Arguments.of(MAJOR_HAZARD, (UnaryOperator<TestEnterprise>) e -> e.majorHazards(0, 1, 0, 0), "11", Grade.ORANGE,
                        "有一级重大危险源 0 个、二级重大危险源 1 个：企业安全风险等级不低于较大风险（橙）"),
                // 1 + 10 per red risk point
                Arguments.of(RED_POINT, (UnaryOperator<TestEnterprise>) e -> e.riskPoints(1, 0, 0, 0), "11", Grade.ORANGE,
                        "有 1 个重大风险（红）风险点：企业安全风险等级不低于较大风险（橙）"),
                // 1 + 20 per overdue major danger − 5 for standardisation level 1
                Arguments.of(OVERDUE_MAJOR, (UnaryOperator<TestEnterprise>) e -> e.hiddenDangers(0, 0, 0, 1).standardization("LEVEL_1"), "16", Grade.RED,
                        "有 1 项重大事故隐患逾期未整改：企业安全风险等级不低于重大风险（红），任何得分不能降低"));
    }

    /** Each escalation alone, on an enterprise whose total is BLUE: the colour is exactly its floor, and it says why. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("eachEscalationAlone")
    void eachEscalationAloneGivesItsFloor(String rule, UnaryOperator<TestEnterprise> facts, BigDecimal total, Grade floor, String message) {
        EnterpriseGrade grade = GRADING.grade(facts.apply(TestEnterprise.other()).facts());

        assertThat(grade.totalScore()).isEqualByComparingTo(total);
        assertThat(grade.scoreGrade()).isEqualTo(Grade.BLUE);
        assertThat(grade.grade()).isEqualTo(floor);
        assertThat(grade.escalations()).singleElement().satisfies(escalation -> {
            assertThat(escalation.rule()).isEqualTo(rule);
            assertThat(escalation.floor()).isEqualTo(floor);
            assertThat(escalation.message()).isEqualTo(message);
            assertThat(escalation.clause()).startsWith("默认策略");
        });
        assertThat(grade.reasons()).last().isEqualTo(new Reason(rule, message, grade.escalations().get(0).clause()));
    }

    /**
     * A death in the last 12 months scores at least 1 + 5 (the accident) + 40 (the death) − 5 (standardisation level 1)
     * = 41, ORANGE: no enterprise with such a death has a BLUE total. Its floor makes it RED.
     */
    @ParameterizedTest(name = "{0} death(s) on {1}: total {2} ({3}) → RED")
    @CsvSource({
            "1, 2026-06-30, 41, ORANGE",
            "1, 2025-07-01, 41, ORANGE",
            "2, 2026-01-10, 51, ORANGE",
            "3, 2026-01-10, 61, RED",
    })
    void aDeathInTheLastTwelveMonthsMakesTheEnterpriseRed(int deaths, LocalDate on, BigDecimal total, Grade scoreGrade) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other().standardization("LEVEL_1").accident(on, deaths, 0).facts());

        assertThat(grade.totalScore()).isEqualByComparingTo(total);
        assertThat(grade.scoreGrade()).isEqualTo(scoreGrade);
        assertThat(grade.grade()).isEqualTo(Grade.RED);
        assertThat(grade.escalations()).singleElement().satisfies(escalation -> {
            assertThat(escalation.rule()).isEqualTo(DEATH);
            assertThat(escalation.floor()).isEqualTo(Grade.RED);
            assertThat(escalation.message()).isEqualTo("近12个月发生生产安全事故死亡 " + deaths + " 人：企业安全风险等级不低于重大风险（红），任何得分不能降低");
            assertThat(escalation.clause()).startsWith("默认策略").contains("《重大风险判定原则》第2项");
        });
    }

    /** An escalation is a floor: it never lowers the colour of a higher total. Yellow risk points 5 (5) + open general dangers 10 (10) + OTHER 1 each time. */
    @ParameterizedTest(name = "{0}: total {5} ({6}) → {7}")
    @CsvSource({
            "3 red risk points and 5 orange,   3, 5, 0, 0, 61, RED,    RED",
            "3 open major dangers and 5 orange, 0, 5, 3, 0, 61, RED,    RED",
            "1 red risk point and 5 orange,    1, 5, 0, 0, 41, ORANGE, ORANGE",
            "1 first-level source and 5 orange, 0, 5, 0, 1, 46, ORANGE, ORANGE",
            "1 red risk point,                 1, 0, 0, 0, 26, YELLOW, ORANGE",
    })
    void anEscalationNeverLowersAHigherColour(String description, int redPoints, int orangePoints, int openMajor, int level1Sources,
                                              BigDecimal total, Grade scoreGrade, Grade colour) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other()
                .riskPoints(redPoints, orangePoints, 5, 0)
                .hiddenDangers(10, openMajor, 0, 0)
                .majorHazards(level1Sources, 0, 0, 0).facts());

        assertThat(grade.totalScore()).isEqualByComparingTo(total);
        assertThat(grade.scoreGrade()).isEqualTo(scoreGrade);
        assertThat(grade.grade()).isEqualTo(colour);
        assertThat(grade.escalations()).singleElement().extracting(Escalation::floor).isEqualTo(Grade.ORANGE);
    }

    /** Several escalations: every one is recorded and the most severe floor wins. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            "open and overdue major danger;          RED;    0; 1; 1; 0; 0; An open major hidden danger makes the enterprise at least orange, An overdue major hidden danger makes the enterprise red",
            "red risk point and level 2 source;      ORANGE; 1; 0; 0; 1; 0; A first- or second-level major hazard source makes the enterprise at least orange, A red risk point makes the enterprise at least orange",
            "death and open major danger;            RED;    0; 1; 0; 0; 1; A death in an accident in the last 12 months makes the enterprise red, An open major hidden danger makes the enterprise at least orange",
            "all five;                               RED;    1; 1; 1; 1; 1; A death in an accident in the last 12 months makes the enterprise red, An overdue major hidden danger makes the enterprise red, An open major hidden danger makes the enterprise at least orange, A first- or second-level major hazard source makes the enterprise at least orange, A red risk point makes the enterprise at least orange",
    })
    void theMostSevereFloorWins(String description, Grade colour, int redPoints, int openMajor, int overdueMajor, int level2Sources,
                                int deaths, String rules) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other()
                .riskPoints(redPoints, 0, 0, 0)
                .hiddenDangers(0, openMajor, 0, overdueMajor)
                .majorHazards(0, level2Sources, 0, 0)
                .accident(RECENTLY, deaths, 0).facts());

        assertThat(grade.grade()).isEqualTo(colour);
        assertThat(grade.escalations()).extracting(Escalation::rule).containsExactlyInAnyOrder(rules.split(", "));
    }

    /** What does not escalate: a death before the last 12 months, a third- or fourth-level source, orange points, general dangers. */
    @ParameterizedTest(name = "{0}: total {1}, BLUE")
    @CsvSource({
            "a death 13 months ago,                     6",
            "a death exactly one year ago,              6",
            "a third-level major hazard source,         6",
            "a fourth-level major hazard source,        4",
            "an orange risk point,                      4",
            "an overdue general hidden danger,          4",
            "an open general hidden danger,             2",
    })
    void theseDoNotEscalate(String description, BigDecimal total) {
        TestEnterprise enterprise = TestEnterprise.other();
        switch (description) {
            case "a death 13 months ago" -> enterprise.accident(AS_OF.minusMonths(13), 1, 0);
            case "a death exactly one year ago" -> enterprise.accident(AS_OF.minusYears(1), 1, 0);
            case "a third-level major hazard source" -> enterprise.majorHazards(0, 0, 1, 0);
            case "a fourth-level major hazard source" -> enterprise.majorHazards(0, 0, 0, 1);
            case "an orange risk point" -> enterprise.riskPoints(0, 1, 0, 0);
            case "an overdue general hidden danger" -> enterprise.hiddenDangers(0, 0, 1, 0);
            case "an open general hidden danger" -> enterprise.hiddenDangers(1, 0, 0, 0);
            default -> throw new IllegalArgumentException(description);
        }
        EnterpriseGrade grade = GRADING.grade(enterprise.facts());

        assertThat(grade.totalScore()).isEqualByComparingTo(total);
        assertThat(grade.escalations()).isEmpty();
        assertThat(grade.grade()).isEqualTo(Grade.BLUE);
    }
}
