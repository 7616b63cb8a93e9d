package cn.shuangkong.rules.hiddendanger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import cn.shuangkong.rules.InvalidFactException;
import cn.shuangkong.rules.Reason;

class HiddenDangerClassificationTest {

    private static final HiddenDangerClassification CLASSIFICATION = new HiddenDangerClassification();

    /** 总局令第16号 第三条, the clause of the 一般 level and of the manage-type change. */
    private static final String ORDER_16_ARTICLE_3 = "《安全生产事故隐患排查治理暂行规定》（国家安全生产监督管理总局令第16号）第三条";
    private static final String ITEM_CLAUSE = "应急管理部令第10号 第四条（一）";
    private static final String REPORTED_CLAUSE = "安监总管三〔2017〕121号 第十项";
    private static final LocalDate FOUND = LocalDate.of(2026, 3, 10);

    private static final String ITEM_MAJOR = "A major checklist item makes the danger major";
    private static final String REPORTED_MAJOR = "The reporter's marking makes the danger major";
    private static final String GENERAL = "A danger neither its checklist item nor its reporter marks major is general";
    private static final String NOT_IMMEDIATE = "A major danger is rectified by a deadline, never on the spot";
    private static final String IMMEDIATE_ROW = "General danger rectified on the spot is due the day it is found";
    private static final String GENERAL_ROW = "General danger with a deadline is due in 15 days, at most 30";
    private static final String MAJOR_ROW = "Major danger is due by its plan, 90 days by default, at most 365";
    private static final String BY_DEFAULT = "Without a requested deadline the default deadline applies";
    private static final String AS_REQUESTED = "A requested deadline not past the latest applies";
    private static final String BY_REGULATOR = "A deadline set by a regulator applies";

    private static FindingInput general(ManageType manageType, LocalDate foundOn, LocalDate requested, boolean byRegulator) {
        return new FindingInput(false, null, false, null, manageType, DangerType.SAFETY, foundOn, requested, byRegulator);
    }

    private static FindingInput major(ManageType manageType, LocalDate foundOn, LocalDate requested, boolean byRegulator) {
        return new FindingInput(false, null, true, REPORTED_CLAUSE, manageType, DangerType.SAFETY, foundOn, requested, byRegulator);
    }

    private static FindingInput finding(HiddenDangerLevel level, ManageType manageType, LocalDate foundOn, LocalDate requested, boolean byRegulator) {
        return level == HiddenDangerLevel.MAJOR ? major(manageType, foundOn, requested, byRegulator) : general(manageType, foundOn, requested, byRegulator);
    }

