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
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The upload of a 200-item checklist (统一检查表单), warm, through the running service over loopback HTTP.
 *
 * <p>No standard checklist has 200 items, so the benchmark gives the service a local one (200 items, every 20th a
 * 重大 item) through {@code SHUANGKONG_CHECKLISTS_LOCAL_DIR}, as a county would. It downloads the template as
 * {@code lucheng-inspector}, fills it as an inspector does (all 合格 but {@link #FAILED} 不合格 with a problem and a
 * location), and uploads a fresh copy each time (the 检查人员 cell differs, so no upload is a replay of another):
 * {@link #WARMUP} warm-up uploads, then {@code bench.checklist.uploads} timed ones, sequential, one keep-alive client.
 * Every upload writes the inspection, its 200 results and {@link #FAILED} hidden dangers. A fresh MariaDB database,
 * dropped at the end.
 *
 * <pre>
 * ./mvnw -q -Pbench -pl service,bench -am verify -DskipTests -Dbench.suite=checklist
 * </pre>
 */
public final class ChecklistUploadBenchmark {

    static final String DATABASE = "shuangkong_bench_checklist";
    static final String USER = "lucheng-inspector";
    static final String PASSWORD = "Demo@2026";
    static final String USCC = "91330302MA2AK7L1XU";
    static final String CODE = "BENCH-200";
    static final int ITEMS = 200;
    static final int FAILED = 5;
    static final int WARMUP = 30;
    static final int HEADER_ROW = 6;

    private final Path jar = Path.of(System.getProperty("bench.checklist.jar", "service/target/shuangkong-service-0.1.0-SNAPSHOT.jar")).toAbsolutePath().normalize();
    private final String jdbcBase = System.getProperty("bench.checklist.jdbc", "jdbc:mysql://127.0.0.1:3306/");
    private final String dbUser = System.getProperty("bench.checklist.user", "root");
    private final String dbPassword = System.getProperty("bench.checklist.password", "");
    private final int uploads = Integer.getInteger("bench.checklist.uploads", 200);
    private final Path dir = Path.of(System.getProperty("bench.checklist.dir", "target/checklist-bench")).toAbsolutePath();

    public static void main(String[] args) throws Exception {
        new ChecklistUploadBenchmark().run();
    }

    private void run() throws Exception {
        String params = "?useUnicode=true&characterEncoding=utf8&connectionTimeZone=UTC";
        Files.createDirectories(dir);
        Path local = Files.createDirectories(dir.resolve("checklists"));
        Files.writeString(local.resolve("bench-200.tsv"), checklist());
        try (Connection c = DriverManager.getConnection(jdbcBase + params, dbUser, dbPassword); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + DATABASE + "`");
            s.execute("CREATE DATABASE `" + DATABASE + "` CHARACTER SET utf8mb4");
        }
        System.out.printf("Shuangkong checklist upload benchmark: a %d-item checklist, %d 不合格 each, %d warm-up + %d timed uploads, JDK %s, %d cores%n",
                ITEMS, FAILED, WARMUP, uploads, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        ServiceProcess service = null;
        try {
            service = ServiceProcess.start(jar, jdbcBase + DATABASE + params, dbUser, dbPassword, "", dir.resolve("checklist-bench.log"),
                    List.of(), Map.of("SHUANGKONG_DEMO", "true", "SHUANGKONG_CHECKLISTS_LOCAL_DIR", local.toString()), List.of());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + service.port;
            byte[] template = client.send(get(base + "/api/v1/checklists/" + CODE + "/template.xlsx"), HttpResponse.BodyHandlers.ofByteArray()).body();
            LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
            int bytes = 0;
            for (int i = 0; i < WARMUP; i++) {
                upload(client, base, filled(template, day, "预热检查组 " + i));
            }
            long[] nanos = new long[uploads];
            for (int i = 0; i < uploads; i++) {
                byte[] file = filled(template, day, "基准检查组 " + i);
                bytes = file.length;
                long start = System.nanoTime();
                upload(client, base, file);
                nanos[i] = System.nanoTime() - start;
            }
            Latencies latencies = Latencies.of("POST /api/v1/inspections (200 items)", nanos);
            System.out.println(latencies);
            System.out.println();
            System.out.println("| checklist | file | uploads | p50 | p95 | p99 | max |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            System.out.printf(Locale.ROOT, "| %d items, %d 不合格 → %d hidden dangers | %.1f kB | %d (after %d warm-up) | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
                    ITEMS, FAILED, FAILED, bytes / 1024.0, uploads, WARMUP, latencies.p50(), latencies.p95(), latencies.p99(), latencies.max());
            System.out.printf("target p95 ≤ 300 ms warm: %s%n", latencies.p95() <= 300 ? "met" : "NOT met");
        } finally {
            if (service != null) {
                service.close();
            }
            try (Connection c = DriverManager.getConnection(jdbcBase + params, dbUser, dbPassword); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + DATABASE + "`");
            }
        }
    }

    /** The local checklist: 200 items, every 20th a 重大 item with its clause. */
    static String checklist() {
        StringBuilder tsv = new StringBuilder("""
                # code: BENCH-200
                # name: 基准测试检查表（200项）
                # scope: 仅用于上传性能基准测试。
                code\tsection\ttext\tbasis\tmajor\tdangerType
                """);
        String[] types = {"SAFETY", "PROCESS", "ELECTRICAL", "INSTRUMENT", "FIRE", "LAYOUT", "EQUIPMENT", "OTHER"};
        for (int i = 1; i <= ITEMS; i++) {
            boolean major = i % 20 == 0;
            tsv.append(String.format("BENCH-200-%03d\t第%d组\t基准检查项 %d：现场安全设施、管理制度或作业行为不符合要求的\t基准测试规定 第%d条\t%s\t%s%n",
                    i, (i - 1) / 20 + 1, i, i, major ? "Y" : "N", types[i % types.length]));
        }
        return tsv.toString();
    }

    /** The template filled: the header block, all 合格 but {@link #FAILED} items spread over the list. */
    static byte[] filled(byte[] template, LocalDate day, String inspectors) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheetAt(0);
            sheet.getRow(1).getCell(1).setCellValue(USCC);
            sheet.getRow(1).getCell(3).setCellValue("温州瓯江化工储运有限公司");
            sheet.getRow(2).getCell(1).setCellValue(day);
            sheet.getRow(2).getCell(3).setCellValue(inspectors);
            sheet.getRow(3).getCell(1).setCellValue("监管检查");
            for (int i = 0; i < ITEMS; i++) {
                Row row = sheet.getRow(HEADER_ROW + i);
                boolean failed = i % (ITEMS / FAILED) == 7;
                row.getCell(5).setCellValue(failed ? "不合格" : "合格");
                if (failed) {
                    row.getCell(6).setCellValue("第 " + (i + 1) + " 项现场发现问题，需整改");
                    row.getCell(7).setCellValue("一号车间");
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic()).build();
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static void upload(HttpClient client, String base, byte[] file) throws IOException, InterruptedException {
        String boundary = "----shuangkong-bench-" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"checklist.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/inspections"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", basic())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head), HttpRequest.BodyPublishers.ofByteArray(file),
                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
        }
    }
}
