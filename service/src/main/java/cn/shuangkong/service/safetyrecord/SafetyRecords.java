package cn.shuangkong.service.safetyrecord;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shuangkong.service.api.model.Role;
import cn.shuangkong.service.enterprise.EnterpriseRegistry;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.ETags;
import cn.shuangkong.service.web.Times;
import cn.shuangkong.service.web.VersionedRows;

/**
 * An enterprise's safety records, every kind alike: read by whoever's scope covers the enterprise (another's is 404),
 * written by the roles the kind names (others 403), versioned (If-Match), and every write published as
 * {@link SafetyRecordChanged} inside its transaction.
 */
@Service
@Transactional
class SafetyRecords {

    /** The generated page models' constructor: content, page, size, totalElements, totalPages. */
    @FunctionalInterface
    interface PageOf<T, P> {
        P of(List<T> content, Integer page, Integer size, Long totalElements, Integer totalPages);
    }

    /**
     * A one-way change of an open record (an alarm cleared, a finding resolved): who may make it, the condition of an
     * open row, why a row is no longer open (409), and the columns it sets (which may refuse with 400).
     */
    record Settlement<R extends Record>(String action, Set<Role> roles, Condition open, Function<R, Optional<String>> settled,
                                        BiFunction<R, LocalDateTime, Map<Field<?>, Object>> columns) {
    }

    /** A record as the API shows it, with the id and version its Location and ETag headers need. */
    record Stored<T>(long id, int version, T body) {
    }

    private final DSLContext db;
    private final EnterpriseRegistry enterprises;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SafetyRecords(DSLContext db, EnterpriseRegistry enterprises, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.enterprises = enterprises;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    <R extends Record, T, P> P list(CurrentUser user, String uscc, RecordType<R, ?, T> type, int page, int size, PageOf<T, P> pageOf) {
        Condition ofEnterprise = type.enterpriseId.eq(enterprises.requireInScope(user, uscc));
        long total = db.fetchCount(type.table, ofEnterprise);
        LocalDate today = Times.today(clock);
        List<T> content = db.selectFrom(type.table)
                .where(ofEnterprise)
                .orderBy(type.newestFirst)
                .limit(size)
                .offset((long) page * size)
                .fetch(row -> type.toApi(row, uscc, today));
        return pageOf.of(content, page, size, total, (int) ((total + size - 1) / size));
    }

    @Transactional(readOnly = true)
    <R extends Record, T> Stored<T> find(CurrentUser user, String uscc, RecordType<R, ?, T> type, long id) {
        R row = require(user, uscc, type, id);
        return new Stored<>(id, row.get(type.version), type.toApi(row, uscc, Times.today(clock)));
    }

    <R extends Record, I, T> Stored<T> create(CurrentUser user, String uscc, RecordType<R, I, T> type, I in) {
        requireRole(user, type.creators, "登记" + type.noun);
        long enterpriseId = enterprises.requireInScope(user, uscc);
        type.check(in, null, clock);
        LocalDateTime now = LocalDateTime.now(clock);
        long id;
        try {
            id = db.insertInto(type.table)
                    .set(type.columns(in))
                    .set(type.initialColumns())
                    .set(type.enterpriseId, enterpriseId)
                    .set(type.recordedBy, user.username())
                    .set(type.version, 1)
                    .set(type.createdAt, now)
                    .set(type.updatedAt, now)
                    .returningResult(type.id)
                    .fetchSingle(type.id);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict(type.duplicate(in));
        }
        return changed(user, uscc, type, id);
    }

    <R extends Record, I, T> Stored<T> update(CurrentUser user, String uscc, RecordType<R, I, T> type, long id, I in, String ifMatch) {
        requireRole(user, type.editors, "修改" + type.noun);
        R current = require(user, uscc, type, id);
        OptionalInt expected = ETags.requireCurrent(ifMatch, current.get(type.version));
        type.check(in, current, clock);
        try {
            VersionedRows.update(db, type.table, type.id, type.version, type.updatedAt, id, expected, type.columns(in), LocalDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict(type.duplicate(in));
        }
        return changed(user, uscc, type, id);
    }

    <R extends Record> void delete(CurrentUser user, String uscc, RecordType<R, ?, ?> type, long id, String ifMatch) {
        requireRole(user, type.editors, "删除" + type.noun);
        R current = require(user, uscc, type, id);
        OptionalInt expected = ETags.requireCurrent(ifMatch, current.get(type.version));
        int deleted = db.deleteFrom(type.table)
                .where(type.id.eq(id))
                .and(expected.isPresent() ? type.version.eq(expected.getAsInt()) : DSL.trueCondition())
                .execute();
        if (deleted == 0) {
            // Another writer came first: changed it (412 with its version, read locked as VersionedRows does) or deleted it (404).
            Integer now = db.select(type.version).from(type.table).where(type.id.eq(id)).forUpdate().fetchOptional(type.version).orElse(null);
            throw now == null ? ApiException.notFound(type.noun + " " + id) : ApiException.staleVersion(now);
        }
        publish(uscc, type, id);
    }

    <R extends Record, T> Stored<T> settle(CurrentUser user, String uscc, RecordType<R, ?, T> type, long id, String ifMatch, Settlement<R> settlement) {
        requireRole(user, settlement.roles(), settlement.action());
        R current = require(user, uscc, type, id);
        OptionalInt expected = ETags.requireCurrent(ifMatch, current.get(type.version));
        settlement.settled().apply(current).ifPresent(why -> {
            throw ApiException.conflict(why);
        });
        LocalDateTime now = LocalDateTime.now(clock);
        VersionedRows.update(db, type.table, type.id, type.version, type.updatedAt, id, expected, settlement.open(),
                type.noun + "已由他人办理，请重新读取", settlement.columns().apply(current, now), now);
        return changed(user, uscc, type, id);
    }

    /** Record {@code id} of the enterprise {@code uscc}, if the caller's scope covers the enterprise; 404 otherwise. */
    private <R extends Record> R require(CurrentUser user, String uscc, RecordType<R, ?, ?> type, long id) {
        long enterpriseId = enterprises.requireInScope(user, uscc);
        return db.selectFrom(type.table)
                .where(type.id.eq(id))
                .and(type.enterpriseId.eq(enterpriseId))
                .fetchOptional()
                .orElseThrow(() -> ApiException.notFound(type.noun + " " + id));
    }

    private <R extends Record, T> Stored<T> changed(CurrentUser user, String uscc, RecordType<R, ?, T> type, long id) {
        publish(uscc, type, id);
        return find(user, uscc, type, id);
    }

    private void publish(String uscc, RecordType<?, ?, ?> type, long id) {
        events.publishEvent(new SafetyRecordChanged(uscc, type.kind, id));
    }

    /** 403 unless the caller's role is one of {@code roles}, saying who may. */
    private static void requireRole(CurrentUser user, Set<Role> roles, String action) {
        if (!roles.contains(user.role())) {
            throw ApiException.forbidden(CurrentUser.label(user.role()) + "不能" + action + "：须由"
                    + roles.stream().sorted().map(CurrentUser::label).collect(Collectors.joining("、")) + "办理");
        }
    }
}
