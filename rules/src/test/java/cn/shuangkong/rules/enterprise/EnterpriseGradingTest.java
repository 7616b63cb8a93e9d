package cn.shuangkong.rules.enterprise;

import static cn.shuangkong.rules.enterprise.TestEnterprise.AS_OF;
import static cn.shuangkong.rules.enterprise.TestEnterprise.RECENTLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.InvalidFactException;
import cn.shuangkong.rules.Reason;
import cn.shuangkong.rules.enterprise.EnterpriseFacts.Accident;
import cn.shuangkong.rules.enterprise.EnterpriseFacts.Alarm;
import cn.shuangkong.rules.enterprise.EnterpriseFacts.EnforcementAction;
import cn.shuangkong.rules.enterprise.EnterpriseFacts.Licence;
import cn.shuangkong.rules.enterprise.EnterpriseFacts.QualityFinding;
import cn.shuangkong.rules.enterprise.EnterpriseGrade.FamilyScore;
import cn.shuangkong.rules.enterprise.EnterpriseGrade.IndicatorScore;

/**
 * What every enterprise grade is, whatever the facts: the same facts and rule set give the same grade, alone or
 * anywhere in a batch; the explanation lists all eight families in order, each indicator with its value and points,
 * and they add up to the total; the version names the files that produced it; invalid facts are refused by name.
 */
class EnterpriseGradingTest {

    private static final EnterpriseGrading GRADING = EnterpriseGrading.builtIn();

    /** An enterprise with an indicator in every family and an escalation: the fullest explanation. */
    private static EnterpriseFacts everything(String uscc) {
        return TestEnterprise.of("HAZARDOUS_CHEMICALS").uscc(uscc)
                .employees(450)
                .standardization("LEVEL_2")
                .riskPoints(1, 2, 3, 4)
                .majorHazards(0, 1, 1, 1)
                .hiddenDangers(4, 1, 2, 0)
                .accident(AS_OF.minusMonths(2), 1, 2)
                .accident(AS_OF.minusMonths(20), 1, 0)
                .enforcement(AS_OF.minusMonths(3), "FINE", "150000.5")
                .enforcement(AS_OF.minusMonths(4), "WARNING", null)
                .licence("SAFETY_PRODUCTION", LocalDate.of(2020, 1, 1), LocalDate.of(2026, 6, 29))
                .alarms(3, "LEVEL_1", RECENTLY.atTime(9, 30), false)
                .alarms(2, "LEVEL_2", AS_OF.minusDays(90).atTime(14, 0), false)
                .qualityFindings(2, "SAFETY_ACCESSORY_OVERDUE", AS_OF.minusMonths(6), false)
                .facts();
    }

    /** Enterprises unlike each other, to stand around the one under test in a batch. */
    private static List<EnterpriseFacts> neighbours() {
        List<EnterpriseFacts> neighbours = new ArrayList<>();
        String[] industries = IndicatorCode.INDUSTRY.categories().toArray(String[]::new);
        for (int i = 0; i < 28; i++) {
            neighbours.add(TestEnterprise.of(industries[i % industries.length]).uscc("NEIGHBOUR" + i)
                    .employees(i * 40)
                    .riskPoints(i % 2, i % 5, i % 7, i)
                    .majorHazards(i % 9 == 0 ? 1 : 0, 0, i % 3, 0)
                    .hiddenDangers(i % 11, i % 13 == 0 ? 1 : 0, i % 4, 0)
                    .accident(AS_OF.minusDays(i * 30L), i % 10 == 0 ? 1 : 0, i % 3)
                    .alarms(i % 6, "LEVEL_1", AS_OF.minusDays(i).atTime(10, 0), i % 2 == 0)
                    .facts());
        }
        return neighbours;
    }

