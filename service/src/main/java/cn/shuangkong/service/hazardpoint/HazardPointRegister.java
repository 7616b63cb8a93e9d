package cn.shuangkong.service.hazardpoint;

import static cn.shuangkong.schema.Tables.HAZARD_POINT;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shuangkong.rules.hazardpoint.HazardPointGrade;
import cn.shuangkong.rules.hazardpoint.HazardPointGrading;
import cn.shuangkong.rules.hazardpoint.HazardPointType;
import cn.shuangkong.schema.tables.records.HazardPointRecord;
import cn.shuangkong.service.api.model.ClosureReason;
import cn.shuangkong.service.api.model.GradeHistoryEntry;
import cn.shuangkong.service.api.model.HazardPoint;
import cn.shuangkong.service.api.model.HazardPointAssessmentInput;
import cn.shuangkong.service.api.model.HazardPointClosure;
import cn.shuangkong.service.api.model.HazardPointInput;
import cn.shuangkong.service.api.model.HazardPointPage;
import cn.shuangkong.service.api.model.HazardPointStatus;
import cn.shuangkong.service.grading.Evaluations;
import cn.shuangkong.service.grading.GradeHistory;
import cn.shuangkong.service.grading.GradeViews;
import cn.shuangkong.service.region.RegionCodes;
import cn.shuangkong.service.region.RegionDirectory;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.security.Jurisdiction;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.ETags;
import cn.shuangkong.service.web.VersionedRows;
import cn.shuangkong.service.web.Times;

/**
 * Geological hazard points (地质灾害隐患点), managed by the regulators of the region they lie in (属地管理):
 * graded by the {@code hazardpoint} rule set, closed (核销) with a reason, every grade and the closure in the
 * grade history.
 */
@Service
@Transactional
class HazardPointRegister {

    private final DSLContext db;
    private final RegionDirectory regions;
    private final HazardPointGrading grading;
    private final GradeHistory history;
    private final Clock clock;

    HazardPointRegister(DSLContext db, RegionDirectory regions, HazardPointGrading grading, GradeHistory history, Clock clock) {
        this.db = db;
        this.regions = regions;
        this.grading = grading;
        this.history = history;
        this.clock = clock;
    }

    HazardPoint create(CurrentUser user, HazardPointInput in) {
        requireRegionInScope(user, in.getRegionCode());
        long id = insert(user, in, Evaluations.evaluate("", () -> assess(in)));
        return find(user, id);
    }

    HazardPoint update(CurrentUser user, long id, HazardPointInput in, String ifMatch) {
        HazardPointRecord current = requireInScope(user, id);
        OptionalInt expected = ETags.requireCurrent(ifMatch, current.getVersion());
        requireActive(current);
        requireRegionInScope(user, in.getRegionCode());
        replace(user, id, expected, in, Evaluations.evaluate("", () -> assess(in)));
        return find(user, id);
    }

    /**
     * The rule set's grade of {@code in}; a refusal is the rule set's own exception, naming the field as the request
     * spells it, for the caller to answer or to place in a sheet.
     *
     * @throws cn.shuangkong.rules.InvalidFactException when the rules cannot evaluate the point
     */
    HazardPointGrade assess(HazardPointInput in) {
        return grading.grade(GradeViews.facts(assessment(in)));
    }

    /** Why a hazard point cannot lie in {@code regionCode} (an unknown code, a region above county level), if it cannot. */
    Optional<String> localityProblem(String regionCode) {
        if (regions.isLocality(regionCode)) {
            return Optional.empty();
        }
        return Optional.of(regions.exists(regionCode)
                ? "隐患点所在地应为县级或乡级行政区划，" + regions.fullName(regionCode) + "是上级区划"
                : "行政区划代码 " + regionCode + " 不存在");
    }

    /** Why {@code user} may not manage a point in the locality {@code regionCode}, if they may not. */
    Optional<String> scopeProblem(CurrentUser user, String regionCode) {
        return Jurisdiction.covers(user, regionCode, "") ? Optional.empty()
                : Optional.of("只能管理本辖区的隐患点：" + regions.fullName(regionCode) + "不在管辖范围内");
    }

    /** Stores a new, active point with its grade, and records the grade. */
    long insert(CurrentUser user, HazardPointInput in, HazardPointGrade grade) {
        LocalDateTime now = LocalDateTime.now(clock);
        long id = db.insertInto(HAZARD_POINT)
                .set(columns(in, grade))
                .set(HAZARD_POINT.STATUS, HazardPointStatus.ACTIVE.getValue())
                .set(HAZARD_POINT.VERSION, 1)
                .set(HAZARD_POINT.CREATED_AT, now)
                .set(HAZARD_POINT.UPDATED_AT, now)
                .returningResult(HAZARD_POINT.ID)
                .fetchSingle(HAZARD_POINT.ID);
        record(user, id, in, grade, GradeHistory.Cause.CREATED);
        return id;
    }

