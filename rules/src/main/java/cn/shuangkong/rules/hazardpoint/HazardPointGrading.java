package cn.shuangkong.rules.hazardpoint;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import cn.shuangkong.rules.InvalidFactException;
import cn.shuangkong.rules.RuleSet;

/**
 * Grades geological hazard points by their 险情: the people and loss bands of {@code danger-scale-bands.drl.xlsx}
 * (standards.md §6.2), the larger of the two scales ({@code larger-scale-wins.drl}) and its colour
 * ({@code danger-scale-colours.drl.xlsx}); the last two are default policy (§0). Thread-safe; build one and share it.
 */
public final class HazardPointGrading {

    public static final String NAME = "hazardpoint";
    private static final String PATH = "cn/shuangkong/rules/hazardpoint/";
    private static final String TYPES = Arrays.stream(HazardPointType.values())
            .map(t -> t.name() + "（" + t.label() + "）").collect(Collectors.joining("、"));

    private final RuleSet rules = RuleSet.load(NAME, List.of(
            PATH + "danger-scale-bands.drl.xlsx", PATH + "larger-scale-wins.drl", PATH + "danger-scale-colours.drl.xlsx"));

    public HazardPointGrade grade(HazardPointInput input) {
        if (input.type() == null) {
            throw new InvalidFactException("type", "隐患点类型不能为空，可选：" + TYPES);
        }
        if (input.threatenedPeople() == null) {
            throw new InvalidFactException("threatenedPeople", "受威胁人数不能为空，无人受威胁请填 0");
        }
        if (input.threatenedPeople() < 0) {
            throw new InvalidFactException("threatenedPeople", "受威胁人数不能为负数：" + input.threatenedPeople());
        }
        BigDecimal loss = input.potentialLossYuan();
        if (loss == null) {
            throw new InvalidFactException("potentialLossYuan", "潜在经济损失（元）不能为空，无损失请填 0");
        }
        if (loss.signum() < 0) {
            throw new InvalidFactException("potentialLossYuan", "潜在经济损失（元）不能为负数：" + loss.stripTrailingZeros().toPlainString());
        }
        HazardPointAssessment assessment = new HazardPointAssessment(input.type(), input.threatenedPeople(), loss);
        var reasons = rules.evaluate(assessment);
        if (assessment.getScale() == null || assessment.getGrade() == null) {
            throw new IllegalStateException("The hazard-point tables left people " + input.threatenedPeople() + ", loss "
                    + loss.toPlainString() + " without a scale or colour; a band is missing");
        }
        return new HazardPointGrade(input.type(), assessment.getScale(), assessment.getPeopleScale(), assessment.getLossScale(),
                assessment.getGrade(), reasons, rules.version());
    }

    public String ruleSetVersion() {
        return rules.version();
    }
}
