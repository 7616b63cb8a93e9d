package cn.shuangkong.rules.riskpoint;

import java.math.BigDecimal;
import java.util.List;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.Reason;

/** A risk point's grade, the score it came from, why, and which rule-set version decided it. */
public record RiskPointGrade(Grade grade, BigDecimal score, List<Reason> reasons, String ruleSetVersion) {
}
