package cn.shuangkong.rules.hazardpoint;

import java.math.BigDecimal;

/** A regional hazard point: its kind, the people it threatens (受威胁需搬迁转移人数) and the potential economic loss in yuan. */
public record HazardPointInput(HazardPointType type, Integer threatenedPeople, BigDecimal potentialLossYuan) {
}
