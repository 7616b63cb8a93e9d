package db.migration;

import java.util.regex.Pattern;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Recomputes {@code enterprise_grade.result_digest} (V7) as the grader now computes it (V8): the SHA-256 of the
 * result's JSON without its last member, {@code "ruleSetVersion"}, which the grader writes last and the history row
 * holds in its own column. The result is the enterprise's newest {@code grade_history} row (every row has one before
 * V8). A result that does not end with the version keeps the digest of its whole text, and an enterprise without a
 * history row keeps its digest: at worst its next grade is recorded in full, as a change would be.
 */
public class V8_1__Enterprise_grade_digest_without_version extends BaseJavaMigration {

    /** The version as the grader writes it, the last member of the result's object. */
    private static final Pattern VERSION = Pattern.compile(",\"ruleSetVersion\":\"[0-9a-f]{64}\"}$");

    @Override
    public void migrate(Context context) throws Exception {
        EnterpriseGradeDigests.recompute(context.getConnection(), "SELECT g.enterprise_id, h.result FROM enterprise_grade g JOIN grade_history h "
                + "ON h.id = (SELECT MAX(n.id) FROM grade_history n WHERE n.subject_type = 'ENTERPRISE' AND n.subject_id = g.enterprise_id "
                + "AND n.result IS NOT NULL) WHERE g.enterprise_id > ? ORDER BY g.enterprise_id",
                V8_1__Enterprise_grade_digest_without_version::withoutVersion);
    }

    /** A stored result's JSON without its version, as the grader digests it. */
    public static String withoutVersion(String result) {
        return VERSION.matcher(result).replaceFirst("}");
    }
}
