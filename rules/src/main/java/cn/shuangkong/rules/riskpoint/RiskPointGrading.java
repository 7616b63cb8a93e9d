package cn.shuangkong.rules.riskpoint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.shuangkong.rules.InvalidFactException;
import cn.shuangkong.rules.Reason;
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
        return gradeAll(List.of(input)).get(0);
    }

    /**
     * Grades a batch in one stateless session: the way to grade many points (imports, nightly re-grading).
     * The first invalid input refuses the whole batch.
     */
    public List<RiskPointGrade> gradeAll(List<RiskPointInput> inputs) {
        List<RiskPointAssessment> assessments = new ArrayList<>(inputs.size());
        for (RiskPointInput input : inputs) {
            assessments.add(new RiskPointAssessment(input.method(), score(input)));
        }
        return grade(assessments, inputs);
    }

    private static BigDecimal score(RiskPointInput input) {
        if (input.method() == null) {
            throw new InvalidFactException("method", "评价方法不能为空，可选：LEC、LS、DIRECT");
        }
        return switch (input.method()) {
            case LEC -> RiskScale.LEC_L.require(input.l()).multiply(RiskScale.LEC_E.require(input.e())).multiply(RiskScale.LEC_C.require(input.c()));
            case LS -> RiskScale.LS_L.require(input.l()).multiply(RiskScale.LS_S.require(input.s()));
            case DIRECT -> {
                if (input.directFlags().isEmpty()) {
                    throw new InvalidFactException("directFlags", "直接判定须至少选择一项重大风险判定情形");
                }
                yield null;
            }
        };
    }

    RiskPointGrade grade(RiskPointAssessment assessment, RiskPointInput input) {
        return grade(List.of(assessment), List.of(input)).get(0);
    }

    private List<RiskPointGrade> grade(List<RiskPointAssessment> assessments, List<RiskPointInput> inputs) {
        List<Object> facts = new ArrayList<>(assessments.size() * 2);
        for (int i = 0; i < assessments.size(); i++) {
            RiskPointAssessment assessment = assessments.get(i);
            facts.add(assessment);
            // Flags in a stable order, so the same inputs always give the same reasons.
            inputs.get(i).directFlags().stream().sorted(Comparator.naturalOrder())
                    .forEach(flag -> facts.add(new DirectDetermination(assessment, flag)));
        }
        Map<RiskPointAssessment, List<Reason>> reasons = rules.evaluateBatch(RiskPointAssessment.class, facts);
        List<RiskPointGrade> grades = new ArrayList<>(assessments.size());
        for (int i = 0; i < assessments.size(); i++) {
            RiskPointAssessment assessment = assessments.get(i);
            if (assessment.getGrade() == null) {
                throw new IllegalStateException("No risk band matched " + assessment.getMethod() + " score " + assessment.getScore());
            }
            grades.add(new RiskPointGrade(inputs.get(i).method(), assessment.getGrade(), assessment.getScore(),
                    List.copyOf(reasons.getOrDefault(assessment, List.of())), rules.version()));
        }
        return grades;
    }

    public String ruleSetVersion() {
        return rules.version();
    }
}
