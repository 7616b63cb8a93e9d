package cn.shuangkong.rules.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.Reason;

/**
 * An enterprise's risk colour and why: the total of the points table, the colour of that total, each family's
 * points with the indicators that scored, every escalation that fired, and the rule-set version.
 *
 * @param grade      the colour: the most severe of {@code scoreGrade} and every escalation's floor
 * @param scoreGrade the colour the total alone gives (colour table)
 * @param scoreReason the row of the colour table that gave it
 * @param totalReason the rule that summed the points
 */
public record EnterpriseGrade(
        String uscc,
        LocalDate asOf,
        Grade grade,
        BigDecimal totalScore,
        Grade scoreGrade,
        Reason scoreReason,
        List<FamilyScore> families,
        List<Escalation> escalations,
        Reason totalReason,
        String ruleSetVersion) {

    /**
     * Every rule that fired: the rows that scored the indicators (family by family), the sum, the colour band, then the
     * escalations in the order they fired. Derived rather than kept, so that a stored result holds each text once (a
     * grade stored before {@code totalReason} existed lists the others).
     */
    public List<Reason> reasons() {
        List<Reason> reasons = new ArrayList<>();
        for (FamilyScore family : families) {
            for (IndicatorScore indicator : family.indicators()) {
                reasons.add(new Reason(indicator.rule(), indicator.message(), indicator.clause()));
            }
        }
        if (totalReason != null) {
            reasons.add(totalReason);
        }
        if (scoreReason != null) {
            reasons.add(scoreReason);
        }
        for (Escalation escalation : escalations) {
            reasons.add(new Reason(escalation.rule(), escalation.message(), escalation.clause()));
        }
        return reasons;
    }

    /**
     * The points of one indicator family and the indicators that scored in it. Its label follows from the family, so a
     * stored result does not repeat it.
     */
    public record FamilyScore(IndicatorFamily family, BigDecimal points, List<IndicatorScore> indicators) {

        /** The family's Chinese name. */
        public String label() {
            return family.label();
        }
    }

    /**
     * One indicator with its value and the points its row gave. Its label follows from the code, so a stored result
     * does not repeat it.
     *
     * @param category the category of an indicator counted per category, or null
     * @param rule     the row of the points table that scored it
     */
    public record IndicatorScore(IndicatorCode code, String category, BigDecimal value, BigDecimal points, String rule, String message,
                                 String clause) {

        /** The indicator's Chinese name. */
        public String label() {
            return code.label();
        }
    }

    /** A floor that no score can lower. */
    public record Escalation(String rule, Grade floor, String message, String clause) {
    }
}
