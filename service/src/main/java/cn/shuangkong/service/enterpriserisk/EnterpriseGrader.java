package cn.shuangkong.service.enterpriserisk;

import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static cn.shuangkong.schema.Tables.ENTERPRISE_GRADE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.shuangkong.rules.enterprise.EnterpriseFacts;
import cn.shuangkong.rules.enterprise.EnterpriseGrade;
import cn.shuangkong.rules.enterprise.EnterpriseGrading;
import cn.shuangkong.service.enterpriserisk.EnterpriseFactsReader.Subject;
import cn.shuangkong.service.grading.GradeHistory;
import cn.shuangkong.service.grading.RuleSetReleases;
import cn.shuangkong.service.web.Times;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grades enterprises with the rule set in force and keeps {@code enterprise_grade} current: in batches of 500, each
 * in its own transaction that first locks the batch's enterprise rows (so two gradings of one enterprise never
 * interleave), then reads the facts, grades them in one rule session, and writes what changed. A change of colour,
 * score, explanation or version is appended to the enterprise's grade history with its cause; an unchanged result
 * only moves {@code graded_at}.
 */
@Component
class EnterpriseGrader {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(EnterpriseGrader.class);

    /** What one grading run did, and where its time went (nanoseconds). */
    record Outcome(int graded, int changed, long readNanos, long rulesNanos, long writeNanos) {

        static final Outcome NONE = new Outcome(0, 0, 0, 0, 0);

        Outcome plus(Outcome other) {
            return new Outcome(graded + other.graded, changed + other.changed, readNanos + other.readNanos, rulesNanos + other.rulesNanos,
                    writeNanos + other.writeNanos);
        }
    }

    private final DSLContext db;
    private final EnterpriseFactsReader reader;
    private final RuleSetReleases releases;
    private final GradeHistory history;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate newTransaction;

