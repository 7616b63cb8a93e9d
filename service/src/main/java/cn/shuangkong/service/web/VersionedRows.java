package cn.shuangkong.service.web;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.OptionalInt;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * The one optimistic-lock write: the version check is part of the {@code UPDATE … WHERE version = ?}, so two
 * concurrent writers cannot both win; the loser gets 412 with the current version.
 */
public final class VersionedRows {

    private VersionedRows() {
    }

    /**
     * Sets {@code columns} on row {@code rowId}, bumps its version and its update time, if its version is
     * {@code expected} (any version when empty, for {@code If-Match: *}).
     */
    public static <R extends org.jooq.Record> void update(DSLContext db, Table<R> table, TableField<R, Long> id, TableField<R, Integer> version,
                                                          TableField<R, LocalDateTime> updatedAt, long rowId, OptionalInt expected,
                                                          Map<Field<?>, Object> columns, LocalDateTime now) {
        update(db, table, id, version, updatedAt, rowId, expected, DSL.trueCondition(), "", columns, now);
    }

    /**
     * As {@link #update}, and only while {@code guard} holds (the state a transition leaves). When nothing is
     * updated: 412 if the version is not the one expected, otherwise 409 with {@code conflict} (another writer
     * changed the state first, e.g. under {@code If-Match: *}).
     */
    public static <R extends org.jooq.Record> void update(DSLContext db, Table<R> table, TableField<R, Long> id, TableField<R, Integer> version,
                                                          TableField<R, LocalDateTime> updatedAt, long rowId, OptionalInt expected,
                                                          Condition guard, String conflict, Map<Field<?>, Object> columns, LocalDateTime now) {
        int updated = db.update(table)
                .set(columns)
                .set(version, version.plus(1))
                .set(updatedAt, now)
                .where(id.eq(rowId))
                .and(guard)
                .and(expected.isPresent() ? version.eq(expected.getAsInt()) : DSL.trueCondition())
                .execute();
        if (updated == 0) {
            // A locking read: under REPEATABLE READ (InnoDB's default) a plain read would still see this transaction's
            // snapshot, i.e. the version the loser started from, not the winner's.
            int current = db.select(version).from(table).where(id.eq(rowId)).forUpdate().fetchSingle().value1();
            if (expected.isPresent() && expected.getAsInt() != current) {
                throw ApiException.staleVersion(current);
            }
            throw ApiException.conflict(conflict);
        }
    }
}
