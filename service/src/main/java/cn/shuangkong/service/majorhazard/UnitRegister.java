package cn.shuangkong.service.majorhazard;

import static cn.shuangkong.schema.Tables.CHEMICAL_INVENTORY;
import static cn.shuangkong.schema.Tables.CHEMICAL_UNIT;
import static cn.shuangkong.schema.Tables.ENTERPRISE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shuangkong.rules.majorhazard.MajorHazardGrading;
import cn.shuangkong.rules.majorhazard.MajorHazardInput;
import cn.shuangkong.rules.majorhazard.MajorHazardResult;
import cn.shuangkong.rules.majorhazard.UnitType;
import cn.shuangkong.schema.tables.records.ChemicalUnitRecord;
import cn.shuangkong.service.api.model.ChemicalInput;
import cn.shuangkong.service.api.model.ChemicalUnit;
import cn.shuangkong.service.api.model.ChemicalUnitInput;
import cn.shuangkong.service.api.model.GradeHistoryEntry;
import cn.shuangkong.service.api.model.MajorHazardGrade;
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
 * An enterprise's production and storage units with their hazardous chemicals, identified and graded by
 * the {@code majorhazard} rule set (GB 18218-2018) on every write, the result written to the grade history.
 */
@Service
@Transactional
class UnitRegister {

    private final DSLContext db;
    private final EnterpriseRegistry enterprises;
    private final MajorHazardGrading grading;
    private final GradeHistory history;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UnitRegister(DSLContext db, EnterpriseRegistry enterprises, MajorHazardGrading grading, GradeHistory history, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.db = db;
        this.enterprises = enterprises;
        this.grading = grading;
        this.history = history;
        this.clock = clock;
    }

    ChemicalUnit create(CurrentUser user, String uscc, ChemicalUnitInput in) {
        long enterpriseId = enterprises.requireInScope(user, uscc);
        long id = insert(user, enterpriseId, in, Evaluations.evaluate("", () -> assess(in)));
        return find(user, uscc, id);
    }

    ChemicalUnit update(CurrentUser user, String uscc, long id, ChemicalUnitInput in, String ifMatch) {
        OptionalInt expected = ETags.requireCurrent(ifMatch, find(user, uscc, id).getVersion());
        replace(user, id, expected, in, Evaluations.evaluate("", () -> assess(in)));
        return find(user, uscc, id);
    }

    /**
     * The rule set's identification and grade of {@code in}; a refusal is the rule set's own exception, naming the
     * field as the request spells it ({@code chemicals[2]}), for the caller to answer or to place in a sheet.
     *
     * @throws cn.shuangkong.rules.InvalidFactException when the rules cannot evaluate the unit
     */
    MajorHazardResult assess(ChemicalUnitInput in) {
        return grading.grade(new MajorHazardInput(in.getUnitType() == null ? null : UnitType.valueOf(in.getUnitType().getValue()),
                in.getExposedPeople(), GradeViews.chemicals(in.getChemicals())));
    }

    /** Stores a new unit of enterprise {@code enterpriseId} with its chemicals and its grade, and records the grade. */
    long insert(CurrentUser user, long enterpriseId, ChemicalUnitInput in, MajorHazardResult result) {
        LocalDateTime now = LocalDateTime.now(clock);
        long id = db.insertInto(CHEMICAL_UNIT)
                .set(CHEMICAL_UNIT.ENTERPRISE_ID, enterpriseId)
                .set(columns(in, result))
                .set(CHEMICAL_UNIT.VERSION, 1)
                .set(CHEMICAL_UNIT.CREATED_AT, now)
                .set(CHEMICAL_UNIT.UPDATED_AT, now)
                .returningResult(CHEMICAL_UNIT.ID)
                .fetchSingle(CHEMICAL_UNIT.ID);
        insertChemicals(id, in.getChemicals());
        record(user, id, in, result, GradeHistory.Cause.CREATED);
        events.publishEvent(new UnitsChanged(enterpriseId));
        return id;
    }

    /** Replaces unit {@code id} and its chemicals, if its version is {@code expected}; the new grade is recorded. */
    void replace(CurrentUser user, long id, OptionalInt expected, ChemicalUnitInput in, MajorHazardResult result) {
        VersionedRows.update(db, CHEMICAL_UNIT, CHEMICAL_UNIT.ID, CHEMICAL_UNIT.VERSION, CHEMICAL_UNIT.UPDATED_AT, id, expected, columns(in, result), LocalDateTime.now(clock));
        db.deleteFrom(CHEMICAL_INVENTORY).where(CHEMICAL_INVENTORY.UNIT_ID.eq(id)).execute();
        insertChemicals(id, in.getChemicals());
        record(user, id, in, result, GradeHistory.Cause.UPDATED);
        events.publishEvent(new UnitsChanged(db.select(CHEMICAL_UNIT.ENTERPRISE_ID).from(CHEMICAL_UNIT).where(CHEMICAL_UNIT.ID.eq(id)).fetchSingle(CHEMICAL_UNIT.ENTERPRISE_ID)));
    }

