package cn.shuangkong.service.grading;

import static cn.shuangkong.schema.Tables.GRADE_HISTORY;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.schema.tables.records.GradeHistoryRecord;
import cn.shuangkong.service.api.model.GradeHistoryEntry;
import cn.shuangkong.service.database.Statements;
import cn.shuangkong.service.web.Times;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code grade_history}: every stored grade with the inputs it came from, the whole result (numbers and
 * reasons), and the rule-set version that produced it, so any past grade can be explained and reproduced. A grade
 * whose result only repeats the previous one under another version may leave it out (see {@link Entry}).
 * Written in the caller's transaction, with the change that caused it.
 */
@Component
public class GradeHistory {

    public enum Subject { RISK_POINT, CHEMICAL_UNIT, HAZARD_POINT, ENTERPRISE }

    /** What caused a grade: a change of the subject itself, or, for an enterprise, a change of one of its inputs. */
    public enum Cause {
        CREATED("新建"),
        UPDATED("修改"),
        CLOSED("销号"),
        FIRST_GRADE("首次评定"),
        ENTERPRISE_UPDATED("企业档案变化"),
        RISK_POINTS_CHANGED("风险点变化"),
        UNITS_CHANGED("重大危险源变化"),
        HIDDEN_DANGER_CHANGED("隐患变化"),
        HIDDEN_DANGER_OVERDUE("隐患逾期"),
        ACCIDENT("事故记录变化"),
        ENFORCEMENT_ACTION("行政执法记录变化"),
        LICENCE("行政许可变化"),
        MONITORING_ALARM("监测报警变化"),
        QUALITY_FINDING("质量检测记录变化"),
        ON_DEMAND("手动重新评定"),
        NIGHTLY("每日定时评定"),
        RULE_SET_ACTIVATED("启用新版本规则");

        private final String label;

