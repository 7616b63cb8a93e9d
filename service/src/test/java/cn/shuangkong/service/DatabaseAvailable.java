package cn.shuangkong.service;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the database tests of the MySQL run, with a message, when no MySQL-compatible server is to be
 * had; under {@code CI=true} it lets them run so that {@link TestDatabase} fails them instead.
 */
class DatabaseAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.MYSQL) {
            return ConditionEvaluationResult.enabled("H2");
        }
        String source = TestDatabase.mysqlSource();
        if (source != null) {
            return ConditionEvaluationResult.enabled("MySQL-compatible server from " + source);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: a missing database is a failure");
        }
        String why = "SKIPPED on MySQL: no MySQL-compatible server (set SHUANGKONG_TEST_JDBC_URL or run a Docker engine)";
        System.err.println(why + " — " + context.getDisplayName());
        return ConditionEvaluationResult.disabled(why);
    }
}