    /** Replaces the survey data of active point {@code id}, if its version is {@code expected}; the new grade is recorded. */
    void replace(CurrentUser user, long id, OptionalInt expected, HazardPointInput in, HazardPointGrade grade) {
        VersionedRows.update(db, HAZARD_POINT, HAZARD_POINT.ID, HAZARD_POINT.VERSION, HAZARD_POINT.UPDATED_AT, id, expected,
                HAZARD_POINT.STATUS.eq(HazardPointStatus.ACTIVE.getValue()), "隐患点已核销，不能再修改", columns(in, grade), LocalDateTime.now(clock));
        record(user, id, in, grade, GradeHistory.Cause.UPDATED);
    }

    /** The points named as in {@code keys} (name and region code), by key; names are not unique, so a list each. */
    @Transactional(readOnly = true)
    Map<Key, List<HazardPointRecord>> named(Collection<Key> keys) {
        Map<Key, List<HazardPointRecord>> points = new HashMap<>();
        Set<Key> wanted = Set.copyOf(keys);
        db.selectFrom(HAZARD_POINT)
                .where(HAZARD_POINT.NAME.in(keys.stream().map(Key::name).collect(Collectors.toSet())))
                .and(HAZARD_POINT.REGION_CODE.in(keys.stream().map(Key::regionCode).collect(Collectors.toSet())))
                .orderBy(HAZARD_POINT.ID)
                .forEach(p -> {
                    Key key = new Key(p.getName(), p.getRegionCode());
                    if (wanted.contains(key)) {
                        points.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
                    }
                });
        return points;
    }

    /** Whether storing {@code in}, graded {@code grade}, over point {@code current} would change nothing, its grade included. */
    static boolean unchanged(HazardPointRecord current, HazardPointInput in, HazardPointGrade grade) {
        return columns(in, grade).entrySet().stream()
                .allMatch(e -> Objects.equals(stored(e.getKey(), current.get(e.getKey())), stored(e.getKey(), e.getValue())));
    }

    /** What identifies a point for an import: its name within its county or township. */
    record Key(String name, String regionCode) {
    }

    HazardPoint close(CurrentUser user, long id, HazardPointClosure closure, String ifMatch) {
        HazardPointRecord current = requireInScope(user, id);
        OptionalInt expected = ETags.requireCurrent(ifMatch, current.getVersion());
        requireActive(current);
        LocalDateTime now = LocalDateTime.now(clock);
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(HAZARD_POINT.STATUS, HazardPointStatus.CLOSED.getValue());
        columns.put(HAZARD_POINT.CLOSURE_REASON, closure.getReason().getValue());
        columns.put(HAZARD_POINT.CLOSURE_NOTE, closure.getNote());
        columns.put(HAZARD_POINT.CLOSED_AT, now);
        bump(id, expected, columns);
        // The closure is part of the point's history; its grade is the last one it had.
        HazardPointInput last = input(current);
        record(user, id, last, grade(last), GradeHistory.Cause.CLOSED);
        return find(user, id);
    }

    @Transactional(readOnly = true)
    HazardPoint find(CurrentUser user, long id) {
        return toApi(List.of(requireInScope(user, id))).get(0);
    }

    @Transactional(readOnly = true)
    HazardPointPage list(CurrentUser user, String regionCode, HazardPointStatus status, int page, int size) {
        Condition where = Jurisdiction.regions(user, HAZARD_POINT.REGION_CODE);
        if (regionCode != null && !regionCode.isBlank()) {
            if (!regions.exists(regionCode)) {
                throw ApiException.invalidField("regionCode", "行政区划代码 " + regionCode + " 不存在");
            }
            where = where.and(RegionCodes.within(HAZARD_POINT.REGION_CODE, regionCode));
        }
        if (status != null) {
            where = where.and(HAZARD_POINT.STATUS.eq(status.getValue()));
        }
        long total = db.fetchCount(HAZARD_POINT, where);
        List<HazardPoint> content = toApi(db.selectFrom(HAZARD_POINT).where(where)
                .orderBy(HAZARD_POINT.REGION_CODE, HAZARD_POINT.ID)
                .limit(size).offset((long) page * size)
                .fetch());
        return new HazardPointPage(content, page, size, total, (int) ((total + size - 1) / size));
    }

    @Transactional(readOnly = true)
    List<GradeHistoryEntry> history(CurrentUser user, long id) {
        requireInScope(user, id);
        return history.of(GradeHistory.Subject.HAZARD_POINT, id);
    }

    private HazardPointGrade grade(HazardPointInput in) {
        return Evaluations.evaluate("", () -> assess(in));
    }

    private void record(CurrentUser user, long id, HazardPointInput in, HazardPointGrade grade, GradeHistory.Cause cause) {
        history.record(GradeHistory.Subject.HAZARD_POINT, id, HazardPointGrading.NAME, grade.ruleSetVersion(), grade.grade(), null,
                assessment(in), GradeViews.view(grade), cause, user.username());
    }

    /** A value as {@code field} stores it: a decimal rounded to the column's scale, compared by value. */
    private static Object stored(Field<?> field, Object value) {
        if (value instanceof BigDecimal d) {
            return (field.getDataType().hasScale() ? d.setScale(field.getDataType().scale(), RoundingMode.HALF_UP) : d).stripTrailingZeros();
        }
        return value;
    }

