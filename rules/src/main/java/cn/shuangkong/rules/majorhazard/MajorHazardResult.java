package cn.shuangkong.rules.majorhazard;

import java.math.BigDecimal;
import java.util.List;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.Reason;

/**
 * GB 18218-2018 for one unit: S = Σ q/Q (§4.2.1), whether it is a major hazard source (S ≥ 1), α (Table 5),
 * R = α Σ β q/Q (§4.3.2), the level by R (Table 6; null when it is not a major hazard source), the colour,
 * every chemical's figures, the reasons and the rule-set version.
 */
public record MajorHazardResult(UnitType unitType, boolean majorHazardSource, BigDecimal s, BigDecimal alpha, BigDecimal r,
                                MajorHazardLevel level, Grade grade, List<ChemicalResult> chemicals, List<Reason> reasons,
                                String ruleSetVersion) {
}
