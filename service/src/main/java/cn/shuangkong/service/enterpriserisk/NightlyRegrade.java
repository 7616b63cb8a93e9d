package cn.shuangkong.service.enterpriserisk;

import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.shuangkong.service.grading.GradeHistory.Cause;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Every night (after the overdue job has marked the day's overdue dangers) every enterprise is graded again: windows
 * such as 近12个月 move with the calendar, and a re-grading missed after a change is repaired. Locked with ShedLock,
 * so several replicas run it once; streamed in batches of 500. At start-up, enterprises never graded are graded.
 */
@Component
class NightlyRegrade {

    private static final Logger log = LoggerFactory.getLogger(NightlyRegrade.class);

    private final EnterpriseGrader grader;

    NightlyRegrade(EnterpriseGrader grader) {
        this.grader = grader;
    }

    @Scheduled(cron = "0 30 1 * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "enterprise-regrade", lockAtMostFor = "PT3H", lockAtLeastFor = "PT1M")
    void nightly() {
        grader.gradeAll(DSL.trueCondition(), Cause.NIGHTLY, "system");
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void gradeNeverGraded() {
        EnterpriseGrader.Outcome outcome = grader.gradeUngraded(Cause.FIRST_GRADE);
        if (outcome.graded() > 0) {
            log.info("Graded {} enterprises that had never been graded", outcome.graded());
        }
    }
}
