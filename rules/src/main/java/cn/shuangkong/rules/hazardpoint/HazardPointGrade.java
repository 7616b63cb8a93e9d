package cn.shuangkong.rules.hazardpoint;

import java.util.List;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.Reason;

/**
 * A hazard point's 险情 scale: by people, by loss, the larger of the two (standards.md §0), its colour, the
 * reasons and the rule-set version.
 */
public record HazardPointGrade(HazardPointType type, DangerScale scale, DangerScale peopleScale, DangerScale lossScale,
                               Grade grade, List<Reason> reasons, String ruleSetVersion) {
}
