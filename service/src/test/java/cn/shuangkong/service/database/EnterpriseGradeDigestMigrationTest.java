package cn.shuangkong.service.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

/**
 * V7 moves the result of an enterprise's grade in force out of {@code enterprise_grade} (it is the newest
 * {@code grade_history} row) and keeps its SHA-256 instead: rows graded before the upgrade get the digest of the
 * result they had, byte for byte what the grader computes of the same result, so that the first re-grade after the
 * upgrade finds them unchanged. 1,001 rows: more than one of the migration's 1,000-row pages.
 */
class EnterpriseGradeDigestMigrationTest {

    private static final int ROWS = 1001;

    @Test
    void gradesOfBeforeTheUpgradeKeepTheDigestOfTheirResult() throws Exception {
        try (HikariDataSource database = H2Migrations.database()) {
            migrateAndCheck(database);
        }
    }

    private static void migrateAndCheck(DataSource database) throws Exception {
        H2Migrations.flyway(database, "7").migrate();
        Map<Long, String> results = new HashMap<>();
        try (Connection c = database.getConnection();
             PreparedStatement enterprise = c.prepareStatement(H2Migrations.INSERT_ENTERPRISE, Statement.RETURN_GENERATED_KEYS);
             PreparedStatement grade = c.prepareStatement("INSERT INTO enterprise_grade (enterprise_id, grade, score, rule_set_version, result, "
                     + "cause, graded_at) VALUES (?, 'YELLOW', 26, ?, ?, 'FIRST_GRADE', NOW())")) {
            for (int i = 0; i < ROWS; i++) {
                long id = H2Migrations.insertEnterprise(enterprise, i);
                String result = "{\"uscc\":\"91330302MA%07dX\",\"grade\":\"YELLOW\",\"totalScore\":26,\"message\":\"总分 %d，一般风险（黄）\"}".formatted(i, i);
                grade.setLong(1, id);
                grade.setString(2, "0".repeat(64));
                grade.setString(3, result);
                grade.executeUpdate();
                results.put(id, result);
            }
        }

        H2Migrations.flyway(database, null).migrate();

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        Map<Long, byte[]> digests = new HashMap<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT enterprise_id, result_digest FROM enterprise_grade")) {
            while (rows.next()) {
                digests.put(rows.getLong(1), rows.getBytes(2));
            }
            try (ResultSet columns = c.getMetaData().getColumns(null, null, "enterprise_grade", "result")) {
                assertThat(columns.next()).as("enterprise_grade.result dropped by V7_2").isFalse();
            }
        }
        assertThat(digests).hasSize(ROWS);
        results.forEach((id, result) -> assertThat(digests.get(id)).as("digest of enterprise %d", id)
                .isEqualTo(sha256.digest(result.getBytes(StandardCharsets.UTF_8))));
    }
}
