package cn.shuangkong.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** What every benchmark does with its MySQL-compatible server: run statements, drop its database, note the load. */
final class BenchDatabase {

    static final String JDBC_PARAMS = "?useUnicode=true&characterEncoding=utf8&connectionTimeZone=UTC";

    private BenchDatabase() {
    }

    /** Runs the statements in order on one connection to {@code url}. */
    static void exec(String url, String user, String password, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** Drops {@code database} on the server at {@code jdbcBase}; a failure is reported, not thrown (this runs on cleanup). */
    static void drop(String jdbcBase, String user, String password, String database) {
        try {
            exec(jdbcBase + JDBC_PARAMS, user, password, "DROP DATABASE IF EXISTS `" + database + "`");
            System.out.println("dropped database " + database);
        } catch (SQLException e) {
            System.err.println("could not drop database " + database + ": " + e.getMessage());
        }
    }

    /** The machine's load averages over 1, 5 and 15 minutes, as /proc/loadavg gives them, or "?". */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
