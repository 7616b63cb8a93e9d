package cn.shuangkong.service.enterpriserisk;

import static cn.shuangkong.schema.Tables.ACCIDENT;
import static cn.shuangkong.schema.Tables.CHEMICAL_UNIT;
import static cn.shuangkong.schema.Tables.ENFORCEMENT_ACTION;
import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static cn.shuangkong.schema.Tables.HIDDEN_DANGER;
import static cn.shuangkong.schema.Tables.LICENCE;
import static cn.shuangkong.schema.Tables.MONITORING_ALARM;
import static cn.shuangkong.schema.Tables.QUALITY_FINDING;
import static cn.shuangkong.schema.Tables.RISK_POINT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

import cn.shuangkong.rules.enterprise.EnterpriseFacts;
import cn.shuangkong.service.database.IdListQuery;
import cn.shuangkong.service.database.SqlLiterals;
import cn.shuangkong.service.hiddendanger.HiddenDangerQueries;
import cn.shuangkong.service.web.Times;

/**
 * Reads what the enterprise rule set needs about a batch of enterprises, one query per input family for the whole
 * batch (counts where counts suffice; only the rows a window can still reach), so that grading the registry streams it
 * in batches and never holds it whole.
 */
@Component
class EnterpriseFactsReader {

    /** An enterprise being graded. */
    record Subject(long id, String uscc, String name, String regionCode) {
    }

    private static final Field<Integer> COUNT = count();

    // One statement per input family, each for a whole batch (IdListQuery). Constants and the windows' days are
    // inlined (a day as SqlLiterals.date); a time stays bound, as every stored time is, so that it converts as they do.
    private final IdListQuery<LocalDate> enterprises;
    private final IdListQuery<LocalDate> riskPoints;
    private final IdListQuery<LocalDate> majorHazards;
    private final IdListQuery<LocalDate> hiddenDangers;
    private final IdListQuery<LocalDate> accidents;
    private final IdListQuery<LocalDate> enforcement;
    private final IdListQuery<LocalDate> licences;
    private final IdListQuery<LocalDate> alarms;
    private final IdListQuery<LocalDate> findings;

