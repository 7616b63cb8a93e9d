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
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regulator's overdue query at scale, through the running service over loopback HTTP.
 *
 * <p>For each size N (hidden dangers): a fresh database {@code shuangkong_bench_<N>}; the service jar started once on
 * it so that Flyway migrates and loads the demo (this first start also logs jOOQ's SQL, from which the exact statements
 * the API issues are taken); ~20,000 enterprises over every county and township of 浙江省 and N hidden dangers
 * generated inside MariaDB (see {@link OverdueData}), then {@code ANALYZE TABLE}; the service started again, clean, and
 * timed as {@code lucheng-regulator} (温州市鹿城区 330302, HTTP Basic) with one client, sequential requests, keep-alive:
 * {@code GET /api/v1/hidden-dangers?overdue=true&size=20} and {@code GET /api/v1/statistics/hidden-dangers?groupBy=REGION},
 * plus {@code GET /api/v1/users/me} as the floor every authenticated request pays, and the list again as {@link #FAST_USER}, a regulator of the same region with a cheap hash. The
 * captured SQL is then timed over JDBC (the database's share) and shown with EXPLAIN and ANALYZE FORMAT=JSON. The
 * service is stopped and the database dropped at the end, also on failure or Ctrl-C.
 *
 * <p>Options (system properties, set by {@code bench/pom.xml} from the same Maven properties): {@code bench.overdue.sizes},
 * {@code .enterprises}, {@code .listRequests}, {@code .statsRequests}, {@code .jar} (another build of the service),
 * {@code .jdbc}, {@code .user}, {@code .password}, {@code .dialect} (sets {@code SPRING_JOOQ_SQL_DIALECT}; empty: the
 * service detects it), {@code .keepDatabase} (for investigating a plan: keeps the database, drop it yourself).
 *
 * <p>The nightly overdue job (00:05 China time) would start writing OVERDUE events for every overdue danger if a run
 * crossed it; the benchmark holds its ShedLock lock ({@code hidden-danger-overdue}) in its own database so it cannot.
 *
 * <pre>
 * ./mvnw -q -Pbench -pl service,bench -am verify -DskipTests -Dbench.suite=overdue [-Dbench.overdue.sizes=1000000,10000000]
 * </pre>
 */
public final class OverdueBenchmark {

    static final String USER = "lucheng-regulator";
    static final String PASSWORD = "Demo@2026";
    /**
     * A second regulator of the same region whose password hash has BCrypt cost 4 instead of the service's 10
     * (~1 ms to check instead of ~70 ms here): the same requests as this user show what the queries cost over HTTP
     * without the password check that HTTP Basic repeats on every request.
     */
    static final String FAST_USER = "bench-lucheng-cost4";
    static final String FAST_USER_HASH = "$2a$04$9qZZ8atfFoQLMM87MdVFHerpX96TzJmwAnxT64y89cmOavxA3M4Nu"; // Demo@2026
    static final String JURISDICTION = "330302";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String JDBC_PARAMS = BenchDatabase.JDBC_PARAMS;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    static final String LIST_PATH = "/api/v1/hidden-dangers?overdue=true&size=20";
    static final String STATS_PATH = "/api/v1/statistics/hidden-dangers?groupBy=REGION";
    static final String ME_PATH = "/api/v1/users/me";

    static final int LIST_WARMUP = 500;
    static final int STATS_WARMUP = 50;
    static final int ME_REQUESTS = 100;
    static final int FAST_LIST_REQUESTS = 100;
    static final int SQL_PAGE_RUNS = 100;
    static final int SQL_STATS_RUNS = 20;

    private static final Pattern BIND_VALUES = Pattern.compile("-> with bind values\\s*: (.*)$");
    private static final Pattern TOTAL_ELEMENTS = Pattern.compile("\"totalElements\"\\s*:\\s*(\\d+)");
    /** The date in a date literal as jOOQ inlines it: {@code date '2026-11-23'} (MariaDB dialect) or {@code {d '2026-11-23'}} (MySQL). */
    private static final Pattern DATE_LITERAL = Pattern.compile("(?<=date |\\{d )'\\d{4}-\\d{2}-\\d{2}'");

    private final Path jar;
    private final String jdbcBase;
    private final String dbUser;
    private final String dbPassword;
    private final String dialect;
    private final int enterprises;
    private final int listRequests;
    private final int statsRequests;
    private final boolean keepDatabase;
    private final Path logDir;

    private OverdueBenchmark() {
        jar = Path.of(System.getProperty("bench.overdue.jar", "service/target/shuangkong-service-0.1.0-SNAPSHOT.jar")).toAbsolutePath().normalize();
        String base = System.getProperty("bench.overdue.jdbc", "jdbc:mysql://127.0.0.1:3306/");
        jdbcBase = base.endsWith("/") ? base : base + "/";
        dbUser = System.getProperty("bench.overdue.user", "root");
        dbPassword = System.getProperty("bench.overdue.password", "");
        dialect = System.getProperty("bench.overdue.dialect", "");
        enterprises = Integer.getInteger("bench.overdue.enterprises", 20_000);
        listRequests = Integer.getInteger("bench.overdue.listRequests", 300);
        statsRequests = Integer.getInteger("bench.overdue.statsRequests", 100);
        keepDatabase = Boolean.getBoolean("bench.overdue.keepDatabase");
        logDir = Path.of(System.getProperty("bench.overdue.logDir", System.getProperty("java.io.tmpdir"))).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        List<Long> sizes = new ArrayList<>();
        for (String size : System.getProperty("bench.overdue.sizes", "1000000,10000000").split(",")) {
            if (!size.isBlank()) {
                sizes.add(Long.parseLong(size.strip().replace("_", "")));
            }
        }
        new OverdueBenchmark().run(sizes);
    }

    /** What one size produced, for the summary table. */
    record Result(long n, double loadEnterprisesS, double loadDangersS, double analyzeS, String tableSize, long totalElements,
                  long statsOverdue, Latencies list, Latencies stats, Latencies me, Latencies listFast, Latencies meFast,
                  Latencies sqlPage, Latencies sqlStats, String poolReads) {
    }

    private void run(List<Long> sizes) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no service jar at " + jar + ": build it first (./mvnw -q -B package -DskipTests, or -pl service,bench -am)");
        }
        Files.createDirectories(logDir);
        System.out.printf("Shuangkong overdue benchmark: sizes %s, %,d enterprises, %d list + %d statistics requests (sequential, one client, keep-alive)%n",
                sizes, enterprises, listRequests, statsRequests);
        System.out.printf("service jar %s, jOOQ dialect %s, JDK %s, %d cores%n", jar, dialect.isBlank() ? "(detected)" : dialect,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        try (Connection admin = DriverManager.getConnection(jdbcBase + JDBC_PARAMS, dbUser, dbPassword);
             Statement s = admin.createStatement()) {
            System.out.println("server " + query(s, "SELECT VERSION()") + ", innodb_buffer_pool_size " + (Long.parseLong(query(s, "SELECT @@innodb_buffer_pool_size")) >> 20)
                    + " MiB, innodb_flush_method " + query(s, "SELECT @@innodb_flush_method") + ", optimizer_switch rowid_filter/mrr "
                    + query(s, "SELECT CONCAT(@@optimizer_switch LIKE '%rowid_filter=on%', '/', @@optimizer_switch LIKE '%mrr=on%')"));
        }
        List<Result> results = new ArrayList<>();
        for (long n : sizes) {
            results.add(runSize(n));
        }
        printSummary(results);
    }

    private Result runSize(long n) throws Exception {
        String db = "shuangkong_bench_" + label(n);
        String dbUrl = jdbcBase + db + JDBC_PARAMS;
        System.out.printf("%n=== N = %,d hidden dangers, database %s ===%n", n, db);
        AtomicBoolean cleaned = new AtomicBoolean();
        ServiceProcess[] service = new ServiceProcess[1];
        Runnable cleanup = () -> {
            if (cleaned.compareAndSet(false, true)) {
                if (service[0] != null) {
                    service[0].close();
                }
                if (keepDatabase) {
                    System.out.println("kept database " + db + " (bench.overdue.keepDatabase=true): drop it yourself");
                } else {
                    dropDatabase(db);
                }
            }
        };
        Thread hook = new Thread(cleanup, "overdue-bench-cleanup-" + db);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            exec(jdbcBase + JDBC_PARAMS, "DROP DATABASE IF EXISTS `" + db + "`", "CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4");

            // 1. Migrate and load the demo; capture the SQL the two API calls issue from jOOQ's log.
            long t = System.nanoTime();
            Path migrateLog = logDir.resolve("overdue-bench-" + label(n) + "-migrate.log");
            service[0] = ServiceProcess.start(jar, dbUrl, dbUser, dbPassword, dialect, migrateLog,
                    List.of("--logging.level.org.jooq.tools.LoggerListener=DEBUG"));
            System.out.printf("service up (Flyway migrated, demo loaded) in %.1f s, pid %d%n", seconds(t), service[0].pid());
            HttpClient client = client();
            expectOk(client, service[0].port, LIST_PATH);
            expectOk(client, service[0].port, STATS_PATH);
            service[0].close();
            Map<String, String> sql = capturedSql(migrateLog);
            service[0] = null;

            Result loaded;
            try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
                OverdueData.holdOverdueJob(s, "overdue-benchmark");

                // 2. Load.
                t = System.nanoTime();
                long[] ent = OverdueData.loadEnterprises(c, enterprises);
                double entS = seconds(t);
                System.out.printf("loaded %,d enterprises in %.1f s (%s of them in %s)%n", ent[0], entS,
                        query(s, "SELECT COUNT(*) FROM enterprise WHERE region_code LIKE '" + JURISDICTION + "%'"), JURISDICTION);
                t = System.nanoTime();
                OverdueData.loadHiddenDangers(c, n, ent[0], ent[1]);
                double dangerS = seconds(t);
                System.out.printf("loaded %,d hidden dangers in %.1f s (%,.0f rows/s)%n", n, dangerS, n / dangerS);
                t = System.nanoTime();
                s.execute("ANALYZE TABLE enterprise, hidden_danger");
                double analyzeS = seconds(t);
                String size = query(s, "SELECT CONCAT(ROUND(data_length / 1048576), ' MiB data + ', ROUND(index_length / 1048576), ' MiB indexes') "
                        + "FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'hidden_danger'");
                System.out.printf("ANALYZE TABLE in %.1f s; hidden_danger: %s%n", analyzeS, size);
                printMix(s);
                s.execute("INSERT INTO app_user (username, password_hash, role, region_code, uscc, display_name, enabled, created_at) VALUES ('"
                        + FAST_USER + "', '" + FAST_USER_HASH + "', 'REGULATOR', '" + JURISDICTION + "', NULL, '鹿城区 (benchmark, BCrypt cost 4)', TRUE, UTC_TIMESTAMP(3))");
                loaded = new Result(n, entS, dangerS, analyzeS, size, 0, 0, null, null, null, null, null, null, null, null);
            }

            // 3. Time the API on a clean start.
            t = System.nanoTime();
            service[0] = ServiceProcess.start(jar, dbUrl, dbUser, dbPassword, dialect, logDir.resolve("overdue-bench-" + label(n) + ".log"), List.of());
            System.out.printf("service restarted in %.1f s, pid %d, port %d; China date %s%n", seconds(t), service[0].pid(), service[0].port, today());
            return measure(loaded, service[0], dbUrl, sql);
        } finally {
            cleanup.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private Result measure(Result loaded, ServiceProcess service, String dbUrl, Map<String, String> captured) throws Exception {
        HttpClient client = client();
        int port = service.port;
        for (int i = 0; i < LIST_WARMUP; i++) {
            expectOk(client, port, LIST_PATH);
        }
        for (int i = 0; i < STATS_WARMUP; i++) {
            expectOk(client, port, STATS_PATH);
        }
        for (int i = 0; i < 20; i++) {
            expectOk(client, port, ME_PATH);
        }

        long poolReads0;
        long poolRequests0;
        try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
            poolReads0 = globalStatus(s, "Innodb_buffer_pool_reads");
            poolRequests0 = globalStatus(s, "Innodb_buffer_pool_read_requests");
        }
        TreeSet<Long> totals = new TreeSet<>();
        long[] listNanos = new long[listRequests];
        for (int i = 0; i < listRequests; i++) {
            long t = System.nanoTime();
            String body = expectOk(client, port, LIST_PATH);
            listNanos[i] = System.nanoTime() - t;
            Matcher m = TOTAL_ELEMENTS.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no totalElements in " + abbreviate(body));
            }
            totals.add(Long.parseLong(m.group(1)));
        }
        String poolReads;
        try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
            long reads = globalStatus(s, "Innodb_buffer_pool_reads") - poolReads0;
            long requests = globalStatus(s, "Innodb_buffer_pool_read_requests") - poolRequests0;
            poolReads = String.format("%.1f/%.0f", reads / (double) listRequests, requests / (double) listRequests);
            System.out.printf("during the %d list requests: %,d page reads from disk, %,d buffer pool page requests (server-wide) = %s per request%n",
                    listRequests, reads, requests, poolReads);
        }
        Latencies list = Latencies.of("GET " + LIST_PATH, listNanos);

        long[] statsNanos = new long[statsRequests];
        String statsBody = null;
        for (int i = 0; i < statsRequests; i++) {
            long t = System.nanoTime();
            statsBody = expectOk(client, port, STATS_PATH);
            statsNanos[i] = System.nanoTime() - t;
        }
        Latencies stats = Latencies.of("GET " + STATS_PATH, statsNanos);
        long statsOverdue = totalField(statsBody, "overdue");

        long[] meNanos = new long[ME_REQUESTS];
        for (int i = 0; i < ME_REQUESTS; i++) {
            long t = System.nanoTime();
            expectOk(client, port, ME_PATH);
            meNanos[i] = System.nanoTime() - t;
        }
        Latencies me = Latencies.of("GET " + ME_PATH + " (auth floor)", meNanos);

        for (int i = 0; i < 20; i++) {
            expectOk(client, port, LIST_PATH, FAST_USER);
            expectOk(client, port, ME_PATH, FAST_USER);
        }
        long[] fastNanos = new long[FAST_LIST_REQUESTS];
        for (int i = 0; i < FAST_LIST_REQUESTS; i++) {
            long t = System.nanoTime();
            expectOk(client, port, LIST_PATH, FAST_USER);
            fastNanos[i] = System.nanoTime() - t;
        }
        Latencies listFast = Latencies.of("GET " + LIST_PATH + " as " + FAST_USER, fastNanos);
        for (int i = 0; i < ME_REQUESTS; i++) {
            long t = System.nanoTime();
            expectOk(client, port, ME_PATH, FAST_USER);
            meNanos[i] = System.nanoTime() - t;
        }
        Latencies meFast = Latencies.of("GET " + ME_PATH + " as " + FAST_USER, meNanos);

        System.out.println();
        System.out.println(list);
        System.out.println(stats);
        System.out.println(me);
        System.out.println(listFast);
        System.out.println(meFast);
        System.out.printf("totalElements seen: %s; statistics total: %,d dangers, %,d overdue%n", totals, totalField(statsBody, "total"), statsOverdue);
        if (totals.size() != 1 || totals.first() != statsOverdue) {
            System.out.println("NOTE: the list's totalElements and the statistics' overdue differ (the China date may have changed during the run)");
        }

        // The database's share: the captured statements over JDBC, then their plans.
        String today = "'" + today() + "'";
        String page = DATE_LITERAL.matcher(captured.get("page")).replaceAll(today);
        String statsSql = DATE_LITERAL.matcher(captured.get("stats")).replaceAll(today);
        Latencies sqlPage;
        Latencies sqlStats;
        try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
            sqlPage = timeSql(s, "SQL page (first 20 ids and the total)", page, SQL_PAGE_RUNS);
            sqlStats = timeSql(s, "SQL statistics", statsSql, SQL_STATS_RUNS);
            System.out.println(sqlPage);
            System.out.println(sqlStats);
            explain(s, "overdue list, first page", page);
            explain(s, "statistics by region", statsSql);
        }
        return new Result(loaded.n(), loaded.loadEnterprisesS(), loaded.loadDangersS(), loaded.analyzeS(), loaded.tableSize(),
                totals.isEmpty() ? -1 : totals.last(), statsOverdue, list, stats, me, listFast, meFast, sqlPage, sqlStats, poolReads);
    }

    private static Latencies timeSql(Statement s, String name, String sql, int runs) throws SQLException {
        for (int i = 0; i < Math.max(3, runs / 10); i++) {
            drain(s, sql);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            drain(s, sql);
            nanos[i] = System.nanoTime() - t;
        }
        return Latencies.of(name, nanos);
    }

    private static void drain(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
            }
        }
    }

    private static void explain(Statement s, String title, String sql) throws SQLException {
        System.out.println();
        System.out.println("--- " + title + " ---");
        System.out.println(sql);
        System.out.println("EXPLAIN:");
        System.out.print(table(s, "EXPLAIN " + sql));
        System.out.println("ANALYZE FORMAT=JSON:");
        System.out.println(query(s, "ANALYZE FORMAT=JSON " + sql));
    }

    /** The status mix over the whole table (index-only through ix_hidden_danger_status_deadline). */
    private static void printMix(Statement s) throws SQLException {
        System.out.print(table(s, "SELECT status, COUNT(*) AS dangers, SUM(deadline < DATE'" + today() + "') AS past_deadline "
                + "FROM hidden_danger GROUP BY status ORDER BY status"));
    }

    /** The SQL behind one list and one statistics request, as jOOQ logged it with its bind values inlined. */
    private static Map<String, String> capturedSql(Path log) throws IOException {
        Map<String, String> sql = new TreeMap<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = BIND_VALUES.matcher(line);
            if (!m.find()) {
                continue;
            }
            String statement = m.group(1).strip();
            if ((statement.startsWith("select `hidden_danger`.`id`") || statement.startsWith("select `hidden_danger`.*")) && statement.contains("order by")) {
                // The list's page: its ids (and the total, COUNT(*) OVER ()) sorted on the index; the rows are then read by primary key.
                sql.putIfAbsent("page", statement);
            } else if (statement.contains("group by `enterprise`.`region_code`")) {
                sql.putIfAbsent("stats", statement);
            }
        }
        for (String key : List.of("page", "stats")) {
            if (!sql.containsKey(key)) {
                throw new IllegalStateException("no " + key + " statement in jOOQ's log " + log);
            }
        }
        return sql;
    }

    private void printSummary(List<Result> results) {
        System.out.println();
        System.out.println("=== Results (ms; nearest-rank percentiles; one client, sequential, keep-alive, loopback; HTTP Basic on every request) ===");
        System.out.println();
        System.out.println("| hidden dangers | load: enterprises + dangers + ANALYZE | totalElements (overdue in 330302) "
                + "| overdue list p50 / p99 / max | statistics p50 / p99 / max | /users/me p50 / p99 (auth floor) "
                + "| overdue list, cost-4 user, p50 / p99 / max | SQL page + total p50 / p99 | SQL statistics p50 |");
        System.out.println("|---:|---|---:|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %,d | %.1f s + %.1f s + %.1f s | %,d | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | %.1f / %.1f "
                            + "| %.1f / %.1f / %.1f | %.1f / %.1f | %.1f |%n",
                    r.n(), r.loadEnterprisesS(), r.loadDangersS(), r.analyzeS(), r.totalElements(),
                    r.list().p50(), r.list().p99(), r.list().max(), r.stats().p50(), r.stats().p99(), r.stats().max(),
                    r.me().p50(), r.me().p99(), r.listFast().p50(), r.listFast().p99(), r.listFast().max(),
                    r.sqlPage().p50(), r.sqlPage().p99(), r.sqlStats().p50());
        }
        System.out.println();
        for (Result r : results) {
            System.out.printf("N = %,d: hidden_danger %s; buffer pool page reads from disk / page requests per list request: %s%n",
                    r.n(), r.tableSize(), r.poolReads());
        }
    }

    // --- helpers ---

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String expectOk(HttpClient client, int port, String path) throws IOException, InterruptedException {
        return expectOk(client, port, path, USER);
    }

    /** GET as {@code user} (password {@value #PASSWORD}); anything but 200 is an error. */
    private static String expectOk(HttpClient client, int port, String path, String user) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return response.body();
    }

    /** A count of the statistics' {@code total} object. */
    private static long totalField(String statsBody, String field) {
        int total = statsBody.indexOf("\"key\":\"TOTAL\"");
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(statsBody);
        if (total < 0 || !m.find(total)) {
            throw new IllegalStateException("no total." + field + " in " + abbreviate(statsBody));
        }
        return Long.parseLong(m.group(1));
    }

    private void dropDatabase(String db) {
        BenchDatabase.drop(jdbcBase, dbUser, dbPassword, db);
    }

    private void exec(String url, String... statements) throws SQLException {
        BenchDatabase.exec(url, dbUser, dbPassword, statements);
    }

    private static long globalStatus(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
            return rs.next() ? rs.getLong(2) : 0;
        }
    }

    static String query(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** A result set as an aligned text table. */
    static String table(Statement s, String sql) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            String[] header = new String[columns];
            for (int i = 0; i < columns; i++) {
                header[i] = meta.getColumnLabel(i + 1);
            }
            rows.add(header);
            while (rs.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    String v = rs.getString(i + 1);
                    row[i] = v == null ? "NULL" : v;
                }
                rows.add(row);
            }
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                out.append(i == 0 ? "  " : " | ").append(String.format("%-" + widths[i] + "s", row[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    static String label(long n) {
        if (n % 1_000_000 == 0) {
            return (n / 1_000_000) + "m";
        }
        return n % 1_000 == 0 ? (n / 1_000) + "k" : Long.toString(n);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 400 ? s : s.substring(0, 400) + "…";
    }
}
