package cn.shuangkong.service.web;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.OptionalInt;

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
        int updated = db.update(table)
                .set(columns)
                .set(version, version.plus(1))
                .set(updatedAt, now)
                .where(id.eq(rowId))
                .and(expected.isPresent() ? version.eq(expected.getAsInt()) : DSL.trueCondition())
                .execute();
        if (updated == 0) {
            throw ApiException.staleVersion(db.select(version).from(table).where(id.eq(rowId)).fetchSingle().value1());
        }
    }
}