    EnterpriseFactsReader(DSLContext db) {
        enterprises = new IdListQuery<>(db, (asOf, ids) -> db
                .select(ENTERPRISE.ID, ENTERPRISE.INDUSTRY_CATEGORY, ENTERPRISE.EMPLOYEES, ENTERPRISE.STANDARDIZATION_LEVEL)
                .from(ENTERPRISE).where(ENTERPRISE.ID.in(ids)));
        riskPoints = new IdListQuery<>(db, (asOf, ids) -> db.select(RISK_POINT.ENTERPRISE_ID, RISK_POINT.GRADE, COUNT)
                .from(RISK_POINT).where(RISK_POINT.ENTERPRISE_ID.in(ids))
                .groupBy(RISK_POINT.ENTERPRISE_ID, RISK_POINT.GRADE));
        majorHazards = new IdListQuery<>(db, (asOf, ids) -> db.select(CHEMICAL_UNIT.ENTERPRISE_ID, CHEMICAL_UNIT.HAZARD_LEVEL, COUNT)
                .from(CHEMICAL_UNIT).where(CHEMICAL_UNIT.ENTERPRISE_ID.in(ids)).and(CHEMICAL_UNIT.MAJOR_HAZARD_SOURCE.isTrue())
                .groupBy(CHEMICAL_UNIT.ENTERPRISE_ID, CHEMICAL_UNIT.HAZARD_LEVEL));
        hiddenDangers = new IdListQuery<>(db, (asOf, ids) -> db.select(HIDDEN_DANGER.ENTERPRISE_ID, HIDDEN_DANGER.DANGER_LEVEL, COUNT,
                        sum(when(HiddenDangerQueries.overdue(asOf), inline(1)).otherwise(inline(0))).as("overdue"))
                .from(HIDDEN_DANGER).where(HIDDEN_DANGER.ENTERPRISE_ID.in(ids))
                .and(HIDDEN_DANGER.STATUS.in(inline("RECTIFYING"), inline("PENDING_ACCEPTANCE")))
                .groupBy(HIDDEN_DANGER.ENTERPRISE_ID, HIDDEN_DANGER.DANGER_LEVEL));
        // Only what a window of the rule set can reach: accidents of the last three years, penalties of the last year,
        // alarms still open or of the last 30 days, findings not resolved; licences all (an expired one counts).
        accidents = new IdListQuery<>(db, (asOf, ids) -> db
                .select(ACCIDENT.ENTERPRISE_ID, ACCIDENT.OCCURRED_ON, ACCIDENT.DEATHS, ACCIDENT.SERIOUS_INJURIES, ACCIDENT.DIRECT_LOSS_YUAN)
                .from(ACCIDENT).where(ACCIDENT.ENTERPRISE_ID.in(ids)).and(ACCIDENT.OCCURRED_ON.gt(SqlLiterals.date(asOf.minusYears(3))))
                .orderBy(ACCIDENT.ENTERPRISE_ID, ACCIDENT.OCCURRED_ON, ACCIDENT.ID));
        enforcement = new IdListQuery<>(db, (asOf, ids) -> db
                .select(ENFORCEMENT_ACTION.ENTERPRISE_ID, ENFORCEMENT_ACTION.DECIDED_ON, ENFORCEMENT_ACTION.KIND, ENFORCEMENT_ACTION.AMOUNT_YUAN)
                .from(ENFORCEMENT_ACTION).where(ENFORCEMENT_ACTION.ENTERPRISE_ID.in(ids))
                .and(ENFORCEMENT_ACTION.DECIDED_ON.gt(SqlLiterals.date(asOf.minusYears(1))))
                .orderBy(ENFORCEMENT_ACTION.ENTERPRISE_ID, ENFORCEMENT_ACTION.DECIDED_ON, ENFORCEMENT_ACTION.ID));
        licences = new IdListQuery<>(db, (asOf, ids) -> db.select(LICENCE.ENTERPRISE_ID, LICENCE.KIND, LICENCE.VALID_FROM, LICENCE.VALID_TO)
                .from(LICENCE).where(LICENCE.ENTERPRISE_ID.in(ids))
                .orderBy(LICENCE.ENTERPRISE_ID, LICENCE.KIND, LICENCE.VALID_TO, LICENCE.ID));
        alarms = new IdListQuery<>(db, (asOf, ids) -> db
                .select(MONITORING_ALARM.ENTERPRISE_ID, MONITORING_ALARM.OCCURRED_AT, MONITORING_ALARM.ALARM_LEVEL, MONITORING_ALARM.CLEARED)
                .from(MONITORING_ALARM).where(MONITORING_ALARM.ENTERPRISE_ID.in(ids))
                .and(MONITORING_ALARM.CLEARED.isFalse().or(MONITORING_ALARM.OCCURRED_AT.ge(Times.startOfChinaDay(asOf.minusDays(29)))))
                .orderBy(MONITORING_ALARM.ENTERPRISE_ID, MONITORING_ALARM.OCCURRED_AT, MONITORING_ALARM.ID));
        findings = new IdListQuery<>(db, (asOf, ids) -> db.select(QUALITY_FINDING.ENTERPRISE_ID, QUALITY_FINDING.FOUND_ON, QUALITY_FINDING.KIND)
                .from(QUALITY_FINDING).where(QUALITY_FINDING.ENTERPRISE_ID.in(ids)).and(QUALITY_FINDING.RESOLVED.isFalse())
                .orderBy(QUALITY_FINDING.ENTERPRISE_ID, QUALITY_FINDING.FOUND_ON, QUALITY_FINDING.ID));
    }

