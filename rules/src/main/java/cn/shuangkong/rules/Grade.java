package cn.shuangkong.rules;

/**
 * The four risk grades of 安全风险分级管控, safest last. The one place that turns a grade into its
 * colour and its Chinese label.
 */
public enum Grade {
    RED("重大风险", "红"),
    ORANGE("较大风险", "橙"),
    YELLOW("一般风险", "黄"),
    BLUE("低风险", "蓝");

    private final String label;
    private final String colour;

    Grade(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    /** 重大风险, 较大风险, 一般风险 or 低风险. */
    public String label() {
        return label;
    }

    /** 红, 橙, 黄 or 蓝. */
    public String colour() {
        return colour;
    }

    /** The more severe of two grades. */
    public Grade atLeast(Grade other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