    /** The enterprise's units with any of {@code names}, by name (names are not unique: a list each). */
    @Transactional(readOnly = true)
    Map<String, List<ChemicalUnitRecord>> named(long enterpriseId, Collection<String> names) {
        Map<String, List<ChemicalUnitRecord>> units = new HashMap<>();
        db.selectFrom(CHEMICAL_UNIT)
                .where(CHEMICAL_UNIT.ENTERPRISE_ID.eq(enterpriseId))
                .and(CHEMICAL_UNIT.NAME.in(names))
                .orderBy(CHEMICAL_UNIT.ID)
                .forEach(u -> units.computeIfAbsent(u.getName(), k -> new ArrayList<>()).add(u));
        return units;
    }

    /** Whether storing {@code in}, graded {@code result}, over unit {@code current} would change nothing, its grade included. */
    @Transactional(readOnly = true)
    boolean unchanged(ChemicalUnitRecord current, ChemicalUnitInput in, MajorHazardResult result) {
        boolean sameColumns = columns(in, result).entrySet().stream()
                .allMatch(e -> Objects.equals(stored(e.getKey(), current.get(e.getKey())), stored(e.getKey(), e.getValue())));
        if (!sameColumns) {
            return false;
        }
        List<List<Object>> stored = db.selectFrom(CHEMICAL_INVENTORY).where(CHEMICAL_INVENTORY.UNIT_ID.eq(current.getId()))
                .orderBy(CHEMICAL_INVENTORY.POSITION)
                .fetch(c -> inventoryRow(c.getName(), c.getCas(), c.getHazardSymbols(), c.getQuantityTonnes()));
        List<List<Object>> given = in.getChemicals().stream()
                .map(c -> inventoryRow(c.getName(), c.getCas(), symbols(c.getHazardSymbols()), c.getQuantityTonnes()))
                .toList();
        return stored.equals(given);
    }

    @Transactional(readOnly = true)
    ChemicalUnit find(CurrentUser user, String uscc, long id) {
        List<ChemicalUnit> found = fetch(user, uscc, CHEMICAL_UNIT.ID.eq(id));
        if (found.isEmpty()) {
            throw ApiException.notFound("单元 " + id);
        }
        return found.get(0);
    }

    @Transactional(readOnly = true)
    List<ChemicalUnit> list(CurrentUser user, String uscc) {
        enterprises.requireInScope(user, uscc);
        return fetch(user, uscc, DSL.trueCondition());
    }

    @Transactional(readOnly = true)
    List<GradeHistoryEntry> history(CurrentUser user, String uscc, long id) {
        find(user, uscc, id);
        return history.of(GradeHistory.Subject.CHEMICAL_UNIT, id);
    }