        Cause(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One row to write; {@link #recordAll} writes many in one batch. The inputs and the result come as their JSON in
     * UTF-8, the bytes the columns hold: a caller that also digests the result encodes it once. A null result records a
     * grade whose result is the subject's previous one, computed by another rule-set version (see {@link #page}); only
     * a caller that knows the subject's previous row has that result may pass it.
     */
    public record Entry(Subject subject, long subjectId, String ruleSet, String ruleSetVersion, Grade grade, BigDecimal score,
                        byte[] inputsJson, byte[] resultJson, Cause cause, String gradedBy) {
    }

    /**
     * Rows of one {@code INSERT} in {@link #recordAll}: under a MB of JSON for an enterprise's rows of about 3 kB, well
     * under the packet limit of MySQL 8 and MariaDB (64 MB and 16 MB by default).
     */
    static final int ROWS_PER_STATEMENT = 250;
    /**
     * JSON per {@code INSERT} in {@link #recordAll}, at most (the row that crosses it is the statement's last): an
     * enterprise with thousands of monitoring alarms has inputs of tens of kB, and a statement must stay under the
     * server's packet limit (16 MB by default on MariaDB).
     */
    static final int BYTES_PER_STATEMENT = 4 << 20;

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    /** The columns {@link #recordAll} writes, in the order of its values. */
    private static final List<Field<?>> COLUMNS = List.of(GRADE_HISTORY.SUBJECT_TYPE, GRADE_HISTORY.SUBJECT_ID, GRADE_HISTORY.RULE_SET,
            GRADE_HISTORY.RULE_SET_VERSION, GRADE_HISTORY.GRADE, GRADE_HISTORY.SCORE, GRADE_HISTORY.INPUTS, GRADE_HISTORY.RESULT,
            GRADE_HISTORY.CAUSE, GRADE_HISTORY.GRADED_BY, GRADE_HISTORY.GRADED_AT);

    private final DSLContext db;
    private final JsonMapper json;
    private final Clock clock;
    private final Statements insertRows;

    GradeHistory(DSLContext db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.insertRows = new Statements(db, rows -> {
            var insert = db.insertInto(GRADE_HISTORY).columns(COLUMNS);
            for (int r = 0; r < rows; r++) {
                insert = insert.values(Collections.nCopies(COLUMNS.size(), null));
            }
            return insert;
        });
    }

    public void record(Subject subject, long subjectId, String ruleSet, String ruleSetVersion, Grade grade, BigDecimal score,
                       Object inputs, Object result, Cause cause, String gradedBy) {
        db.insertInto(GRADE_HISTORY)
                .set(GRADE_HISTORY.SUBJECT_TYPE, subject.name())
                .set(GRADE_HISTORY.SUBJECT_ID, subjectId)
                .set(GRADE_HISTORY.RULE_SET, ruleSet)
                .set(GRADE_HISTORY.RULE_SET_VERSION, ruleSetVersion)
                .set(GRADE_HISTORY.GRADE, grade.name())
                .set(GRADE_HISTORY.SCORE, score)
                .set(GRADE_HISTORY.INPUTS, json.writeValueAsString(inputs))
                .set(GRADE_HISTORY.RESULT, json.writeValueAsString(result))
                .set(GRADE_HISTORY.CAUSE, cause.name())
                .set(GRADE_HISTORY.GRADED_BY, gradedBy)
                .set(GRADE_HISTORY.GRADED_AT, LocalDateTime.now(clock))
                .execute();
    }

    /**
     * Writes many rows, all graded now, up to {@value #ROWS_PER_STATEMENT} to a multi-row {@code INSERT} (fewer when
     * their JSON reaches {@value #BYTES_PER_STATEMENT} bytes, see {@link #chunkEnd}): one round trip and
     * one statement for the server to parse per chunk, where a JDBC batch sends each row on its own unless the
     * operator's JDBC URL asks the driver to rewrite it. The JSON goes to the text columns as its UTF-8 bytes, which
     * MySQL and MariaDB store as they are (checked as utf8mb4) and H2 decodes as UTF-8: the driver does not encode
     * kilobytes of text a second time.
     */
    public void recordAll(List<Entry> entries) {
        LocalDateTime now = LocalDateTime.now(clock);
        for (int from = 0, to; from < entries.size(); from = to) {
            to = chunkEnd(entries, from);
            List<Entry> chunk = entries.subList(from, to);
            List<Object> values = new ArrayList<>(chunk.size() * COLUMNS.size());
            for (Entry e : chunk) {
                Collections.addAll(values, e.subject().name(), e.subjectId(), e.ruleSet(), e.ruleSetVersion(), e.grade().name(), e.score(),
                        e.inputsJson(), e.resultJson(), e.cause().name(), e.gradedBy(), now);
            }
            insertRows.execute(chunk.size(), values);
        }
    }

    /**
     * Where the statement that starts at {@code from} ends (exclusive): after {@value #ROWS_PER_STATEMENT} rows, or
     * after the row whose JSON brings the statement to {@value #BYTES_PER_STATEMENT} bytes, whichever comes first.
     */
    static int chunkEnd(List<Entry> entries, int from) {
        int to = from;
        long bytes = 0;
        while (to < entries.size() && to - from < ROWS_PER_STATEMENT && bytes < BYTES_PER_STATEMENT) {
            Entry entry = entries.get(to);
            bytes += entry.inputsJson().length + (entry.resultJson() == null ? 0 : entry.resultJson().length);
            to++;
        }
        return to;
    }

    /** Newest first. */
    public List<GradeHistoryEntry> of(Subject subject, long subjectId) {
        return page(subject, subjectId, 0, Integer.MAX_VALUE);
    }

    /**
     * One page, newest first. A row without a result (V8) shows the result of the subject's newest earlier row that has
     * one, with its own {@code ruleSetVersion}: the same result, computed by this row's version.
     */
    public List<GradeHistoryEntry> page(Subject subject, long subjectId, int page, int size) {
        List<GradeHistoryRecord> rows = db.selectFrom(GRADE_HISTORY)
                .where(GRADE_HISTORY.SUBJECT_TYPE.eq(subject.name()))
                .and(GRADE_HISTORY.SUBJECT_ID.eq(subjectId))
                .orderBy(GRADE_HISTORY.ID.desc())
                .limit(size)
                .offset((long) page * size)
                .fetch();
        // Oldest first, so that each row without a result finds the one it repeats: lower on the page, or before it.
        String[] results = new String[rows.size()];
        String carried = null;
        for (int i = rows.size() - 1; i >= 0; i--) {
            GradeHistoryRecord r = rows.get(i);
            if (r.getResult() != null) {
                carried = r.getResult();
            } else if (carried == null) {
                carried = db.select(GRADE_HISTORY.RESULT).from(GRADE_HISTORY)
                        .where(GRADE_HISTORY.SUBJECT_TYPE.eq(subject.name()))
                        .and(GRADE_HISTORY.SUBJECT_ID.eq(subjectId))
                        .and(GRADE_HISTORY.ID.lt(r.getId()))
                        .and(GRADE_HISTORY.RESULT.isNotNull())
                        .orderBy(GRADE_HISTORY.ID.desc())
                        .limit(1)
                        .fetchOptional(GRADE_HISTORY.RESULT)
                        .orElseThrow(() -> new IllegalStateException("grade_history " + r.getId() + " has no result, and no earlier row of "
                                + subject + " " + subjectId + " has one"));
            }
            results[i] = carried;
        }
        List<GradeHistoryEntry> entries = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            GradeHistoryRecord r = rows.get(i);
            Grade grade = Grade.valueOf(r.getGrade());
            Map<String, Object> result = json.readValue(results[i], OBJECT);
            if (r.getResult() == null) {
                result.put("ruleSetVersion", r.getRuleSetVersion());
            }
            entries.add(new GradeHistoryEntry(r.getRuleSet(), r.getRuleSetVersion(), GradeViews.grade(grade), grade.label(),
                    r.getCause(), Times.toApi(r.getGradedAt()), result)
                    .causeLabel(Cause.valueOf(r.getCause()).label())
                    .score(r.getScore() == null ? null : r.getScore().stripTrailingZeros())
                    .gradedBy(r.getGradedBy())
                    .inputs(json.readValue(r.getInputs(), OBJECT)));
        }
        return entries;
    }

    /**
     * The newest stored result of a subject, as a field of the caller's query (so that it is read in the same
     * statement as what the caller reads beside it); {@code subjectId} is the caller's column of the subject's id.
     */
    public Field<String> newestResult(Subject subject, Field<Long> subjectId) {
        var newer = GRADE_HISTORY.as("newer");
        return DSL.field(DSL.select(GRADE_HISTORY.RESULT).from(GRADE_HISTORY).where(GRADE_HISTORY.ID.eq(
                DSL.select(DSL.max(newer.ID)).from(newer)
                        .where(newer.SUBJECT_TYPE.eq(subject.name()))
                        .and(newer.SUBJECT_ID.eq(subjectId))
                        .and(newer.RESULT.isNotNull()))));
    }

    /** A stored result read back as {@code type}. */
    public <T> T result(String json, Class<T> type) {
        return this.json.readValue(json, type);
    }

    public long count(Subject subject, long subjectId) {
        return db.fetchCount(GRADE_HISTORY, GRADE_HISTORY.SUBJECT_TYPE.eq(subject.name()).and(GRADE_HISTORY.SUBJECT_ID.eq(subjectId)));
    }

    /**
     * The newest stored result of each subject, read back as {@code type}: that of its latest grade, which a row
     * without a result (only an enterprise's) repeats, except for the rule-set version.
     */
    public <T> Map<Long, T> latestResults(Subject subject, Collection<Long> subjectIds, Class<T> type) {
        Map<Long, T> latest = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return latest;
        }
        var newest = db.select(GRADE_HISTORY.SUBJECT_ID, DSL.max(GRADE_HISTORY.ID).as("id"))
                .from(GRADE_HISTORY)
                .where(GRADE_HISTORY.SUBJECT_TYPE.eq(subject.name()))
                .and(GRADE_HISTORY.SUBJECT_ID.in(subjectIds))
                // Only an enterprise's rows may lack a result; for the others MAX(id) stays an index-only lookup.
                .and(subject == Subject.ENTERPRISE ? GRADE_HISTORY.RESULT.isNotNull() : DSL.noCondition())
                .groupBy(GRADE_HISTORY.SUBJECT_ID)
                .asTable("newest");
        db.select(GRADE_HISTORY.SUBJECT_ID, GRADE_HISTORY.RESULT)
                .from(GRADE_HISTORY)
                .join(newest).on(GRADE_HISTORY.ID.eq(newest.field("id", Long.class)))
                .forEach(r -> latest.put(r.value1(), json.readValue(r.value2(), type)));
        return latest;
    }
}
