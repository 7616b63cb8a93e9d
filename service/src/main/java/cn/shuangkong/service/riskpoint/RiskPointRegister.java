package cn.shuangkong.service.riskpoint;

import static cn.shuangkong.schema.Tables.CONTROL_MEASURE;
import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static cn.shuangkong.schema.Tables.RISK_EVENT;
import static cn.shuangkong.schema.Tables.RISK_POINT;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.shuangkong.rules.riskpoint.RiskPointGrading;
import cn.shuangkong.service.api.model.ControlLevel;
import cn.shuangkong.service.api.model.ControlMeasure;
import cn.shuangkong.service.api.model.DirectFlag;
import cn.shuangkong.service.api.model.Grade;
import cn.shuangkong.service.api.model.GradeHistoryEntry;
import cn.shuangkong.service.api.model.RiskAssessmentInput;
import cn.shuangkong.service.api.model.RiskEvent;
import cn.shuangkong.service.api.model.RiskMethod;
import cn.shuangkong.service.api.model.RiskPoint;
import cn.shuangkong.service.api.model.RiskPointGrade;
import cn.shuangkong.service.api.model.RiskPointInput;
import cn.shuangkong.service.api.model.RiskPointType;
import cn.shuangkong.service.enterprise.EnterpriseRegistry;
import cn.shuangkong.service.grading.Evaluations;
import cn.shuangkong.service.grading.GradeHistory;
import cn.shuangkong.service.grading.GradeViews;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.security.Jurisdiction;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.ETags;
import cn.shuangkong.service.web.VersionedRows;
import cn.shuangkong.service.web.Times;

/**
 * An enterprise's risk points (风险点): graded by the {@code riskpoint} rule set on every write, the grade
 * and its version stored, every grade written to the history in the same transaction.
 */
@Service
@Transactional
class RiskPointRegister {

    private final DSLContext db;
    private final EnterpriseRegistry enterprises;
    private final RiskPointGrading grading;
    private final GradeHistory history;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RiskPointRegister(DSLContext db, EnterpriseRegistry enterprises, RiskPointGrading grading, GradeHistory history, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.db = db;
        this.enterprises = enterprises;
        this.grading = grading;
        this.history = history;
        this.clock = clock;
    }

    /** A risk point's input with the grade the {@code riskpoint} rules gave its assessment. */
    record Graded(RiskPointInput input, cn.shuangkong.rules.riskpoint.RiskPointGrade grade) {

        /** The level requested, or the one the grade calls for; {@link #controlLevelRefusal} says whether the request may stand. */
        ControlLevel controlLevel() {
            return input.getControlLevel() == null ? GradeViews.defaultControlLevel(grade.grade()) : input.getControlLevel();
        }
    }

    RiskPoint create(CurrentUser user, String uscc, RiskPointInput in) {
        long enterpriseId = enterprises.requireInScope(user, uscc);
        long id = insert(enterpriseId, gradedForApi(in), user.username());
        return find(user, uscc, id);
    }

    RiskPoint update(CurrentUser user, String uscc, long id, RiskPointInput in, String ifMatch) {
        OptionalInt expected = ETags.requireCurrent(ifMatch, find(user, uscc, id).getVersion());
        replace(id, expected, gradedForApi(in), user.username());
        return find(user, uscc, id);
    }

    /** Graded, with the rules' refusals and a control level below the grade's as 400s naming the request's field. */
    private Graded gradedForApi(RiskPointInput in) {
        Graded graded = new Graded(in, Evaluations.evaluate("assessment.", () -> grade(in.getAssessment())));
        controlLevelRefusal(in.getControlLevel(), graded.grade().grade()).ifPresent(why -> {
            throw ApiException.invalidField("controlLevel", why);
        });
        return graded;
    }

    /**
     * The rules' grade of an assessment; their refusal ({@link cn.shuangkong.rules.InvalidFactException} naming l, e, c,
     * s, method or directFlags) as thrown. No database: no transaction of its own when called outside one (an import's check).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    cn.shuangkong.rules.riskpoint.RiskPointGrade grade(RiskAssessmentInput assessment) {
        return grading.grade(GradeViews.facts(assessment));
    }

    /** Why {@code requested} is below the level the grade calls for, if it is (分级管控: the higher the risk, the higher the level; never lower). */
    static Optional<String> controlLevelRefusal(ControlLevel requested, cn.shuangkong.rules.Grade grade) {
        ControlLevel least = GradeViews.defaultControlLevel(grade);
        if (requested == null || requested.ordinal() <= least.ordinal()) {
            return Optional.empty();
        }
        return Optional.of(grade.label() + "至少应由" + GradeViews.label(least) + "管控，不能降为" + GradeViews.label(requested));
    }