    @Test
    void theSameFactsGradedTwiceGiveEqualGrades() {
        EnterpriseFacts facts = everything("91330100MA2SUBJECT");

        EnterpriseGrade first = GRADING.grade(facts);
        EnterpriseGrade second = GRADING.grade(facts);

        assertThat(second).isEqualTo(first);
        assertThat(first.ruleSetVersion()).isEqualTo(GRADING.ruleSetVersion());
        // 基本情况 10 (chemicals 10, 450 employees 3, standardisation level 2 −3) + 风险辨识管控 37 (red 10, orange 2 × 3,
        // yellow 3 × 1, sources of level 2, 3, 4: 10 + 5 + 3) + 隐患排查治理 20 (open 4 × 1 + 10, overdue 2 × 3)
        // + 历史事故 60 (an accident 5, a death 30 + 10, injuries 2 × 5, a death 13–36 months ago 5) + 行政执法 9 (fine 4,
        // warning 2, 150000.5 yuan 3) + 行政许可 10 (expired) + 风险监测 16.6 (uncleared 3 × 2 + 2 × 5, 近30日 3 × 0.2)
        // + 质量检测 4 (accessories overdue 2 × 2)
        assertThat(first.totalScore()).isEqualByComparingTo("166.6");
        assertThat(first.families()).extracting(FamilyScore::points).map(BigDecimal::toPlainString)
                .containsExactly("10", "37", "20", "60", "9", "10", "16.6", "4");
        assertThat(first.grade()).isEqualTo(Grade.RED);
    }

    /** One stateless session grades the batch: the neighbours change nothing, wherever the enterprise stands in it. */
    @Test
    void aBatchGradesEachEnterpriseAsIfAlone() {
        EnterpriseFacts subject = everything("91330100MA2SUBJECT");
        EnterpriseGrade alone = GRADING.grade(subject);
        List<EnterpriseFacts> neighbours = neighbours();
        List<EnterpriseFacts> batch = new ArrayList<>();
        batch.add(subject);
        batch.addAll(neighbours.subList(0, 14));
        batch.add(subject);
        batch.addAll(neighbours.subList(14, 28));
        batch.add(subject);

        List<EnterpriseGrade> grades = GRADING.gradeAll(batch);

        assertThat(grades).hasSize(31);
        assertThat(List.of(grades.get(0), grades.get(15), grades.get(30))).containsOnly(alone);
        for (int i = 0; i < neighbours.size(); i++) {
            EnterpriseGrade inBatch = grades.get(i < 14 ? i + 1 : i + 2);
            assertThat(inBatch.uscc()).isEqualTo("NEIGHBOUR" + i);
            assertThat(inBatch).isEqualTo(GRADING.grade(neighbours.get(i)));
        }
        assertThat(grades).extracting(EnterpriseGrade::ruleSetVersion).containsOnly(GRADING.ruleSetVersion());
    }

    @Test
    void aBatchWithAnInvalidEnterpriseIsRefusedWhole() {
        List<EnterpriseFacts> batch = new ArrayList<>(neighbours());
        batch.add(5, TestEnterprise.other().employees(-1).facts());

        assertThatThrownBy(() -> GRADING.gradeAll(batch))
                .isInstanceOfSatisfying(InvalidFactException.class, e -> assertThat(e.field()).isEqualTo("employees"));
    }

    @Test
    void anEmptyBatchGradesNothing() {
        assertThat(GRADING.gradeAll(List.of())).isEmpty();
    }

