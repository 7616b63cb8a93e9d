package cn.shuangkong.rules.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import cn.shuangkong.rules.Grade;

/**
 * The working memory of one enterprise's grading: its indicators (computed here from the facts, one per code and
 * category, only those that are not 0), the total the points table gives, the colour of that total, and the
 * escalations (floors no score can lower).
 */
public final class EnterpriseAssessment {

    private final EnterpriseFacts facts;
    private final List<Indicator> indicators = new ArrayList<>();
    private final Map<IndicatorCode, Map<String, BigDecimal>> values = new EnumMap<>(IndicatorCode.class);
    private BigDecimal totalScore;
    private Grade scoreGrade;
    private final Map<String, Grade> escalations = new LinkedHashMap<>();

    EnterpriseAssessment(EnterpriseFacts facts, RequiredLicences requiredLicences) {
        this.facts = facts;
        LocalDate asOf = facts.asOf();
        LocalDate yearAgo = asOf.minusYears(1);
        LocalDate threeYearsAgo = asOf.minusYears(3);
        LocalDate monthAgo = asOf.minusDays(30);

        add(IndicatorCode.INDUSTRY, facts.industryCategory(), 1);
        add(IndicatorCode.EMPLOYEES, null, facts.employees() == null ? 0 : facts.employees());
        add(IndicatorCode.STANDARDIZATION, facts.standardizationLevel(), 1);

        EnterpriseFacts.RiskPoints points = facts.riskPoints();
        add(IndicatorCode.RISK_POINTS, "RED", points.red());
        add(IndicatorCode.RISK_POINTS, "ORANGE", points.orange());
        add(IndicatorCode.RISK_POINTS, "YELLOW", points.yellow());
        add(IndicatorCode.RISK_POINTS, "BLUE", points.blue());
        EnterpriseFacts.MajorHazards hazards = facts.majorHazards();
        add(IndicatorCode.MAJOR_HAZARD_SOURCES, "LEVEL_1", hazards.level1());
        add(IndicatorCode.MAJOR_HAZARD_SOURCES, "LEVEL_2", hazards.level2());
        add(IndicatorCode.MAJOR_HAZARD_SOURCES, "LEVEL_3", hazards.level3());
        add(IndicatorCode.MAJOR_HAZARD_SOURCES, "LEVEL_4", hazards.level4());
        EnterpriseFacts.HiddenDangers dangers = facts.hiddenDangers();
        add(IndicatorCode.OPEN_HIDDEN_DANGERS, "GENERAL", dangers.openGeneral());
        add(IndicatorCode.OPEN_HIDDEN_DANGERS, "MAJOR", dangers.openMajor());
        add(IndicatorCode.OVERDUE_HIDDEN_DANGERS, "GENERAL", dangers.overdueGeneral());
        add(IndicatorCode.OVERDUE_HIDDEN_DANGERS, "MAJOR", dangers.overdueMajor());

        // 近12个月: after the same day a year before, up to and including asOf; 13–36 months: the two years before that.
        Predicate<LocalDate> lastYear = day -> day.isAfter(yearAgo) && !day.isAfter(asOf);
        Predicate<LocalDate> twoYearsBefore = day -> day.isAfter(threeYearsAgo) && !day.isAfter(yearAgo);
        List<EnterpriseFacts.Accident> recent = facts.accidents().stream().filter(a -> lastYear.test(a.occurredOn())).toList();
        add(IndicatorCode.ACCIDENTS_12M, null, recent.size());
        add(IndicatorCode.ACCIDENT_DEATHS_12M, null, recent.stream().mapToLong(EnterpriseFacts.Accident::deaths).sum());
        add(IndicatorCode.ACCIDENT_SERIOUS_INJURIES_12M, null, recent.stream().mapToLong(EnterpriseFacts.Accident::seriousInjuries).sum());
        add(IndicatorCode.ACCIDENT_DEATHS_13_36M, null, facts.accidents().stream()
                .filter(a -> twoYearsBefore.test(a.occurredOn())).mapToLong(EnterpriseFacts.Accident::deaths).sum());

        BigDecimal fines = BigDecimal.ZERO;
        for (String kind : IndicatorCode.ENFORCEMENT_ACTIONS_12M.categories()) {
            add(IndicatorCode.ENFORCEMENT_ACTIONS_12M, kind, facts.enforcementActions().stream()
                    .filter(e -> kind.equals(e.kind()) && lastYear.test(e.decidedOn())).count());
        }
        for (EnterpriseFacts.EnforcementAction action : facts.enforcementActions()) {
            if ("FINE".equals(action.kind()) && lastYear.test(action.decidedOn()) && action.amountYuan() != null) {
                fines = fines.add(action.amountYuan());
            }
        }
        add(IndicatorCode.FINES_12M_YUAN, null, fines);

        RequiredLicences.Status licences = requiredLicences.status(facts.industryCategory(), facts.licences(), asOf);
        add(IndicatorCode.REQUIRED_LICENCES_MISSING, null, licences.missing());
        add(IndicatorCode.REQUIRED_LICENCES_EXPIRED, null, licences.notValid());

        for (String level : IndicatorCode.UNCLEARED_ALARMS.categories()) {
            add(IndicatorCode.UNCLEARED_ALARMS, level, facts.alarms().stream()
                    .filter(a -> level.equals(a.level()) && !a.cleared() && !a.occurredAt().toLocalDate().isAfter(asOf)).count());
            add(IndicatorCode.ALARMS_30D, level, facts.alarms().stream()
                    .filter(a -> level.equals(a.level()) && a.occurredAt().toLocalDate().isAfter(monthAgo)
                            && !a.occurredAt().toLocalDate().isAfter(asOf)).count());
        }
        for (String kind : IndicatorCode.UNRESOLVED_QUALITY_FINDINGS.categories()) {
            add(IndicatorCode.UNRESOLVED_QUALITY_FINDINGS, kind, facts.qualityFindings().stream()
                    .filter(q -> kind.equals(q.kind()) && !q.resolved() && !q.foundOn().isAfter(asOf)).count());
        }
    }

