package cn.shuangkong.bench;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The registry import (一企一档, {@code POST /api/v1/enterprises/import}) at 100,000 rows against MariaDB, beside
 * {@code LOAD DATA LOCAL INFILE} of the same rows on the same server in the same run.
 *
 * <p>A fresh database ({@code shuangkong_bench_import} unless {@code bench.import.database} names another); the service jar
 * started on it without the demo data, its heap fixed at 256 MB ({@code -Xms256m -Xmx256m}: the heap target, enforced)
 * with a GC log ({@code import-gc.log}) and, unless {@code bench.import.profile=false}, a Java Flight Recording
 * ({@code import.jfr}, default settings: stack samples every 20 ms) from which the request thread's samples give the
 * phases' spans (read and validate, registry check, write) and the kinds of work inside them; the status counters of
 * the server and the CPU time of both processes (from /proc) are taken around the timed import, and the per-row
 * statements the counters show are replayed alone over JDBC afterwards. N enterprises (see {@link ImportData}) are
 * written as the template's .xlsx and as a CSV. The service is warmed up as a running service is: two imports
 * ({@code bench.import.warmups}) of 100,000 other enterprises ({@code bench.import.warmupRows}), each of the same file
 * after the previous one's rows and journal entry are deleted; the first, on a fresh JVM, is reported as what the first
 * large import after a start costs. After each the service grades the import's enterprises (more than 500 on a
 * background thread): that grading is awaited, then the enterprises, their grades and grade history are deleted, so
 * the timed import starts on an empty table as the load does and nothing else runs in the service. InnoDB's purge of
 * the deleted rows, the flushing of its dirty pages and an idle mariadbd are awaited, then the timed import as {@code admin} over HTTP
 * Basic: wall time at the client, from sending the request to the 201. The service is then stopped (ending the
 * background grading of the timed import's enterprises, which starts at its commit; how many it had graded is
 * reported), LOAD DATA waits until none of its connections is left on the server and, as the import did, for the purge,
 * the flushing and an idle server; {@code enterprise_load} is created {@code LIKE enterprise} (same columns, keys and checks; MariaDB
 * copies no foreign keys, which the benchmark checks and reports) and timed with {@code LOAD DATA LOCAL INFILE} of the
 * CSV over JDBC (after a warm-up load of the warm-up CSV, truncated). Both tables must then hold N rows, with the same
 * values. The database is dropped at the end, also on failure or Ctrl-C.
 *
 * <p>Options (system properties, set by {@code bench/pom.xml} from the same Maven properties): {@code bench.import.rows},
 * {@code .warmupRows}, {@code .warmups}, {@code .heap} (the service's -Xms and -Xmx), {@code .jvmOptions} (more of the service's JVM options, space-separated: a
 * garbage collector, say), {@code .profile}, {@code .database}, {@code .jar}, {@code .jdbc}, {@code .user},
 * {@code .password}, {@code .dialect}, {@code .keepDatabase}, {@code .dir} (logs and generated files).
 *
 * <pre>
 * ./mvnw -q -Pbench -pl service,bench -am verify -DskipTests -Dbench.suite=import [-Dbench.import.rows=100000]
 * </pre>
 */
public final class EnterpriseImportBenchmark {

    static final String JDBC_PARAMS = BenchDatabase.JDBC_PARAMS;
    static final String IMPORT_PATH = "/api/v1/enterprises/import";
    static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(30);
    /** The first enterprise number of the warm-up file; the timed file's are 0 … N − 1. */
    static final int WARMUP_FIRST = 5_000_000;
    static final long UPLOAD_LIMIT = 20L * 1024 * 1024;

    private static final Pattern CREATED = Pattern.compile("\"created\"\\s*:\\s*(\\d+)");
    /** A GC log line: {@code [2026-11-23T18:20:01.123+0000][12.345s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 150M->30M(256M) 12.345ms}. */
    private static final Pattern GC_LINE = Pattern.compile("^\\[([^\\]]+)\\].*GC\\(\\d+\\) (.*?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)(?: ([\\d.]+)ms)?");
    private static final DateTimeFormatter GC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final Path jar;
    private final String jdbcBase;
    private final String dbUser;
    private final String dbPassword;
    private final String dialect;
    private final String database;
    private final int rows;
    private final int warmupRows;
    private final int warmups;
    private final String heap;
    private final List<String> jvmOptions;
    private final boolean profile;
    private final boolean keepDatabase;
    private final Path dir;

    private EnterpriseImportBenchmark() {
        jar = Path.of(System.getProperty("bench.import.jar", "service/target/shuangkong-service-0.1.0-SNAPSHOT.jar")).toAbsolutePath().normalize();
        String base = System.getProperty("bench.import.jdbc", "jdbc:mysql://127.0.0.1:3306/");
        jdbcBase = base.endsWith("/") ? base : base + "/";
        dbUser = System.getProperty("bench.import.user", "root");
        dbPassword = System.getProperty("bench.import.password", "");
        dialect = System.getProperty("bench.import.dialect", "");
        database = System.getProperty("bench.import.database", "shuangkong_bench_import");
        rows = Integer.getInteger("bench.import.rows", 100_000);
        warmupRows = Integer.getInteger("bench.import.warmupRows", 100_000);
        warmups = Integer.getInteger("bench.import.warmups", 2);
        heap = System.getProperty("bench.import.heap", "256m");
        jvmOptions = List.of(System.getProperty("bench.import.jvmOptions", "").trim().split("\\s+")).stream().filter(o -> !o.isEmpty()).toList();
        profile = Boolean.parseBoolean(System.getProperty("bench.import.profile", "true"));
        keepDatabase = Boolean.getBoolean("bench.import.keepDatabase");
        dir = Path.of(System.getProperty("bench.import.dir", System.getProperty("java.io.tmpdir"))).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        new EnterpriseImportBenchmark().run();
    }

