package db.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code enterprise_grade.result_digest} (V7) of the enterprises graded before it existed: the SHA-256 of the
 * stored result's JSON as UTF-8, exactly what the grader computes of a new result, so that the next re-grade of an
 * unchanged enterprise still finds it unchanged and adds nothing to its history. Plain JDBC, 1,000 rows at a time: the
 * SQL of a digest differs between MySQL and H2.
 */
public class V7_1__Enterprise_grade_digest extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        MessageDigest sha256 = sha256();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT enterprise_id, result FROM enterprise_grade WHERE enterprise_id > ? ORDER BY enterprise_id LIMIT " + BATCH);
             PreparedStatement update = c.prepareStatement("UPDATE enterprise_grade SET result_digest = ? WHERE enterprise_id = ?")) {
            long after = 0;
            int read;
            do {
                select.setLong(1, after);
                read = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        after = rows.getLong(1);
                        update.setBytes(1, sha256.digest(rows.getString(2).getBytes(StandardCharsets.UTF_8)));
                        update.setLong(2, after);
                        update.addBatch();
                        read++;
                    }
                }
                if (read > 0) {
                    update.executeBatch();
                }
            } while (read == BATCH);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
