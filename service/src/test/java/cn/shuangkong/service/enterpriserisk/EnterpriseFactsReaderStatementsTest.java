package cn.shuangkong.service.enterpriserisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reader's statements bind the batch's ids, one {@code ?} each, carry constants and the windows' days as
 * literals, and bind only the alarms' window, a time (bound like every stored time, so that it converts as they do):
 * rendered once per day and batch size by IdListQuery. Their MySQL text is what the re-grade benchmark's pure read
 * runs (bench/…/EnterpriseRegradeBenchmark.java).
 */
class EnterpriseFactsReaderStatementsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 6);

    @ParameterizedTest
    @EnumSource(value = SQLDialect.class, names = {"MYSQL", "MARIADB", "H2"})
    void eachStatementBindsOnlyTheIdsAndInlinesTheWindows(SQLDialect dialect) {
        List<String> statements = new EnterpriseFactsReader(DSL.using(dialect)).statements(AS_OF, 3);

        assertThat(statements).hasSize(9);
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i);
            assertThat(sql.chars().filter(c -> c == '?').count()).as(sql).isEqualTo(i == 7 ? 4 : 3);
        }
        assertThat(statements.get(3)).contains("'RECTIFYING'", "'PENDING_ACCEPTANCE'", "< date '2026-12-06'");
        assertThat(statements.get(4)).contains("> date '2023-12-06'"); // accidents of the last three years
        assertThat(statements.get(5)).contains("> date '2025-12-06'"); // enforcement actions of the last year
        // No JDBC escape such as {d '…'}: Connector/J would prepare such a statement anew each time (SqlLiterals.date).
        assertThat(statements).noneMatch(sql -> sql.contains("{"));
        if (dialect != SQLDialect.H2) { // H2 casts its bind values
            assertThat(statements.get(7)).endsWith("`occurred_at` >= ?)) order by `monitoring_alarm`.`enterprise_id`, "
                    + "`monitoring_alarm`.`occurred_at`, `monitoring_alarm`.`id`");
        }
        if (Boolean.getBoolean("print.statements")) {
            statements.forEach(System.out::println);
        }
    }
}
