package cn.shuangkong.rules.enterprise;

import java.math.BigDecimal;
import java.util.Map;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.RuleSet;

/**
 * The shipped points table compiled alone, without the total and the escalations: to evaluate one row on an indicator
 * value, or the colour table on a total, that no enterprise's facts can produce (a second missing licence; a total
 * of 19.9, when every point but the 0.2 of a first-level alarm is whole). Compiled once, on first use.
 */
final class ShippedTable {

    private static final RuleSet RULES = RuleSet.compile(EnterpriseGrading.NAME,
            Map.of(EnterpriseGrading.TABLE, EnterpriseGrading.builtInTable()));
    private static final RequiredLicences LICENCES = RequiredLicences.parse(RuleSet.read(EnterpriseGrading.PATH + "required-licences.tsv"));

    private ShippedTable() {
    }

    /** The points the table's rows give {@code code}/{@code category} = {@code value}. */
    static BigDecimal points(IndicatorCode code, String category, String value) {
        Indicator indicator = new Indicator(anyAssessment(), code, category, new BigDecimal(value));
        RULES.evaluate(indicator);
        return indicator.getPoints();
    }

    /** The colour the table's colour rows give {@code total}. */
    static Grade colour(String total) {
        EnterpriseAssessment assessment = anyAssessment();
        RULES.evaluate(new TotalScore(assessment, new BigDecimal(total)));
        return assessment.getScoreGrade();
    }

    private static EnterpriseAssessment anyAssessment() {
        return new EnterpriseAssessment(TestEnterprise.other().facts(), LICENCES);
    }
}
