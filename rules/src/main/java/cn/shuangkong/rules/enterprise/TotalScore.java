package cn.shuangkong.rules.enterprise;

import java.math.BigDecimal;

import cn.shuangkong.rules.Grade;

/** The sum of an enterprise's points, inserted once every row of the points table has fired; the colour table matches it. */
public final class TotalScore {

    private final EnterpriseAssessment assessment;
    private final BigDecimal value;

    public TotalScore(EnterpriseAssessment assessment, BigDecimal value) {
        this.assessment = assessment;
        this.value = value;
    }

    public EnterpriseAssessment getAssessment() {
        return assessment;
    }

    public BigDecimal getValue() {
        return value;
    }

    /** Called by the row of the colour table that matched. */
    public void conclude(Grade grade) {
        assessment.concludeScoreGrade(grade);
    }
}
