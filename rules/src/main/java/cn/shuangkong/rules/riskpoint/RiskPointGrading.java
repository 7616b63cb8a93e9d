package cn.shuangkong.rules.riskpoint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.shuangkong.rules.InvalidFactException;
import cn.shuangkong.rules.RuleSet;

/**
 * Grades risk points: the bands of {@code riskpoint-bands.drl.xlsx} (standards.md §0 defaults) for LEC and LS,
 * and {@code direct-determination.drl} for the direct flags. Thread-safe; build one and share it.
 */
public final class RiskPointGrading {

    public static final String NAME = "riskpoint";
    private static final String PATH = "cn/shuangkong/rules/riskpoint/";

    private final RuleSet rules = RuleSet.load(NAME, List.of(PATH + "riskpoint-bands.drl.xlsx", PATH + "direct-determination.drl"));

    public RiskPointGrade grade(RiskPointInput input) {
        if (input.method() == null) {
            throw new InvalidFactException("method", "评价方法不能为空，可选：LEC、LS、DIRECT");
        }
        BigDecimal score = switch (input.method()) {
            case LEC -> RiskScale.LEC_L.require(input.l()).multiply(RiskScale.LEC_E.require(input.e())).multiply(RiskScale.LEC_C.require(input.c()));
            case LS -> RiskScale.LS_L.require(input.l()).multiply(RiskScale.LS_S.require(input.s()));
            case DIRECT -> {
                if (input.directFlags().isEmpty()) {
                    throw new InvalidFactException("directFlags", "直接判定须至少选择一项重大风险判定情形");
                }
                yield null;
            }
        };
        return grade(new RiskPointAssessment(input.method(), score), input);
    }

    RiskPointGrade grade(RiskPointAssessment assessment, RiskPointInput input) {
        List<Object> facts = new ArrayList<>();
        facts.add(assessment);
        // Flags in a stable order, so the same inputs always give the same reasons.
        input.directFlags().stream().sorted(Comparator.naturalOrder()).forEach(facts::add);
        var reasons = rules.evaluate(facts.toArray());
        if (assessment.getGrade() == null) {
            throw new IllegalStateException("No risk band matched " + input.method() + " score " + assessment.getScore());
        }
        return new RiskPointGrade(input.method(), assessment.getGrade(), assessment.getScore(), reasons, rules.version());
    }

    public String ruleSetVersion() {
        return rules.version();
    }
}
