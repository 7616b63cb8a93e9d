package cn.shuangkong.service.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An id-list query reads the rows of exactly the ids it is given, with its other values bound or inlined, and refuses a value it cannot bind. */
class IdListQueryTest {

    private static final Table<?> ROWS = table(name("rows_by_owner"));
    private static final Field<Long> OWNER = field(name("owner_id"), SQLDataType.BIGINT);
    private static final Field<LocalDateTime> AT = field(name("at"), SQLDataType.LOCALDATETIME(3));
    private static final Field<LocalDate> ON = field(name("on_day"), SQLDataType.LOCALDATE);
    private static final LocalDateTime NOON = LocalDateTime.of(2026, 12, 6, 12, 0);

    private Connection connection;
    private DSLContext db;

    @BeforeEach
    void rows() throws Exception {
        connection = DriverManager.getConnection("jdbc:h2:mem:id-list;MODE=MySQL;DATABASE_TO_LOWER=TRUE");
        db = DSL.using(connection);
        db.createTable(ROWS).column(OWNER).column(AT).column(ON).execute();
        for (long owner = 1; owner <= 6; owner++) {
            db.insertInto(ROWS, OWNER, AT, ON).values(owner, NOON.plusHours(owner - 3), LocalDate.of(2026, 12, (int) owner)).execute();
        }
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    @Test
    void readsTheRowsOfTheGivenIdsWithItsOtherValuesBoundOrInlined() {
        IdListQuery<LocalDateTime> query = new IdListQuery<>(db, (from, ids) -> db.select(OWNER, AT).from(ROWS)
                .where(OWNER.in(ids)).and(AT.ge(from)).and(ON.ge(SqlLiterals.date(LocalDate.of(2026, 12, 2)))).orderBy(OWNER));

        List<Long> owners = new ArrayList<>();
        query.forEach(NOON, List.of(5L, 1L, 2L, 3L), row -> owners.add(row.get(OWNER)));
        assertThat(owners).containsExactly(3L, 5L); // 1 is before the day, 2 before noon, 4 and 6 not asked for

        List<LocalDateTime> times = new ArrayList<>();
        query.forEach(NOON.minusHours(1), List.of(2L, 4L, 6L), row -> times.add(row.get(AT)));
        assertThat(times).containsExactly(NOON.minusHours(1), NOON.plusHours(1), NOON.plusHours(3));
        assertThat(query.sql(NOON, 3)).isSameAs(query.sql(NOON, 3)); // rendered once per context and number of ids
    }

    @Test
    void refusesAValueItCannotBindWhenItFirstRendersTheQuery() {
        IdListQuery<LocalDate> query = new IdListQuery<>(db, (day, ids) -> db.select(OWNER).from(ROWS).where(OWNER.in(ids)).and(ON.ge(day)));

        assertThatThrownBy(() -> query.forEach(LocalDate.of(2026, 12, 1), List.of(1L), row -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inline 2026-12-01");
    }

    @Test
    void refusesAJdbcEscapeWhichConnectorJWouldPrepareOnEveryExecution() {
        DSLContext mysql = DSL.using(SQLDialect.MYSQL);
        LocalDate day = LocalDate.of(2026, 12, 2);
        IdListQuery<Void> escaped = new IdListQuery<>(mysql, (none, ids) -> mysql.select(OWNER).from(ROWS).where(OWNER.in(ids)).and(ON.ge(inline(day))));
        IdListQuery<Void> literal = new IdListQuery<>(mysql, (none, ids) -> mysql.select(OWNER).from(ROWS).where(OWNER.in(ids))
                .and(ON.ge(SqlLiterals.date(day))));

        assertThatThrownBy(() -> escaped.sql(null, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SqlLiterals.date").hasMessageContaining("{d '2026-12-02'}");
        assertThat(literal.sql(null, 2)).endsWith("`on_day` >= date '2026-12-02')");
    }
}
