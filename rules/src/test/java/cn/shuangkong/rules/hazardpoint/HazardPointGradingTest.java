package cn.shuangkong.rules.hazardpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.InvalidFactException;
import cn.shuangkong.rules.Reason;

class HazardPointGradingTest {

    private static final HazardPointGrading GRADING = new HazardPointGrading();

    /** The clause every band row cites: the 险情 scheme of the provincial emergency plans, standards.md §6.2. */
    private static final String SCALE_SOURCE = "地质灾害险情分级（省级地质灾害应急预案，standards.md §6.2）";

    /**
     * standards.md §6.2 险情 by 受威胁需搬迁转移人数: 特大型 ≥1000, 大型 500–1000, 中型 100–500, 小型 <100; "以上" includes
     * the number and "以下" excludes it (§0), so each lower bound belongs to its band and each upper bound to the next.
     */
    @ParameterizedTest(name = "{0} people → {1} ({2})")
    @CsvSource({
            "0,          SMALL,  People under 100 is small danger",
            "99,         SMALL,  People under 100 is small danger",
            "100,        MEDIUM, People 100 to under 500 is medium danger",
            "499,        MEDIUM, People 100 to under 500 is medium danger",
            "500,        LARGE,  People 500 to under 1000 is large danger",
            "999,        LARGE,  People 500 to under 1000 is large danger",
            "1000,       HUGE,   People >=1000 is huge danger",
            "250000,     HUGE,   People >=1000 is huge danger",
            "2147483647, HUGE,   People >=1000 is huge danger",
    })
    void threatenedPeopleAreScaledBySection6_2(int people, DangerScale scale, String rule) {
        HazardPointGrade result = GRADING.grade(new HazardPointInput(HazardPointType.LANDSLIDE, people, BigDecimal.ZERO));

        assertThat(result.peopleScale()).isEqualTo(scale);
        assertThat(result.lossScale()).isEqualTo(DangerScale.SMALL);
        assertThat(result.scale()).isEqualTo(scale);
        assertThat(result.reasons().get(0)).satisfies(reason -> {
            assertThat(reason.rule()).isEqualTo(rule);
            assertThat(reason.clause()).isEqualTo(SCALE_SOURCE);
            assertThat(reason.message()).startsWith("受威胁人数 " + people + " 人，").endsWith("险情为" + scale.label());
        });
    }

    /**
     * standards.md §6.2 险情 by 潜在经济损失: 特大型 ≥1亿元, 大型 5000万–1亿元, 中型 500万–5000万元, 小型 <500万元; lower
     * bounds inclusive, upper exclusive (§0). The message quotes the loss as given, without trailing zeros.
     */
    @ParameterizedTest(name = "{0} yuan → {1} ({2})")
    @CsvSource({
            "0,             SMALL,  Loss under 5000000 yuan is small danger,                     0",
            "4999999.99,    SMALL,  Loss under 5000000 yuan is small danger,                     4999999.99",
            "5000000,       MEDIUM, Loss 5000000 to under 50000000 yuan is medium danger,         5000000",
            "49999999.99,   MEDIUM, Loss 5000000 to under 50000000 yuan is medium danger,         49999999.99",
            "50000000,      LARGE,  Loss 50000000 to under 100000000 yuan is large danger,        50000000",
            "99999999.99,   LARGE,  Loss 50000000 to under 100000000 yuan is large danger,        99999999.99",
            "100000000,     HUGE,   Loss >=100000000 yuan is huge danger,                         100000000",
            "100000000.00,  HUGE,   Loss >=100000000 yuan is huge danger,                         100000000",
            "1E+12,         HUGE,   Loss >=100000000 yuan is huge danger,                         1000000000000",
    })
    void potentialLossIsScaledBySection6_2(BigDecimal loss, DangerScale scale, String rule, String quoted) {
        HazardPointGrade result = GRADING.grade(new HazardPointInput(HazardPointType.DEBRIS_FLOW, 0, loss));

        assertThat(result.lossScale()).isEqualTo(scale);
        assertThat(result.peopleScale()).isEqualTo(DangerScale.SMALL);
        assertThat(result.scale()).isEqualTo(scale);
        assertThat(result.reasons().get(1)).satisfies(reason -> {
            assertThat(reason.rule()).isEqualTo(rule);
            assertThat(reason.clause()).isEqualTo(SCALE_SOURCE);
            assertThat(reason.message()).startsWith("潜在经济损失 " + quoted + " 元，").endsWith("险情为" + scale.label());
        });
    }

    /** standards.md §0 (默认策略): when people and loss disagree, the larger scale wins — in either direction. */
    @ParameterizedTest(name = "{0} people, {1} yuan → people {2}, loss {3} → {4}")
    @CsvSource({
            "1000, 0,           HUGE,   SMALL,  HUGE",   // people decide
            "0,    100000000,   SMALL,  HUGE,   HUGE",   // loss decides
            "999,  100000000,   LARGE,  HUGE,   HUGE",
            "1000, 99999999.99, HUGE,   LARGE,  HUGE",
            "500,  49999999.99, LARGE,  MEDIUM, LARGE",
            "499,  50000000,    MEDIUM, LARGE,  LARGE",
            "100,  4999999.99,  MEDIUM, SMALL,  MEDIUM",
            "99,   5000000,     SMALL,  MEDIUM, MEDIUM",
            "99,   4999999.99,  SMALL,  SMALL,  SMALL",   // both small
            "700,  70000000,    LARGE,  LARGE,  LARGE",   // both agree
    })
    void theLargerOfTheTwoScalesWins(int people, BigDecimal loss, DangerScale peopleScale, DangerScale lossScale, DangerScale scale) {
        HazardPointGrade result = GRADING.grade(new HazardPointInput(HazardPointType.COLLAPSE, people, loss));

        assertThat(result.peopleScale()).isEqualTo(peopleScale);
        assertThat(result.lossScale()).isEqualTo(lossScale);
        assertThat(result.scale()).isEqualTo(scale);
        assertThat(result.reasons().get(2)).isEqualTo(new Reason("The larger of the people and loss scales is the danger scale",
                "按受威胁人数为" + peopleScale.label() + "，按潜在经济损失为" + lossScale.label() + "，取两者中较大者，险情为" + scale.label(),
                Reason.DEFAULT_POLICY));
    }