    /**
     * 第三条: 重大 when the 判定标准 item is major (its clause) or the reporter says so (the reporter's clause), the
     * item's clause first when both; otherwise 一般, citing 第三条. A clause without its flag changes nothing.
     */
    @ParameterizedTest(name = "item major={0}, reported major={2} → {4} ({6})")
    @CsvSource(nullValues = "-", delimiter = ';', quoteCharacter = '"', value = {
            "true;  应急管理部令第10号 第四条（一）; false; -;                       MAJOR;   应急管理部令第10号 第四条（一）; A major checklist item makes the danger major",
            "false; -;                          true;  安监总管三〔2017〕121号 第十项; MAJOR;   安监总管三〔2017〕121号 第十项; The reporter's marking makes the danger major",
            "true;  应急管理部令第10号 第四条（一）; true;  安监总管三〔2017〕121号 第十项; MAJOR;   应急管理部令第10号 第四条（一）; A major checklist item makes the danger major|The reporter's marking makes the danger major",
            "false; -;                          false; -;                       GENERAL; -;                          A danger neither its checklist item nor its reporter marks major is general",
            "false; 应急管理部令第10号 第四条（一）; false; 安监总管三〔2017〕121号 第十项; GENERAL; -;                          A danger neither its checklist item nor its reporter marks major is general",
    })
    void theLevelFollowsArticle3(boolean itemMajor, String itemClause, boolean reportedMajor, String reportedClause,
                                 HiddenDangerLevel level, String majorClause, String levelRules) {
        HiddenDangerDecision decision = CLASSIFICATION.decide(new FindingInput(itemMajor, itemClause, reportedMajor, reportedClause,
                ManageType.DEADLINE, DangerType.PROCESS, FOUND, null, false));

        assertThat(decision.level()).isEqualTo(level);
        assertThat(decision.majorClause()).isEqualTo(majorClause);
        List<String> expected = Arrays.asList(levelRules.split("\\|"));
        List<Reason> levelReasons = decision.reasons().subList(0, expected.size());
        assertThat(levelReasons).extracting(Reason::rule).containsExactlyElementsOf(expected);
        for (Reason reason : levelReasons) {
            switch (reason.rule()) {
                case ITEM_MAJOR -> assertThat(reason).extracting(Reason::clause, Reason::message)
                        .containsExactly(ITEM_CLAUSE, "检查项为重大事故隐患判定项（" + ITEM_CLAUSE + "），判定为重大事故隐患");
                case REPORTED_MAJOR -> assertThat(reason).extracting(Reason::clause, Reason::message)
                        .containsExactly(REPORTED_CLAUSE, "上报人标记为重大事故隐患，判定依据：" + REPORTED_CLAUSE);
                default -> {
                    assertThat(reason.clause()).isEqualTo(ORDER_16_ARTICLE_3);
                    assertThat(reason.message()).contains("判定为一般事故隐患").contains("危害和整改难度较小，发现后能够立即整改排除的隐患");
                }
            }
        }
        assertThat(decision.reasons()).extracting(Reason::rule)
                .containsExactlyElementsOf(concat(expected, level == HiddenDangerLevel.MAJOR ? MAJOR_ROW : GENERAL_ROW, BY_DEFAULT));
    }

    /**
     * Deadlines, standards.md §0 (默认策略): 即查即改 the day found; 一般 限期整改 15 days by default, at most 30 without a
     * regulator; 重大 90 days by default, at most 365. A 重大 danger reported 即查即改 is 限期整改 (第三条); no manage type
     * means 限期整改. A requested deadline from the day found up to the latest is kept; a regulator's may go further.
     */
    @ParameterizedTest(name = "{0} {1} requested {2} by regulator {3} → {4} {5} ({8})")
    @CsvSource(nullValues = "-", value = {
            // level, reported manage type, requested, by regulator, manage type, deadline, default, latest, deciding rule
            "GENERAL, IMMEDIATE, -,          false, IMMEDIATE, 2026-03-10, 2026-03-10, 2026-03-10, " + BY_DEFAULT,   // the same day
            "GENERAL, IMMEDIATE, 2026-03-10, false, IMMEDIATE, 2026-03-10, 2026-03-10, 2026-03-10, " + AS_REQUESTED,
            "GENERAL, -,         -,          false, DEADLINE,  2026-03-25, 2026-03-25, 2026-04-09, " + BY_DEFAULT,   // null means 限期整改
            "GENERAL, DEADLINE,  -,          false, DEADLINE,  2026-03-25, 2026-03-25, 2026-04-09, " + BY_DEFAULT,   // 15 days
            "GENERAL, DEADLINE,  -,          true,  DEADLINE,  2026-03-25, 2026-03-25, 2026-04-09, " + BY_DEFAULT,   // a regulator who sets no date
            "GENERAL, DEADLINE,  2026-04-09, false, DEADLINE,  2026-04-09, 2026-03-25, 2026-04-09, " + AS_REQUESTED, // exactly 30 days
            "GENERAL, DEADLINE,  2026-04-10, true,  DEADLINE,  2026-04-10, 2026-03-25, 2026-04-09, " + BY_REGULATOR, // 31 days by a regulator
            "GENERAL, DEADLINE,  2026-03-15, false, DEADLINE,  2026-03-15, 2026-03-25, 2026-04-09, " + AS_REQUESTED, // earlier than the default
            "GENERAL, DEADLINE,  2026-03-10, false, DEADLINE,  2026-03-10, 2026-03-25, 2026-04-09, " + AS_REQUESTED, // the day found
            "MAJOR,   DEADLINE,  -,          false, DEADLINE,  2026-06-08, 2026-06-08, 2027-03-10, " + BY_DEFAULT,   // 90 days
            "MAJOR,   -,         -,          false, DEADLINE,  2026-06-08, 2026-06-08, 2027-03-10, " + BY_DEFAULT,
            "MAJOR,   IMMEDIATE, -,          false, DEADLINE,  2026-06-08, 2026-06-08, 2027-03-10, " + BY_DEFAULT,   // never 即查即改
            "MAJOR,   DEADLINE,  2027-03-10, false, DEADLINE,  2027-03-10, 2026-06-08, 2027-03-10, " + AS_REQUESTED, // exactly 365 days
            "MAJOR,   DEADLINE,  2027-03-11, true,  DEADLINE,  2027-03-11, 2026-06-08, 2027-03-10, " + BY_REGULATOR, // 366 days by a regulator
            "MAJOR,   DEADLINE,  2029-12-31, true,  DEADLINE,  2029-12-31, 2026-06-08, 2027-03-10, " + BY_REGULATOR,
            "MAJOR,   IMMEDIATE, 2026-03-20, false, DEADLINE,  2026-03-20, 2026-06-08, 2027-03-10, " + AS_REQUESTED,
    })
    void deadlinesFollowTheDefaultPolicy(HiddenDangerLevel level, ManageType reported, LocalDate requested, boolean byRegulator,
                                         ManageType manageType, LocalDate deadline, LocalDate defaultDeadline, LocalDate latest, String rule) {
        HiddenDangerDecision decision = CLASSIFICATION.decide(finding(level, reported, FOUND, requested, byRegulator));

        assertThat(decision.level()).isEqualTo(level);
        assertThat(decision.manageType()).isEqualTo(manageType);
        assertThat(decision.deadline()).isEqualTo(deadline);
        assertThat(decision.defaultDeadline()).isEqualTo(defaultDeadline);
        assertThat(decision.latestDeadline()).isEqualTo(latest);
        assertThat(decision.reasons()).last().satisfies(reason -> {
            assertThat(reason.rule()).isEqualTo(rule);
            assertThat(reason.clause()).isEqualTo(Reason.DEFAULT_POLICY);
            assertThat(reason.message()).contains(deadline.toString());
        });
    }

