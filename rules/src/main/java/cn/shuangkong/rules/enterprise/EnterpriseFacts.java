package cn.shuangkong.rules.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything the enterprise rule set reads about one enterprise, as of one day. Stored beside every grade, so the
 * same facts and the same rule-set version give the same grade again.
 *
 * @param asOf                 the day the grade is for; windows (近12个月, 近30日) end on it
 * @param industryCategory     the registry's industry code (HAZARDOUS_CHEMICALS, MINING, …)
 * @param employees            从业人员数, or null when not registered
 * @param standardizationLevel LEVEL_1, LEVEL_2, LEVEL_3, NONE, or null when not registered
 */
public record EnterpriseFacts(
        String uscc,
        LocalDate asOf,
        String industryCategory,
        Integer employees,
        String standardizationLevel,
        RiskPoints riskPoints,
        MajorHazards majorHazards,
        HiddenDangers hiddenDangers,
        List<Accident> accidents,
        List<EnforcementAction> enforcementActions,
        List<Licence> licences,
        List<Alarm> alarms,
        List<QualityFinding> qualityFindings) {

    public EnterpriseFacts {
        accidents = List.copyOf(accidents);
        enforcementActions = List.copyOf(enforcementActions);
        licences = List.copyOf(licences);
        alarms = List.copyOf(alarms);
        qualityFindings = List.copyOf(qualityFindings);
    }

    /** Risk points by their current grade. */
    public record RiskPoints(int red, int orange, int yellow, int blue) {
        public static final RiskPoints NONE = new RiskPoints(0, 0, 0, 0);
    }

    /** Major hazard sources (GB 18218-2018) by level 一级 … 四级. */
    public record MajorHazards(int level1, int level2, int level3, int level4) {
        public static final MajorHazards NONE = new MajorHazards(0, 0, 0, 0);
    }

    /** Hidden dangers not closed (整改中 or 待验收), and those of them past their deadline, by level. */
    public record HiddenDangers(int openGeneral, int openMajor, int overdueGeneral, int overdueMajor) {
        public static final HiddenDangers NONE = new HiddenDangers(0, 0, 0, 0);
    }

    public record Accident(LocalDate occurredOn, int deaths, int seriousInjuries, BigDecimal directLossYuan) {
    }

    /** @param kind WARNING, FINE, … (IndicatorCode.ENFORCEMENT_ACTIONS_12M's categories) */
    public record EnforcementAction(LocalDate decidedOn, String kind, BigDecimal amountYuan) {
    }

    /** @param kind SAFETY_PRODUCTION, HAZCHEM_OPERATION, HAZCHEM_USE, FIREWORKS_OPERATION, OTHER */
    public record Licence(String kind, LocalDate validFrom, LocalDate validTo) {
    }

    /** @param level LEVEL_1 (一级报警) or LEVEL_2 (二级报警) */
    public record Alarm(LocalDateTime occurredAt, String level, boolean cleared) {
    }

    /** @param kind SPECIAL_EQUIPMENT_OVERDUE, … (IndicatorCode.UNRESOLVED_QUALITY_FINDINGS's categories) */
    public record QualityFinding(LocalDate foundOn, String kind, boolean resolved) {
    }
}