    /** Stores a graded risk point of the enterprise with its events and measures, and its grade as the first history entry. */
    long insert(long enterpriseId, Graded point, String gradedBy) {
        LocalDateTime now = LocalDateTime.now(clock);
        long id = db.insertInto(RISK_POINT)
                .set(RISK_POINT.ENTERPRISE_ID, enterpriseId)
                .set(columns(point))
                .set(RISK_POINT.VERSION, 1)
                .set(RISK_POINT.CREATED_AT, now)
                .set(RISK_POINT.UPDATED_AT, now)
                .returningResult(RISK_POINT.ID)
                .fetchSingle(RISK_POINT.ID);
        insertEvents(id, point.input().getEvents());
        record(id, point, GradeHistory.Cause.CREATED, gradedBy);
        events.publishEvent(new RiskPointsChanged(enterpriseId));
        return id;
    }

    /** Replaces risk point {@code id} (its fields, events and measures) if at version {@code expected}, and records its grade. */
    void replace(long id, OptionalInt expected, Graded point, String gradedBy) {
        VersionedRows.update(db, RISK_POINT, RISK_POINT.ID, RISK_POINT.VERSION, RISK_POINT.UPDATED_AT, id, expected, columns(point), LocalDateTime.now(clock));
        db.deleteFrom(RISK_EVENT).where(RISK_EVENT.RISK_POINT_ID.eq(id)).execute();
        insertEvents(id, point.input().getEvents());
        record(id, point, GradeHistory.Cause.UPDATED, gradedBy);
        events.publishEvent(new RiskPointsChanged(db.select(RISK_POINT.ENTERPRISE_ID).from(RISK_POINT).where(RISK_POINT.ID.eq(id)).fetchSingle(RISK_POINT.ENTERPRISE_ID)));
    }

    private void record(long id, Graded point, GradeHistory.Cause cause, String gradedBy) {
        var grade = point.grade();
        history.record(GradeHistory.Subject.RISK_POINT, id, RiskPointGrading.NAME, grade.ruleSetVersion(), grade.grade(), grade.score(),
                point.input().getAssessment(), GradeViews.view(grade), cause, gradedBy);
    }

    /** The ids of an enterprise's risk points by name (the API does not keep names unique, so a name may have several). */
    Map<String, List<Long>> idsByName(long enterpriseId) {
        Map<String, List<Long>> ids = new LinkedHashMap<>();
        db.select(RISK_POINT.ID, RISK_POINT.NAME).from(RISK_POINT).where(RISK_POINT.ENTERPRISE_ID.eq(enterpriseId)).orderBy(RISK_POINT.ID)
                .forEach(r -> ids.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(r.value1()));
        return ids;
    }

    /**
     * Of the stored risk points {@code points} would be written over, those it would change (its columns, the grade
     * included, or its events and measures), with the version each was read at. The rows are read locked, so they
     * stay as compared until the caller's transaction ends.
     */
    Map<Long, Integer> changedBy(Map<Long, Graded> points) {
        Map<Long, Integer> changed = new LinkedHashMap<>();
        if (points.isEmpty()) {
            return changed;
        }
        var rows = db.selectFrom(RISK_POINT).where(RISK_POINT.ID.in(points.keySet())).orderBy(RISK_POINT.ID).forUpdate().fetch();
        Map<Long, List<RiskEvent>> events = events(List.copyOf(points.keySet()));
        for (var row : rows) {
            Graded point = points.get(row.getId());
            boolean sameColumns = columns(point).entrySet().stream().allMatch(e -> Objects.equals(comparable(row.get(e.getKey())), comparable(e.getValue())));
            boolean sameEvents = events.getOrDefault(row.getId(), List.of()).equals(asStored(point.input().getEvents()));
            if (!sameColumns || !sameEvents) {
                changed.put(row.getId(), row.getVersion());
            }
        }
        return changed;
    }

    private static Object comparable(Object value) {
        if (value instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros();
        }
        return value instanceof String s && s.isEmpty() ? null : value;
    }

