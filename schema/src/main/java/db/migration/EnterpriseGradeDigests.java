package db.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

/**
 * Sets {@code enterprise_grade.result_digest} from a result's text, 1,000 enterprises at a time, for the Java
 * migrations that change what the digest is of. Plain JDBC: the SQL of a digest differs between MySQL and H2. Not a
 * migration itself (Flyway runs only classes that implement its {@code JavaMigration}).
 */
final class EnterpriseGradeDigests {

    private static final int BATCH = 1000;

    private EnterpriseGradeDigests() {
    }

    /**
     * @param select   a query of {@code enterprise_id} and a result's text with one parameter, the id to read after,
     *                 ordered by {@code enterprise_id}; {@value #BATCH} rows are read at a time
     * @param digested the text whose UTF-8 bytes the digest is taken of, from the result's text
     */
    static void recompute(Connection c, String select, UnaryOperator<String> digested) throws SQLException {
        MessageDigest sha256 = sha256();
        try (PreparedStatement rows = c.prepareStatement(select + " LIMIT " + BATCH);
             PreparedStatement update = c.prepareStatement("UPDATE enterprise_grade SET result_digest = ? WHERE enterprise_id = ?")) {
            long after = 0;
            int read;
            do {
                rows.setLong(1, after);
                read = 0;
                try (ResultSet page = rows.executeQuery()) {
                    while (page.next()) {
                        after = page.getLong(1);
                        update.setBytes(1, sha256.digest(digested.apply(page.getString(2)).getBytes(StandardCharsets.UTF_8)));
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
