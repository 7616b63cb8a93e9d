package cn.shuangkong.rules.enterprise;

import java.math.BigDecimal;

/**
 * One indicator of one enterprise: the fact a row of the points table matches ({@code code}, {@code category},
 * {@code value} within the row's bounds) and scores. The row sets the base points, the points per unit of value
 * and the cap; the points follow from them. At most one row may score an indicator.
 */
public final class Indicator {

    private final EnterpriseAssessment assessment;
    private final IndicatorCode code;
    private final String category;
    private final BigDecimal value;
    private boolean scored;
    private BigDecimal base = BigDecimal.ZERO;
    private BigDecimal perUnit = BigDecimal.ZERO;
    private BigDecimal cap;

    Indicator(EnterpriseAssessment assessment, IndicatorCode code, String category, BigDecimal value) {
        this.assessment = assessment;
        this.code = code;
        this.category = category;
        this.value = value;
    }

    public EnterpriseAssessment getAssessment() {
        return assessment;
    }

    /** The indicator's code as the table names it. */
    public String getCode() {
        return code.name();
    }

    IndicatorCode code() {
        return code;
    }

    public String getCategory() {
        return category;
    }

    public BigDecimal getValue() {
        return value;
    }

    public String getLabel() {
        return code.label();
    }

    public String getUnit() {
        return code.unit();
    }

    /** Called by the row that matched: its base points. */
    public void base(Number points) {
        if (scored) {
            throw new IllegalStateException("Two rows of the points table score indicator " + code + (category == null ? "" : " " + category)
                    + " = " + value.toPlainString() + "; the rows of one indicator must not overlap");
        }
        scored = true;
        base = decimal(points);
    }

    public void perUnit(Number points) {
        perUnit = decimal(points);
    }

    public void cap(Number points) {
        cap = decimal(points);
    }

    public boolean isScored() {
        return scored;
    }

    /** base + perUnit × value, at most the cap; 0 when no row matched. */
    public BigDecimal getPoints() {
        if (!scored) {
            return BigDecimal.ZERO;
        }
        BigDecimal points = base.add(perUnit.multiply(value));
        if (cap != null && points.compareTo(cap) > 0) {
            points = cap;
        }
        return plain(points);
    }

    /** Without trailing zeros and never in exponent form (10, not 1E+1). */
    static BigDecimal plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }
}