    /** standards.md §0 (默认策略): 特大型 RED, 大型 ORANGE, 中型 YELLOW, 小型 BLUE. */
    @ParameterizedTest(name = "{0} people → {1} → {2}")
    @CsvSource({
            "1000, HUGE,   RED,    Huge danger is red,       险情为特大型，标为红色",
            "500,  LARGE,  ORANGE, Large danger is orange,   险情为大型，标为橙色",
            "100,  MEDIUM, YELLOW, Medium danger is yellow,  险情为中型，标为黄色",
            "0,    SMALL,  BLUE,   Small danger is blue,     险情为小型，标为蓝色",
    })
    void eachScaleHasItsDefaultColour(int people, DangerScale scale, Grade grade, String rule, String message) {
        HazardPointGrade result = GRADING.grade(new HazardPointInput(HazardPointType.GROUND_FISSURE, people, BigDecimal.ZERO));

        assertThat(result.scale()).isEqualTo(scale);
        assertThat(result.grade()).isEqualTo(grade);
        assertThat(result.reasons().get(3)).isEqualTo(new Reason(rule, message, Reason.DEFAULT_POLICY));
    }

    /** The scale does not depend on the kind of hazard: every type of 地质灾害隐患点 is accepted and graded alike. */
    @ParameterizedTest
    @EnumSource(HazardPointType.class)
    void everyHazardTypeIsGraded(HazardPointType type) {
        HazardPointGrade result = GRADING.grade(new HazardPointInput(type, 120, new BigDecimal("60000000")));

        assertThat(result.type()).isEqualTo(type);
        assertThat(result.peopleScale()).isEqualTo(DangerScale.MEDIUM);
        assertThat(result.lossScale()).isEqualTo(DangerScale.LARGE);
        assertThat(result.scale()).isEqualTo(DangerScale.LARGE);
        assertThat(result.grade()).isEqualTo(Grade.ORANGE);
    }

    /** Every grading gives four reasons in one order: people band and loss band (§6.2), larger wins and colour (默认策略). */
    @Test
    void reasonsCiteSection6_2ForTheBandsAndDefaultPolicyForTheRest() {
        HazardPointGrade result = GRADING.grade(new HazardPointInput(HazardPointType.UNSTABLE_SLOPE, 1200, new BigDecimal("30000000.50")));

        assertThat(result.reasons()).containsExactly(
                new Reason("People >=1000 is huge danger", "受威胁人数 1200 人，达到 1000 人以上，险情为特大型", SCALE_SOURCE),
                new Reason("Loss 5000000 to under 50000000 yuan is medium danger",
                        "潜在经济损失 30000000.5 元，在 500 万元以上、5000 万元以下，险情为中型", SCALE_SOURCE),
                new Reason("The larger of the people and loss scales is the danger scale",
                        "按受威胁人数为特大型，按潜在经济损失为中型，取两者中较大者，险情为特大型", Reason.DEFAULT_POLICY),
                new Reason("Huge danger is red", "险情为特大型，标为红色", Reason.DEFAULT_POLICY));
        assertThat(result.grade()).isEqualTo(Grade.RED);
    }

    @Test
    void theSameInputGivesTheSameResultAndReasonsInTheSameOrder() {
        HazardPointInput input = new HazardPointInput(HazardPointType.LAND_SUBSIDENCE, 99, new BigDecimal("50000000"));
        HazardPointGrade first = GRADING.grade(input);

        assertThat(new HazardPointGrading().grade(input)).isEqualTo(first);
        assertThat(GRADING.grade(input)).isEqualTo(first);
    }

    @Test
    void ruleSetVersionIsTheSha256OfTheRuleFiles() {
        assertThat(GRADING.ruleSetVersion()).matches("[0-9a-f]{64}");
        assertThat(new HazardPointGrading().ruleSetVersion()).isEqualTo(GRADING.ruleSetVersion());
        assertThat(GRADING.grade(new HazardPointInput(HazardPointType.OTHER, 1, BigDecimal.ONE)).ruleSetVersion())
                .isEqualTo(GRADING.ruleSetVersion());
    }

    @ParameterizedTest(name = "{0}: type={1}, people={2}, loss={3}")
    @CsvSource(nullValues = "-", value = {
            "type,              -,         10, 0",
            "threatenedPeople,  LANDSLIDE, -,  0",
            "threatenedPeople,  LANDSLIDE, -1, 0",
            "potentialLossYuan, LANDSLIDE, 10, -",
            "potentialLossYuan, LANDSLIDE, 10, -0.01",
            "potentialLossYuan, LANDSLIDE, 10, -5000000",
    })
    void invalidInputsAreRefusedNamingTheField(String field, HazardPointType type, Integer people, BigDecimal loss) {
        assertThatThrownBy(() -> GRADING.grade(new HazardPointInput(type, people, loss)))
                .isInstanceOf(InvalidFactException.class)
                .hasMessageContaining(field.equals("type") ? "隐患点类型" : field.equals("threatenedPeople") ? "受威胁人数" : "潜在经济损失")
                .extracting(ex -> ((InvalidFactException) ex).field())
                .isEqualTo(field);
    }
}