    private void bump(long id, OptionalInt expected, Map<Field<?>, Object> columns) {
        VersionedRows.update(db, HAZARD_POINT, HAZARD_POINT.ID, HAZARD_POINT.VERSION, HAZARD_POINT.UPDATED_AT, id, expected, columns, LocalDateTime.now(clock));
    }

    private HazardPointRecord requireInScope(CurrentUser user, long id) {
        return db.selectFrom(HAZARD_POINT)
                .where(HAZARD_POINT.ID.eq(id))
                .and(Jurisdiction.regions(user, HAZARD_POINT.REGION_CODE))
                .fetchOptional()
                .orElseThrow(() -> ApiException.notFound("隐患点 " + id));
    }

    private void requireRegionInScope(CurrentUser user, String regionCode) {
        localityProblem(regionCode).ifPresent(why -> {
            throw ApiException.invalidField("regionCode", why);
        });
        scopeProblem(user, regionCode).ifPresent(why -> {
            throw ApiException.forbidden(why);
        });
    }

    private static void requireActive(HazardPointRecord current) {
        if (HazardPointStatus.CLOSED.getValue().equals(current.getStatus())) {
            throw ApiException.conflict("隐患点已核销（当前状态：已核销），不能再修改或核销");
        }
    }

    private static HazardPointAssessmentInput assessment(HazardPointInput in) {
        return new HazardPointAssessmentInput(in.getType(), in.getThreatenedPeople(), in.getPotentialLossYuan());
    }

    private static HazardPointInput input(HazardPointRecord r) {
        return new HazardPointInput(r.getName(), r.getRegionCode(), cn.shuangkong.service.api.model.HazardPointType.fromValue(r.getHazardType()),
                r.getThreatenedPeople(), r.getPotentialLossYuan());
    }

    private static Map<Field<?>, Object> columns(HazardPointInput in, HazardPointGrade grade) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(HAZARD_POINT.NAME, in.getName().strip());
        columns.put(HAZARD_POINT.REGION_CODE, in.getRegionCode());
        columns.put(HAZARD_POINT.HAZARD_TYPE, in.getType().getValue());
        columns.put(HAZARD_POINT.LOCATION, in.getLocation());
        columns.put(HAZARD_POINT.LONGITUDE, in.getLongitude() == null ? null : in.getLongitude().setScale(6, RoundingMode.HALF_UP));
        columns.put(HAZARD_POINT.LATITUDE, in.getLatitude() == null ? null : in.getLatitude().setScale(6, RoundingMode.HALF_UP));
        columns.put(HAZARD_POINT.THREATENED_PEOPLE, in.getThreatenedPeople());
        columns.put(HAZARD_POINT.POTENTIAL_LOSS_YUAN, in.getPotentialLossYuan());
        columns.put(HAZARD_POINT.MONITORING_PERSON, in.getMonitoringPerson());
        columns.put(HAZARD_POINT.DANGER_SCALE, grade.scale().name());
        columns.put(HAZARD_POINT.GRADE, grade.grade().name());
        columns.put(HAZARD_POINT.RULE_SET_VERSION, grade.ruleSetVersion());
        return columns;
    }

    /** The points with their current grades, read in one query for the whole page. */
    private List<HazardPoint> toApi(List<HazardPointRecord> records) {
        Map<Long, cn.shuangkong.service.api.model.HazardPointGrade> grades = history.latestResults(GradeHistory.Subject.HAZARD_POINT,
                records.stream().map(HazardPointRecord::getId).toList(), cn.shuangkong.service.api.model.HazardPointGrade.class);
        return records.stream().map(r -> toApi(r, grades.get(r.getId()))).toList();
    }

    private HazardPoint toApi(HazardPointRecord r, cn.shuangkong.service.api.model.HazardPointGrade grade) {
        var type = cn.shuangkong.service.api.model.HazardPointType.fromValue(r.getHazardType());
        HazardPointStatus status = HazardPointStatus.fromValue(r.getStatus());
        ClosureReason reason = r.getClosureReason() == null ? null : ClosureReason.fromValue(r.getClosureReason());
        return new HazardPoint(r.getId(), r.getName(), r.getRegionCode(), regions.fullName(r.getRegionCode()), type,
                HazardPointType.valueOf(type.getValue()).label(), r.getThreatenedPeople(), r.getPotentialLossYuan().stripTrailingZeros(),
                status, status == HazardPointStatus.ACTIVE ? "在册" : "已核销", grade, r.getVersion(), Times.toApi(r.getUpdatedAt()))
                .location(r.getLocation())
                .longitude(r.getLongitude())
                .latitude(r.getLatitude())
                .monitoringPerson(r.getMonitoringPerson())
                .closureReason(reason)
                .closureReasonLabel(reason == null ? null : switch (reason) {
                    case RELOCATION -> "搬迁避让";
                    case ENGINEERING -> "工程治理";
                    case OTHER -> "其他";
                })
                .closureNote(r.getClosureNote())
                .closedAt(Times.toApi(r.getClosedAt()));
    }
}
