package cn.shuangkong.rules.riskpoint;

import java.math.BigDecimal;
import java.util.List;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.Reason;

/**
 * A risk point's grade: the method, the score it came from (D for LEC, R for LS, none for direct
 * determination), every reason, and the version of the rules that decided it.
 */
public record RiskPointGrade(RiskMethod method, Grade grade, BigDecimal score, List<Reason> reasons, String ruleSetVersion) {
}
