package cn.shuangkong.rules;

/**
 * Why a rule concluded what it did.
 *
 * @param rule    the rule's name, which says what it concludes
 * @param message the explanation in Chinese, with the numbers that made the rule fire
 * @param clause  the standard and clause the rule rests on, or {@code 默认策略} for a product default
 */
public record Reason(String rule, String message, String clause) {

    /** The clause of a threshold no standard fixes (standards.md §0). */
    public static final String DEFAULT_POLICY = "默认策略";
}
