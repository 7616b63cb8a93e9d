package cn.shuangkong.rules.riskpoint;

import java.math.BigDecimal;
import java.util.List;

import cn.shuangkong.rules.RuleSet;

/** Grades risk points. Thread-safe; build one and share it. */
public final class RiskPointGrading {

    private static final List<String> RESOURCES = List.of("cn/shuangkong/rules/riskpoint/lec.drl");

    private final RuleSet rules = RuleSet.load("riskpoint", RESOURCES);

    /** LEC: D = L × E × C, graded by the bands of standards.md §0 (a default policy). */
    public RiskPointGrade gradeLec(BigDecimal l, BigDecimal e, BigDecimal c) {
        return grade(new LecAssessment(LecScale.L.require(l), LecScale.E.require(e), LecScale.C.require(c)));
    }

    RiskPointGrade grade(LecAssessment assessment) {
        var reasons = rules.evaluate(assessment);
        if (assessment.getGrade() == null) {
            throw new IllegalStateException("No LEC band matched D = " + assessment.getD());
        }
        return new RiskPointGrade(assessment.getGrade(), assessment.getD(), reasons, rules.version());
    }

    public String ruleSetVersion() {
        return rules.version();
    }
}
