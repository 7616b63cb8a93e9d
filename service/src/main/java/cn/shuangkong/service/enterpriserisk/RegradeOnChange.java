package cn.shuangkong.service.enterpriserisk;

import static cn.shuangkong.schema.Tables.ENTERPRISE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.shuangkong.service.enterprise.EnterpriseChanged;
import cn.shuangkong.service.enterprise.EnterprisesImported;
import cn.shuangkong.service.grading.GradeHistory.Cause;
import cn.shuangkong.service.hiddendanger.HiddenDangerChanged;
import cn.shuangkong.service.hiddendanger.HiddenDangerOverdue;
import cn.shuangkong.service.majorhazard.UnitsChanged;
import cn.shuangkong.service.riskpoint.RiskPointsChanged;
import cn.shuangkong.service.safetyrecord.SafetyRecordChanged;
import cn.shuangkong.service.security.CurrentUser;
import jakarta.annotation.PreDestroy;

/**
 * Re-grades an enterprise when one of its inputs changes, reacting to the events of the features that own them (none of
 * them calls grading). The enterprises a transaction touched are collected while it runs and graded once, after it
 * commits (the grading never sees uncommitted data and never undoes the change it reacts to): an inspection that records
 * twenty dangers re-grades its enterprise once. A large set (an import of the registry) is graded in the background;
 * a failure is logged and the nightly run repairs it.
 */
@Component
class RegradeOnChange {

    /** More enterprises than this after one transaction are graded in the background, not before the response. */
    static final int INLINE_LIMIT = EnterpriseGrader.BATCH;
    private static final Logger log = LoggerFactory.getLogger(RegradeOnChange.class);

    private final EnterpriseGrader grader;
    private final DSLContext db;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "enterprise-regrade"));

    RegradeOnChange(EnterpriseGrader grader, DSLContext db) {
        this.grader = grader;
        this.db = db;
    }

    @EventListener
    void on(HiddenDangerChanged event) {
        changed(event.uscc(), Cause.HIDDEN_DANGER_CHANGED);
    }

    @EventListener
    void on(HiddenDangerOverdue event) {
        changed(event.uscc(), Cause.HIDDEN_DANGER_OVERDUE);
    }

    @EventListener
    void on(SafetyRecordChanged event) {
        changed(event.uscc(), switch (event.kind()) {
            case ACCIDENT -> Cause.ACCIDENT;
            case ENFORCEMENT_ACTION -> Cause.ENFORCEMENT_ACTION;
            case LICENCE -> Cause.LICENCE;
            case MONITORING_ALARM -> Cause.MONITORING_ALARM;
            case QUALITY_FINDING -> Cause.QUALITY_FINDING;
        });
    }

    @EventListener
    void on(EnterpriseChanged event) {
        changed(event.enterpriseId(), Cause.ENTERPRISE_UPDATED);
    }

    @EventListener
    void on(EnterprisesImported event) {
        changed(event.usccs(), Cause.ENTERPRISE_UPDATED);
    }

    @EventListener
    void on(RiskPointsChanged event) {
        changed(event.enterpriseId(), Cause.RISK_POINTS_CHANGED);
    }

    @EventListener
    void on(UnitsChanged event) {
        changed(event.enterpriseId(), Cause.UNITS_CHANGED);
    }

    /** @param enterprise its USCC (String) or its id (Long), as the event names it */
    private void changed(Object enterprise, Cause cause) {
        changed(List.of(enterprise), cause);
    }

    /**
     * @param enterprises their USCCs (String) or ids (Long), as the event names them: the caller and the transaction
     *                    are looked up once for all of them (an import names 100,000)
     */
    private void changed(Collection<?> enterprises, Cause cause) {
        String by = actor();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            Map<Object, Cause> all = new LinkedHashMap<>();
            enterprises.forEach(enterprise -> all.putIfAbsent(enterprise, cause));
            regrade(all, by);
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Pending created = new Pending(by);
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    Map<Object, Cause> touched = Map.copyOf(created.enterprises);
                    if (touched.size() > INLINE_LIMIT) {
                        background.execute(() -> regrade(touched, created.by));
                    } else {
                        regrade(touched, created.by);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RegradeOnChange.this);
                }
            });
            pending = created;
        }
        for (Object enterprise : enterprises) {
            pending.enterprises.putIfAbsent(enterprise, cause);
        }
    }

    /** The enterprises one transaction touched, each with the first cause seen. */
    private static final class Pending {
        final Map<Object, Cause> enterprises = new LinkedHashMap<>();
        final String by;

        Pending(String by) {
            this.by = by;
        }
    }

    private void regrade(Map<Object, Cause> enterprises, String by) {
        try {
            Map<Cause, List<Object>> byCause = new LinkedHashMap<>();
            enterprises.forEach((enterprise, cause) -> byCause.computeIfAbsent(cause, c -> new ArrayList<>()).add(enterprise));
            byCause.forEach((cause, named) -> grader.grade(ids(named), cause, by));
        } catch (RuntimeException e) {
            log.warn("Re-grading {} enterprise(s) after a change failed; the nightly run will grade them: {}", enterprises.size(), e.toString(), e);
        }
    }

    private List<Long> ids(Collection<Object> enterprises) {
        List<Long> ids = new ArrayList<>();
        List<String> usccs = new ArrayList<>();
        enterprises.forEach(e -> {
            if (e instanceof Long id) {
                ids.add(id);
            } else {
                usccs.add((String) e);
            }
        });
        if (!usccs.isEmpty()) {
            ids.addAll(db.select(ENTERPRISE.ID).from(ENTERPRISE).where(ENTERPRISE.USCC.in(usccs)).fetch(ENTERPRISE.ID));
        }
        return ids;
    }

    private static String actor() {
        try {
            return CurrentUser.get().username();
        } catch (RuntimeException e) {
            return "system";
        }
    }

    @PreDestroy
    void stop() {
        background.shutdown();
    }
}
