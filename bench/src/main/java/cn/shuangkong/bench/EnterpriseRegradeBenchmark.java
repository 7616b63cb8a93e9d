package cn.shuangkong.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A full re-grade of the registry when an administrator activates a new enterprise rule set, beside the time to merely
 * stream the same inputs from MariaDB in the same run.
 *
 * <p>A fresh database {@code bench_regrade}: the service jar started once so that Flyway creates the schema (no demo
 * data, so the registry is exactly the generated one), then N enterprises and their inputs generated inside MariaDB
 * ({@link OverdueData} for the enterprises and 5·N hidden dangers, {@link RegradeData} for 10·N risk points and the
 * rest), {@code ANALYZE TABLE}. The service is started again under {@code -Xmx512m} (the heap target, enforced) with a
 * GC log and, with {@code bench.regrade.profile=true}, a flight recording; at start-up it grades every enterprise once
 * (they were inserted by SQL, never graded: cause FIRST_GRADE), which the benchmark waits for. Then, in this order:
 * <ol>
 *   <li>the pure read, plain JDBC in this process, once with the service's Connector/J settings and once with the
 *       driver's defaults, the faster counting: the statements of {@code EnterpriseGrader.gradeAll} and
 *       {@code EnterpriseFactsReader.read} (see {@link #KEYSET}), 500 enterprises a batch in id order, every row and
 *       column consumed, nothing graded;</li>
 *   <li>as {@code admin}: the table in force downloaded through its {@code table} link, one message text edited (a new
 *       version that changes no colour) and uploaded as a candidate, timed (the dry run grades everyone twice). The
 *       edited message is that of one industry (危险化学品, about 7 % of the enterprises), so the other results are
 *       the same under the new version and their history rows do not repeat them; with {@code bench.regrade.edit=every}
 *       every message that names its points is edited, so every enterprise's explanation changes and every history row
 *       holds its whole result (the worst case of an activation);</li>
 *   <li>the pure read again, then {@code POST …/candidates/{id}/activate} timed (its response comes after every
 *       enterprise has been re-graded and written); the service's {@code Graded N enterprises (RULE_SET_ACTIVATED) …}
 *       line gives the split into reading, rules and writing;</li>
 *   <li>further samples, {@code bench.regrade.samples} in all (default 3), each the other table uploaded back (a
 *       candidate again, since it is now retired), the pure read, its activation.</li>
 * </ol>
 * The first activation after a start runs while the JIT is still compiling the write path (the dry run writes nothing):
 * it is reported on its own, and the target is judged on the later samples, the steady state of a service that has
 * been running (with one sample, on that one).
 * The peak heap of each phase is taken from the GC log. The database is dropped at the end, also on failure or Ctrl-C.
 *
 * <p>Options (system properties, set by {@code bench/pom.xml} from the same Maven properties):
 * {@code bench.regrade.enterprises}, {@code .riskPoints} and {@code .hiddenDangers} (per enterprise), {@code .heap}
 * (the service's -Xmx), {@code .profile}, {@code .samples}, {@code .edit} ({@code one} or {@code every}),
 * {@code .jdbcOptions} (appended to the service's JDBC
 * URL), {@code .workers} (the service's {@code shuangkong.grading.workers}; empty: its default), {@code .jar},
 * {@code .jdbc}, {@code .user}, {@code .password}, {@code .dialect}, {@code .keepDatabase},
 * {@code .dir} (logs).
 *
 * <pre>
 * ./mvnw -q -Pbench -pl service,bench -am verify -DskipTests -Dbench.suite=regrade [-Dbench.regrade.enterprises=100000]
 * </pre>
 */
public final class EnterpriseRegradeBenchmark {

    static final String DATABASE = "bench_regrade";
    static final String JDBC_PARAMS = BenchDatabase.JDBC_PARAMS;
    static final String RULESETS = "/api/v1/rulesets";
    static final String CANDIDATES = "/api/v1/rulesets/enterprise/candidates";
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(60);
    static final Duration FIRST_GRADE_TIMEOUT = Duration.ofMinutes(60);
    static final int BATCH = 500;
    /**
     * The Connector/J settings the service gives its pool (service/…/database/MySqlConnectionDefaults.java; keep them
     * in step): one of the two pure reads talks to the server as the service does, statements prepared on the server and
     * values in the binary protocol.
     */
    static final String SERVICE_DRIVER_SETTINGS = "&useServerPrepStmts=true&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=65536"
            + "&useLocalSessionState=true&cacheServerConfiguration=true&elideSetAutoCommits=true";

    // The statements of one grading batch, as jOOQ renders them for the service (MYSQL dialect, bind values as "?",
    // the id list as one "?" per id, constants and days inlined: %1$s stands for the ids, %2$s, %3$s and %4$s for the
    // grading day, three years and one year before it). They mirror service/src/main/java/cn/shuangkong/service/enterpriserisk/
    // EnterpriseGrader.java (gradeAll's keyset and gradeBatch's locking select) and EnterpriseFactsReader.java (read):
    // change them together. The reader's are printed by its test: ./mvnw -pl service test
    // -Dtest=EnterpriseFactsReaderStatementsTest -Dprint.statements=true (the third block is the MYSQL dialect's).
    static final String KEYSET = "select `enterprise`.`id` from `enterprise` where (true and `enterprise`.`id` > ?) order by `enterprise`.`id` limit ?";
    static final String SUBJECTS = "select `enterprise`.`id`, `enterprise`.`uscc`, `enterprise`.`name`, `enterprise`.`region_code` from `enterprise` "
            + "where `enterprise`.`id` in (%1$s) order by `enterprise`.`id` for update";
    static final String ENTERPRISES = "select `enterprise`.`id`, `enterprise`.`industry_category`, `enterprise`.`employees`, "
            + "`enterprise`.`standardization_level` from `enterprise` where `enterprise`.`id` in (%1$s)";
    static final String RISK_POINTS = "select `risk_point`.`enterprise_id`, `risk_point`.`grade`, count(*) from `risk_point` "
            + "where `risk_point`.`enterprise_id` in (%1$s) group by `risk_point`.`enterprise_id`, `risk_point`.`grade`";
    static final String MAJOR_HAZARDS = "select `chemical_unit`.`enterprise_id`, `chemical_unit`.`hazard_level`, count(*) from `chemical_unit` "
            + "where (`chemical_unit`.`enterprise_id` in (%1$s) and `chemical_unit`.`major_hazard_source` = true) "
            + "group by `chemical_unit`.`enterprise_id`, `chemical_unit`.`hazard_level`";
    static final String HIDDEN_DANGERS = "select `hidden_danger`.`enterprise_id`, `hidden_danger`.`danger_level`, count(*), "
            + "sum(case when (`hidden_danger`.`status` = 'RECTIFYING' and `hidden_danger`.`deadline` < date '%2$s') then 1 else 0 end) as `overdue` "
            + "from `hidden_danger` where (`hidden_danger`.`enterprise_id` in (%1$s) and `hidden_danger`.`status` in ('RECTIFYING', 'PENDING_ACCEPTANCE')) "
            + "group by `hidden_danger`.`enterprise_id`, `hidden_danger`.`danger_level`";
    static final String ACCIDENTS = "select `accident`.`enterprise_id`, `accident`.`occurred_on`, `accident`.`deaths`, `accident`.`serious_injuries`, "
            + "`accident`.`direct_loss_yuan` from `accident` where (`accident`.`enterprise_id` in (%1$s) and `accident`.`occurred_on` > date '%3$s') "
            + "order by `accident`.`enterprise_id`, `accident`.`occurred_on`, `accident`.`id`";
    static final String ENFORCEMENT = "select `enforcement_action`.`enterprise_id`, `enforcement_action`.`decided_on`, `enforcement_action`.`kind`, "
            + "`enforcement_action`.`amount_yuan` from `enforcement_action` "
            + "where (`enforcement_action`.`enterprise_id` in (%1$s) and `enforcement_action`.`decided_on` > date '%4$s') "
            + "order by `enforcement_action`.`enterprise_id`, `enforcement_action`.`decided_on`, `enforcement_action`.`id`";
    static final String LICENCES = "select `licence`.`enterprise_id`, `licence`.`kind`, `licence`.`valid_from`, `licence`.`valid_to` from `licence` "
            + "where `licence`.`enterprise_id` in (%1$s) order by `licence`.`enterprise_id`, `licence`.`kind`, `licence`.`valid_to`, `licence`.`id`";
    static final String ALARMS = "select `monitoring_alarm`.`enterprise_id`, `monitoring_alarm`.`occurred_at`, `monitoring_alarm`.`alarm_level`, "
            + "`monitoring_alarm`.`cleared` from `monitoring_alarm` where (`monitoring_alarm`.`enterprise_id` in (%1$s) "
            + "and (`monitoring_alarm`.`cleared` = false or `monitoring_alarm`.`occurred_at` >= ?)) "
            + "order by `monitoring_alarm`.`enterprise_id`, `monitoring_alarm`.`occurred_at`, `monitoring_alarm`.`id`";
    static final String FINDINGS = "select `quality_finding`.`enterprise_id`, `quality_finding`.`found_on`, `quality_finding`.`kind` from `quality_finding` "
            + "where (`quality_finding`.`enterprise_id` in (%1$s) and `quality_finding`.`resolved` = false) "
            + "order by `quality_finding`.`enterprise_id`, `quality_finding`.`found_on`, `quality_finding`.`id`";
    static final List<String> READER = List.of(ENTERPRISES, RISK_POINTS, MAJOR_HAZARDS, HIDDEN_DANGERS, ACCIDENTS, ENFORCEMENT, LICENCES, ALARMS, FINDINGS);
    static final List<String> FAMILIES = List.of("enterprise", "risk_point groups", "major hazard groups", "open hidden danger groups",
            "accidents (3 years)", "enforcement actions (1 year)", "licences", "alarms (open or 30 days)", "unresolved quality findings");

    /** The service's line after a full grading run (EnterpriseGrader.gradeAll). */
    private static final Pattern GRADED = Pattern.compile("Graded (\\d+) enterprises \\(RULE_SET_ACTIVATED\\), (\\d+) changed "
            + "\\((\\d+) of colour\\), in (\\d+) ms "
            + "by (\\d+) workers: reading (\\d+) ms, rules (\\d+) ms, writing (\\d+) ms");
    private static final Pattern NEVER_GRADED = Pattern.compile("^(\\S+)\\s.*Graded (\\d+) enterprises that had never been graded");
    private static final Pattern STARTED = Pattern.compile("^(\\S+)\\s.*Started \\S+ in ([\\d.]+) seconds");
    private static final Pattern RELEASE_OBJECT = Pattern.compile("\\{[^{}]*\"status\"\\s*:\\s*\"ACTIVE\"[^{}]*}");
    private static final Pattern TABLE_LINK = Pattern.compile("\"table\"\\s*:\\s*\"(/api/v1/rulesets/enterprise/releases/\\d+/table\\.xlsx)\"");
    private static final Pattern RELEASE_ID = Pattern.compile("\"release\"\\s*:\\s*\\{[^{}]*?\"id\"\\s*:\\s*(\\d+)");

    private final Path jar;
    private final String jdbcBase;
    private final String dbUser;
    private final String dbPassword;
    private final String dialect;
    private final int enterprises;
    private final int riskPoints;
    private final int hiddenDangers;
    private final String heap;
    private final boolean profile;
    private final int sampleCount;
    /** Whether the edited table changes every indicator message, not one ({@code bench.regrade.edit}). */
    private final boolean everyMessage;
    private final String jdbcOptions;
    private final String workers;
    private final boolean keepDatabase;
    private final Path dir;

    private EnterpriseRegradeBenchmark() {
        jar = Path.of(System.getProperty("bench.regrade.jar", "service/target/shuangkong-service-0.1.0-SNAPSHOT.jar")).toAbsolutePath().normalize();
        String base = System.getProperty("bench.regrade.jdbc", "jdbc:mysql://127.0.0.1:3306/");
        jdbcBase = base.endsWith("/") ? base : base + "/";
        dbUser = System.getProperty("bench.regrade.user", "root");
        dbPassword = System.getProperty("bench.regrade.password", "");
        dialect = System.getProperty("bench.regrade.dialect", "");
        enterprises = Integer.getInteger("bench.regrade.enterprises", 100_000);
        riskPoints = Integer.getInteger("bench.regrade.riskPoints", 10);
        hiddenDangers = Integer.getInteger("bench.regrade.hiddenDangers", 5);
        heap = System.getProperty("bench.regrade.heap", "512m");
        profile = Boolean.getBoolean("bench.regrade.profile");
        sampleCount = Math.max(1, Integer.getInteger("bench.regrade.samples", 3));
        everyMessage = switch (System.getProperty("bench.regrade.edit", "one")) {
            case "one" -> false;
            case "every" -> true;
            default -> throw new IllegalArgumentException("bench.regrade.edit is one or every, not " + System.getProperty("bench.regrade.edit"));
        };
        jdbcOptions = System.getProperty("bench.regrade.jdbcOptions", "");
        workers = System.getProperty("bench.regrade.workers", "");
        keepDatabase = Boolean.getBoolean("bench.regrade.keepDatabase");
        dir = Path.of(System.getProperty("bench.regrade.dir", System.getProperty("java.io.tmpdir"))).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        new EnterpriseRegradeBenchmark().run();
    }

    /** One pass of the pure read: wall time and the rows of each family. */
    record PureRead(double seconds, long[] rows, long checksum) {
    }

    /** One timed request with the service's CPU time and the heap of its GC-log window. */
    record Timed(String what, double seconds, double serviceCpuSeconds, String body, EnterpriseImportBenchmark.GcSummary gc, String loadAverage) {
    }

    /** The service's own account of a full re-grade (reading, rules and writing summed over its workers). */
    record Split(int graded, int changed, int recoloured, long totalMs, int workers, long readingMs, long rulesMs, long writingMs) {
    }

    /** One activation sample: the pure read just before it, the dry run that preceded it, the activation. */
    record Sample(PureRead read, Timed dryRun, Timed activation, Split split) {
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no service jar at " + jar + ": build it first (./mvnw -q -B package -DskipTests, or -pl service,bench -am)");
        }
        Files.createDirectories(dir);
        System.out.printf("Shuangkong enterprise re-grade benchmark: %,d enterprises, ~%d risk points and %d hidden dangers each, service -Xmx%s, "
                + "%s%s%s%n", enterprises, riskPoints, hiddenDangers, heap,
                everyMessage ? "every indicator message edited" : "one indicator message edited", profile ? ", JFR on" : "", jdbcOptions.isBlank() ? "" : ", service JDBC URL + " + jdbcOptions);
        System.out.printf("service jar %s, JDK %s, %d cores, load average %s%n", jar, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), BenchDatabase.loadAverage());
        try (Connection admin = DriverManager.getConnection(jdbcBase + JDBC_PARAMS, dbUser, dbPassword); Statement s = admin.createStatement()) {
            System.out.println("server " + query(s, "SELECT VERSION()") + ", innodb_buffer_pool_size "
                    + (Long.parseLong(query(s, "SELECT @@innodb_buffer_pool_size")) >> 20) + " MiB, innodb_flush_log_at_trx_commit "
                    + query(s, "SELECT @@innodb_flush_log_at_trx_commit"));
        }

        String dbUrl = jdbcBase + DATABASE + JDBC_PARAMS;
        AtomicBoolean cleaned = new AtomicBoolean();
        ServiceProcess[] service = new ServiceProcess[1];
        Runnable cleanup = () -> {
            if (cleaned.compareAndSet(false, true)) {
                if (service[0] != null) {
                    service[0].close();
                }
                if (keepDatabase) {
                    System.out.println("kept database " + DATABASE + " (bench.regrade.keepDatabase=true): drop it yourself");
                } else {
                    dropDatabase();
                }
            }
        };
        Thread hook = new Thread(cleanup, "regrade-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            exec(jdbcBase + JDBC_PARAMS, "DROP DATABASE IF EXISTS `" + DATABASE + "`", "CREATE DATABASE `" + DATABASE + "` CHARACTER SET utf8mb4");

            // 1. Schema (Flyway) and the admin, whose password is the one this first start set.
            long t = System.nanoTime();
            service[0] = ServiceProcess.start(jar, dbUrl, dbUser, dbPassword, dialect, dir.resolve("regrade-bench-migrate.log"), List.of(),
                    Map.of("SHUANGKONG_DEMO", "false"), List.of());
            String adminPassword = service[0].adminPassword();
            System.out.printf("service up (Flyway migrated, no demo data) in %.1f s; stopped%n", seconds(t));
            service[0].close();
            service[0] = null;

            // 2. Load.
            long firstId;
            try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
                long loadStart = System.nanoTime();
                t = System.nanoTime();
                long[] ent = OverdueData.loadEnterprises(c, enterprises);
                firstId = ent[1];
                System.out.printf("loaded %,d enterprises in %.1f s%n", ent[0], seconds(t));
                t = System.nanoTime();
                OverdueData.loadHiddenDangers(c, (long) enterprises * hiddenDangers, enterprises, firstId);
                System.out.printf("loaded %,d hidden dangers in %.1f s%n", (long) enterprises * hiddenDangers, seconds(t));
                t = System.nanoTime();
                Map<String, Long> rows = RegradeData.load(c, enterprises, firstId, riskPoints);
                System.out.printf("loaded %s in %.1f s%n", rows, seconds(t));
                t = System.nanoTime();
                s.execute("ANALYZE TABLE enterprise, risk_point, chemical_unit, hidden_danger, accident, enforcement_action, licence, monitoring_alarm, "
                        + "quality_finding");
                System.out.printf("ANALYZE TABLE in %.1f s; load in all %.1f s%n", seconds(t), seconds(loadStart));
                System.out.print(OverdueBenchmark.table(s, "SELECT table_name, table_rows AS approx_rows, ROUND(data_length / 1048576) AS data_mib, "
                        + "ROUND(index_length / 1048576) AS index_mib FROM information_schema.tables WHERE table_schema = DATABASE() "
                        + "AND table_name IN ('enterprise', 'risk_point', 'chemical_unit', 'hidden_danger', 'accident', 'enforcement_action', 'licence', "
                        + "'monitoring_alarm', 'quality_finding') ORDER BY table_name"));
                System.out.print(OverdueBenchmark.table(s, "SELECT status, danger_level, COUNT(*) AS dangers, SUM(deadline < DATE'"
                        + OverdueBenchmark.today() + "') AS past_deadline FROM hidden_danger GROUP BY status, danger_level ORDER BY status, danger_level"));
            }

            // 3. The measured service: it grades every enterprise once at start-up (FIRST_GRADE).
            Path gcLog = dir.resolve("regrade-gc.log");
            Path jfr = dir.resolve("regrade.jfr");
            Files.deleteIfExists(gcLog);
            Files.deleteIfExists(jfr);
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog + ":time,uptime,level,tags"));
            if (profile) {
                jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=default,dumponexit=true");
            }
            Instant firstFrom = Instant.now();
            t = System.nanoTime();
            // UP (readiness) comes only after the start-up grading, which at 100,000 enterprises takes longer than the usual wait.
            service[0] = ServiceProcess.start(jar, dbUrl + jdbcOptions, dbUser, dbPassword, dialect, dir.resolve("regrade-bench.log"), jvm,
                    Map.of("SHUANGKONG_DEMO", "false"), workers.isBlank() ? List.of() : List.of("--shuangkong.grading.workers=" + workers),
                    FIRST_GRADE_TIMEOUT);
            System.out.printf("service up (ready after its start-up grading) in %.1f s, pid %d, port %d; log %s%n", seconds(t), service[0].pid(),
                    service[0].port, service[0].log());
            double firstGradeS = awaitFirstGrading(service[0], enterprises);
            Instant firstTo = Instant.now();
            System.out.printf("first grading of %,d enterprises at start-up (FIRST_GRADE, every result new): %.1f s by the service's log; "
                    + "load average %s%n", enterprises, firstGradeS, BenchDatabase.loadAverage());

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            Admin admin = new Admin(client, service[0], adminPassword, Server.of(dbUrl, dbUser, dbPassword));
            PureRead warm = fastestPureRead(dbUrl, "pure read #1 (after the first grading)");

            byte[] original = admin.get(activeTableLink(admin.getText(RULESETS)));
            byte[] edited = withMessagesEdited(original, everyMessage);
            List<Sample> samples = new ArrayList<>();
            for (int n = 1; n <= sampleCount; n++) {
                String what = everyMessage ? "edited table (every indicator message)" : "edited table (one message text)";
                samples.add(n % 2 == 1 ? sample(admin, gcLog, dbUrl, edited, what, n)
                        : sample(admin, gcLog, dbUrl, original, "original table back", n));
            }

            service[0].close();
            service[0] = null;
            EnterpriseImportBenchmark.GcSummary whole = EnterpriseImportBenchmark.gcSummary(gcLog, firstFrom, Instant.now());
            EnterpriseImportBenchmark.GcSummary first = EnterpriseImportBenchmark.gcSummary(gcLog, firstFrom, firstTo);
            if (profile) {
                System.out.println("flight recording: " + jfr + " (jfr print --events jdk.ExecutionSample " + jfr + ")");
            }
            printSummary(warm, firstGradeS, first, samples, whole);
        } finally {
            cleanup.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private Sample sample(Admin admin, Path gcLog, String dbUrl, byte[] table, String what, int n) throws Exception {
        System.out.printf("%n--- sample %d: %s ---%n", n, what);
        Timed upload = admin.timed("candidate upload #" + n + " (dry run: everyone graded with both versions)", gcLog,
                () -> admin.upload(CANDIDATES, "企业风险计分表-基准测试.xlsx", table), 201);
        Matcher id = RELEASE_ID.matcher(upload.body());
        if (!id.find()) {
            throw new IllegalStateException("no release id in " + abbreviate(upload.body()));
        }
        System.out.printf("candidate %s: evaluated %s, would change colour %s%n", id.group(1), field(upload.body(), "evaluated"),
                field(upload.body(), "changed"));
        PureRead read = fastestPureRead(dbUrl, "pure read #" + (n + 1) + " (just before activation " + n + ")");
        Timed activation = admin.timed("activation #" + n + " (full re-grade: every enterprise graded and its grade recorded)", gcLog,
                () -> admin.post(CANDIDATES + "/" + id.group(1) + "/activate"), 200);
        Split split = lastSplit(admin.service.log());
        System.out.printf("activation #%d: regraded %s, changed colour %s; service log: %s%n", n, field(activation.body(), "regraded"),
                field(activation.body(), "changed"), split);
        if (split.graded() != enterprises || Long.parseLong(field(activation.body(), "regraded")) != enterprises) {
            throw new IllegalStateException("expected " + enterprises + " enterprises re-graded: " + split + ", " + abbreviate(activation.body()));
        }
        return new Sample(read, upload, activation, split);
    }

    // --- the pure read ---

    /**
     * Streams the inputs of every enterprise as {@code EnterpriseGrader.gradeAll} reads them: the next 500 ids, then in one
     * transaction the batch's rows locked and the reader's nine statements, every column of every row read; nothing graded.
     */
    /**
     * The pure read twice, with the service's Connector/J settings and with the driver's defaults (statements prepared
     * by the driver, values in the text protocol), and the faster of the two: the baseline is the fastest way found to
     * merely stream the inputs, not the service's way.
     */
    private PureRead fastestPureRead(String dbUrl, String label) throws SQLException {
        PureRead service = pureRead(dbUrl + SERVICE_DRIVER_SETTINGS, label + ", the service's driver settings");
        PureRead defaults = pureRead(dbUrl, label + ", the driver's defaults");
        if (service.checksum() != defaults.checksum()) {
            throw new IllegalStateException("the two pure reads saw different rows: checksums " + service.checksum() + " and " + defaults.checksum());
        }
        return service.seconds() <= defaults.seconds() ? service : defaults;
    }

    private PureRead pureRead(String dbUrl, String label) throws SQLException {
        LocalDate asOf = OverdueBenchmark.today();
        long[] rows = new long[READER.size() + 1];
        long checksum = 0;
        String loadBefore = BenchDatabase.loadAverage();
        long t = System.nanoTime();
        try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
             PreparedStatement keyset = c.prepareStatement(KEYSET)) {
            PreparedStatement[] statements = null;
            int prepared = -1;
            long after = 0;
            while (true) {
                List<Long> ids = new ArrayList<>(BATCH);
                keyset.setLong(1, after);
                keyset.setInt(2, BATCH);
                try (ResultSet rs = keyset.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                if (ids.isEmpty()) {
                    break;
                }
                if (ids.size() != prepared) {
                    close(statements);
                    statements = prepare(c, ids.size(), asOf);
                    prepared = ids.size();
                }
                c.setAutoCommit(false);
                for (int q = 0; q < statements.length; q++) {
                    PreparedStatement ps = statements[q];
                    int i = 1;
                    for (Long id : ids) {
                        ps.setLong(i++, id);
                    }
                    if (q == 8) {
                        ps.setObject(i, asOf.minusDays(29).atStartOfDay(OverdueBenchmark.CHINA).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            rows[q]++;
                            checksum += rs.getLong(1);
                            for (int col = 2; col <= columns; col++) {
                                Object value = rs.getObject(col);
                                checksum += value == null ? 0 : 1;
                            }
                        }
                    }
                }
                c.commit();
                c.setAutoCommit(true);
                after = ids.get(ids.size() - 1);
            }
            close(statements);
        }
        PureRead read = new PureRead(seconds(t), rows, checksum);
        StringBuilder counts = new StringBuilder();
        for (int q = 1; q < rows.length; q++) {
            counts.append(counts.isEmpty() ? "" : ", ").append(FAMILIES.get(q - 1)).append(' ').append(String.format("%,d", rows[q]));
        }
        System.out.printf("%s: %.2f s for %,d enterprises (load average before %s, after %s); rows: %s%n", label, read.seconds(), rows[0],
                loadBefore, BenchDatabase.loadAverage(), counts);
        if (rows[0] != enterprises) {
            throw new IllegalStateException("the pure read locked " + rows[0] + " enterprises, not " + enterprises);
        }
        return read;
    }

    /** The locking select and the reader's statements for a batch of {@code n} ids graded on {@code asOf} (in that order). */
    private static PreparedStatement[] prepare(Connection c, int n, LocalDate asOf) throws SQLException {
        String in = String.join(", ", Collections.nCopies(n, "?"));
        List<String> sql = new ArrayList<>();
        Object[] values = {in, asOf, asOf.minusYears(3), asOf.minusYears(1)};
        sql.add(SUBJECTS.formatted(values));
        READER.forEach(statement -> sql.add(statement.formatted(values)));
        PreparedStatement[] statements = new PreparedStatement[sql.size()];
        for (int i = 0; i < statements.length; i++) {
            statements[i] = c.prepareStatement(sql.get(i));
        }
        return statements;
    }

    private static void close(PreparedStatement[] statements) throws SQLException {
        if (statements != null) {
            for (PreparedStatement statement : statements) {
                statement.close();
            }
        }
    }

    // --- the service ---

    /** Waits for the start-up grading of the never-graded enterprises; returns its duration by the log's timestamps. */
    private static double awaitFirstGrading(ServiceProcess service, int expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + FIRST_GRADE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Instant started = null;
            for (String line : Files.readAllLines(service.log(), StandardCharsets.UTF_8)) {
                Matcher s = STARTED.matcher(line);
                if (s.find()) {
                    started = Instant.parse(s.group(1));
                }
                Matcher m = NEVER_GRADED.matcher(line);
                if (m.find()) {
                    if (Integer.parseInt(m.group(2)) != expected) {
                        throw new IllegalStateException("the service graded " + m.group(2) + " never-graded enterprises, not " + expected);
                    }
                    return started == null ? Double.NaN : Duration.between(started, Instant.parse(m.group(1))).toMillis() / 1000.0;
                }
            }
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited during its first grading; log " + service.log() + ":\n" + service.tail(40));
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("no first grading within " + FIRST_GRADE_TIMEOUT + "; log " + service.log());
    }

    /** The last full re-grade the service logged. */
    private static Split lastSplit(Path log) throws IOException {
        Split split = null;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = GRADED.matcher(line);
            if (m.find()) {
                split = new Split(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Long.parseLong(m.group(4)),
                        Integer.parseInt(m.group(5)), Long.parseLong(m.group(6)), Long.parseLong(m.group(7)), Long.parseLong(m.group(8)));
            }
        }
        if (split == null) {
            throw new IllegalStateException("no 'Graded … (RULE_SET_ACTIVATED)' line in " + log);
        }
        return split;
    }

    /** The {@code table} link of the enterprise rule set's release in force, from {@code GET /api/v1/rulesets}. */
    private static String activeTableLink(String ruleSets) {
        Matcher release = RELEASE_OBJECT.matcher(ruleSets);
        while (release.find()) {
            Matcher link = TABLE_LINK.matcher(release.group());
            if (link.find()) {
                return link.group(1);
            }
        }
        throw new IllegalStateException("no ACTIVE enterprise release with a table link in " + abbreviate(ruleSets));
    }

    /**
     * The table with the first indicator message that names its points (or, with {@code every}, each of them) given a
     * suffix: a new version that changes no colour.
     */
    static byte[] withMessagesEdited(byte[] table, boolean every) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(table))) {
            int edited = 0;
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains("计 {$i.points} 分") && (every || edited == 0)) {
                        cell.setCellValue(cell.getStringCellValue() + "（基准测试）");
                        edited++;
                    }
                }
            }
            if (edited == 0) {
                throw new IllegalStateException("no message naming its points in the table in force");
            }
            System.out.printf("edited table: %d indicator message%s given a suffix%n", edited, edited == 1 ? "" : "s");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /**
     * The MariaDB server as seen around a timed request: its CPU time (when it runs on this machine) and the server-wide
     * InnoDB counters of what was written; another client's work on the same server counts too.
     */
    private record Server(String url, String user, String password, long pid) {

        static final List<String> COUNTERS = List.of("Questions", "Handler_write", "Handler_update", "Innodb_data_written", "Innodb_os_log_written",
                "Innodb_buffer_pool_pages_flushed", "Innodb_log_waits");

        static Server of(String url, String user, String password) {
            long pid = -1;
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                pid = Long.parseLong(Files.readString(Path.of(query(s, "SELECT @@pid_file"))).strip());
            } catch (SQLException | IOException | RuntimeException e) {
                // not on this machine, or its pid file unreadable: no CPU figure
            }
            return new Server(url, user, password, pid);
        }

        /** CPU ticks, then the counters in the order of {@link #COUNTERS}. */
        long[] snapshot() throws SQLException {
            long[] values = new long[COUNTERS.size() + 1];
            values[0] = EnterpriseImportBenchmark.cpuTicks(pid);
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('" + String.join("', '", COUNTERS) + "')")) {
                while (rs.next()) {
                    values[1 + COUNTERS.indexOf(rs.getString(1))] = rs.getLong(2);
                }
            }
            return values;
        }

        static String difference(long[] before, long[] after) {
            StringBuilder out = new StringBuilder(before[0] < 0 ? "mariadbd CPU ?" : String.format(Locale.ROOT, "mariadbd CPU %.1f s",
                    (after[0] - before[0]) / (double) EnterpriseImportBenchmark.CLOCK_TICKS));
            for (int i = 0; i < COUNTERS.size(); i++) {
                long d = after[i + 1] - before[i + 1];
                String name = COUNTERS.get(i);
                out.append(", ").append(name).append(' ').append(name.endsWith("written") ? String.format(Locale.ROOT, "%.0f MiB", d / 1048576.0)
                        : String.format("%,d", d));
            }
            return out.toString();
        }
    }

    /** Requests as {@code admin} over HTTP Basic. */
    private record Admin(HttpClient client, ServiceProcess service, String password, Server server) {

        interface Call {
            HttpResponse<String> send() throws IOException, InterruptedException;
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port + path)).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json");
        }

        String getText(String path) throws IOException, InterruptedException {
            return expect(client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), path, 200);
        }

        byte[] get(String path) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = client.send(request(path).header("Accept", "*/*").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        }

        HttpResponse<String> post(String path) throws IOException, InterruptedException {
            return client.send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> upload(String path, String fileName, byte[] file) throws IOException, InterruptedException {
            String boundary = "----shuangkong-bench-" + Long.toHexString(System.nanoTime());
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            return client.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head), HttpRequest.BodyPublishers.ofByteArray(file),
                            HttpRequest.BodyPublishers.ofByteArray(tail))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** Sends, timing at the client from sending to the response, with the service's CPU time and the GC log's window. */
        Timed timed(String what, Path gcLog, Call call, int expected) throws IOException, InterruptedException, SQLException {
            String loadBefore = BenchDatabase.loadAverage();
            long[] server0 = server.snapshot();
            long cpu0 = EnterpriseImportBenchmark.cpuTicks(service.pid());
            Instant from = Instant.now();
            long t = System.nanoTime();
            HttpResponse<String> response = call.send();
            double s = seconds(t);
            Instant to = Instant.now();
            double cpu = (EnterpriseImportBenchmark.cpuTicks(service.pid()) - cpu0) / (double) EnterpriseImportBenchmark.CLOCK_TICKS;
            String serverWork = Server.difference(server0, server.snapshot());
            String body = expect(response, what, expected);
            EnterpriseImportBenchmark.GcSummary gc = EnterpriseImportBenchmark.gcSummary(gcLog, from, to);
            String load = loadBefore + " → " + BenchDatabase.loadAverage();
            System.out.printf(Locale.ROOT, "%s: %.2f s (service CPU %.1f s; load average %s); GC: %d pauses, %.0f ms, heap before a pause at most "
                    + "%.0f MB, after a copying pause at most %.0f MB%n", what, s, cpu, load, gc.windowPauses(), gc.windowPauseMs(), gc.windowMaxBeforeMb(),
                    gc.windowMaxAfterMb());
            System.out.println("  server-wide during it: " + serverWork);
            return new Timed(what, s, cpu, body, gc, load);
        }

        private String expect(HttpResponse<String> response, String what, int expected) {
            if (response.statusCode() != expected) {
                throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + abbreviate(response.body()) + "\nservice log "
                        + service.log() + ":\n" + service.tail(60));
            }
            return response.body();
        }
    }

    // --- summary ---

    private void printSummary(PureRead warm, double firstGradeS, EnterpriseImportBenchmark.GcSummary first, List<Sample> samples,
                              EnterpriseImportBenchmark.GcSummary whole) {
        System.out.println();
        System.out.printf("=== Results: %,d enterprises, service -Xmx%s, MariaDB on loopback, one run ===%n", enterprises, heap);
        System.out.println();
        System.out.printf(Locale.ROOT, "first grading at start-up (FIRST_GRADE): %.1f s, heap before a pause at most %.0f MB; pure read #1 %.2f s%n",
                firstGradeS, first.windowMaxBeforeMb(), warm.seconds());
        System.out.println();
        System.out.println("| sample | pure read | re-grade (activate, wall) | ratio | service: workers; reading / rules / writing (summed) | dry run (upload) "
                + "| peak heap, activation (before a pause; after a copying pause) | peak heap, dry run | load average during activation |");
        System.out.println("|---|---:|---:|---:|---|---:|---|---|---|");
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            Split p = s.split();
            System.out.printf(Locale.ROOT, "| %d | %.2f s | %.2f s | %.1f× | %d; %.1f / %.1f / %.1f s (in %.1f s) | %.2f s | %.0f MB; %.0f MB | %.0f MB | %s |%n",
                    i + 1, s.read().seconds(), s.activation().seconds(), s.activation().seconds() / s.read().seconds(), p.workers(), p.readingMs() / 1000.0,
                    p.rulesMs() / 1000.0, p.writingMs() / 1000.0, p.totalMs() / 1000.0, s.dryRun().seconds(), s.activation().gc().windowMaxBeforeMb(),
                    s.activation().gc().windowMaxAfterMb(), s.dryRun().gc().windowMaxBeforeMb(), s.activation().loadAverage());
        }
        System.out.println();
        List<Sample> judged = samples.size() > 1 ? samples.subList(1, samples.size()) : samples;
        double worstRatio = judged.stream().mapToDouble(s -> s.activation().seconds() / s.read().seconds()).max().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "target re-grade ≤ 2× pure read: %s (worst %.1f× over sample%s; the first activation after the start, with the "
                        + "JIT still compiling: %.1f×); target heap ≤ 512 MB: %s (whole run: at most %.0f MB before a "
                        + "pause, %.0f MB after a copying pause; %s, %d pauses)%n", worstRatio <= 2 ? "met" : "NOT met", worstRatio,
                samples.size() > 1 ? "s 2–" + samples.size() : " 1", samples.get(0).activation().seconds() / samples.get(0).read().seconds(),
                whole.maxBeforeMb() <= 512 ? "met" : "NOT met", whole.maxBeforeMb(), whole.maxAfterMb(), whole.collector(), whole.pauses());
    }

    // --- helpers ---

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + abbreviate(json));
        }
        return m.group(1);
    }

    private void dropDatabase() {
        BenchDatabase.drop(jdbcBase, dbUser, dbPassword, DATABASE);
    }

    private void exec(String url, String... statements) throws SQLException {
        BenchDatabase.exec(url, dbUser, dbPassword, statements);
    }

    private static String query(Statement s, String sql) throws SQLException {
        return OverdueBenchmark.query(s, sql);
    }


    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 2000 ? s : s.substring(0, 2000) + "…";
    }
}
