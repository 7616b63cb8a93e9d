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
 * V8 lets a grade repeat the previous result without storing it, and the grader now digests a result without its
 * version; V8_1 recomputes the digests of the grades of before: each the SHA-256 of its enterprise's newest history
 * result without the trailing {@code "ruleSetVersion"}, so that the first re-grade after the upgrade finds an unchanged
 * enterprise unchanged. A result without that member, and an enterprise without history, keep their digest. 1,001
 * enterprises: more than one of the migration's 1,000-row pages.
 */
class EnterpriseGradeDigestWithoutVersionMigrationTest {

    private static final int ROWS = 1001;
    private static final String VERSION = "0123456789abcdef".repeat(4);

    @Test
    void gradesOfBeforeTheUpgradeGetTheDigestOfTheirNewestResultWithoutItsVersion() throws Exception {
        try (HikariDataSource database = H2Migrations.database()) {
            migrateAndCheck(database);
        }
    }

    private static void migrateAndCheck(DataSource database) throws Exception {
        H2Migrations.flyway(database, "7.2").migrate();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        Map<Long, byte[]> expected = new HashMap<>();
        try (Connection c = database.getConnection();
             PreparedStatement enterprise = c.prepareStatement(H2Migrations.INSERT_ENTERPRISE, Statement.RETURN_GENERATED_KEYS);
             PreparedStatement grade = c.prepareStatement("INSERT INTO enterprise_grade (enterprise_id, grade, score, rule_set_version, "
                     + "result_digest, cause, graded_at) VALUES (?, 'YELLOW', 26, ?, ?, 'FIRST_GRADE', NOW())");
             PreparedStatement history = c.prepareStatement("INSERT INTO grade_history (subject_type, subject_id, rule_set, rule_set_version, grade, "
                     + "score, inputs, result, cause, graded_by, graded_at) VALUES ('ENTERPRISE', ?, 'enterprise', ?, 'YELLOW', 26, '{}', ?, "
                     + "'NIGHTLY', 'system', NOW())")) {
            for (int i = 0; i < ROWS; i++) {
                long id = H2Migrations.insertEnterprise(enterprise, i);
                String versionless = "{\"uscc\":\"91330302MA%07dX\",\"grade\":\"YELLOW\",\"totalScore\":26,\"message\":\"总分 %d，一般风险（黄）\"}"
                        .formatted(i, i);
                String newest = switch (i % 3) {
                    case 0 -> versionless.substring(0, versionless.length() - 1) + ",\"ruleSetVersion\":\"" + VERSION + "\"}";
                    case 1 -> versionless; // written without a version: its digest stays that of its whole text
                    default -> null; // no history
                };
                byte[] before = sha256.digest((newest == null ? versionless : newest).getBytes(StandardCharsets.UTF_8));
                grade.setLong(1, id);
                grade.setString(2, VERSION);
                grade.setBytes(3, before);
                grade.executeUpdate();
                if (newest != null) {
                    history.setLong(1, id);
                    history.setString(2, "f".repeat(64));
                    history.setString(3, "{\"grade\":\"RED\",\"ruleSetVersion\":\"" + "f".repeat(64) + "\"}");
                    history.executeUpdate();
                    history.setLong(1, id);
                    history.setString(2, VERSION);
                    history.setString(3, newest);
                    history.executeUpdate();
                }
                expected.put(id, i % 3 == 2 ? before : sha256.digest(versionless.getBytes(StandardCharsets.UTF_8)));
            }
        }

        H2Migrations.flyway(database, null).migrate();

        Map<Long, byte[]> digests = new HashMap<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT enterprise_id, result_digest FROM enterprise_grade")) {
            while (rows.next()) {
                digests.put(rows.getLong(1), rows.getBytes(2));
            }
            try (ResultSet columns = c.getMetaData().getColumns(null, null, "grade_history", "result")) {
                assertThat(columns.next()).isTrue();
                assertThat(columns.getString("IS_NULLABLE")).as("grade_history.result nullable since V8").isEqualTo("YES");
            }
        }
        assertThat(digests).hasSize(ROWS);
        expected.forEach((id, digest) -> assertThat(digests.get(id)).as("digest of enterprise %d", id).isEqualTo(digest));
    }
}
