package db.migration;

import java.util.function.UnaryOperator;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code enterprise_grade.result_digest} (V7) of the enterprises graded before it existed: the SHA-256 of the
 * stored result's JSON as UTF-8, exactly what the grader computed of a new result, so that the next re-grade of an
 * unchanged enterprise still finds it unchanged and adds nothing to its history. (V8_1 changes what the digest is of.)
 */
public class V7_1__Enterprise_grade_digest extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        EnterpriseGradeDigests.recompute(context.getConnection(),
                "SELECT enterprise_id, result FROM enterprise_grade WHERE enterprise_id > ? ORDER BY enterprise_id", UnaryOperator.identity());
    }
}
