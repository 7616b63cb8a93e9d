package cn.shuangkong.service.database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * A select of the rows that belong to a list of ids (a grading batch's enterprises), run many times with new ids, as
 * jOOQ's manual suggests for hot queries: jOOQ renders it once per context and number of ids, the values are bound
 * through JDBC as jOOQ binds them ({@link Statements}), and the rows are read through jOOQ from the driver's result
 * set, so every value converts exactly as in any other jOOQ query. Besides the ids the statement may bind only values
 * of the types {@link Statements} binds; inline the others: a constant with {@link DSL#inline}, a day with
 * {@link SqlLiterals#date} (checked when a shape is first rendered: a statement holding one of JDBC's escapes, such as
 * the {@code {d '…'}} jOOQ writes for an inlined day on MySQL, is refused, since Connector/J would prepare it anew on
 * every execution). Rendering and binding an {@code IN} list of 500 ids anew for each of a batch's queries cost a full
 * re-grade a tenth of its CPU.
 *
 * @param <C> what else the statement depends on (a day), part of the key of its rendered form
 */
public final class IdListQuery<C> {

    /** Rendered forms kept before the cache starts again (a context changes daily, the number of ids with each batch). */
    private static final int CACHED = 1024;
    /** JDBC's escapes for dates, times, functions and outer joins ({@code {d '2026-12-06'}}, {@code {fn …}}). */
    private static final Pattern JDBC_ESCAPE = Pattern.compile("\\{(?:d|t|ts|fn|oj)\\s");

    private record Key(Object context, int ids) {
    }

    /** The SQL, its bind values in order with {@code null} where an id goes, and the fields it selects. */
    private record Rendered(String sql, Object[] values, Field<?>[] fields) {
    }

    private final DSLContext db;
    private final BiFunction<C, List<Param<Long>>, ResultQuery<?>> shape;
    private final Map<Key, Rendered> rendered = new ConcurrentHashMap<>();

    /** {@code shape} builds the statement for a context with these parameters standing for the ids, in order. */
    public IdListQuery(DSLContext db, BiFunction<C, List<Param<Long>>, ResultQuery<?>> shape) {
        this.db = db;
        this.shape = shape;
    }

    /** Runs the statement for {@code ids} on the connection of the current transaction; each row goes to {@code action}. */
    public void forEach(C context, List<Long> ids, Consumer<Record> action) {
        if (ids.isEmpty()) {
            return;
        }
        Rendered statement = rendered(context, ids.size());
        db.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
                Object[] values = statement.values();
                for (int i = 0, id = 0; i < values.length; i++) {
                    Statements.bind(ps, i + 1, values[i] == null ? ids.get(id++) : values[i]);
                }
                try (ResultSet rs = ps.executeQuery(); Cursor<Record> rows = db.fetchLazy(rs, statement.fields())) {
                    for (Record row : rows) {
                        action.accept(row);
                    }
                }
            } catch (SQLException e) {
                throw Statements.translated(db, e, "select by ids", statement.sql());
            }
        });
    }

    /** The SQL this runs for {@code ids} ids in {@code context}, with a {@code ?} per id. */
    public String sql(C context, int ids) {
        return rendered(context, ids).sql();
    }

    private Rendered rendered(C context, int ids) {
        Key key = new Key(context, ids);
        Rendered found = rendered.get(key);
        if (found != null) {
            return found;
        }
        if (rendered.size() >= CACHED) {
            rendered.clear();
        }
        // The ids' parameters carry placeholders no id has (ids are positive), the first at the bottom of the range, so
        // that they can be told from the other bind values, which jOOQ lists in order.
        ResultQuery<?> query = shape.apply(context, IntStream.range(0, ids).mapToObj(i -> DSL.val(Long.MIN_VALUE + i)).toList());
        String sql = db.render(query);
        if (JDBC_ESCAPE.matcher(sql).find()) {
            throw new IllegalStateException("An id-list query is prepared once: write a day with SqlLiterals.date, not as a JDBC escape: " + sql);
        }
        List<Object> values = new ArrayList<>();
        int next = 0;
        for (Object value : query.getBindValues()) {
            if (value instanceof Long placeholder && placeholder - Long.MIN_VALUE == next && next < ids) {
                values.add(null);
                next++;
            } else if (value == null || !Statements.binds(value)) {
                throw new IllegalStateException("An id-list query binds its ids and values Statements binds; inline " + value + ": " + sql);
            } else {
                values.add(value);
            }
        }
        if (next != ids) {
            throw new IllegalStateException("An id-list query must bind each of its " + ids + " ids once, in order: " + sql);
        }
        Rendered made = new Rendered(sql, values.toArray(), query.fields());
        rendered.put(key, made);
        return made;
    }
}
