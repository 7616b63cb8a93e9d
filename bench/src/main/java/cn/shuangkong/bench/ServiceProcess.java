package cn.shuangkong.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service jar as a child process on a free port, against one database: started with the environment the
 * README documents, waited for (bounded) on {@code /actuator/health}, stopped with SIGTERM and, failing that, killed.
 */
final class ServiceProcess implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final String adminPassword;
    final int port;

    private ServiceProcess(Process process, Path log, int port, String adminPassword) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.adminPassword = adminPassword;
    }

    /**
     * Starts the jar and returns once it reports UP; throws (after stopping it) when it exits or does not come
     * up within {@link #START_TIMEOUT}.
     */
    static ServiceProcess start(Path jar, String jdbcUrl, String user, String password, String dialect, Path log,
                                List<String> extraArgs) throws IOException, InterruptedException {
        return start(jar, jdbcUrl, user, password, dialect, log, List.of(), Map.of(), extraArgs);
    }

    /**
     * As above, with JVM options for the service (a {@code -Xmx} among them replaces the default {@code -Xmx1g}) and
     * environment variables that are added to, or override, the defaults (e.g. {@code SHUANGKONG_DEMO=false}).
     */
    static ServiceProcess start(Path jar, String jdbcUrl, String user, String password, String dialect, Path log,
                                List<String> jvmOptions, Map<String, String> envOverrides, List<String> extraArgs)
            throws IOException, InterruptedException {
        return start(jar, jdbcUrl, user, password, dialect, log, jvmOptions, envOverrides, extraArgs, START_TIMEOUT);
    }

    /**
     * As above, waiting up to {@code startTimeout} for UP: the service is ready only after its start-up work, which on a
     * large registry of enterprises never graded includes grading them all.
     */
    static ServiceProcess start(Path jar, String jdbcUrl, String user, String password, String dialect, Path log,
                                List<String> jvmOptions, Map<String, String> envOverrides, List<String> extraArgs, Duration startTimeout)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        if (jvmOptions.stream().noneMatch(o -> o.startsWith("-Xmx"))) {
            command.add("-Xmx1g");
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dfile.encoding=UTF-8", "-jar", jar.toString()));
        command.addAll(extraArgs);
        String adminPassword = "Bench-" + Long.toHexString(System.nanoTime()) + "!a1";
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", user);
        env.put("SPRING_DATASOURCE_PASSWORD", password);
        env.put("SHUANGKONG_DEMO", "true");
        env.put("SHUANGKONG_ADMIN_PASSWORD", adminPassword);
        env.put("PORT", Integer.toString(port));
        if (dialect != null && !dialect.isBlank()) {
            env.put("SPRING_JOOQ_SQL_DIALECT", dialect);
        }
        env.putAll(envOverrides);
        ServiceProcess service = new ServiceProcess(builder.start(), log, port, adminPassword);
        try {
            service.awaitUp(startTimeout);
            return service;
        } catch (IOException | InterruptedException | RuntimeException e) {
            service.close();
            throw e;
        }
    }

    private void awaitUp(Duration startTimeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + " before it came up; log " + log + ":\n" + tail(40));
            }
            try {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not come up within " + startTimeout + "; log " + log + ":\n" + tail(40));
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /**
     * The password this start gave {@code admin} through {@code SHUANGKONG_ADMIN_PASSWORD}; it takes effect only where
     * the database has no admin yet (a fresh one).
     */
    String adminPassword() {
        return adminPassword;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** SIGTERM (Spring's graceful shutdown), then a kill after {@link #STOP_TIMEOUT}. Idempotent. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }
}
