package cn.shuangkong.rules.majorhazard;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.kie.api.definition.type.Modifies;

import cn.shuangkong.rules.Grade;

/**
 * The fact the majorhazard rules see: one unit with S = Σ q/Q and Σ β·q/Q computed in Java, and what the rules
 * conclude from them — whether it is a major hazard source (§4.2.1), α (Table 5), hence R (§4.3.2), the level
 * (Table 6) and the colour.
 */
public final class MajorHazardAssessment {

    /** S, R and Σ β·q/Q are rounded to this many decimal places before they are compared or reported. */
    static final int SCALE = 10;

    private final UnitType unitType;
    private final int exposedPeople;
    private final BigDecimal s;
    private final BigDecimal weightedRatioSum;
    private Boolean majorHazardSource;
    private BigDecimal alpha;
    private BigDecimal r;
    private MajorHazardLevel level;
    private Grade grade;

    MajorHazardAssessment(UnitType unitType, int exposedPeople, BigDecimal s, BigDecimal weightedRatioSum) {
        this.unitType = unitType;
        this.exposedPeople = exposedPeople;
        this.s = rounded(s);
        this.weightedRatioSum = rounded(weightedRatioSum);
    }

    /**
     * Rounded to {@value #SCALE} places (half-even), so that sums of exact thirds land on the boundary, and written
     * without trailing zeros.
     */
    static BigDecimal rounded(BigDecimal value) {
        BigDecimal stripped = value.setScale(SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public UnitType getUnitType() {
        return unitType;
    }

    public String getUnitTypeLabel() {
        return unitType.label();
    }

    public int getExposedPeople() {
        return exposedPeople;
    }

    /** S = Σ q/Q (§4.2.1). */
    public BigDecimal getS() {
        return s;
    }

    /** Σ β·q/Q, the bracket of §4.3.2 formula (2). */
    public BigDecimal getWeightedRatioSum() {
        return weightedRatioSum;
    }

    /** Null until a rule has decided it. */
    public Boolean getMajorHazardSource() {
        return majorHazardSource;
    }

    public void setMajorHazardSource(boolean majorHazardSource) {
        this.majorHazardSource = majorHazardSource;
    }

    public BigDecimal getAlpha() {
        return alpha;
    }

    /** Table 5's α, and with it R = α Σ β·q/Q, which the Table-6 rules then see. */
    @Modifies({"alpha", "r"})
    public void setAlpha(BigDecimal alpha) {
        this.alpha = alpha;
        this.r = rounded(alpha.multiply(weightedRatioSum));
    }

    /** R = α Σ β·q/Q (§4.3.2); null until α is known. */
    public BigDecimal getR() {
        return r;
    }

    public MajorHazardLevel getLevel() {
        return level;
    }

    public String getLevelLabel() {
        return level == null ? null : level.label();
    }

    public void setLevel(MajorHazardLevel level) {
        this.level = level;
    }

    public Grade getGrade() {
        return grade;
    }

    /** Called by the rules; a milder conclusion never lowers a more severe one. */
    public void conclude(Grade concluded) {
        grade = grade == null ? concluded : grade.atLeast(concluded);
    }
}