    /** Events as they are stored: names and descriptions stripped, a missing list of measures empty. */
    private static List<RiskEvent> asStored(List<RiskEvent> events) {
        return events == null ? List.of() : events.stream()
                .map(e -> new RiskEvent(e.getName().strip()).controlMeasures(e.getControlMeasures() == null ? List.of() : e.getControlMeasures().stream()
                        .map(m -> new ControlMeasure(m.getDescription().strip()).dataSource(m.getDataSource()).classification(m.getClassification()))
                        .toList()))
                .toList();
    }

    @Transactional(readOnly = true)
    RiskPoint find(CurrentUser user, String uscc, long id) {
        List<RiskPoint> found = fetch(user, uscc, RISK_POINT.ID.eq(id));
        if (found.isEmpty()) {
            throw ApiException.notFound("风险点 " + id);
        }
        return found.get(0);
    }

    @Transactional(readOnly = true)
    List<RiskPoint> list(CurrentUser user, String uscc, Grade grade) {
        enterprises.requireInScope(user, uscc);
        return fetch(user, uscc, grade == null ? DSL.trueCondition() : RISK_POINT.GRADE.eq(grade.getValue()));
    }

    @Transactional(readOnly = true)
    List<GradeHistoryEntry> history(CurrentUser user, String uscc, long id) {
        find(user, uscc, id);
        return history.of(GradeHistory.Subject.RISK_POINT, id);
    }

    private static Map<org.jooq.Field<?>, Object> columns(Graded point) {
        RiskPointInput in = point.input();
        var grade = point.grade();
        RiskAssessmentInput a = in.getAssessment();
        Map<org.jooq.Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(RISK_POINT.NAME, in.getName().strip());
        columns.put(RISK_POINT.LOCATION, in.getLocation());
        columns.put(RISK_POINT.POINT_TYPE, in.getType().getValue());
        columns.put(RISK_POINT.ANALYSIS_OBJECT, in.getAnalysisObject());
        columns.put(RISK_POINT.ANALYSIS_UNIT, in.getAnalysisUnit());
        columns.put(RISK_POINT.METHOD, a.getMethod().getValue());
        columns.put(RISK_POINT.L_VALUE, a.getL());
        columns.put(RISK_POINT.E_VALUE, a.getE());
        columns.put(RISK_POINT.C_VALUE, a.getC());
        columns.put(RISK_POINT.S_VALUE, a.getS());
        columns.put(RISK_POINT.DIRECT_FLAGS, a.getDirectFlags() == null ? "" : a.getDirectFlags().stream().map(DirectFlag::getValue).sorted().distinct().collect(Collectors.joining(",")));
        columns.put(RISK_POINT.CONTROL_LEVEL, point.controlLevel().getValue());
        columns.put(RISK_POINT.RESPONSIBLE_DEPARTMENT, in.getResponsibleDepartment());
        columns.put(RISK_POINT.RESPONSIBLE_PERSON, in.getResponsiblePerson());
        columns.put(RISK_POINT.GRADE, grade.grade().name());
        columns.put(RISK_POINT.SCORE, grade.score());
        columns.put(RISK_POINT.RULE_SET_VERSION, grade.ruleSetVersion());
        return columns;
    }

    private void insertEvents(long riskPointId, List<RiskEvent> events) {
        if (events == null) {
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            RiskEvent event = events.get(i);
            long eventId = db.insertInto(RISK_EVENT)
                    .set(RISK_EVENT.RISK_POINT_ID, riskPointId)
                    .set(RISK_EVENT.POSITION, i)
                    .set(RISK_EVENT.NAME, event.getName().strip())
                    .returningResult(RISK_EVENT.ID)
                    .fetchSingle(RISK_EVENT.ID);
            List<ControlMeasure> measures = event.getControlMeasures() == null ? List.of() : event.getControlMeasures();
            for (int j = 0; j < measures.size(); j++) {
                ControlMeasure m = measures.get(j);
                db.insertInto(CONTROL_MEASURE)
                        .set(CONTROL_MEASURE.RISK_EVENT_ID, eventId)
                        .set(CONTROL_MEASURE.POSITION, j)
                        .set(CONTROL_MEASURE.DESCRIPTION, m.getDescription().strip())
                        .set(CONTROL_MEASURE.DATA_SOURCE, m.getDataSource() == null ? null : m.getDataSource().getValue())
                        .set(CONTROL_MEASURE.CLASSIFICATION, m.getClassification() == null ? null : m.getClassification().getValue())
                        .execute();
            }
        }
    }