    /**
     * What the GC log says about the heap, over the whole run and over the timed import: the largest heap in use
     * before a pause (any pause: the peak the process reached) and the largest left after a copying pause (young, mixed
     * or full: what survived, live data plus old garbage not yet collected).
     */
    record GcSummary(String collector, int pauses, double maxBeforeMb, double maxAfterMb, int windowPauses, double windowPauseMs,
                     double windowMaxBeforeMb, double windowMaxAfterMb, List<GcPause> all) {

        /** Pause time (ms) and count of the pauses that ended in [from, to]. */
        double[] between(Instant from, Instant to) {
            double ms = 0;
            int n = 0;
            for (GcPause p : all) {
                if (!p.at().isBefore(from) && !p.at().isAfter(to)) {
                    ms += p.ms();
                    n++;
                }
            }
            return new double[] {ms, n};
        }
    }

    /** One pause of the GC log: when it ended, the heap before and after it (MB), how long it took. */
    record GcPause(Instant at, double beforeMb, double afterMb, double ms) {
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no service jar at " + jar + ": build it first (./mvnw -q -B package -DskipTests, or -pl service,bench -am)");
        }
        if (rows < 1 || rows >= WARMUP_FIRST || warmupRows < 1 || warmupRows > 1_000_000 || warmups < 1 || warmups > 10) {
            throw new IllegalArgumentException("bench.import.rows must be 1 … " + (WARMUP_FIRST - 1) + ", bench.import.warmupRows 1 … 1,000,000, "
                    + "bench.import.warmups 1 … 10");
        }
        Files.createDirectories(dir);
        System.out.printf("Shuangkong enterprise import benchmark: %,d rows (%d warm-up imports of %,d other rows), service -Xms%s -Xmx%s%s%s%n", rows, warmups, warmupRows, heap, heap,
                givenJvmOptions(), profile ? ", JFR stack sampling on" : "");
        System.out.printf("service jar %s, JDK %s, %d cores, load average %s%n", jar, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), BenchDatabase.loadAverage());
        try (Connection admin = DriverManager.getConnection(jdbcBase + JDBC_PARAMS, dbUser, dbPassword); Statement s = admin.createStatement()) {
            String localInfile = query(s, "SELECT @@local_infile");
            System.out.println("server " + query(s, "SELECT VERSION()") + ", local_infile " + ("1".equals(localInfile) ? "ON" : "OFF")
                    + ", innodb_buffer_pool_size " + (Long.parseLong(query(s, "SELECT @@innodb_buffer_pool_size")) >> 20) + " MiB"
                    + ", innodb_flush_log_at_trx_commit " + query(s, "SELECT @@innodb_flush_log_at_trx_commit")
                    + ", max_allowed_packet " + (Long.parseLong(query(s, "SELECT @@max_allowed_packet")) >> 20) + " MiB");
            if (!"1".equals(localInfile)) {
                throw new IllegalStateException("the server's local_infile is OFF: LOAD DATA LOCAL INFILE is refused (SET GLOBAL local_infile = ON as an administrator)");
            }
        }

        String dbUrl = jdbcBase + database + JDBC_PARAMS;
        AtomicBoolean cleaned = new AtomicBoolean();
        ServiceProcess[] service = new ServiceProcess[1];
        Runnable cleanup = () -> {
            if (cleaned.compareAndSet(false, true)) {
                if (service[0] != null) {
                    service[0].close();
                }
                if (keepDatabase) {
                    System.out.println("kept database " + database + " (bench.import.keepDatabase=true): drop it yourself");
                } else {
                    dropDatabase();
                }
            }
        };
        Thread hook = new Thread(cleanup, "import-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            exec(jdbcBase + JDBC_PARAMS, "DROP DATABASE IF EXISTS `" + database + "`", "CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4");
            Path gcLog = dir.resolve("import-gc.log");
            Path jfr = dir.resolve("import.jfr");
            Files.deleteIfExists(gcLog);
            Files.deleteIfExists(jfr);
            // The heap fixed at its cap, as a server's is: left to grow, G1 starts the timed import in the heap it has
            // shrunk to while the benchmark waited, with a young generation a quarter the size (measured: 33 young
            // pauses in the import instead of 9, each copying the rows in flight).
            List<String> jvm = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap, "-Xlog:gc:file=" + gcLog + ":time,uptime,level,tags"));
            if (profile) {
                jvm.add("-XX:FlightRecorderOptions=stackdepth=256");
                jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=default,dumponexit=true");
            }
            jvm.addAll(jvmOptions);

            long t = System.nanoTime();
            service[0] = ServiceProcess.start(jar, dbUrl, dbUser, dbPassword, dialect, dir.resolve("import-bench.log"), jvm,
                    Map.of("SHUANGKONG_DEMO", "false"), List.of());
            System.out.printf("service up (Flyway migrated, no demo data) in %.1f s, pid %d, port %d; log %s%n", seconds(t), service[0].pid(),
                    service[0].port, service[0].log());

            List<String[]> counties = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT code, name FROM region WHERE code LIKE '33%' AND admin_level = 'COUNTY' ORDER BY code")) {
                while (rs.next()) {
                    counties.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            if (counties.isEmpty()) {
                throw new IllegalStateException("no 浙江 counties in the region table");
            }

            String createdAt = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"));
            t = System.nanoTime();
            ImportData.Written warmup = ImportData.write(dir, "enterprises-warmup-" + OverdueBenchmark.label(warmupRows), WARMUP_FIRST, warmupRows,
                    counties, createdAt);
            ImportData.Written data = ImportData.write(dir, "enterprises-" + OverdueBenchmark.label(rows), 0, rows, counties, createdAt);
            System.out.printf("generated in %.1f s over %d counties of 浙江: %s (%.2f MB), %s (%.2f MB); warm-up %s (%.2f MB)%n", seconds(t),
                    counties.size(), data.xlsx().getFileName(), mb(data.xlsxBytes()), data.csv().getFileName(), mb(data.csvBytes()),
                    warmup.xlsx().getFileName(), mb(warmup.xlsxBytes()));
            if (data.xlsxBytes() > UPLOAD_LIMIT) {
                System.out.printf("NOTE: the .xlsx exceeds the service's 20 MB upload limit; expect 413%n");
            }

            // Warm-up imports, each followed by the removal of its rows (and of its journal entry, so that the next
            // upload of the same file is imported again, not answered from the journal), so the timed import starts on
            // an empty table.
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            String body = null;
            double coldS = 0;
            for (int round = 1; round <= warmups; round++) {
                t = System.nanoTime();
                body = importFile(client, service[0], warmup.xlsx());
                double warmupS = seconds(t);
                if (round == 1) {
                    coldS = warmupS;
                }
                System.out.printf("warm-up import %d of %d: %,d rows in %.2f s: %s%n", round, warmups, warmupRows, warmupS, body);
                expectCreated(body, warmupRows, service[0]);
                // The service grades an import's enterprises after its commit, more than 500 on a background thread: the
                // warm-up's grading would otherwise run into the timed import (and its grades would hold the warm-up rows).
                t = System.nanoTime();
                long graded = awaitGrades(dbUrl, warmupRows, service[0]);
                System.out.printf("warm-up's background grading: %,d enterprises graded %.1f s after the warm-up's response%n", graded, seconds(t));
                try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
                    String warmupIds = "SELECT id FROM enterprise WHERE uscc LIKE '91______BK%' AND SUBSTR(uscc, 11, 7) >= '" + WARMUP_FIRST + "'";
                    s.executeUpdate("DELETE FROM grade_history WHERE subject_type = 'ENTERPRISE' AND subject_id IN (" + warmupIds + ")");
                    s.executeUpdate("DELETE FROM enterprise_grade WHERE enterprise_id IN (" + warmupIds + ")");
                    int deleted = s.executeUpdate("DELETE FROM enterprise WHERE uscc LIKE '91______BK%' AND SUBSTR(uscc, 11, 7) >= '" + WARMUP_FIRST + "'");
                    long left = Long.parseLong(query(s, "SELECT COUNT(*) FROM enterprise"));
                    System.out.printf("deleted the %,d warm-up enterprises; enterprise now holds %,d rows%n", deleted, left);
                    if (left != 0) {
                        throw new IllegalStateException("enterprise is not empty before the timed import: " + left + " rows");
                    }
                    s.executeUpdate("DELETE FROM import_job WHERE kind = 'ENTERPRISES'");
                }
            }
            // InnoDB purges the deleted rows and flushes the pages they dirtied in the background: after a large warm-up
            // both would otherwise run on the server's CPU during the timed import.
            awaitQuietServer(dbUrl, "the deleted warm-up rows");

            // The timed import.
            Map<String, Long> status0 = status(dbUrl);
            long serverPid = serverPid(dbUrl);
            long serviceCpu0 = cpuTicks(service[0].pid());
            long serverCpu0 = cpuTicks(serverPid);
            String loadBefore = BenchDatabase.loadAverage();
            Instant from = Instant.now();
            t = System.nanoTime();
            body = importFile(client, service[0], data.xlsx());
            double importS = seconds(t);
            Instant to = Instant.now();
            System.out.printf("timed import: %,d rows in %.2f s (load average before %s, after %s): %s%n", rows, importS, loadBefore, BenchDatabase.loadAverage(), body);
            long serviceCpu = cpuTicks(service[0].pid()) - serviceCpu0;
            long serverCpu = cpuTicks(serverPid) - serverCpu0;
            long created = expectCreated(body, rows, service[0]);
            if (serviceCpu0 >= 0) {
                System.out.printf(Locale.ROOT, "CPU during the timed import: service process %.1f s (all its threads: request, GC, JIT, JFR)%s, of %.1f s wall%n",
                        serviceCpu / (double) CLOCK_TICKS, serverCpu0 >= 0 ? String.format(Locale.ROOT, ", mariadbd %.1f s (server-wide)", serverCpu / (double) CLOCK_TICKS) : "",
                        importS);
            }
            Map<String, Long> status1 = status(dbUrl);
            StringBuilder counters = new StringBuilder();
            status1.forEach((k, v) -> counters.append(counters.isEmpty() ? "" : ", ").append(k).append(' ').append(String.format("%,d", v - status0.get(k))));
            System.out.println("server-wide status counters during the timed import (any other client's statements included): " + counters);

            // Stop the service: its GC log is complete and the flight recording dumped. The timed import's enterprises
            // are being graded in the background (from its commit on, a new transaction every 500): stopping the service
            // ends that, and LOAD DATA waits until the server holds none of the service's connections.
            long gradedAtStop = count(dbUrl, "SELECT COUNT(*) FROM enterprise_grade");
            service[0].close();
            service[0] = null;
            t = System.nanoTime();
            awaitNoOtherConnections(dbUrl);
            System.out.printf("service stopped with %,d of the %,d imported enterprises graded in the background; its connections gone after %.1f s%n",
                    gradedAtStop, rows, seconds(t));
            // LOAD DATA gets the waits the import got: the purge, the flushing of what the import dirtied, an idle server.
            awaitQuietServer(dbUrl, "the timed import's rows");

            double loadS;
            long importCount;
            long loadCount;
            long same;
            String sizes;
            String loadWarnings;
            String keys;
            try (Connection c = DriverManager.getConnection(dbUrl + "&allowLoadLocalInfile=true", dbUser, dbPassword); Statement s = c.createStatement()) {
                importCount = Long.parseLong(query(s, "SELECT COUNT(*) FROM enterprise"));
                s.execute("DROP TABLE IF EXISTS enterprise_load");
                s.execute("CREATE TABLE enterprise_load LIKE enterprise");
                keys = "enterprise_load LIKE enterprise: " + query(s, "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS "
                        + "WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'enterprise_load'") + " foreign keys (enterprise: "
                        + query(s, "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'enterprise'")
                        + "), " + query(s, "SELECT COUNT(DISTINCT INDEX_NAME) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'enterprise_load'")
                        + " indexes (enterprise: " + query(s, "SELECT COUNT(DISTINCT INDEX_NAME) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'enterprise'")
                        + "), " + query(s, "SELECT COUNT(*) FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'enterprise_load'")
                        + " check constraints (enterprise: " + query(s, "SELECT COUNT(*) FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'enterprise'") + ")";
                System.out.println(keys);

                t = System.nanoTime();
                long warm = s.executeLargeUpdate(loadData(warmup.csv()));
                System.out.printf("warm-up LOAD DATA: %,d rows in %.2f s%n", warm, seconds(t));
                s.execute("TRUNCATE TABLE enterprise_load");

                t = System.nanoTime();
                long loaded = s.executeLargeUpdate(loadData(data.csv()));
                loadS = seconds(t);
                loadWarnings = query(s, "SELECT @@warning_count");
                System.out.printf("timed LOAD DATA LOCAL INFILE: %,d rows in %.2f s, %s warnings%n", loaded, loadS, loadWarnings);

                // The statements the service issued per row (see the status counters above), replayed alone: what the
                // round trips of a transaction per row cost on this server, without Spring, the pool or the import.
                t = System.nanoTime();
                for (int i = 0; i < rows; i++) {
                    c.setAutoCommit(false);
                    c.commit();
                    c.setAutoCommit(true);
                }
                System.out.printf(Locale.ROOT, "replayed over JDBC: %,d × (setAutoCommit(false), commit(), setAutoCommit(true)), 3 round trips each, in %.2f s%n",
                        rows, seconds(t));

                loadCount = Long.parseLong(query(s, "SELECT COUNT(*) FROM enterprise_load"));
                same = Long.parseLong(query(s, """
                        SELECT COUNT(*) FROM enterprise e JOIN enterprise_load l ON l.uscc = e.uscc
                        WHERE e.name <=> l.name AND e.region_code <=> l.region_code AND e.industry_category <=> l.industry_category
                          AND e.industry_code <=> l.industry_code AND e.address <=> l.address AND e.longitude <=> l.longitude
                          AND e.latitude <=> l.latitude AND e.employees <=> l.employees AND e.standardization_level <=> l.standardization_level
                          AND e.legal_representative <=> l.legal_representative AND e.contact_phone <=> l.contact_phone AND e.version <=> l.version"""));
                s.execute("ANALYZE TABLE enterprise, enterprise_load");
                sizes = OverdueBenchmark.table(s, "SELECT table_name, ROUND(data_length / 1048576, 1) AS data_mib, ROUND(index_length / 1048576, 1) AS index_mib "
                        + "FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ('enterprise', 'enterprise_load') ORDER BY table_name");
            }
            System.out.printf("SELECT COUNT(*): enterprise %,d, enterprise_load %,d (expected %,d); rows equal in every imported column: %,d%n",
                    importCount, loadCount, rows, same);
            System.out.print(sizes);
            if (importCount != rows || loadCount != rows || same != rows) {
                throw new IllegalStateException("the two tables do not both hold the " + rows + " generated rows");
            }

            GcSummary gc = gcSummary(gcLog, from, to);
            System.out.printf("GC log %s: %s, %d pauses in all, largest heap before a pause %.0f MB, after a copying pause %.0f MB; during the timed "
                    + "import %d pauses, %.0f ms in all, largest before %.0f MB, after a copying pause %.0f MB%n", gcLog, gc.collector(), gc.pauses(), gc.maxBeforeMb(), gc.maxAfterMb(),
                    gc.windowPauses(), gc.windowPauseMs(), gc.windowMaxBeforeMb(), gc.windowMaxAfterMb());
            if (profile) {
                printProfile(jfr, from, to, gc);
            }
            printSummary(data, importS, created, loadS, gc, coldS);
        } finally {
            cleanup.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    /**
     * Waits for InnoDB's purge, for its dirty pages to be flushed, and for mariadbd to be idle, so that none of it runs
     * during what is timed next. The history list counts transactions, not rows: after the one {@code DELETE} of 100,000
     * warm-up rows it is short at once while the purge of the rows goes on for seconds (measured: mariadbd busy 3.6 s
     * of a 3.9 s import after the two waits before it had passed), so the server's own CPU decides.
     */
    private void awaitQuietServer(String dbUrl, String after) throws SQLException, InterruptedException {
        long t = System.nanoTime();
        long history = awaitPurge(dbUrl);
        System.out.printf("InnoDB's purge after %s: history list length %,d after %.1f s%n", after, history, seconds(t));
        t = System.nanoTime();
        long dirty = awaitFlush(dbUrl);
        System.out.printf("InnoDB's flushing: %,d dirty pages in the buffer pool after %.1f s%n", dirty, seconds(t));
        long server = serverPid(dbUrl);
        if (server > 0) {
            t = System.nanoTime();
            double busy = awaitIdle(server);
            System.out.printf(Locale.ROOT, "mariadbd idle (%.0f %% of a core over the last second) after %.1f s%n", busy * 100, seconds(t));
        }
    }

    /**
     * Waits up to two minutes until the process used at most 5 % of a core over a second (polled every half second);
     * the share it used over the last second.
     */
    private static double awaitIdle(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long before = cpuTicks(pid);
        Thread.sleep(1000);
        long now = cpuTicks(pid);
        while ((now - before) > CLOCK_TICKS / 20 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            before = cpuTicks(pid);
            Thread.sleep(1000);
            now = cpuTicks(pid);
        }
        return (now - before) / (double) CLOCK_TICKS;
    }

    private void printSummary(ImportData.Written data, double importS, long created, double loadS, GcSummary gc, double coldS) throws IOException {
        double ratio = importS / loadS;
        System.out.println();
        System.out.println("=== Results (one run each after a warm-up; wall time at the client; loopback; one MariaDB server) ===");
        System.out.println();
        System.out.println("| rows | .xlsx / .csv | HTTP import (wall) | created | import rows/s | LOAD DATA LOCAL INFILE | LOAD DATA rows/s "
                + "| ratio import / LOAD DATA | peak heap (GC log: largest before a pause; after a copying pause) | service heap cap (and JVM options given) |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
        System.out.printf(Locale.ROOT, "| %,d | %.1f MB / %.1f MB | %.2f s | %,d | %,.0f | %.2f s | %,.0f | %.2f× | %.0f MB; %.0f MB | -Xmx%s |%n",
                data.rows(), mb(data.xlsxBytes()), mb(data.csvBytes()), importS, created, data.rows() / importS, loadS, data.rows() / loadS, ratio,
                gc.windowMaxBeforeMb(), gc.windowMaxAfterMb(), heap + givenJvmOptions());
        System.out.println();
        System.out.printf(Locale.ROOT, "target ratio ≤ 2×: %s (%.2f×); target heap ≤ 256 MB: completed under -Xmx%s, peak %.0f MB%n",
                ratio <= 2 ? "met" : "NOT met", ratio, heap, gc.windowMaxBeforeMb());
        // The first warm-up ran on a fresh JVM, its code interpreted and compiled as it went: what the first large import
        // after a restart costs.
        System.out.printf(Locale.ROOT, "first import after the service's start (warm-up 1, JIT compiling as it runs): %,d rows in %.2f s%s%n", warmupRows, coldS,
                warmupRows == data.rows() ? String.format(Locale.ROOT, ", %.2f× the timed LOAD DATA", coldS / loadS) : "");
    }

    // --- the import over HTTP ---

    private static String importFile(HttpClient client, ServiceProcess service, Path xlsx) throws IOException, InterruptedException {
        String boundary = "----shuangkong-bench-" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + xlsx.getFileName() + "\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        String basic = Base64.getEncoder().encodeToString(("admin:" + service.adminPassword()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port + IMPORT_PATH))
                .timeout(IMPORT_TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head), HttpRequest.BodyPublishers.ofFile(xlsx),
                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("POST " + IMPORT_PATH + " failed: " + e + "; service " + (service.isAlive() ? "alive" : "exited")
                    + ", log " + service.log() + ":\n" + service.tail(60), e);
        }
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + IMPORT_PATH + " (" + xlsx.getFileName() + ") answered " + response.statusCode() + ": "
                    + abbreviate(response.body(), 2000) + "\nservice log " + service.log() + ":\n" + service.tail(60));
        }
        return response.body();
    }

    /** Waits up to two minutes until InnoDB's history list (undo not yet purged) is short or stops falling; its length then. */
    private long awaitPurge(String url) throws SQLException, InterruptedException {
        return awaitBelow(url, "SELECT `count` FROM information_schema.innodb_metrics WHERE name = 'trx_rseg_history_len'", 100);
    }

    /**
     * Waits up to two minutes until the buffer pool holds few dirty pages (the server flushes them when idle), or until
     * their number has not fallen for two seconds (an idle MariaDB may leave a few hundred); their number then.
     */
    private long awaitFlush(String url) throws SQLException, InterruptedException {
        return awaitBelow(url, "SELECT variable_value FROM information_schema.global_status WHERE variable_name = 'INNODB_BUFFER_POOL_PAGES_DIRTY'", 500);
    }

    /**
     * Polls {@code sql} (one number) every half second for up to two minutes until it is below {@code limit} or has not
     * fallen for four polls in a row; its last value.
     */
    private long awaitBelow(String url, String sql, long limit) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long value;
        long lowest = Long.MAX_VALUE;
        int still = 0;
        do {
            value = count(url, sql);
            if (value < limit) {
                break;
            }
            if (value < lowest) {
                lowest = value;
                still = 0;
            } else if (++still == 4) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return value;
    }

    /** Waits until {@code expected} enterprises have a grade (the background grading of an import has finished). */
    private long awaitGrades(String url, int expected, ServiceProcess service) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long graded = 0;
        while (System.nanoTime() < deadline) {
            graded = count(url, "SELECT COUNT(*) FROM enterprise_grade");
            if (graded >= expected) {
                return graded;
            }
            if (service.tail(200).contains("Re-grading")) {
                throw new IllegalStateException("the background grading failed; log " + service.log() + ":\n" + service.tail(60));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("only " + graded + " of " + expected + " enterprises graded after 10 minutes; log " + service.log());
    }

    /** Waits until no connection but this one uses the benchmark's database (a stopped service's are closed by the server). */
    private void awaitNoOtherConnections(String url) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String sql = "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '" + database + "' AND ID <> CONNECTION_ID()";
        while (count(url, sql) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("connections to " + database + " still open 2 minutes after the service stopped");
            }
            Thread.sleep(100);
        }
    }

    private long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, dbUser, dbPassword); Statement s = c.createStatement()) {
            return Long.parseLong(query(s, sql));
        }
    }

    private static long expectCreated(String body, int expected, ServiceProcess service) {
        Matcher m = CREATED.matcher(body);
        if (!m.find() || Long.parseLong(m.group(1)) != expected) {
            throw new IllegalStateException("expected created = " + expected + " in " + abbreviate(body, 2000) + "; log " + service.log());
        }
        return expected;
    }

    // --- LOAD DATA ---

    private static String loadData(Path csv) {
        return "LOAD DATA LOCAL INFILE '" + csv.toString().replace("\\", "\\\\").replace("'", "\\'") + "' INTO TABLE enterprise_load "
                + "CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                + String.join(", ", ImportData.COLUMNS) + ")";
    }

    // --- GC log and flight recording ---

    static GcSummary gcSummary(Path log, Instant from, Instant to) throws IOException {
        String collector = "?";
        int pauses = 0;
        int windowPauses = 0;
        double maxBefore = 0;
        double maxAfter = 0;
        double windowPauseMs = 0;
        double windowMaxBefore = 0;
        double windowMaxAfter = 0;
        List<GcPause> all = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            int using = line.indexOf("Using ");
            if (using >= 0 && !line.contains("GC(")) {
                collector = line.substring(using + "Using ".length()).strip();
                continue;
            }
            Matcher m = GC_LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            double before = megabytes(m.group(3), m.group(4));
            // After a remark or cleanup pause the heap still holds everything those pauses do not evacuate: only the
            // copying pauses (young, mixed, full) say how much survived.
            boolean evacuating = m.group(2).startsWith("Pause Young") || m.group(2).startsWith("Pause Full");
            double after = evacuating ? megabytes(m.group(5), m.group(6)) : 0;
            double ms = m.group(9) == null ? 0 : Double.parseDouble(m.group(9));
            pauses++;
            maxBefore = Math.max(maxBefore, before);
            maxAfter = Math.max(maxAfter, after);
            Instant at = OffsetDateTime.parse(m.group(1), GC_TIME).toInstant();
            all.add(new GcPause(at, before, after, ms));
            if (!at.isBefore(from) && !at.isAfter(to)) {
                windowPauses++;
                windowPauseMs += ms;
                windowMaxBefore = Math.max(windowMaxBefore, before);
                windowMaxAfter = Math.max(windowMaxAfter, after);
            }
        }
        return new GcSummary(collector, pauses, maxBefore, maxAfter, windowPauses, windowPauseMs, windowMaxBefore, windowMaxAfter, all);
    }

    private static double megabytes(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }

    /**
     * Where the request thread spent the timed import, from its JFR stack samples between sending and the response:
     * the phases' wall spans (first to last sample of each, which is robust) with the GC pauses inside them, and how the
     * samples divide among the kinds of work. The counts are proportions, not times: JFR samples at most one thread in
     * native code per 20 ms (the request thread's socket reads compete with Tomcat's poller and acceptor), skips threads
     * in VM transitions, and misses periods on a loaded machine.
     */
    private static void printProfile(Path jfr, Instant from, Instant to, GcSummary gc) throws IOException {
        if (!Files.isRegularFile(jfr)) {
            System.out.println("no flight recording at " + jfr);
            return;
        }
        record Sample(long threadId, String thread, Instant at, boolean nativeCode, List<String> frames) {
        }
        List<Sample> samples = new ArrayList<>();
        Map<Long, Integer> importSamples = new HashMap<>();
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                String type = e.getEventType().getName();
                boolean nativeCode = type.equals("jdk.NativeMethodSample");
                if (!nativeCode && !type.equals("jdk.ExecutionSample")) {
                    continue;
                }
                Instant at = e.getStartTime();
                if (at.isBefore(from) || at.isAfter(to)) {
                    continue;
                }
                RecordedThread thread = e.getThread("sampledThread");
                RecordedStackTrace stack = e.getStackTrace();
                if (thread == null || stack == null) {
                    continue;
                }
                List<String> frames = new ArrayList<>();
                for (RecordedFrame f : stack.getFrames()) {
                    frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
                }
                samples.add(new Sample(thread.getJavaThreadId(), thread.getJavaName(), at, nativeCode, frames));
                if (frames.stream().anyMatch(f -> f.startsWith("cn.shuangkong.service.enterprise.EnterpriseImport."))) {
                    importSamples.merge(thread.getJavaThreadId(), 1, Integer::sum);
                }
            }
        }
        if (importSamples.isEmpty()) {
            System.out.println("no stack samples of the import in " + jfr);
            return;
        }
        // The request thread: the HTTP worker with the most import samples (the parsing thread, which now checks each row's
        // cells, may have more).
        long requestThread = importSamples.entrySet().stream()
                .filter(e -> samples.stream().anyMatch(s -> s.threadId() == e.getKey() && s.thread().startsWith("http-")))
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Map<String, int[]> byCategory = new LinkedHashMap<>();
        Map<String, int[]> parsingByCategory = new LinkedHashMap<>();
        for (String category : List.of(PARSE, VALIDATE_BEAN, VALIDATE_ROW, VALIDATE_TX, CHECK, WRITE_JAVA, WRITE_DB, COMMIT, UPLOAD, OTHER)) {
            byCategory.put(category, new int[2]);
            parsingByCategory.put(category, new int[2]);
        }
        Map<String, Instant[]> spans = new LinkedHashMap<>();
        Map<String, int[]> phaseSamples = new HashMap<>();
        int total = 0;
        int otherThreads = 0;
        int[] readAhead = new int[2];
        String threadName = "?";
        for (Sample s : samples) {
            if (s.threadId() != requestThread) {
                otherThreads++;
                if (s.thread().equals("workbook-read-ahead")) {
                    readAhead[s.nativeCode() ? 1 : 0]++;
                    parsingByCategory.get(category(s.frames(), s.nativeCode()))[s.nativeCode() ? 1 : 0]++;
                }
                continue;
            }
            threadName = s.thread();
            String category = category(s.frames(), s.nativeCode());
            byCategory.get(category)[s.nativeCode() ? 1 : 0]++;
            String phase = PHASE_OF.get(category);
            if (phase != null) {
                spans.merge(phase, new Instant[] {s.at(), s.at()},
                        (a, b) -> new Instant[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
                phaseSamples.computeIfAbsent(phase, k -> new int[2])[s.nativeCode() ? 1 : 0]++;
            }
            total++;
        }
        System.out.println();
        System.out.printf("--- the timed import's request thread (%s): %,d JFR stack samples (%,d of other threads, of which the parsing thread "
                + "workbook-read-ahead %,d + %,d) ---%n", threadName, total, otherThreads, readAhead[0], readAhead[1]);
        System.out.println("| phase (in order) | first – last sample, s after sending | span | GC pauses in it | Java + native samples |");
        System.out.println("|---|---|---:|---:|---:|");
        for (String phase : List.of(PHASE_READ, PHASE_CHECK, PHASE_WRITE)) {
            Instant[] span = spans.get(phase);
            if (span == null) {
                continue;
            }
            int[] n = phaseSamples.get(phase);
            double[] pauses = gc.between(span[0], span[1]);
            System.out.printf(Locale.ROOT, "| %s | %.1f – %.1f | %.1f s | %.1f s (%.0f) | %,d + %,d |%n", phase,
                    Duration.between(from, span[0]).toMillis() / 1000.0, Duration.between(from, span[1]).toMillis() / 1000.0,
                    Duration.between(span[0], span[1]).toMillis() / 1000.0, pauses[0] / 1000, pauses[1], n[0], n[1]);
        }
        System.out.println();
        System.out.println("| what the thread was doing (by the import frames on its stack) | request thread: Java samples | native | parsing thread: Java samples | native |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Map.Entry<String, int[]> e : byCategory.entrySet()) {
            int[] parsing = parsingByCategory.get(e.getKey());
            if (e.getValue()[0] + e.getValue()[1] + parsing[0] + parsing[1] > 0) {
                System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d |%n", e.getKey(), e.getValue()[0], e.getValue()[1], parsing[0], parsing[1]);
            }
        }
    }

    // One pass since 2026-11-22: every 1,000 rows read and checked are checked against the registry and written, so the
    // three phases interleave and their spans overlap. Since 2026-12-06 each row's cells are checked on the parsing thread.
    static final String PHASE_READ = "read and check the rows (parsed, and each row's cells checked, on a second thread)";
    static final String PHASE_CHECK = "registry check (a SELECT of the known per 1,000 rows, as they are read)";
    static final String PHASE_WRITE = "write (updates of known enterprises, new ones by LOAD DATA LOCAL INFILE, 1,000 rows the first load and up to 5,000, as they are read), commit";

    static final String PARSE = "xlsx parse (POI's package, a StAX cursor: XlsxSheets), or the request thread waiting for the parsing thread's rows";
    static final String VALIDATE_BEAN = "row validation: bean validation (jakarta.validation on EnterpriseInput)";
    static final String VALIDATE_ROW = "row validation: cells, USCC, region, row objects";
    static final String VALIDATE_TX = "row validation: transaction and connection work under a row (e.g. a @Transactional proxy: pool, autocommit, commit)";
    static final String CHECK = "registry check (a SELECT … WHERE uscc IN per 1,000 rows)";
    static final String WRITE_JAVA = "write: Java (the rows' text for LOAD DATA, or binding; driver)";
    static final String WRITE_DB = "write: in native code (socket: waiting for MariaDB)";
    static final String COMMIT = "commit (of the import's transaction)";
    static final String UPLOAD = "upload bytes, SHA-256, import journal";
    static final String OTHER = "other (HTTP, multipart, security, Spring, response)";

    private static final Map<String, String> PHASE_OF = Map.of(PARSE, PHASE_READ, VALIDATE_BEAN, PHASE_READ, VALIDATE_ROW, PHASE_READ,
            VALIDATE_TX, PHASE_READ, CHECK, PHASE_CHECK, WRITE_JAVA, PHASE_WRITE, WRITE_DB, PHASE_WRITE, COMMIT, PHASE_WRITE);

    /**
     * The kind of work of one sample: the innermost import frame on the stack decides (the import now reads, checks and
     * writes in one pass inside its transaction, so an outer frame says little). Frames are leaf first.
     */
    private static String category(List<String> frames, boolean nativeCode) {
        boolean tx = false;
        boolean bean = false;
        for (String f : frames) {
            if (f.startsWith("cn.shuangkong.service.enterprise.EnterpriseImport$Inserter.") || f.startsWith("cn.shuangkong.service.database.LocalInfile")
                    || f.equals("cn.shuangkong.service.enterprise.EnterpriseImport$Pass.write")
                    || f.equals("cn.shuangkong.service.enterprise.EnterpriseImport.write") || f.equals("cn.shuangkong.service.enterprise.EnterpriseImport.insert")) {
                return nativeCode ? WRITE_DB : WRITE_JAVA;
            }
            if (f.equals("cn.shuangkong.service.enterprise.EnterpriseImport$Pass.flush") || f.equals("cn.shuangkong.service.enterprise.EnterpriseImport.checkAgainstRegistry")) {
                return CHECK;
            }
            if (f.equals("cn.shuangkong.service.enterprise.EnterpriseImport.row")) {
                return tx ? VALIDATE_TX : bean ? VALIDATE_BEAN : VALIDATE_ROW;
            }
            if (f.startsWith("cn.shuangkong.service.excel.WorkbookReader.") || f.startsWith("cn.shuangkong.service.excel.XlsxSheets.")) {
                return PARSE;
            }
            if (f.startsWith("cn.shuangkong.service.excel.Upload.") || f.startsWith("cn.shuangkong.service.imports.ImportJournal.")) {
                return UPLOAD;
            }
            if (f.equals("org.springframework.transaction.support.AbstractPlatformTransactionManager.commit")) {
                return COMMIT;
            }
            tx |= f.startsWith("org.springframework.transaction.") || f.startsWith("org.springframework.jdbc.") || f.startsWith("com.zaxxer.hikari.")
                    || f.startsWith("com.mysql.cj.");
            bean |= f.startsWith("org.hibernate.validator.") || f.startsWith("jakarta.validation.");
        }
        return OTHER;
    }

    // --- helpers ---

    /** USER_HZ, the unit of utime and stime in /proc/<pid>/stat (100 on Linux/x86). */
    static final int CLOCK_TICKS = 100;

    /** utime + stime of a process from /proc (this machine's processes only); −1 if unreadable. */
    static long cpuTicks(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The MariaDB server's process id when it runs on this machine (its pid file readable), else −1. */
    private long serverPid(String url) {
        try (Connection c = DriverManager.getConnection(url, dbUser, dbPassword); Statement s = c.createStatement()) {
            return Long.parseLong(Files.readString(Path.of(query(s, "SELECT @@pid_file"))).strip());
        } catch (SQLException | IOException | RuntimeException e) {
            return -1;
        }
    }

    private static final List<String> STATUS = List.of("Questions", "Com_select", "Com_insert", "Com_load", "Com_commit", "Com_set_option");

    private Map<String, Long> status(String url) throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, dbUser, dbPassword); Statement s = c.createStatement()) {
            for (String name : STATUS) {
                try (ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
                    values.put(name, rs.next() ? rs.getLong(2) : 0);
                }
            }
        }
        return values;
    }

    private void dropDatabase() {
        BenchDatabase.drop(jdbcBase, dbUser, dbPassword, database);
    }

    private void exec(String url, String... statements) throws SQLException {
        BenchDatabase.exec(url, dbUser, dbPassword, statements);
    }

    private static String query(Statement s, String sql) throws SQLException {
        return OverdueBenchmark.query(s, sql);
    }


    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String abbreviate(String s, int max) {
        return s == null ? "null" : s.length() <= max ? s : s.substring(0, max) + "…";
    }

    /** The JVM options given in {@code bench.import.jvmOptions}, after a space, for the report; empty when none. */
    private String givenJvmOptions() {
        return jvmOptions.isEmpty() ? "" : " " + String.join(" ", jvmOptions);
    }
}
