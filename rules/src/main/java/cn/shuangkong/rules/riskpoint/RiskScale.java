package cn.shuangkong.rules.riskpoint;

import java.math.BigDecimal;
import java.util.List;

import cn.shuangkong.rules.InvalidFactException;

/**
 * The input scales (standards.md §0 and §2): LEC's L, E and C (§2.1) and the LS matrix's L and S, integers
 * 1–5 (§2.2). A value off its scale is refused, naming the field.
 */
enum RiskScale {
    LEC_L("l", "事故发生的可能性 L", List.of("10", "6", "3", "1", "0.5", "0.2", "0.1")),
    LEC_E("e", "暴露于危险环境的频繁程度 E", List.of("10", "6", "3", "2", "1", "0.5")),
    LEC_C("c", "发生事故可能造成的后果 C", List.of("100", "40", "15", "7", "3", "1")),
    LS_L("l", "事故发生的可能性 L", List.of("5", "4", "3", "2", "1")),
    LS_S("s", "事故后果严重性 S", List.of("5", "4", "3", "2", "1"));

    private final String field;
    private final String label;
    private final List<BigDecimal> values;

    RiskScale(String field, String label, List<String> values) {
        this.field = field;
        this.label = label;
        this.values = values.stream().map(BigDecimal::new).toList();
    }

    BigDecimal require(BigDecimal value) {
        if (value == null) {
            throw new InvalidFactException(field, label + "不能为空");
        }
        if (values.stream().noneMatch(v -> v.compareTo(value) == 0)) {
            throw new InvalidFactException(field, label + "取值 " + value.stripTrailingZeros().toPlainString() + " 不在分值表内，允许值："
                    + String.join("、", values.stream().map(BigDecimal::toPlainString).toList()));
        }
        return value;
    }
}
