package cn.shuangkong.service.database;

import java.time.LocalDate;

import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Values written into a statement's text, where a statement is rendered once and prepared once for many executions. */
public final class SqlLiterals {

    private SqlLiterals() {
    }

    /**
     * A day as standard SQL's literal, {@code DATE '2026-12-06'}, which MySQL, MariaDB and H2 all read. For MySQL,
     * jOOQ inlines a {@code LocalDate} as JDBC's escape {@code {d '2026-12-06'}}; Connector/J rewrites the escape
     * before preparing the statement on the server, files the prepared statement under the rewritten text and looks
     * it up under the original one, so a statement with an escape is prepared anew for every execution (and evicts
     * others from the connection's cache).
     */
    public static Field<LocalDate> date(LocalDate day) {
        return DSL.field("date {0}", SQLDataType.LOCALDATE, DSL.inline(day.toString()));
    }
}
