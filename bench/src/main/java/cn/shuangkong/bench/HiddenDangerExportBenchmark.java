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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import com.github.pjfanning.xlsx.StreamingReader;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hidden-danger export ({@code GET /api/v1/hidden-dangers/export.xlsx}, 隐患清单) of 1,000,000 rows against MariaDB:
 * wall time, file size and the service's peak heap under {@code -Xmx256m}.
 *
 * <p>A fresh database; the service jar started on it without the demo data, under {@code -Xmx256m} with a GC log
 * ({@code export-gc.log}) and, unless {@code bench.export.profile=false}, a Java Flight Recording ({@code export.jfr}); the
 * service's export cap (the contract's 100,000) raised to the row count with {@code --shuangkong.exports.hidden-danger-max-rows}.
 * 20,000 enterprises over the counties and townships of 浙江省 and N hidden dangers are generated inside MariaDB (see
 * {@link OverdueData}: found over three years, 70 % closed, 15 % rectifying, …), then {@code ANALYZE TABLE}. The caller is
 * a regulator of 浙江省 (330000), whose scope covers every one; the filter {@code foundFrom=2000-01-01} selects them all
 * (with no filter at all the export would hold only the overdue ones). After two warm-up exports of 鹿城区 (330302, about
 * 1 % of the rows), the whole province's export is timed at the client, from sending the request to the last byte written
 * to disk (and to its headers: the service sends nothing until the file is complete). The file is then read back
 * streaming (excel-streaming-reader) and must hold N data rows whose 隐患编号 are the table's ids. Peak heap: the
 * largest heap in use before a GC pause during the export, from the GC log. The database is dropped at the end, also
 * on failure or Ctrl-C.
 *
 * <p>Options (system properties, set by {@code bench/pom.xml} from the same Maven properties): {@code bench.export.rows},
 * {@code .enterprises}, {@code .heap} (the service's -Xmx), {@code .profile}, {@code .database}, {@code .jar}, {@code .jdbc},
 * {@code .user}, {@code .password}, {@code .dialect}, {@code .keepDatabase}, {@code .dir} (logs and the downloaded file).
 *
 * <pre>
 * ./mvnw -q -Pbench -pl service,bench -am verify -DskipTests -Dbench.suite=export [-Dbench.export.rows=1000000]
 * </pre>
 */
public final class HiddenDangerExportBenchmark {

    static final String REGULATOR = "bench-zhejiang-regulator";
    static final String PROVINCE = "330000";
    static final String EXPORT_PATH = "/api/v1/hidden-dangers/export.xlsx";
    static final String ALL_FOUND = "foundFrom=2000-01-01";
    static final String WARMUP_QUERY = "?regionCode=330302&" + ALL_FOUND;
    static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(30);
    /** The sheet's title row and header row come before the data. */
    static final int HEADER_ROWS = 2;

    private final Path jar;
    private final String jdbcBase;
    private final String dbUser;
    private final String dbPassword;
    private final String dialect;
    private final String database;
    private final long rows;
    private final int enterprises;
    private final String heap;
    private final boolean profile;
    private final boolean keepDatabase;
    private final Path dir;

    private HiddenDangerExportBenchmark() {
        jar = Path.of(System.getProperty("bench.export.jar", "service/target/shuangkong-service-0.1.0-SNAPSHOT.jar")).toAbsolutePath().normalize();
        String base = System.getProperty("bench.export.jdbc", "jdbc:mysql://127.0.0.1:3306/");
        jdbcBase = base.endsWith("/") ? base : base + "/";
        dbUser = System.getProperty("bench.export.user", "root");
        dbPassword = System.getProperty("bench.export.password", "");
        dialect = System.getProperty("bench.export.dialect", "");
        database = System.getProperty("bench.export.database", "shuangkong_bench_export");
        rows = Long.getLong("bench.export.rows", 1_000_000);
        enterprises = Integer.getInteger("bench.export.enterprises", 20_000);
        heap = System.getProperty("bench.export.heap", "256m");
        profile = Boolean.parseBoolean(System.getProperty("bench.export.profile", "true"));
        keepDatabase = Boolean.getBoolean("bench.export.keepDatabase");
        dir = Path.of(System.getProperty("bench.export.dir", System.getProperty("java.io.tmpdir"))).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        new HiddenDangerExportBenchmark().run();
    }

    /** What the downloaded file holds: its data rows and their 隐患编号 (count, sum, least, greatest). */
    record FileCheck(long dataRows, long idSum, long minId, long maxId, double seconds) {
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no service jar at " + jar + ": build it first (./mvnw -q -B package -DskipTests, or -pl service,bench -am)");
        }
        if (rows < 1 || rows > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bench.export.rows must be 1 … " + Integer.MAX_VALUE);
        }
        Files.createDirectories(dir);
        System.out.printf("Shuangkong hidden-danger export benchmark: %,d hidden dangers of %,d enterprises, service -Xmx%s%s, database %s%n", rows,
                enterprises, heap, profile ? ", JFR stack sampling on" : "", database);
        System.out.printf("service jar %s, JDK %s, %d cores, load average %s%n", jar, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), BenchDatabase.loadAverage());

        String dbUrl = jdbcBase + database + OverdueBenchmark.JDBC_PARAMS;
        AtomicBoolean cleaned = new AtomicBoolean();
        ServiceProcess[] service = new ServiceProcess[1];
        Runnable cleanup = () -> {
            if (cleaned.compareAndSet(false, true)) {
                if (service[0] != null) {
                    service[0].close();
                }
                if (keepDatabase) {
                    System.out.println("kept database " + database + " (bench.export.keepDatabase=true): drop it yourself");
                } else {
                    dropDatabase();
                }
            }
        };
        Thread hook = new Thread(cleanup, "export-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            exec(jdbcBase + OverdueBenchmark.JDBC_PARAMS, "DROP DATABASE IF EXISTS `" + database + "`",
                    "CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4");
            Path gcLog = dir.resolve("export-gc.log");
            Path jfr = dir.resolve("export.jfr");
            Path xlsx = dir.resolve("hidden-dangers-" + OverdueBenchmark.label(rows) + ".xlsx");
            Files.deleteIfExists(gcLog);
            Files.deleteIfExists(jfr);
            Files.deleteIfExists(xlsx);
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog + ":time,uptime,level,tags"));
            if (profile) {
                jvm.add("-XX:FlightRecorderOptions=stackdepth=256");
                jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=default,dumponexit=true");
            }

            long t = System.nanoTime();
            service[0] = ServiceProcess.start(jar, dbUrl, dbUser, dbPassword, dialect, dir.resolve("export-bench.log"), jvm,
                    Map.of("SHUANGKONG_DEMO", "false"), List.of("--shuangkong.exports.hidden-danger-max-rows=" + rows));
            System.out.printf("service up (Flyway migrated, no demo data) in %.1f s, pid %d, port %d; log %s%n", seconds(t), service[0].pid(),
                    service[0].port, service[0].log());

            long expectedSum;
            try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
                OverdueData.holdOverdueJob(s, "export-benchmark");
                t = System.nanoTime();
                long[] ent = OverdueData.loadEnterprises(c, enterprises);
                OverdueData.loadHiddenDangers(c, rows, ent[0], ent[1]);
                s.execute("ANALYZE TABLE enterprise, hidden_danger");
                System.out.printf("loaded %,d enterprises and %,d hidden dangers in %.1f s; hidden_danger %s%n", ent[0], rows, seconds(t),
                        OverdueBenchmark.query(s, "SELECT CONCAT(ROUND(data_length / 1048576), ' MiB data + ', ROUND(index_length / 1048576), ' MiB indexes') "
                                + "FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'hidden_danger'"));
                s.execute("INSERT INTO app_user (username, password_hash, role, region_code, uscc, display_name, enabled, created_at) VALUES ('"
                        + REGULATOR + "', '" + OverdueBenchmark.FAST_USER_HASH + "', 'REGULATOR', '" + PROVINCE
                        + "', NULL, '浙江省 (benchmark)', TRUE, UTC_TIMESTAMP(3))");
                expectedSum = Long.parseLong(OverdueBenchmark.query(s, "SELECT SUM(id) FROM hidden_danger"));
            }

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            Path warmup = dir.resolve("hidden-dangers-warmup.xlsx");
            for (int i = 1; i <= 2; i++) {
                t = System.nanoTime();
                long[] got = export(client, service[0], WARMUP_QUERY, warmup);
                System.out.printf("warm-up export %d (%s): %.2f s, %.2f MB%n", i, WARMUP_QUERY, seconds(t), mb(got[1]));
            }
            Files.deleteIfExists(warmup);

            String loadBefore = BenchDatabase.loadAverage();
            long serviceCpu0 = EnterpriseImportBenchmark.cpuTicks(service[0].pid());
            Instant from = Instant.now();
            t = System.nanoTime();
            long[] timed = export(client, service[0], "?" + ALL_FOUND, xlsx);
            double exportS = seconds(t);
            Instant to = Instant.now();
            double headersS = (timed[0] - t) / 1e9;
            long serviceCpu = EnterpriseImportBenchmark.cpuTicks(service[0].pid()) - serviceCpu0;
            System.out.printf(Locale.ROOT, "timed export (?%s as %s): %.2f s to the last byte, %.2f s to the headers, %.2f MB "
                            + "(load average before %s, after %s); service CPU %.1f s%n", ALL_FOUND, REGULATOR, exportS, headersS, mb(timed[1]),
                    loadBefore, BenchDatabase.loadAverage(), serviceCpu / (double) EnterpriseImportBenchmark.CLOCK_TICKS);

            service[0].close();
            service[0] = null;

            FileCheck check = check(xlsx);
            System.out.printf("read back streaming in %.1f s: %,d data rows, 隐患编号 %,d … %,d, sum %,d (the table's: %,d rows, sum %,d)%n",
                    check.seconds(), check.dataRows(), check.minId(), check.maxId(), check.idSum(), rows, expectedSum);
            if (check.dataRows() != rows || check.idSum() != expectedSum) {
                throw new IllegalStateException("the file does not hold the table's " + rows + " hidden dangers");
            }

            EnterpriseImportBenchmark.GcSummary gc = EnterpriseImportBenchmark.gcSummary(gcLog, from, to);
            System.out.printf("GC log %s: %s, %d pauses in all, largest heap before a pause %.0f MB, after a copying pause %.0f MB; during the timed "
                            + "export %d pauses, %.0f ms in all, largest before %.0f MB, after a copying pause %.0f MB%n", gcLog, gc.collector(), gc.pauses(),
                    gc.maxBeforeMb(), gc.maxAfterMb(), gc.windowPauses(), gc.windowPauseMs(), gc.windowMaxBeforeMb(), gc.windowMaxAfterMb());
            if (profile) {
                printProfile(jfr, from, to);
            }

            System.out.println();
            System.out.println("=== Result (one timed export after two warm-ups; wall time at the client; loopback; one MariaDB server) ===");
            System.out.println();
            System.out.println("| hidden dangers exported | wall time (to the last byte) | to the headers | .xlsx | rows read back | peak heap "
                    + "(GC log: largest before a pause; after a copying pause) | GC pauses | service heap cap |");
            System.out.println("|---:|---:|---:|---:|---:|---|---:|---|");
            System.out.printf(Locale.ROOT, "| %,d | %.2f s | %.2f s | %.1f MB | %,d | %.0f MB; %.0f MB | %d, %.1f s | -Xmx%s |%n", rows, exportS, headersS,
                    mb(timed[1]), check.dataRows(), gc.windowMaxBeforeMb(), gc.windowMaxAfterMb(), gc.windowPauses(), gc.windowPauseMs() / 1000, heap);
            System.out.println();
            System.out.printf(Locale.ROOT, "the export completed under -Xmx%s (target ≤ 256 MB); peak heap in use %.0f MB, after a copying pause %.0f MB%n",
                    heap, gc.windowMaxBeforeMb(), gc.windowMaxAfterMb());
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
     * GET the export as {@link #REGULATOR} into {@code file}; returns when its headers arrived (System.nanoTime) and its
     * size. Anything but 200 is an error that quotes the answer and the service's log.
     */
    private static long[] export(HttpClient client, ServiceProcess service, String query, Path file) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((REGULATOR + ":" + OverdueBenchmark.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port + EXPORT_PATH + query))
                .timeout(EXPORT_TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .GET()
                .build();
        long[] headers = new long[1];
        HttpResponse<Path> response;
        try {
            response = client.send(request, info -> {
                headers[0] = System.nanoTime();
                return HttpResponse.BodySubscribers.ofFile(file);
            });
        } catch (IOException e) {
            throw new IllegalStateException("GET " + EXPORT_PATH + query + " failed: " + e + "; service " + (service.isAlive() ? "alive" : "exited")
                    + ", log " + service.log() + ":\n" + service.tail(60), e);
        }
        if (response.statusCode() != 200) {
            String body = Files.size(file) > 4096 ? "(" + Files.size(file) + " bytes)" : Files.readString(file, StandardCharsets.UTF_8);
            throw new IllegalStateException("GET " + EXPORT_PATH + query + " answered " + response.statusCode() + ": " + body + "; service "
                    + (service.isAlive() ? "alive" : "exited") + ", log " + service.log() + ":\n" + service.tail(60));
        }
        return new long[] {headers[0], Files.size(file)};
    }

    /** Reads the file back row by row as a user's tool would, counting the data rows and their 隐患编号. */
    private static FileCheck check(Path xlsx) throws IOException {
        long t = System.nanoTime();
        long count = 0;
        long sum = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        try (Workbook book = StreamingReader.builder().rowCacheSize(200).bufferSize(64 * 1024).open(xlsx.toFile())) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getRowNum() < HEADER_ROWS) {
                    continue;
                }
                Cell id = row.getCell(0);
                if (id == null || id.getCellType() != CellType.NUMERIC) {
                    throw new IllegalStateException("row " + (row.getRowNum() + 1) + " has no 隐患编号");
                }
                long value = (long) id.getNumericCellValue();
                count++;
                sum += value;
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        return new FileCheck(count, sum, min, max, seconds(t));
    }

    /**
     * Where the request thread spent the timed export, from its JFR stack samples: counts by kind of work (proportions,
     * not times; see EnterpriseImportBenchmark#printProfile for what JFR sampling misses).
     */
    private static void printProfile(Path jfr, Instant from, Instant to) throws IOException {
        if (!Files.isRegularFile(jfr)) {
            System.out.println("no flight recording at " + jfr);
            return;
        }
        Map<Long, List<List<String>>> byThread = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Integer> exportSamples = new HashMap<>();
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                String type = e.getEventType().getName();
                if (!type.equals("jdk.NativeMethodSample") && !type.equals("jdk.ExecutionSample")) {
                    continue;
                }
                if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to)) {
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
                byThread.computeIfAbsent(thread.getJavaThreadId(), k -> new ArrayList<>()).add(frames);
                names.put(thread.getJavaThreadId(), thread.getJavaName());
                if (frames.stream().anyMatch(f -> f.startsWith("cn.shuangkong.service.hiddendanger.HiddenDangerExport."))) {
                    exportSamples.merge(thread.getJavaThreadId(), 1, Integer::sum);
                }
            }
        }
        if (exportSamples.isEmpty()) {
            System.out.println("no stack samples of the export in " + jfr);
            return;
        }
        long requestThread = exportSamples.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (String kind : KINDS) {
            byKind.put(kind, 0);
        }
        List<List<String>> samples = byThread.get(requestThread);
        samples.forEach(frames -> byKind.merge(kind(frames), 1, Integer::sum));
        System.out.println();
        System.out.printf("--- the timed export's request thread (%s): %,d JFR stack samples (%,d of other threads) ---%n", names.get(requestThread),
                samples.size(), byThread.values().stream().mapToInt(List::size).sum() - samples.size());
        System.out.println("| what the request thread was doing | samples |");
        System.out.println("|---|---:|");
        byKind.forEach((kind, n) -> {
            if (n > 0) {
                System.out.printf("| %s | %,d |%n", kind, n);
            }
        });
    }

    static final String COUNT = "count by region (the cap check, SELECT … GROUP BY)";
    static final String FETCH = "rows from MariaDB (the sorted query, its streaming cursor: driver, jOOQ records)";
    static final String VALUES = "row values (labels, dates, days overdue)";
    static final String CELLS = "cells into the sheet (SXSSF: cells, styles, XML to its temporary file)";
    static final String FILE = "the .xlsx file (SXSSF zips the sheet's XML)";
    static final String SEND = "sending the file (HTTP)";
    static final String OTHER = "other (HTTP, security, Spring)";
    static final List<String> KINDS = List.of(COUNT, FETCH, VALUES, CELLS, FILE, SEND, OTHER);

    private static String kind(List<String> frames) {
        boolean export = false;
        boolean cursor = false;
        boolean cells = false;
        boolean file = false;
        boolean send = false;
        boolean fetch = false;
        for (String f : frames) {
            export |= f.startsWith("cn.shuangkong.service.hiddendanger.HiddenDangerExport.dangers");
            cursor |= f.startsWith("org.jooq.impl.CursorImpl") || f.equals("org.jooq.impl.AbstractResultQuery.fetchLazy");
            fetch |= f.equals("org.jooq.impl.AbstractResultQuery.fetch");
            cells |= f.startsWith("cn.shuangkong.service.excel.SheetWriter.") || f.startsWith("org.apache.poi.xssf.streaming.SXSSFRow")
                    || f.startsWith("org.apache.poi.xssf.streaming.SXSSFSheet");
            file |= f.startsWith("cn.shuangkong.service.excel.WorkbookWriter.") || f.startsWith("org.apache.poi.xssf.streaming.SXSSFWorkbook.write");
            send |= f.startsWith("org.springframework.http.converter.ResourceHttpMessageConverter") || f.startsWith("org.springframework.util.StreamUtils");
        }
        if (send) {
            return SEND;
        }
        if (!export) {
            return OTHER;
        }
        if (file) {
            return FILE;
        }
        if (cells) {
            return CELLS;
        }
        if (cursor) {
            return FETCH;
        }
        return fetch ? COUNT : VALUES;
    }

    private void dropDatabase() {
        BenchDatabase.drop(jdbcBase, dbUser, dbPassword, database);
    }

    private void exec(String url, String... statements) throws SQLException {
        BenchDatabase.exec(url, dbUser, dbPassword, statements);
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