    private void add(IndicatorCode code, String category, long value) {
        add(code, category, BigDecimal.valueOf(value));
    }

    private void add(IndicatorCode code, String category, BigDecimal value) {
        if (value.signum() == 0 || (code.categorised() && category == null)) {
            return;
        }
        indicators.add(new Indicator(this, code, category, value));
        values.computeIfAbsent(code, c -> new LinkedHashMap<>()).put(category == null ? "" : category, value);
    }

    List<Indicator> indicators() {
        return indicators;
    }

    EnterpriseFacts facts() {
        return facts;
    }

    public String getUscc() {
        return facts.uscc();
    }

    private int count(IndicatorCode code, String category) {
        BigDecimal value = values.getOrDefault(code, Map.of()).get(category == null ? "" : category);
        return value == null ? 0 : value.intValueExact();
    }

    public int getAccidentDeaths12Months() {
        return count(IndicatorCode.ACCIDENT_DEATHS_12M, null);
    }

    public int getOpenMajorHiddenDangers() {
        return count(IndicatorCode.OPEN_HIDDEN_DANGERS, "MAJOR");
    }

    public int getOverdueMajorHiddenDangers() {
        return count(IndicatorCode.OVERDUE_HIDDEN_DANGERS, "MAJOR");
    }

    public int getLevel1MajorHazardSources() {
        return count(IndicatorCode.MAJOR_HAZARD_SOURCES, "LEVEL_1");
    }

    public int getLevel2MajorHazardSources() {
        return count(IndicatorCode.MAJOR_HAZARD_SOURCES, "LEVEL_2");
    }

    public int getRedRiskPoints() {
        return count(IndicatorCode.RISK_POINTS, "RED");
    }

    public BigDecimal getTotalScore() {
        return totalScore;
    }

    /** Sums the points every row gave (enterprise-total.drl, after the points table). */
    public TotalScore sumPoints() {
        totalScore = Indicator.plain(indicators.stream().map(Indicator::getPoints).reduce(BigDecimal.ZERO, BigDecimal::add));
        return new TotalScore(this, totalScore);
    }

    public Grade getScoreGrade() {
        return scoreGrade;
    }

    /** The colour of the total, from the colour table. */
    public void concludeScoreGrade(Grade grade) {
        if (scoreGrade != null) {
            throw new IllegalStateException("Two rows of the colour table match the total " + totalScore.toPlainString()
                    + "; the bands must not overlap");
        }
        scoreGrade = grade;
    }

    /** Called by an escalation rule: the colour is at least {@code floor}, whatever the score. */
    public void escalate(Grade floor, String rule) {
        escalations.put(rule, floor);
    }

    Map<String, Grade> escalations() {
        return escalations;
    }
}
