package cn.shuangkong.rules.riskpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.InvalidFactException;
import cn.shuangkong.rules.Reason;

class RiskPointGradingTest {

    private static final RiskPointGrading GRADING = new RiskPointGrading();

    /** LEC bands, standards.md §0 (default policy): D > 320 RED, 160 < D ≤ 320 ORANGE, 70 < D ≤ 160 YELLOW, D ≤ 70 BLUE. */
    @ParameterizedTest(name = "LEC L={0} E={1} C={2} → D={3} {4}")
    @CsvSource({
            "10,  10,  100, 10000, RED",
            "3,   3,   40,  360,   RED",    // smallest scale product above 320
            "10,  2,   15,  300,   ORANGE", // largest scale product not above 320
            "6,   6,   7,   252,   ORANGE", // §2.1 worked example 冲床无保护装置, C=7
            "6,   2,   15,  180,   ORANGE",
            "10,  1,   15,  150,   YELLOW",
            "6,   6,   3,   108,   YELLOW", // §2.1 worked example 冲床无保护装置, C=3
            "1,   10,  7,   70,    BLUE",   // D = 70 is still low risk
            "0.1, 0.5, 1,   0.05,  BLUE",
    })
    void lecScoresAreGradedByTheDefaultBands(String l, String e, String c, String d, Grade grade) {
        RiskPointGrade result = GRADING.grade(RiskPointInput.lec(l, e, c));

        assertThat(result.method()).isEqualTo(RiskMethod.LEC);
        assertThat(result.grade()).isEqualTo(grade);
        assertThat(result.score()).isEqualByComparingTo(d);
        assertThat(result.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.clause()).isEqualTo(Reason.DEFAULT_POLICY);
            assertThat(reason.message()).startsWith("D = " + new BigDecimal(d).stripTrailingZeros().toPlainString() + "，");
            assertThat(reason.rule()).startsWith("LEC ");
        });
        assertThat(result.ruleSetVersion()).hasSize(64);
    }

    /** The LEC band edges themselves (no scale product lands on 160 or 320): the lower bound is exclusive, the upper inclusive. */
    @ParameterizedTest(name = "D={0} → {1}")
    @CsvSource({
            "320.01, RED",
            "320,    ORANGE",
            "160.01, ORANGE",
            "160,    YELLOW",
            "70.01,  YELLOW",
            "70,     BLUE",
    })
    void lecBandEdges(String d, Grade grade) {
        RiskPointGrade result = GRADING.grade(new RiskPointAssessment(RiskMethod.LEC, new BigDecimal(d)), new RiskPointInput(RiskMethod.LEC, null, null, null, null, Set.of()));
        assertThat(result.grade()).isEqualTo(grade);
    }

    /** LS matrix, variant V1 of standards.md §2.2 (default policy): 20–25 RED, 9–16 ORANGE, 4–8 YELLOW, 1–3 BLUE — every product of L, S ∈ 1…5. */
    @ParameterizedTest(name = "LS L={0} S={1} → R={2} {3}")
    @CsvSource({
            "5, 5, 25, RED",
            "4, 5, 20, RED",
            "5, 4, 20, RED",
            "4, 4, 16, ORANGE",
            "5, 3, 15, ORANGE",
            "3, 4, 12, ORANGE",
            "2, 5, 10, ORANGE",
            "3, 3, 9,  ORANGE", // V1 puts 9 in 较大 (V2 would say 一般)
            "4, 2, 8,  YELLOW",
            "2, 3, 6,  YELLOW",
            "1, 5, 5,  YELLOW",
            "2, 2, 4,  YELLOW",
            "1, 4, 4,  YELLOW",
            "3, 1, 3,  BLUE",
            "1, 2, 2,  BLUE",
            "1, 1, 1,  BLUE",
    })
    void lsProductsAreGradedByVariantV1(String l, String s, String r, Grade grade) {
        RiskPointGrade result = GRADING.grade(RiskPointInput.ls(l, s));

        assertThat(result.grade()).isEqualTo(grade);
        assertThat(result.score()).isEqualByComparingTo(r);
        assertThat(result.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.rule()).startsWith("LS ");
            assertThat(reason.message()).startsWith("R = " + r + "，");
        });
    }

    /** standards.md §3: each direct-determination situation makes the point RED, citing its item. */
    @ParameterizedTest
    @EnumSource(DirectFlag.class)
    void eachDirectFlagIsMajorRisk(DirectFlag flag) {
        RiskPointGrade result = GRADING.grade(RiskPointInput.direct(flag));

        assertThat(result.grade()).isEqualTo(Grade.RED);
        assertThat(result.score()).isNull();
        assertThat(result.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.rule()).isEqualTo("Direct determination makes the risk point major");
            assertThat(reason.message()).isEqualTo(flag.getLabel() + "：直接判定为重大风险（红）");
            assertThat(reason.clause()).startsWith("《重大风险判定原则》（化工企业）第").contains("默认策略");
        });
    }

    @Test
    void aFlagMakesALowScoreRedAndBothReasonsAreGiven() {
        RiskPointGrade result = GRADING.grade(RiskPointInput.lec("1", "1", "1").withFlags(DirectFlag.H2S_WORKPLACE, DirectFlag.TEN_OR_MORE_WORKERS));

        assertThat(result.grade()).isEqualTo(Grade.RED);
        assertThat(result.score()).isEqualByComparingTo("1");
        assertThat(result.reasons()).extracting(Reason::rule)
                .containsExactlyInAnyOrder("LEC D<=70 is low risk", "Direct determination makes the risk point major", "Direct determination makes the risk point major");
    }

    @Test
    void theSameInputsGiveTheSameReasonsInTheSameOrder() {
        RiskPointInput input = RiskPointInput.ls("2", "2").withFlags(DirectFlag.values());
        assertThat(GRADING.grade(input)).isEqualTo(GRADING.grade(input));
    }

    @Test
    void aBatchGradesEachPointOnItsOwnFacts() {
        // One session for the batch: a flag of one point must not make its neighbours RED.
        List<RiskPointGrade> grades = GRADING.gradeAll(List.of(
                RiskPointInput.ls("1", "1"),
                RiskPointInput.ls("1", "1").withFlags(DirectFlag.H2S_WORKPLACE),
                RiskPointInput.lec("6", "6", "7"),
                RiskPointInput.ls("1", "2")));

        assertThat(grades).extracting(RiskPointGrade::grade).containsExactly(Grade.BLUE, Grade.RED, Grade.ORANGE, Grade.BLUE);
        assertThat(grades).extracting(g -> g.reasons().size()).containsExactly(1, 2, 1, 1);
        assertThat(grades.get(2).reasons().get(0).message()).startsWith("D = 252，");
        assertThat(grades.get(3).reasons().get(0).message()).startsWith("R = 2，");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "-", value = {
            "l,          LEC, 5, 6, 7, -",
            "e,          LEC, 6, 4, 7, -",
            "c,          LEC, 6, 6, 50, -",
            "l,          LEC, 0, 6, 7, -",
            "c,          LEC, 6, 6, -, -",
            "l,          LS,  6, -, -, 3",
            "s,          LS,  3, -, -, 0",
            "s,          LS,  3, -, -, 2.5",
            "s,          LS,  3, -, -, -",
            "method,     -,   3, -, -, 3",
    })
    void valuesOffTheirScalesAreRefusedNamingTheField(String field, RiskMethod method, String l, String e, String c, String s) {
        RiskPointInput input = new RiskPointInput(method, decimal(l), decimal(e), decimal(c), decimal(s), Set.of());
        assertThatThrownBy(() -> GRADING.grade(input))
                .isInstanceOf(InvalidFactException.class)
                .extracting(ex -> ((InvalidFactException) ex).field())
                .isEqualTo(field);
    }

    @Test
    void directDeterminationNeedsAFlag() {
        assertThatThrownBy(() -> GRADING.grade(RiskPointInput.direct()))
                .isInstanceOf(InvalidFactException.class)
                .extracting(ex -> ((InvalidFactException) ex).field())
                .isEqualTo("directFlags");
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
