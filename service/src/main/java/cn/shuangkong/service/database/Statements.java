package cn.shuangkong.service.database;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Statements of a fixed shape run many times with new values (the multi-row writes of a registry re-grade): jOOQ
 * renders each shape once, and the values go straight to JDBC, bound as jOOQ binds them ({@code LocalDateTime} as a
 * {@code Timestamp}). With the driver's statement cache ({@link MySqlConnectionDefaults}) each shape is also prepared
 * once per connection. Rendering a statement of a few thousand bind values anew for every chunk, and binding them
 * through jOOQ, cost more than the database's work on it.
 */
public final class Statements {

    private final DSLContext db;
    private final IntFunction<Query> shape;
    private final Map<Integer, String> sql = new ConcurrentHashMap<>();

    /**
     * {@code shape} builds the statement for a number of rows, with any values in it (they only stand for their
     * {@code ?}); it is called once per number of rows.
     */
    public Statements(DSLContext db, IntFunction<Query> shape) {
        this.db = db;
        this.shape = shape;
    }

    /** Runs the statement for {@code rows} rows on the connection of the current transaction, {@code values} in order of their {@code ?}. */
    public int execute(int rows, List<Object> values) {
        String statement = sql.computeIfAbsent(rows, n -> db.render(shape.apply(n)));
        return db.connectionResult(c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                for (int i = 0; i < values.size(); i++) {
                    bind(ps, i + 1, values.get(i));
                }
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw translated(db, e, "multi-row write", statement);
            }
        });
    }

    /**
     * A driver's exception on a statement run through JDBC (here, or by an import of its own), translated as Spring's jOOQ integration translates those
     * of jOOQ's own statements (the translator for the dialect), so that, say, a duplicate key is still a
     * {@link org.springframework.dao.DuplicateKeyException} whichever way the statement ran.
     */
    public static RuntimeException translated(DSLContext db, SQLException e, String task, String sql) {
        String springDbName = db.dialect().thirdParty().springDbName();
        SQLExceptionTranslator translator = springDbName != null ? new SQLErrorCodeSQLExceptionTranslator(springDbName)
                : new SQLExceptionSubclassTranslator();
        DataAccessException translated = translator.translate(task, sql, e);
        return translated != null ? translated : new UncategorizedSQLException(task, sql, e);
    }

    /** Whether {@link #bind} binds a value of this type. */
    static boolean binds(Object value) {
        return value instanceof String || value instanceof Long || value instanceof Integer || value instanceof BigDecimal || value instanceof byte[]
                || value instanceof LocalDateTime;
    }

    /** Binds a value as jOOQ would for its column ({@code LocalDateTime} as a {@code Timestamp}). */
    static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setObject(index, null);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Integer i) {
            ps.setInt(index, i);
        } else if (value instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else if (value instanceof byte[] b) {
            ps.setBytes(index, b);
        } else if (value instanceof LocalDateTime t) {
            ps.setTimestamp(index, Timestamp.valueOf(t));
        } else {
            throw new IllegalArgumentException("no binding for " + value.getClass().getName());
        }
    }
}