    /** 第三条: a 重大 danger needs 停产停业 and 一定时间整改治理, so 即查即改 becomes 限期整改, and a reason says why. */
    @Test
    void aMajorDangerReportedForTheSpotIsGivenADeadlineWithItsReason() {
        HiddenDangerDecision decision = CLASSIFICATION.decide(major(ManageType.IMMEDIATE, FOUND, null, false));

        assertThat(decision.manageType()).isEqualTo(ManageType.DEADLINE);
        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly(REPORTED_MAJOR, NOT_IMMEDIATE, MAJOR_ROW, BY_DEFAULT);
        assertThat(decision.reasons().get(1)).satisfies(reason -> {
            assertThat(reason.clause()).isEqualTo(ORDER_16_ARTICLE_3);
            assertThat(reason.message()).contains("全部或者局部停产停业").contains("一定时间整改治理").endsWith("上报的即查即改改为限期整改");
        });
    }

    /** No reason for the manage type when nothing changed it. */
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"GENERAL, IMMEDIATE", "GENERAL, DEADLINE", "GENERAL, -", "MAJOR, DEADLINE", "MAJOR, -"})
    void aManageTypeThatStandsHasNoReason(HiddenDangerLevel level, ManageType reported) {
        assertThat(CLASSIFICATION.decide(finding(level, reported, FOUND, null, false)).reasons())
                .extracting(Reason::rule).doesNotContain(NOT_IMMEDIATE).hasSize(3);
    }

    /** Each deadline row is 默认策略 and quotes its dates; the 365-day cap names the 挂牌督办 rule it follows (§5.1). */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "GENERAL; IMMEDIATE; General danger rectified on the spot is due the day it is found; 一般隐患即查即改：发现当日整改完毕，整改期限为 2026-03-10",
            "GENERAL; DEADLINE;  General danger with a deadline is due in 15 days, at most 30;    一般隐患限期整改：默认自发现之日起 15 天（2026-03-25），未经监管部门确定最长 30 天（2026-04-09）",
            "MAJOR;   DEADLINE;  Major danger is due by its plan, 90 days by default, at most 365; 重大隐患限期整改：整改期限按治理方案确定，默认自发现之日起 90 天（2026-06-08）；未经监管部门确定最长 365 天（2027-03-10），参照地方挂牌督办规定（青岛“3+X”：整改期限不超过1年）",
    })
    void eachDeadlineRowIsDefaultPolicy(HiddenDangerLevel level, ManageType manageType, String rule, String message) {
        Reason row = CLASSIFICATION.decide(finding(level, manageType, FOUND, null, false)).reasons().get(1);

        assertThat(row).isEqualTo(new Reason(rule, message, Reason.DEFAULT_POLICY));
    }

    /** The table gives every danger type the same §0 defaults today (its danger-type column is for a regulator who differs). */
    @ParameterizedTest
    @EnumSource(DangerType.class)
    void everyDangerTypeHasTheDefaultTerms(DangerType type) {
        HiddenDangerDecision general = CLASSIFICATION.decide(new FindingInput(false, null, false, null, ManageType.DEADLINE, type, FOUND, null, false));
        HiddenDangerDecision major = CLASSIFICATION.decide(new FindingInput(true, ITEM_CLAUSE, false, null, ManageType.DEADLINE, type, FOUND, null, false));

        assertThat(general.defaultDeadline()).isEqualTo(FOUND.plusDays(15));
        assertThat(general.latestDeadline()).isEqualTo(FOUND.plusDays(30));
        assertThat(major.defaultDeadline()).isEqualTo(FOUND.plusDays(90));
        assertThat(major.latestDeadline()).isEqualTo(FOUND.plusDays(365));
    }

    /** Calendar days from the day found, across month ends, year ends and 29 February. */
    @ParameterizedTest(name = "{0} found {1} → default {2}, latest {3}")
    @CsvSource({
            "GENERAL, 2028-02-14, 2028-02-29, 2028-03-15", // leap year: 15 days land on 29 February
            "GENERAL, 2027-02-14, 2027-03-01, 2027-03-16",
            "GENERAL, 2026-01-31, 2026-02-15, 2026-03-02",
            "GENERAL, 2026-12-20, 2027-01-04, 2027-01-19",
            "MAJOR,   2028-01-01, 2028-03-31, 2028-12-31", // 2028 has 366 days: 365 days end on 31 December
            "MAJOR,   2027-01-01, 2027-04-01, 2028-01-01",
            "MAJOR,   2028-02-29, 2028-05-29, 2029-02-28",
    })
    void termsAreCalendarDays(HiddenDangerLevel level, LocalDate foundOn, LocalDate defaultDeadline, LocalDate latest) {
        HiddenDangerDecision decision = CLASSIFICATION.decide(finding(level, ManageType.DEADLINE, foundOn, null, false));

        assertThat(decision.deadline()).isEqualTo(defaultDeadline);
        assertThat(decision.defaultDeadline()).isEqualTo(defaultDeadline);
        assertThat(decision.latestDeadline()).isEqualTo(latest);
    }

    /** Dates are compared with the day found, never with today: a finding entered late is decided as on the day. */
    @Test
    void aHistoricalFindingIsDecidedNormally() {
        LocalDate foundOn = LocalDate.now().minusYears(1);
        LocalDate requested = foundOn.plusDays(20);

        HiddenDangerDecision decision = CLASSIFICATION.decide(general(ManageType.DEADLINE, foundOn, requested, false));

        assertThat(decision.deadline()).isEqualTo(requested).isBefore(LocalDate.now());
        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly(GENERAL, GENERAL_ROW, AS_REQUESTED);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("no day found", new FindingInput(false, null, false, null, ManageType.DEADLINE, DangerType.SAFETY, null, null, false),
                        "foundAt", "发现日期不能为空"),
                Arguments.of("no danger type", new FindingInput(false, null, false, null, ManageType.DEADLINE, null, FOUND, null, false),
                        "dangerType", "隐患类型不能为空，可选：SAFETY（安全）、PROCESS（工艺）"),
                Arguments.of("major item without its clause", new FindingInput(true, null, false, null, ManageType.DEADLINE, DangerType.SAFETY, FOUND, null, false),
                        "checklistItemClause", "重大事故隐患检查项须注明其判定标准条款"),
                Arguments.of("major item with a blank clause", new FindingInput(true, "  ", false, null, ManageType.DEADLINE, DangerType.SAFETY, FOUND, null, false),
                        "checklistItemClause", "重大事故隐患检查项须注明其判定标准条款"),
                Arguments.of("marked major without a clause", new FindingInput(false, null, true, null, ManageType.DEADLINE, DangerType.SAFETY, FOUND, null, false),
                        "majorClause", "标记为重大事故隐患须注明判定依据条款"),
                Arguments.of("marked major with a blank clause", new FindingInput(false, null, true, "", ManageType.DEADLINE, DangerType.SAFETY, FOUND, null, false),
                        "majorClause", "标记为重大事故隐患须注明判定依据条款"),
                Arguments.of("deadline the day before found", general(ManageType.DEADLINE, FOUND, FOUND.minusDays(1), false),
                        "deadline", "整改期限不能早于发现日期：整改期限 2026-03-09，发现日期 2026-03-10"),
                Arguments.of("regulator's deadline before found", general(ManageType.DEADLINE, FOUND, FOUND.minusDays(1), true),
                        "deadline", "整改期限不能早于发现日期"),
                Arguments.of("general, 31 days without a regulator", general(ManageType.DEADLINE, FOUND, FOUND.plusDays(31), false),
                        "deadline", "整改期限 2026-04-10 晚于最晚期限 2026-04-09（一般隐患限期整改自发现之日起最长 30 天），超过最晚期限的整改期限须由监管部门确定"),
                Arguments.of("major, 366 days without a regulator", major(ManageType.DEADLINE, FOUND, FOUND.plusDays(366), false),
                        "deadline", "整改期限 2027-03-11 晚于最晚期限 2027-03-10（重大隐患限期整改自发现之日起最长 365 天），超过最晚期限的整改期限须由监管部门确定"),
                Arguments.of("on the spot, the next day", general(ManageType.IMMEDIATE, FOUND, FOUND.plusDays(1), false),
                        "deadline", "晚于最晚期限 2026-03-10（一般隐患即查即改自发现之日起最长 0 天），超过最晚期限的整改期限须由监管部门确定；即查即改须当日整改完毕"));
    }

    @ParameterizedTest(name = "{0} → 400 on {2}")
    @MethodSource("refusals")
    void invalidFindingsAreRefusedNamingTheField(String description, FindingInput input, String field, String message) {
        assertThatThrownBy(() -> CLASSIFICATION.decide(input))
                .isInstanceOfSatisfying(InvalidFactException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void theSameFindingGivesTheSameDecision() {
        FindingInput input = new FindingInput(true, ITEM_CLAUSE, true, REPORTED_CLAUSE, ManageType.IMMEDIATE, DangerType.FIRE, FOUND, FOUND.plusDays(40), false);

        assertThat(CLASSIFICATION.decide(input)).isEqualTo(CLASSIFICATION.decide(input));
        assertThat(CLASSIFICATION.decide(input).reasons()).extracting(Reason::rule)
                .containsExactly(ITEM_MAJOR, REPORTED_MAJOR, NOT_IMMEDIATE, MAJOR_ROW, AS_REQUESTED);
    }

    @Test
    void theRuleSetVersionIsTheSha256OfItsFiles() {
        assertThat(CLASSIFICATION.ruleSetVersion()).matches("[0-9a-f]{64}").isEqualTo(new HiddenDangerClassification().ruleSetVersion());
        assertThat(CLASSIFICATION.decide(general(null, FOUND, null, false)).ruleSetVersion()).isEqualTo(CLASSIFICATION.ruleSetVersion());
    }

    private static List<String> concat(List<String> first, String... rest) {
        return Stream.concat(first.stream(), Stream.of(rest)).toList();
    }
}
