package cn.shuangkong.rules.riskpoint;

import java.math.BigDecimal;

import cn.shuangkong.rules.Grade;

/** The fact the risk-point rules see: the method, its score (D or R; none for direct determination), and the grade they conclude. */
public final class RiskPointAssessment {

    private final RiskMethod method;
    private final BigDecimal score;
    private Grade grade;

    RiskPointAssessment(RiskMethod method, BigDecimal score) {
        this.method = method;
        this.score = score;
    }

    public RiskMethod getMethod() {
        return method;
    }

    public BigDecimal getScore() {
        return score;
    }

    public Grade getGrade() {
        return grade;
    }

    /** Called by the rules; a milder conclusion never lowers a more severe one. */
    public void conclude(Grade concluded) {
        grade = grade == null ? concluded : grade.atLeast(concluded);
    }
}
