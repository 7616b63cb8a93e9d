package cn.shuangkong.service.hiddendanger;

import static cn.shuangkong.schema.Tables.HIDDEN_DANGER_EVENT;

import java.time.Clock;
import java.time.LocalDateTime;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import cn.shuangkong.service.api.model.HiddenDangerEvent;
import cn.shuangkong.service.api.model.HiddenDangerStatus;

/** {@code hidden_danger_event}: append-only, written in the transaction of the change it records. */
@Component
class AuditTrail {

    private final DSLContext db;
    private final Clock clock;

    AuditTrail(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void append(long hiddenDangerId, HiddenDangerEvent.TypeEnum type, HiddenDangerStatus from, HiddenDangerStatus to, String actor, String comment) {
        db.insertInto(HIDDEN_DANGER_EVENT)
                .set(HIDDEN_DANGER_EVENT.HIDDEN_DANGER_ID, hiddenDangerId)
                .set(HIDDEN_DANGER_EVENT.EVENT_TYPE, type.getValue())
                .set(HIDDEN_DANGER_EVENT.FROM_STATUS, from == null ? null : from.getValue())
                .set(HIDDEN_DANGER_EVENT.TO_STATUS, to == null ? null : to.getValue())
                .set(HIDDEN_DANGER_EVENT.ACTOR, actor)
                .set(HIDDEN_DANGER_EVENT.NOTE, comment)
                .set(HIDDEN_DANGER_EVENT.OCCURRED_AT, LocalDateTime.now(clock))
                .execute();
    }
}
