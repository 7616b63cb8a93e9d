package cn.shuangkong.rules.hazardpoint;

import java.math.BigDecimal;

import org.kie.api.definition.type.Modifies;

import cn.shuangkong.rules.Grade;

/**
 * The fact the hazard-point rules see: the validated inputs and what the rules conclude from them — the
 * 险情 scale by people, by loss, the larger of the two, and its colour.
 *
 * <p>The rules change it inside {@code modify} blocks; {@link Modifies} tells Drools which property each
 * conclusion touches, so a rule reacts only to what it reads (the band rows, which read the inputs, never
 * fire again).
 */
public final class HazardPointAssessment {

    private final HazardPointType type;
    private final int threatenedPeople;
    private final BigDecimal potentialLossYuan;
    private DangerScale peopleScale;
    private DangerScale lossScale;
    private DangerScale scale;
    private Grade grade;

    HazardPointAssessment(HazardPointType type, int threatenedPeople, BigDecimal potentialLossYuan) {
        this.type = type;
        this.threatenedPeople = threatenedPeople;
        this.potentialLossYuan = potentialLossYuan;
    }

    public HazardPointType getType() {
        return type;
    }

    public int getThreatenedPeople() {
        return threatenedPeople;
    }

    public BigDecimal getPotentialLossYuan() {
        return potentialLossYuan;
    }

    public DangerScale getPeopleScale() {
        return peopleScale;
    }

    public DangerScale getLossScale() {
        return lossScale;
    }

    public DangerScale getScale() {
        return scale;
    }

    public Grade getGrade() {
        return grade;
    }

    /** For the reasons' messages ({@code {$a.peopleScaleLabel}}). */
    public String getPeopleScaleLabel() {
        return label(peopleScale);
    }

    public String getLossScaleLabel() {
        return label(lossScale);
    }

    public String getScaleLabel() {
        return label(scale);
    }

    /** Called by a people band; should two rows match, the larger scale stays. */
    @Modifies("peopleScale")
    public void concludePeople(DangerScale concluded) {
        peopleScale = larger(peopleScale, concluded);
    }

    /** Called by a loss band; should two rows match, the larger scale stays. */
    @Modifies("lossScale")
    public void concludeLoss(DangerScale concluded) {
        lossScale = larger(lossScale, concluded);
    }

    /** Called by the rule that decides between the two criteria. */
    @Modifies("scale")
    public void concludeScale(DangerScale concluded) {
        scale = concluded;
    }

    /** Called by the colour table; a milder colour never lowers a more severe one. */
    @Modifies("grade")
    public void concludeGrade(Grade concluded) {
        grade = grade == null ? concluded : grade.atLeast(concluded);
    }

    /** The larger of two scales (the enum lists the largest first); used by the rules. */
    public static DangerScale larger(DangerScale a, DangerScale b) {
        if (a == null) {
            return b;
        }
        return b == null || a.ordinal() <= b.ordinal() ? a : b;
    }

    private static String label(DangerScale scale) {
        return scale == null ? "未定" : scale.label();
    }
}
