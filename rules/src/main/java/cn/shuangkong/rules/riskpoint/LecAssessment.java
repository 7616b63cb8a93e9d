package cn.shuangkong.rules.riskpoint;

import java.math.BigDecimal;

import cn.shuangkong.rules.Grade;

/**
 * The fact the LEC rules see: D = L × E × C (作业条件危险性评价法), and the grade they conclude.
 */
public final class LecAssessment {

    private final BigDecimal l;
    private final BigDecimal e;
    private final BigDecimal c;
    private final BigDecimal d;
    private Grade grade;

    LecAssessment(BigDecimal l, BigDecimal e, BigDecimal c) {
        this.l = l;
        this.e = e;
        this.c = c;
        this.d = l.multiply(e).multiply(c);
    }

    public BigDecimal getL() {
        return l;
    }

    public BigDecimal getE() {
        return e;
    }

    public BigDecimal getC() {
        return c;
    }

    public BigDecimal getD() {
        return d;
    }

    public Grade getGrade() {
        return grade;
    }

    /** Called by the rules; a later, milder conclusion never lowers an earlier, more severe one. */
    public void conclude(Grade concluded) {
        grade = grade == null ? concluded : grade.atLeast(concluded);
    }
}
