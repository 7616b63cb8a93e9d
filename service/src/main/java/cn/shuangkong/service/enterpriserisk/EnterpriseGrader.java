package cn.shuangkong.service.enterpriserisk;

import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static cn.shuangkong.schema.Tables.ENTERPRISE_GRADE;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.shuangkong.rules.enterprise.EnterpriseFacts;
import cn.shuangkong.rules.enterprise.EnterpriseGrade;
import cn.shuangkong.rules.enterprise.EnterpriseGrading;
import cn.shuangkong.service.database.IdListQuery;
import cn.shuangkong.service.database.Statements;
import cn.shuangkong.service.enterpriserisk.EnterpriseFactsReader.Subject;
import cn.shuangkong.service.grading.GradeHistory;
import cn.shuangkong.service.grading.RuleSetReleases;
import cn.shuangkong.service.web.Times;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grades enterprises with the rule set in force and keeps {@code enterprise_grade} current: in batches of 500, each
 * in its own transaction that first locks the batch's enterprise rows (so two gradings of one enterprise never
 * interleave), then reads the facts, grades them in one rule session, and writes what changed. A change of colour,
 * score, explanation or version is appended to the enterprise's grade history with its cause, and the newest history
 * row with a result holds the whole result in force ({@code enterprise_grade} keeps the colour, the score, the version
 * and the SHA-256 of the result without its version). A new version that gives the same result is recorded without
 * repeating it (the row's result is null: the previous one, computed by this version); an unchanged result under the
 * same version only moves {@code graded_at}. A run over the registry ({@link #gradeAll}) grades
 * {@code shuangkong.grading.workers} batches at a time, so that one batch's rules run while another waits for the
 * database.
 */
@Component
class EnterpriseGrader {

    static final int BATCH = 500;
    /** Grades written per upsert of {@code enterprise_grade}. */
    private static final int ROWS_PER_STATEMENT = 250;
    /** The columns of {@code enterprise_grade} in the order the upsert binds them; the key first. */
    private static final List<Field<?>> GRADE_COLUMNS = List.of(ENTERPRISE_GRADE.ENTERPRISE_ID, ENTERPRISE_GRADE.GRADE, ENTERPRISE_GRADE.SCORE,
            ENTERPRISE_GRADE.RULE_SET_VERSION, ENTERPRISE_GRADE.RESULT_DIGEST, ENTERPRISE_GRADE.CAUSE, ENTERPRISE_GRADE.GRADED_AT);
    private static final Logger log = LoggerFactory.getLogger(EnterpriseGrader.class);

    /**
     * What one grading run did, and where its time went (nanoseconds).
     *
     * @param changed    grades recorded in the history (colour, score, explanation or version changed, or a first grade)
     * @param recoloured grades whose colour is not the one they had
     */
    record Outcome(int graded, int changed, int recoloured, long readNanos, long rulesNanos, long writeNanos) {

        static final Outcome NONE = new Outcome(0, 0, 0, 0, 0, 0);

        Outcome plus(Outcome other) {
            return new Outcome(graded + other.graded, changed + other.changed, recoloured + other.recoloured, readNanos + other.readNanos,
                    rulesNanos + other.rulesNanos, writeNanos + other.writeNanos);
        }
    }

    private final DSLContext db;
    private final EnterpriseFactsReader reader;
    private final RuleSetReleases releases;
    private final GradeHistory history;
    /** Resolved once: the writers of a stored result and of the facts it came from. */
    private final ObjectWriter resultWriter;
    private final ObjectWriter factsWriter;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final Statements upsertGrades;
    /** A batch's enterprises, locked (so two gradings of one enterprise never interleave), and their stored digests. */
    private final IdListQuery<Void> lockSubjects;
    /** A batch's grades in force: the digest of each result without its version, the version and the colour. */
    private final IdListQuery<Void> storedDigests;
    private final int workers;
    private final ExecutorService pool;

    EnterpriseGrader(DSLContext db, EnterpriseFactsReader reader, RuleSetReleases releases, GradeHistory history, JsonMapper json,
                     Clock clock, PlatformTransactionManager transactionManager,
                     @Value("${shuangkong.grading.workers:0}") int workers) {
        this.db = db;
        this.reader = reader;
        this.releases = releases;
        this.history = history;
        this.resultWriter = json.writerFor(EnterpriseGrade.class);
        this.factsWriter = json.writerFor(EnterpriseFacts.class);
        this.clock = clock;
        // Also called after another transaction has committed (event listeners), where only a new transaction writes.
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.upsertGrades = new Statements(db, rows -> {
            var insert = db.insertInto(ENTERPRISE_GRADE).columns(GRADE_COLUMNS);
            for (int r = 0; r < rows; r++) {
                insert = insert.values(Collections.nCopies(GRADE_COLUMNS.size(), null));
            }
            // MySQL's upsert, which H2 also runs in its MySQL mode (the service's and the tests' URLs); jOOQ's own
            // onDuplicateKeyUpdate() would become a MERGE on H2. VALUES(column) is deprecated on MySQL 8 in favour of
            // a row alias, which MariaDB does not have.
            return db.query("{0} on duplicate key update {1}", insert, DSL.list(GRADE_COLUMNS.subList(1, GRADE_COLUMNS.size()).stream()
                    .map(column -> DSL.sql("{0} = values({0})", DSL.name(column.getName()))).toList()));
        });
        this.lockSubjects = new IdListQuery<>(db, (none, ids) -> db.select(ENTERPRISE.ID, ENTERPRISE.USCC, ENTERPRISE.NAME, ENTERPRISE.REGION_CODE)
                .from(ENTERPRISE).where(ENTERPRISE.ID.in(ids)).orderBy(ENTERPRISE.ID).forUpdate());
        this.storedDigests = new IdListQuery<>(db, (none, ids) -> db.select(ENTERPRISE_GRADE.ENTERPRISE_ID, ENTERPRISE_GRADE.RESULT_DIGEST,
                        ENTERPRISE_GRADE.RULE_SET_VERSION, ENTERPRISE_GRADE.GRADE)
                .from(ENTERPRISE_GRADE).where(ENTERPRISE_GRADE.ENTERPRISE_ID.in(ids)));
        this.workers = workers > 0 ? workers : Math.min(4, Runtime.getRuntime().availableProcessors());
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(this.workers, r -> {
            Thread t = new Thread(r, "enterprise-grading-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void shutdown() {
        pool.shutdownNow();
    }

    /** Grades the enterprises with these ids now. */
    Outcome grade(Collection<Long> ids, GradeHistory.Cause cause, String gradedBy) {
        List<Long> sorted = ids.stream().distinct().sorted().toList();
        Outcome outcome = Outcome.NONE;
        for (int from = 0; from < sorted.size(); from += BATCH) {
            List<Long> batch = sorted.subList(from, Math.min(sorted.size(), from + BATCH));
            outcome = outcome.plus(newTransaction.execute(status -> gradeBatch(batch, cause, gradedBy)));
        }
        return outcome;
    }

    /**
     * Grades every enterprise matching {@code scope}, batch by batch in id order, {@link #workers} batches at a time;
     * never the whole registry in memory (at most twice that many batches of ids are waiting). The first failure
     * stops the run once the batches under way have finished, and is thrown; the batches written stay written.
     */
    Outcome gradeAll(Condition scope, GradeHistory.Cause cause, String gradedBy) {
        long start = System.nanoTime();
        Semaphore slots = new Semaphore(2 * workers);
        List<Future<Outcome>> running = new ArrayList<>();
        Outcome outcome = Outcome.NONE;
        long after = 0;
        try {
            while (true) {
                List<Long> ids = db.select(ENTERPRISE.ID).from(ENTERPRISE)
                        .where(scope).and(ENTERPRISE.ID.gt(after))
                        .orderBy(ENTERPRISE.ID).limit(BATCH)
                        .fetch(ENTERPRISE.ID);
                if (ids.isEmpty()) {
                    break;
                }
                slots.acquire();
                running.add(pool.submit(() -> {
                    try {
                        return newTransaction.execute(status -> gradeBatch(ids, cause, gradedBy));
                    } finally {
                        slots.release();
                    }
                }));
                outcome = outcome.plus(collectDone(running));
                after = ids.get(ids.size() - 1);
            }
            for (Future<Outcome> batch : running) {
                outcome = outcome.plus(batch.get());
            }
        } catch (InterruptedException e) {
            running.forEach(batch -> batch.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading interrupted", e);
        } catch (ExecutionException e) {
            awaitQuietly(running);
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        if (outcome.graded() > 0) {
            log.info("Graded {} enterprises ({}), {} changed ({} of colour), in {} ms by {} workers: reading {} ms, rules {} ms, writing {} ms "
                    + "(summed over the workers)", outcome.graded(), cause, outcome.changed(), outcome.recoloured(),
                    (System.nanoTime() - start) / 1_000_000, workers, outcome.readNanos() / 1_000_000, outcome.rulesNanos() / 1_000_000,
                    outcome.writeNanos() / 1_000_000);
        }
        return outcome;
    }

    /** The outcome of the batches that have finished, removed from {@code running}; a failed one throws. */
    private static Outcome collectDone(List<Future<Outcome>> running) throws InterruptedException, ExecutionException {
        Outcome done = Outcome.NONE;
        for (Iterator<Future<Outcome>> i = running.iterator(); i.hasNext(); ) {
            Future<Outcome> batch = i.next();
            if (batch.isDone()) {
                done = done.plus(batch.get());
                i.remove();
            }
        }
        return done;
    }

    private static void awaitQuietly(List<Future<Outcome>> running) {
        for (Future<Outcome> batch : running) {
            try {
                batch.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | CancellationException e) {
                // the first failure is the one thrown
            }
        }
    }

    /** Grades every enterprise that has never been graded (registered before grading existed, or while it failed). */
    Outcome gradeUngraded(GradeHistory.Cause cause) {
        return gradeAll(DSL.notExists(DSL.selectOne().from(ENTERPRISE_GRADE).where(ENTERPRISE_GRADE.ENTERPRISE_ID.eq(ENTERPRISE.ID))), cause,
                "system");
    }

    /** Grades the enterprises with these ids (those that still exist), in one transaction. */
    private Outcome gradeBatch(List<Long> ids, GradeHistory.Cause cause, String gradedBy) {
        long start = System.nanoTime();
        List<Subject> subjects = new ArrayList<>(ids.size());
        lockSubjects.forEach(null, ids, r -> subjects.add(new Subject((Long) r.get(0), (String) r.get(1), (String) r.get(2), (String) r.get(3))));
        if (subjects.isEmpty()) {
            return Outcome.NONE;
        }
        EnterpriseGrading grading = releases.current();
        LocalDate asOf = Times.today(clock);
        Map<Subject, EnterpriseFacts> facts = reader.read(subjects, asOf);
        long read = System.nanoTime();
        List<EnterpriseGrade> grades = grading.gradeAll(new ArrayList<>(facts.values()));
        long graded = System.nanoTime();

        Map<Long, InForce> stored = new HashMap<>();
        storedDigests.forEach(null, subjects.stream().map(Subject::id).toList(),
                r -> stored.put((Long) r.get(0), new InForce((byte[]) r.get(1), (String) r.get(2), (String) r.get(3))));
        LocalDateTime now = LocalDateTime.now(clock);
        MessageDigest sha256 = sha256();
        List<Long> unchanged = new ArrayList<>();
        List<GradeHistory.Entry> changes = new ArrayList<>();
        List<byte[]> digests = new ArrayList<>();
        int recoloured = 0;
        int i = 0;
        for (Map.Entry<Subject, EnterpriseFacts> entry : facts.entrySet()) {
            Subject subject = entry.getKey();
            EnterpriseGrade grade = grades.get(i++);
            byte[] result = resultWriter.writeValueAsBytes(EnterpriseGradeViews.withoutVersion(grade));
            byte[] digest = sha256.digest(result);
            InForce inForce = stored.get(subject.id());
            boolean sameResult = inForce != null && Arrays.equals(digest, inForce.digest());
            if (sameResult && grade.ruleSetVersion().equals(inForce.ruleSetVersion())) {
                unchanged.add(subject.id());
                continue;
            }
            if (inForce != null && !grade.grade().name().equals(inForce.grade())) {
                recoloured++;
            }
            // The same result from another version: recorded with its own inputs and version, the result not repeated.
            changes.add(new GradeHistory.Entry(GradeHistory.Subject.ENTERPRISE, subject.id(), EnterpriseGrading.NAME, grade.ruleSetVersion(),
                    grade.grade(), grade.totalScore(), factsWriter.writeValueAsBytes(entry.getValue()),
                    sameResult ? null : EnterpriseGradeViews.withVersion(result, grade.ruleSetVersion()), cause, gradedBy));
            digests.add(digest);
        }
        // A changed grade replaces the row in force, or is the first: many rows to an upsert. (Deleting the old rows and
        // inserting the new ones cost MariaDB 1.5 to 4 times the CPU of the upsert on a full re-grade.)
        for (int from = 0; from < changes.size(); from += ROWS_PER_STATEMENT) {
            int to = Math.min(changes.size(), from + ROWS_PER_STATEMENT);
            List<Object> values = new ArrayList<>((to - from) * 7);
            for (int c = from; c < to; c++) {
                GradeHistory.Entry change = changes.get(c);
                Collections.addAll(values, change.subjectId(), change.grade().name(), change.score(), change.ruleSetVersion(), digests.get(c),
                        cause.name(), now);
            }
            upsertGrades.execute(to - from, values);
        }
        if (!unchanged.isEmpty()) {
            db.update(ENTERPRISE_GRADE).set(ENTERPRISE_GRADE.GRADED_AT, now).where(ENTERPRISE_GRADE.ENTERPRISE_ID.in(unchanged)).execute();
        }
        history.recordAll(changes);
        return new Outcome(subjects.size(), changes.size(), recoloured, read - start, graded - read, System.nanoTime() - graded);
    }

    /** An enterprise's grade in force, as a re-grade compares it. */
    private record InForce(byte[] digest, String ruleSetVersion, String grade) {
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
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