    EnterpriseGrader(DSLContext db, EnterpriseFactsReader reader, RuleSetReleases releases, GradeHistory history, JsonMapper json,
                     Clock clock, PlatformTransactionManager transactionManager) {
        this.db = db;
        this.reader = reader;
        this.releases = releases;
        this.history = history;
        this.json = json;
        this.clock = clock;
        // Also called after another transaction has committed (event listeners), where only a new transaction writes.
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Grades the enterprises with these ids now. */
    Outcome grade(Collection<Long> ids, GradeHistory.Cause cause, String gradedBy) {
        List<Long> sorted = ids.stream().distinct().sorted().toList();
        Outcome outcome = Outcome.NONE;
        for (int from = 0; from < sorted.size(); from += BATCH) {
            List<Long> batch = sorted.subList(from, Math.min(sorted.size(), from + BATCH));
            outcome = outcome.plus(newTransaction.execute(status -> gradeBatch(ENTERPRISE.ID.in(batch), cause, gradedBy)));
        }
        return outcome;
    }

    /** Grades every enterprise matching {@code scope}, batch by batch in id order; never the whole registry in memory. */
    Outcome gradeAll(Condition scope, GradeHistory.Cause cause, String gradedBy) {
        long start = System.nanoTime();
        Outcome outcome = Outcome.NONE;
        long after = 0;
        while (true) {
            List<Long> ids = db.select(ENTERPRISE.ID).from(ENTERPRISE)
                    .where(scope).and(ENTERPRISE.ID.gt(after))
                    .orderBy(ENTERPRISE.ID).limit(BATCH)
                    .fetch(ENTERPRISE.ID);
            if (ids.isEmpty()) {
                break;
            }
            outcome = outcome.plus(newTransaction.execute(status -> gradeBatch(ENTERPRISE.ID.in(ids), cause, gradedBy)));
            after = ids.get(ids.size() - 1);
        }
        log.info("Graded {} enterprises ({}), {} changed, in {} ms: reading {} ms, rules {} ms, writing {} ms", outcome.graded(), cause,
                outcome.changed(), (System.nanoTime() - start) / 1_000_000, outcome.readNanos() / 1_000_000, outcome.rulesNanos() / 1_000_000,
                outcome.writeNanos() / 1_000_000);
        return outcome;
    }

    /** Grades every enterprise that has never been graded (registered before grading existed, or while it failed). */
    Outcome gradeUngraded(GradeHistory.Cause cause) {
        Outcome outcome = Outcome.NONE;
        while (true) {
            List<Long> ids = db.select(ENTERPRISE.ID).from(ENTERPRISE)
                    .whereNotExists(db.selectOne().from(ENTERPRISE_GRADE).where(ENTERPRISE_GRADE.ENTERPRISE_ID.eq(ENTERPRISE.ID)))
                    .orderBy(ENTERPRISE.ID).limit(BATCH)
                    .fetch(ENTERPRISE.ID);
            if (ids.isEmpty()) {
                return outcome;
            }
            outcome = outcome.plus(grade(ids, cause, "system"));
        }
    }

    private Outcome gradeBatch(Condition which, GradeHistory.Cause cause, String gradedBy) {
        long start = System.nanoTime();
        List<Subject> subjects = db.select(ENTERPRISE.ID, ENTERPRISE.USCC, ENTERPRISE.NAME, ENTERPRISE.REGION_CODE)
                .from(ENTERPRISE).where(which).orderBy(ENTERPRISE.ID).forUpdate()
                .fetch(r -> new Subject(r.value1(), r.value2(), r.value3(), r.value4()));
        if (subjects.isEmpty()) {
            return Outcome.NONE;
        }
        EnterpriseGrading grading = releases.current();
        LocalDate asOf = Times.today(clock);
        Map<Subject, EnterpriseFacts> facts = reader.read(subjects, asOf);
        long read = System.nanoTime();
        List<EnterpriseGrade> grades = grading.gradeAll(new ArrayList<>(facts.values()));
        long graded = System.nanoTime();

        Map<Long, String> stored = new HashMap<>();
        db.select(ENTERPRISE_GRADE.ENTERPRISE_ID, ENTERPRISE_GRADE.RESULT).from(ENTERPRISE_GRADE)
                .where(ENTERPRISE_GRADE.ENTERPRISE_ID.in(subjects.stream().map(Subject::id).toList()))
                .forEach(r -> stored.put(r.value1(), r.value2()));
        LocalDateTime now = LocalDateTime.now(clock);
        List<Query> writes = new ArrayList<>();
        List<Long> unchanged = new ArrayList<>();
        List<GradeHistory.Entry> changes = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Subject, EnterpriseFacts> entry : facts.entrySet()) {
            Subject subject = entry.getKey();
            EnterpriseGrade grade = grades.get(i++);
            String result = json.writeValueAsString(EnterpriseGradeViews.stored(grade));
            String before = stored.get(subject.id());
            if (result.equals(before)) {
                unchanged.add(subject.id());
                continue;
            }
            writes.add(before == null
                    ? db.insertInto(ENTERPRISE_GRADE)
                            .set(ENTERPRISE_GRADE.ENTERPRISE_ID, subject.id())
                            .set(ENTERPRISE_GRADE.GRADE, grade.grade().name())
                            .set(ENTERPRISE_GRADE.SCORE, grade.totalScore())
                            .set(ENTERPRISE_GRADE.RULE_SET_VERSION, grade.ruleSetVersion())
                            .set(ENTERPRISE_GRADE.RESULT, result)
                            .set(ENTERPRISE_GRADE.CAUSE, cause.name())
                            .set(ENTERPRISE_GRADE.GRADED_AT, now)
                    : db.update(ENTERPRISE_GRADE)
                            .set(ENTERPRISE_GRADE.GRADE, grade.grade().name())
                            .set(ENTERPRISE_GRADE.SCORE, grade.totalScore())
                            .set(ENTERPRISE_GRADE.RULE_SET_VERSION, grade.ruleSetVersion())
                            .set(ENTERPRISE_GRADE.RESULT, result)
                            .set(ENTERPRISE_GRADE.CAUSE, cause.name())
                            .set(ENTERPRISE_GRADE.GRADED_AT, now)
                            .where(ENTERPRISE_GRADE.ENTERPRISE_ID.eq(subject.id())));
            changes.add(new GradeHistory.Entry(GradeHistory.Subject.ENTERPRISE, subject.id(), EnterpriseGrading.NAME, grade.ruleSetVersion(),
                    grade.grade(), grade.totalScore(), json.writeValueAsString(entry.getValue()), result, cause, gradedBy));
        }
        if (!writes.isEmpty()) {
            db.batch(writes).execute();
        }
        if (!unchanged.isEmpty()) {
            db.update(ENTERPRISE_GRADE).set(ENTERPRISE_GRADE.GRADED_AT, now).where(ENTERPRISE_GRADE.ENTERPRISE_ID.in(unchanged)).execute();
        }
        history.recordAll(changes);
        return new Outcome(subjects.size(), changes.size(), read - start, graded - read, System.nanoTime() - graded);
    }

    /** Grades, without writing anything, the enterprises of {@code scope} with two rule sets on the same facts. */
    void compare(Condition scope, EnterpriseGrading current, EnterpriseGrading candidate, ComparisonSink sink) {
        LocalDate asOf = Times.today(clock);
        long after = 0;
        while (true) {
            long from = after;
            List<Subject> subjects = newTransaction.execute(status -> db.select(ENTERPRISE.ID, ENTERPRISE.USCC, ENTERPRISE.NAME, ENTERPRISE.REGION_CODE)
                    .from(ENTERPRISE).where(scope).and(ENTERPRISE.ID.gt(from))
                    .orderBy(ENTERPRISE.ID).limit(BATCH)
                    .fetch(r -> new Subject(r.value1(), r.value2(), r.value3(), r.value4())));
            if (subjects.isEmpty()) {
                return;
            }
            Map<Subject, EnterpriseFacts> facts = newTransaction.execute(status -> reader.read(subjects, asOf));
            List<EnterpriseFacts> batch = new ArrayList<>(facts.values());
            List<EnterpriseGrade> before = current.gradeAll(batch);
            List<EnterpriseGrade> afterGrades = candidate.gradeAll(batch);
            for (int i = 0; i < subjects.size(); i++) {
                sink.accept(subjects.get(i), before.get(i), afterGrades.get(i));
            }
            after = subjects.get(subjects.size() - 1).id();
        }
    }

    /** Receives each enterprise's grade under the version in force and under the candidate. */
    interface ComparisonSink {
        void accept(Subject subject, EnterpriseGrade current, EnterpriseGrade candidate);
    }
}
