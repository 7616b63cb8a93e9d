package cn.shuangkong.service.hiddendanger;

import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static cn.shuangkong.schema.Tables.HIDDEN_DANGER;
import static cn.shuangkong.schema.Tables.HIDDEN_DANGER_EVENT;

import java.time.Clock;
import java.time.LocalDate;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.shuangkong.service.api.model.HiddenDangerEvent;
import cn.shuangkong.service.api.model.HiddenDangerStatus;
import cn.shuangkong.service.web.Times;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Shortly after midnight in China, records an {@code OVERDUE} event the first time a danger is still being
 * rectified after its deadline day, and publishes {@link HiddenDangerOverdue}. Idempotent (a danger that has its
 * event is skipped) and locked with ShedLock, so several replicas run it once; batches of 500, one transaction each.
 */
@Component
class OverdueJob {

    private static final Logger log = LoggerFactory.getLogger(OverdueJob.class);
    private static final int BATCH = 500;

    private final DSLContext db;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OverdueJob(DSLContext db, AuditTrail audit, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "hidden-danger-overdue", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void nightly() {
        int marked = markOverdue();
        log.info("Hidden dangers newly overdue: {}", marked);
    }

    /** Marks every danger that became overdue and has no {@code OVERDUE} event yet; returns how many. */
    int markOverdue() {
        LocalDate today = Times.today(clock);
        int total = 0;
        int marked;
        do {
            marked = transactions.execute(status -> {
                var batch = db.select(HIDDEN_DANGER.ID, ENTERPRISE.USCC, HIDDEN_DANGER.DEADLINE)
                        .from(HIDDEN_DANGER)
                        .join(ENTERPRISE).on(ENTERPRISE.ID.eq(HIDDEN_DANGER.ENTERPRISE_ID))
                        .where(HiddenDangerQueries.overdue(today))
                        .andNotExists(DSL.selectOne().from(HIDDEN_DANGER_EVENT)
                                .where(HIDDEN_DANGER_EVENT.HIDDEN_DANGER_ID.eq(HIDDEN_DANGER.ID))
                                .and(HIDDEN_DANGER_EVENT.EVENT_TYPE.eq(HiddenDangerEvent.TypeEnum.OVERDUE.getValue())))
                        .orderBy(HIDDEN_DANGER.ID)
                        .limit(BATCH)
                        .fetch();
                batch.forEach(r -> {
                    audit.append(r.value1(), HiddenDangerEvent.TypeEnum.OVERDUE, HiddenDangerStatus.RECTIFYING, HiddenDangerStatus.RECTIFYING,
                            "system", "整改期限 " + r.value3() + " 已过，仍未完成整改");
                    events.publishEvent(new HiddenDangerOverdue(r.value1(), r.value2(), r.value3()));
                });
                return batch.size();
            });
            total += marked;
        } while (marked == BATCH);
        return total;
    }
}