    /** The facts of each enterprise of {@code subjects} as of {@code asOf}, in the same order. */
    Map<Subject, EnterpriseFacts> read(List<Subject> subjects, LocalDate asOf) {
        List<Long> ids = subjects.stream().map(Subject::id).toList();
        Map<Long, Inputs> inputs = new HashMap<>();
        ids.forEach(id -> inputs.put(id, new Inputs()));

        // Each row's values by their position in the select list (a lookup by field costs more than the rest of reading it).
        enterprises.forEach(asOf, ids, r -> {
            Inputs in = inputs.get((Long) r.get(0));
            in.industry = (String) r.get(1);
            in.employees = (Integer) r.get(2);
            in.standardization = (String) r.get(3);
        });
        riskPoints.forEach(asOf, ids, r -> inputs.get((Long) r.get(0)).riskPoints.put((String) r.get(1), (Integer) r.get(2)));
        majorHazards.forEach(asOf, ids, r -> inputs.get((Long) r.get(0)).majorHazards.put((String) r.get(1), (Integer) r.get(2)));
        hiddenDangers.forEach(asOf, ids, r -> {
            BigDecimal overdue = (BigDecimal) r.get(3);
            inputs.get((Long) r.get(0)).dangers.put((String) r.get(1), new int[] {(Integer) r.get(2), overdue == null ? 0 : overdue.intValue()});
        });
        accidents.forEach(asOf, ids, r -> inputs.get((Long) r.get(0)).accidents.add(new EnterpriseFacts.Accident(
                (LocalDate) r.get(1), (Integer) r.get(2), (Integer) r.get(3), (BigDecimal) r.get(4))));
        enforcement.forEach(asOf, ids, r -> inputs.get((Long) r.get(0)).enforcement.add(new EnterpriseFacts.EnforcementAction(
                (LocalDate) r.get(1), (String) r.get(2), (BigDecimal) r.get(3))));
        licences.forEach(asOf, ids, r -> inputs.get((Long) r.get(0)).licences.add(new EnterpriseFacts.Licence(
                (String) r.get(1), (LocalDate) r.get(2), (LocalDate) r.get(3))));
        alarms.forEach(asOf, ids, r -> inputs.get((Long) r.get(0)).alarms.add(new EnterpriseFacts.Alarm(
                Times.toApi((LocalDateTime) r.get(1)).toLocalDateTime(), (String) r.get(2), (Boolean) r.get(3))));
        findings.forEach(asOf, ids, r -> inputs.get((Long) r.get(0)).findings.add(new EnterpriseFacts.QualityFinding(
                (LocalDate) r.get(1), (String) r.get(2), false)));

        Map<Subject, EnterpriseFacts> facts = new LinkedHashMap<>();
        for (Subject subject : subjects) {
            facts.put(subject, inputs.get(subject.id()).facts(subject.uscc(), asOf));
        }
        return facts;
    }

    /** The statements {@link #read} runs for {@code ids} ids as of {@code asOf}, in order, each with a {@code ?} per id. */
    List<String> statements(LocalDate asOf, int ids) {
        return Stream.of(enterprises, riskPoints, majorHazards, hiddenDangers, accidents, enforcement, licences, alarms, findings)
                .map(query -> query.sql(asOf, ids)).toList();
    }

    /** What the queries found about one enterprise. */
    private static final class Inputs {
        String industry;
        Integer employees;
        String standardization;
        final Map<String, Integer> riskPoints = new HashMap<>();
        final Map<String, Integer> majorHazards = new HashMap<>();
        final Map<String, int[]> dangers = new HashMap<>();
        final List<EnterpriseFacts.Accident> accidents = new ArrayList<>();
        final List<EnterpriseFacts.EnforcementAction> enforcement = new ArrayList<>();
        final List<EnterpriseFacts.Licence> licences = new ArrayList<>();
        final List<EnterpriseFacts.Alarm> alarms = new ArrayList<>();
        final List<EnterpriseFacts.QualityFinding> findings = new ArrayList<>();

        EnterpriseFacts facts(String uscc, LocalDate asOf) {
            int[] general = dangers.getOrDefault("GENERAL", new int[2]);
            int[] major = dangers.getOrDefault("MAJOR", new int[2]);
            return new EnterpriseFacts(uscc, asOf, industry, employees, standardization,
                    new EnterpriseFacts.RiskPoints(riskPoints.getOrDefault("RED", 0), riskPoints.getOrDefault("ORANGE", 0),
                            riskPoints.getOrDefault("YELLOW", 0), riskPoints.getOrDefault("BLUE", 0)),
                    new EnterpriseFacts.MajorHazards(majorHazards.getOrDefault("LEVEL_1", 0), majorHazards.getOrDefault("LEVEL_2", 0),
                            majorHazards.getOrDefault("LEVEL_3", 0), majorHazards.getOrDefault("LEVEL_4", 0)),
                    new EnterpriseFacts.HiddenDangers(general[0], major[0], general[1], major[1]),
                    accidents, enforcement, licences, alarms, findings);
        }
    }
}