    static Stream<Arguments> enterprises() {
        return Stream.of(
                Arguments.of("nothing registered", TestEnterprise.other().facts()),
                Arguments.of("everything", everything("91330100MA2SUBJECT")),
                Arguments.of("a negative total", TestEnterprise.of("COMMERCE").standardization("LEVEL_1").facts()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enterprises")
    void allEightFamiliesArePresentInOrder(String description, EnterpriseFacts facts) {
        EnterpriseGrade grade = GRADING.grade(facts);

        assertThat(grade.families()).extracting(FamilyScore::family).containsExactly(IndicatorFamily.values());
        assertThat(grade.families()).extracting(FamilyScore::label)
                .containsExactly("基本情况", "风险辨识管控", "隐患排查治理", "历史事故", "行政执法", "行政许可", "风险监测", "质量检测");
        for (FamilyScore family : grade.families()) {
            assertThat(family.indicators()).allSatisfy(score -> assertThat(score.code().family()).isEqualTo(family.family()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enterprises")
    void theFamiliesAddUpToTheTotal(String description, EnterpriseFacts facts) {
        EnterpriseGrade grade = GRADING.grade(facts);

        for (FamilyScore family : grade.families()) {
            assertThat(family.points()).isEqualByComparingTo(
                    family.indicators().stream().map(IndicatorScore::points).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        assertThat(grade.totalScore()).isEqualByComparingTo(
                grade.families().stream().map(FamilyScore::points).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Each indicator's explanation names its value with its unit (a category marker has none) and its points. */
    @Test
    void eachIndicatorSaysItsValueAndPoints() {
        List<IndicatorScore> scores = Stream.of(everything("91330100MA2SUBJECT"), TestEnterprise.of("MINING").facts())
                .map(GRADING::grade)
                .flatMap(grade -> grade.families().stream()).flatMap(f -> f.indicators().stream()).toList();

        assertThat(scores).extracting(IndicatorScore::code).contains(IndicatorCode.values());
        assertThat(scores).allSatisfy(score -> {
            assertThat(score.message()).contains("计 " + score.points().toPlainString() + " 分");
            if (!score.code().unit().isEmpty()) {
                assertThat(score.message()).contains(score.value().toPlainString() + " " + score.code().unit());
            }
            assertThat(score.label()).isEqualTo(score.code().label());
            assertThat(score.clause()).startsWith("默认策略");
        });
        assertThat(scores).filteredOn(s -> s.code() == IndicatorCode.FINES_12M_YUAN).singleElement()
                .extracting(IndicatorScore::message).isEqualTo("近12个月罚款合计 150000.5 元（10 万～50 万元），计 3 分");
        assertThat(scores).filteredOn(s -> s.code() == IndicatorCode.ALARMS_30D).singleElement()
                .extracting(IndicatorScore::message).isEqualTo("近30日一级报警 3 次，每次 0.2 分，最高 4 分，计 0.6 分");
        assertThat(scores).filteredOn(s -> s.code() == IndicatorCode.STANDARDIZATION).singleElement()
                .extracting(IndicatorScore::message).isEqualTo("安全生产标准化二级，计 -3 分（减分）");
        assertThat(scores).filteredOn(s -> s.code() == IndicatorCode.REQUIRED_LICENCES_MISSING).singleElement()
                .extracting(IndicatorScore::message).isEqualTo("应取得而未登记的许可证 1 项，每项 15 分，最高 30 分，计 15 分");
    }

    /**
     * The explanation lists every rule that fired once: the row that scored each indicator, family by family, then the
     * sum (enterprise-total.drl), the colour band, then each escalation. The grade keeps the sum's reason on its own;
     * the others are the indicators', the band's and the escalations' own texts, not second copies.
     */
    @Test
    void theReasonsAreEveryRuleThatFiredOnceInOrder() {
        EnterpriseGrade grade = GRADING.grade(everything("91330100MA2SUBJECT"));

        List<Reason> indicators = grade.families().stream().flatMap(f -> f.indicators().stream())
                .map(i -> new Reason(i.rule(), i.message(), i.clause())).toList();
        List<Reason> escalations = grade.escalations().stream().map(e -> new Reason(e.rule(), e.message(), e.clause())).toList();
        assertThat(indicators).hasSizeGreaterThan(20);
        assertThat(escalations).extracting(Reason::rule).containsExactly(
                "A death in an accident in the last 12 months makes the enterprise red",
                "An open major hidden danger makes the enterprise at least orange",
                "A first- or second-level major hazard source makes the enterprise at least orange",
                "A red risk point makes the enterprise at least orange");
        assertThat(grade.totalReason()).isEqualTo(new Reason("The total score is the sum of the indicators' points",
                "总分 " + grade.totalScore().toPlainString() + "：各项指标得分之和", "默认策略"));

        List<Reason> expected = new ArrayList<>(indicators);
        expected.add(grade.totalReason());
        expected.add(grade.scoreReason());
        expected.addAll(escalations);
        assertThat(grade.reasons()).containsExactlyElementsOf(expected).doesNotHaveDuplicates();
    }

    @Test
    void theVersionIsTheSha256OfTheRuleFiles() {
        assertThat(GRADING.ruleSetVersion()).matches("[0-9a-f]{64}");
        assertThat(EnterpriseGrading.withTable(EnterpriseGrading.builtInTable()).ruleSetVersion()).isEqualTo(GRADING.ruleSetVersion());
    }

    static Stream<Arguments> invalidFacts() {
        return Stream.of(
                Arguments.of("asOf", (UnaryOperator<TestEnterprise>) e -> e.asOf(null)),
                Arguments.of("industryCategory", (UnaryOperator<TestEnterprise>) e -> e.industry(null)),
                Arguments.of("industryCategory", (UnaryOperator<TestEnterprise>) e -> e.industry("CHEMICALS")),
                Arguments.of("industryCategory", (UnaryOperator<TestEnterprise>) e -> e.industry("other")),
                Arguments.of("standardizationLevel", (UnaryOperator<TestEnterprise>) e -> e.standardization("LEVEL_4")),
                Arguments.of("employees", (UnaryOperator<TestEnterprise>) e -> e.employees(-1)),
                Arguments.of("accidents", (UnaryOperator<TestEnterprise>) e -> e.accident(null, 1, 0)),
                Arguments.of("accidents", (UnaryOperator<TestEnterprise>) e -> e.accident(RECENTLY, -1, 0)),
                Arguments.of("accidents", (UnaryOperator<TestEnterprise>) e -> e.accident(RECENTLY, 0, -1)),
                Arguments.of("enforcementActions", (UnaryOperator<TestEnterprise>) e -> e.enforcement(RECENTLY, "REPRIMAND", null)),
                Arguments.of("enforcementActions", (UnaryOperator<TestEnterprise>) e -> e.enforcement(null, "FINE", "1000")),
                Arguments.of("enforcementActions", (UnaryOperator<TestEnterprise>) e -> e.enforcement(RECENTLY, null, "1000")),
                Arguments.of("licences", (UnaryOperator<TestEnterprise>) e -> e.licence("SAFETY_PRODUCTION", RECENTLY, null)),
                Arguments.of("licences", (UnaryOperator<TestEnterprise>) e -> e.licence(null, RECENTLY, AS_OF)),
                Arguments.of("alarms", (UnaryOperator<TestEnterprise>) e -> e.alarms(1, "LEVEL_3", RECENTLY.atTime(8, 0), false)),
                Arguments.of("alarms", (UnaryOperator<TestEnterprise>) e -> e.alarms(1, "LEVEL_1", null, false)),
                Arguments.of("alarms", (UnaryOperator<TestEnterprise>) e -> e.alarms(1, null, RECENTLY.atTime(8, 0), false)),
                Arguments.of("qualityFindings", (UnaryOperator<TestEnterprise>) e -> e.qualityFindings(1, "RUST", RECENTLY, false)),
                Arguments.of("qualityFindings", (UnaryOperator<TestEnterprise>) e -> e.qualityFindings(1, "OTHER", null, false)),
                Arguments.of("qualityFindings", (UnaryOperator<TestEnterprise>) e -> e.qualityFindings(1, null, RECENTLY, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFacts")
    void invalidFactsAreRefusedNamingTheField(String field, UnaryOperator<TestEnterprise> invalid) {
        EnterpriseFacts facts = invalid.apply(TestEnterprise.other()).facts();

        assertThatThrownBy(() -> GRADING.grade(facts))
                .isInstanceOfSatisfying(InvalidFactException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @Test
    void missingCountsAreRefusedNamingTheField() {
        EnterpriseFacts facts = new EnterpriseFacts("91330100MA2TEST001", AS_OF, "OTHER", null, null, null,
                EnterpriseFacts.MajorHazards.NONE, EnterpriseFacts.HiddenDangers.NONE,
                List.<Accident>of(), List.<EnforcementAction>of(), List.<Licence>of(), List.<Alarm>of(), List.<QualityFinding>of());

        assertThatThrownBy(() -> GRADING.grade(facts))
                .isInstanceOfSatisfying(InvalidFactException.class, e -> assertThat(e.field()).isEqualTo("riskPoints"));
    }
}
