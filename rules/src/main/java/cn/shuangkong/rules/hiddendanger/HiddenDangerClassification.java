package cn.shuangkong.rules.hiddendanger;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import cn.shuangkong.rules.InvalidFactException;
import cn.shuangkong.rules.Reason;
import cn.shuangkong.rules.RuleSet;

/**
 * Classifies a hidden danger and sets its rectification deadline: the level and manage type by
 * 《安全生产事故隐患排查治理暂行规定》（总局令第16号）第三条 ({@code hidden-danger-level.drl}), the default and
 * latest deadline by level, manage type and danger type ({@code hidden-danger-deadlines.drl.xlsx}, default policy,
 * standards.md §0) and the deadline that applies ({@code deadline-choice.drl}). Thread-safe; build one and share it.
 *
 * <p>Dates are only compared with the day the danger was found, never with today, so a historical finding is
 * decided as it would have been on the day.
 */
public final class HiddenDangerClassification {

    public static final String NAME = "hiddendanger";
    static final String PATH = "cn/shuangkong/rules/hiddendanger/";
    static final List<String> RESOURCES = List.of(
            PATH + "hidden-danger-level.drl", PATH + "hidden-danger-deadlines.drl.xlsx", PATH + "deadline-choice.drl");
    private static final String DANGER_TYPES = Arrays.stream(DangerType.values())
            .map(t -> t.name() + "（" + t.label() + "）").collect(Collectors.joining("、"));

    private final RuleSet rules = RuleSet.load(NAME, RESOURCES);

    /**
     * @throws InvalidFactException (400) when a required input is missing, a 重大 marking has no clause, or the
     *                              requested deadline is before the day found or, without a regulator, past the latest
     */
    public HiddenDangerDecision decide(FindingInput input) {
        validate(input);
        HiddenDangerAssessment assessment = new HiddenDangerAssessment(input);
        List<Reason> reasons = rules.evaluate(assessment);
        if (assessment.getLevel() == null || assessment.getDefaultDeadline() == null || assessment.getLatestDeadline() == null) {
            throw new IllegalStateException("No row of the hidden-danger deadline table matched level " + assessment.getLevel()
                    + ", manage type " + assessment.getManageType() + ", danger type " + assessment.getDangerType());
        }
        if (assessment.getDefaultDeadline().isAfter(assessment.getLatestDeadline())) {
            throw new IllegalStateException("The hidden-danger deadline table gives " + assessment.getDefaultDays()
                    + " default days, more than its maximum " + assessment.getMaximumDays());
        }
        LocalDate requested = input.requestedDeadline();
        if (requested != null && !input.setByRegulator() && requested.isAfter(assessment.getLatestDeadline())) {
            throw new InvalidFactException("deadline", tooLate(requested, assessment));
        }
        if (assessment.getDeadline() == null) {
            throw new IllegalStateException("The hidden-danger rules left the deadline of a finding on " + input.foundOn() + " undecided");
        }
        return new HiddenDangerDecision(assessment.getLevel(), assessment.getMajorClause(), assessment.getManageType(),
                assessment.getDeadline(), assessment.getDefaultDeadline(), assessment.getLatestDeadline(), reasons, rules.version());
    }

    /** The SHA-256 of the rules and the deadline table. */
    public String ruleSetVersion() {
        return rules.version();
    }

    private static void validate(FindingInput input) {
        if (input.foundOn() == null) {
            throw new InvalidFactException("foundAt", "发现日期不能为空");
        }
        if (input.dangerType() == null) {
            throw new InvalidFactException("dangerType", "隐患类型不能为空，可选：" + DANGER_TYPES);
        }
        if (input.checklistItemMajor() && isBlank(input.checklistItemClause())) {
            throw new InvalidFactException("checklistItemClause", "重大事故隐患检查项须注明其判定标准条款");
        }
        if (input.reportedMajor() && isBlank(input.reportedMajorClause())) {
            throw new InvalidFactException("majorClause", "标记为重大事故隐患须注明判定依据条款");
        }
        if (input.requestedDeadline() != null && input.requestedDeadline().isBefore(input.foundOn())) {
            throw new InvalidFactException("deadline", "整改期限不能早于发现日期：整改期限 " + input.requestedDeadline()
                    + "，发现日期 " + input.foundOn());
        }
    }

    private static String tooLate(LocalDate requested, HiddenDangerAssessment assessment) {
        String message = "整改期限 " + requested + " 晚于最晚期限 " + assessment.getLatestDeadline() + "（"
                + assessment.getLevel().label() + assessment.getManageType().label() + "自发现之日起最长 " + assessment.getMaximumDays()
                + " 天），超过最晚期限的整改期限须由监管部门确定";
        return assessment.getManageType() == ManageType.IMMEDIATE
                ? message + "；即查即改须当日整改完毕，需要更长时间的请按限期整改上报"
                : message;
    }

    private static boolean isBlank(String clause) {
        return clause == null || clause.isBlank();
    }
}