    private void record(CurrentUser user, long id, ChemicalUnitInput in, MajorHazardResult result, GradeHistory.Cause cause) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("unitType", in.getUnitType());
        inputs.put("exposedPeople", in.getExposedPeople());
        inputs.put("chemicals", in.getChemicals());
        history.record(GradeHistory.Subject.CHEMICAL_UNIT, id, MajorHazardGrading.NAME, result.ruleSetVersion(), result.grade(), result.r(),
                inputs, GradeViews.view(result), cause, user.username());
    }

    private static Map<Field<?>, Object> columns(ChemicalUnitInput in, MajorHazardResult result) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(CHEMICAL_UNIT.NAME, in.getName().strip());
        columns.put(CHEMICAL_UNIT.LOCATION, in.getLocation());
        columns.put(CHEMICAL_UNIT.UNIT_TYPE, in.getUnitType().getValue());
        columns.put(CHEMICAL_UNIT.EXPOSED_PEOPLE, in.getExposedPeople());
        columns.put(CHEMICAL_UNIT.MAJOR_HAZARD_SOURCE, result.majorHazardSource());
        columns.put(CHEMICAL_UNIT.S_VALUE, result.s());
        columns.put(CHEMICAL_UNIT.R_VALUE, result.r());
        columns.put(CHEMICAL_UNIT.HAZARD_LEVEL, result.level() == null ? null : result.level().name());
        columns.put(CHEMICAL_UNIT.GRADE, result.grade().name());
        columns.put(CHEMICAL_UNIT.RULE_SET_VERSION, result.ruleSetVersion());
        return columns;
    }

    private void insertChemicals(long unitId, List<ChemicalInput> chemicals) {
        for (int i = 0; i < chemicals.size(); i++) {
            ChemicalInput c = chemicals.get(i);
            db.insertInto(CHEMICAL_INVENTORY)
                    .set(CHEMICAL_INVENTORY.UNIT_ID, unitId)
                    .set(CHEMICAL_INVENTORY.POSITION, i)
                    .set(CHEMICAL_INVENTORY.NAME, c.getName())
                    .set(CHEMICAL_INVENTORY.CAS, c.getCas())
                    .set(CHEMICAL_INVENTORY.HAZARD_SYMBOLS, symbols(c.getHazardSymbols()))
                    .set(CHEMICAL_INVENTORY.QUANTITY_TONNES, c.getQuantityTonnes())
                    .execute();
        }
    }

    private static String symbols(List<String> hazardSymbols) {
        return hazardSymbols == null ? "" : String.join(",", hazardSymbols);
    }

    private static List<Object> inventoryRow(String name, String cas, String symbols, BigDecimal quantity) {
        return Arrays.asList(blankToNull(name), blankToNull(cas), symbols, stored(CHEMICAL_INVENTORY.QUANTITY_TONNES, quantity));
    }

    /** A value as {@code field} stores it: a decimal rounded to the column's scale, compared by value (2.5 is 2.500000). */
    private static Object stored(Field<?> field, Object value) {
        if (value instanceof BigDecimal d) {
            int scale = field.getDataType().scale();
            return (field.getDataType().hasScale() ? d.setScale(scale, RoundingMode.HALF_UP) : d).stripTrailingZeros();
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private List<ChemicalUnit> fetch(CurrentUser user, String uscc, Condition condition) {
        var rows = db.select(CHEMICAL_UNIT.asterisk(), ENTERPRISE.USCC)
                .from(CHEMICAL_UNIT)
                .join(ENTERPRISE).on(ENTERPRISE.ID.eq(CHEMICAL_UNIT.ENTERPRISE_ID))
                .where(ENTERPRISE.USCC.eq(uscc))
                .and(Jurisdiction.enterprises(user))
                .and(condition)
                .orderBy(CHEMICAL_UNIT.ID)
                .fetch();
        List<Long> ids = rows.map(r -> r.get(CHEMICAL_UNIT.ID));
        Map<Long, List<ChemicalInput>> chemicals = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            db.selectFrom(CHEMICAL_INVENTORY).where(CHEMICAL_INVENTORY.UNIT_ID.in(ids)).orderBy(CHEMICAL_INVENTORY.UNIT_ID, CHEMICAL_INVENTORY.POSITION)
                    .forEach(c -> chemicals.computeIfAbsent(c.getUnitId(), k -> new ArrayList<>()).add(new ChemicalInput(c.getQuantityTonnes().stripTrailingZeros())
                            .name(c.getName())
                            .cas(c.getCas())
                            .hazardSymbols(c.getHazardSymbols().isEmpty() ? List.of() : Arrays.asList(c.getHazardSymbols().split(",")))));
        }
        Map<Long, MajorHazardGrade> grades = history.latestResults(GradeHistory.Subject.CHEMICAL_UNIT, ids, MajorHazardGrade.class);
        return rows.map(r -> toApi(r, chemicals.getOrDefault(r.get(CHEMICAL_UNIT.ID), List.of()), grades.get(r.get(CHEMICAL_UNIT.ID))));
    }

    private static ChemicalUnit toApi(Record r, List<ChemicalInput> chemicals, MajorHazardGrade grade) {
        var type = cn.shuangkong.service.api.model.UnitType.fromValue(r.get(CHEMICAL_UNIT.UNIT_TYPE));
        return new ChemicalUnit(r.get(CHEMICAL_UNIT.ID), r.get(ENTERPRISE.USCC), r.get(CHEMICAL_UNIT.NAME), type,
                UnitType.valueOf(type.getValue()).label(), r.get(CHEMICAL_UNIT.EXPOSED_PEOPLE), chemicals, grade,
                r.get(CHEMICAL_UNIT.VERSION), Times.toApi(r.get(CHEMICAL_UNIT.UPDATED_AT)))
                .location(r.get(CHEMICAL_UNIT.LOCATION));
    }
}
