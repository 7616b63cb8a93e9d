package cn.shuangkong.service.safetyrecord;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.TableField;

import cn.shuangkong.service.api.model.Role;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.Times;

/**
 * One kind of safety record: its table and the columns every kind has (enterprise, recorder, version, times), who
 * may record and who may change it, how its input is checked and stored, and how a row reads in the API.
 * {@link SafetyRecords} does the reads and writes common to all kinds with it.
 *
 * @param <R> the table's record
 * @param <I> the API input
 * @param <T> the API model
 */
abstract class RecordType<R extends Record, I, T> {

    final SafetyRecordChanged.Kind kind;
    /** What the record is called in messages (历史事故, 行政许可, …). */
    final String noun;
    /** The path segment under {@code /api/v1/enterprises/{uscc}/}. */
    final String segment;
    final Table<R> table;
    final TableField<R, Long> id;
    final TableField<R, Long> enterpriseId;
    final TableField<R, Integer> version;
    final TableField<R, String> recordedBy;
    final TableField<R, LocalDateTime> createdAt;
    final TableField<R, LocalDateTime> updatedAt;
    /** The list's order: the newest first by the record's own date, then the most recently recorded. */
    final List<SortField<?>> newestFirst;
    final Set<Role> creators;
    /** Who may update and delete. */
    final Set<Role> editors;

    RecordType(SafetyRecordChanged.Kind kind, String noun, String segment, Table<R> table, Field<?> newest, Set<Role> creators, Set<Role> editors) {
        this.kind = kind;
        this.noun = noun;
        this.segment = segment;
        this.table = table;
        this.id = column(table, "id", Long.class);
        this.enterpriseId = column(table, "enterprise_id", Long.class);
        this.version = column(table, "version", Integer.class);
        this.recordedBy = column(table, "recorded_by", String.class);
        this.createdAt = column(table, "created_at", LocalDateTime.class);
        this.updatedAt = column(table, "updated_at", LocalDateTime.class);
        this.newestFirst = List.of(newest.desc(), id.desc());
        this.creators = EnumSet.copyOf(creators);
        this.editors = EnumSet.copyOf(editors);
    }

    /** A column every safety-record table of V6 has, by its name; a table without it fails at start-up. */
    @SuppressWarnings("unchecked")
    private static <R extends Record, X> TableField<R, X> column(Table<R> table, String name, Class<X> type) {
        if (table.field(name) instanceof TableField<?, ?> column && column.getType() == type) {
            return (TableField<R, X>) column;
        }
        throw new IllegalStateException(table.getName() + " has no column " + name + " of " + type.getSimpleName());
    }

    /** 400 naming the field when {@code in} cannot be stored, over {@code current} (null for a new record). */
    abstract void check(I in, R current, Clock clock);

    /** The columns {@code in} sets, on insert and on update. */
    abstract Map<Field<?>, Object> columns(I in);

    /** The columns only a new record sets (the state a later action changes). */
    Map<Field<?>, Object> initialColumns() {
        return Map.of();
    }

    abstract T toApi(R row, String uscc, LocalDate today);

    /** Why {@code in} clashes with a record the enterprise has (409), for a kind with a unique key. */
    String duplicate(I in) {
        return "该" + noun + "已登记";
    }

    /** A required text, stripped; 400 naming the field when blank. */
    static String required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, what + "不能为空");
        }
        return value.strip();
    }

    /** An optional text, stripped; blank is absent. */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A day that has to have come: 400 naming the field when after today in China. */
    static void notFuture(LocalDate day, String field, String what, Clock clock) {
        LocalDate today = Times.today(clock);
        if (day.isAfter(today)) {
            throw ApiException.invalidField(field, what + "不能晚于今天（" + today + "）");
        }
    }

    /** An amount of money in yuan: 400 naming the field below the fen (the columns keep two decimals). */
    static BigDecimal yuan(BigDecimal amount, String field) {
        if (amount != null && amount.stripTrailingZeros().scale() > 2) {
            throw ApiException.invalidField(field, "金额最多精确到分（两位小数）");
        }
        return amount;
    }

    /** A stored amount as written, without trailing zeros or exponent (1500000.00 → 1500000). */
    static BigDecimal plain(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