    private List<RiskPoint> fetch(CurrentUser user, String uscc, Condition condition) {
        var rows = db.select(RISK_POINT.asterisk(), ENTERPRISE.USCC)
                .from(RISK_POINT)
                .join(ENTERPRISE).on(ENTERPRISE.ID.eq(RISK_POINT.ENTERPRISE_ID))
                .where(ENTERPRISE.USCC.eq(uscc))
                .and(Jurisdiction.enterprises(user))
                .and(condition)
                .orderBy(RISK_POINT.ID)
                .fetch();
        List<Long> ids = rows.map(r -> r.get(RISK_POINT.ID));
        Map<Long, List<RiskEvent>> events = events(ids);
        Map<Long, RiskPointGrade> grades = history.latestResults(GradeHistory.Subject.RISK_POINT, ids, RiskPointGrade.class);
        return rows.map(r -> toApi(r, events.getOrDefault(r.get(RISK_POINT.ID), List.of()), grades.get(r.get(RISK_POINT.ID))));
    }

    private Map<Long, List<RiskEvent>> events(List<Long> riskPointIds) {
        Map<Long, List<RiskEvent>> byPoint = new LinkedHashMap<>();
        if (riskPointIds.isEmpty()) {
            return byPoint;
        }
        Map<Long, RiskEvent> byId = new LinkedHashMap<>();
        db.selectFrom(RISK_EVENT).where(RISK_EVENT.RISK_POINT_ID.in(riskPointIds)).orderBy(RISK_EVENT.RISK_POINT_ID, RISK_EVENT.POSITION)
                .forEach(e -> {
                    RiskEvent event = new RiskEvent(e.getName()).controlMeasures(new ArrayList<>());
                    byId.put(e.getId(), event);
                    byPoint.computeIfAbsent(e.getRiskPointId(), k -> new ArrayList<>()).add(event);
                });
        if (!byId.isEmpty()) {
            db.selectFrom(CONTROL_MEASURE).where(CONTROL_MEASURE.RISK_EVENT_ID.in(byId.keySet())).orderBy(CONTROL_MEASURE.RISK_EVENT_ID, CONTROL_MEASURE.POSITION)
                    .forEach(m -> byId.get(m.getRiskEventId()).getControlMeasures().add(new ControlMeasure(m.getDescription())
                            .dataSource(m.getDataSource() == null ? null : ControlMeasure.DataSourceEnum.fromValue(m.getDataSource()))
                            .classification(m.getClassification() == null ? null : ControlMeasure.ClassificationEnum.fromValue(m.getClassification()))));
        }
        return byPoint;
    }

    private static RiskPoint toApi(Record r, List<RiskEvent> events, RiskPointGrade grade) {
        String flags = r.get(RISK_POINT.DIRECT_FLAGS);
        RiskAssessmentInput assessment = new RiskAssessmentInput(RiskMethod.fromValue(r.get(RISK_POINT.METHOD)))
                .l(plain(r.get(RISK_POINT.L_VALUE)))
                .e(plain(r.get(RISK_POINT.E_VALUE)))
                .c(plain(r.get(RISK_POINT.C_VALUE)))
                .s(plain(r.get(RISK_POINT.S_VALUE)))
                .directFlags(flags.isEmpty() ? List.of() : Arrays.stream(flags.split(",")).map(DirectFlag::fromValue).toList());
        RiskPointType type = RiskPointType.fromValue(r.get(RISK_POINT.POINT_TYPE));
        ControlLevel level = ControlLevel.fromValue(r.get(RISK_POINT.CONTROL_LEVEL));
        return new RiskPoint(r.get(RISK_POINT.ID), r.get(ENTERPRISE.USCC), r.get(RISK_POINT.NAME), type, label(type), assessment, grade,
                level, GradeViews.label(level), events, r.get(RISK_POINT.VERSION), Times.toApi(r.get(RISK_POINT.UPDATED_AT)))
                .location(r.get(RISK_POINT.LOCATION))
                .analysisObject(r.get(RISK_POINT.ANALYSIS_OBJECT))
                .analysisUnit(r.get(RISK_POINT.ANALYSIS_UNIT))
                .responsibleDepartment(r.get(RISK_POINT.RESPONSIBLE_DEPARTMENT))
                .responsiblePerson(r.get(RISK_POINT.RESPONSIBLE_PERSON));
    }

    private static java.math.BigDecimal plain(java.math.BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    static String label(RiskPointType type) {
        return switch (type) {
            case PLACE -> "场所";
            case EQUIPMENT -> "设备设施";
            case ACTIVITY -> "作业活动";
        };
    }
}
