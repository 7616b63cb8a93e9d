package cn.shuangkong.service.grading;

import static cn.shuangkong.schema.Tables.RULE_SET_RELEASE;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jooq.DSLContext;
import org.jooq.Record2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.shuangkong.rules.RuleTableRejected;
import cn.shuangkong.rules.enterprise.EnterpriseGrading;
import cn.shuangkong.schema.tables.records.RuleSetReleaseRecord;
import cn.shuangkong.service.api.model.RuleSetRelease;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.Times;

/**
 * The versions of the enterprise rule set's decision table ({@code rule_set_release}): the table shipped in the build,
 * candidates an administrator uploaded, the one in force (one ACTIVE row) and those it replaced, each kept byte for
 * byte so a past grade can be reproduced with the version it names. The version in force is read from the database on
 * every use, so every replica grades with the same one; each version is compiled once per process and cached.
 */
@Component
public class RuleSetReleases {

    public enum Status {
        CANDIDATE("候选"), ACTIVE("现行"), RETIRED("已停用");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RuleSetReleases.class);
    private static final String RULE_SET = EnterpriseGrading.NAME;
    private static final String BUILT_IN_FILE = "enterprise-points.drl.xlsx";

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final EnterpriseGrading builtIn;
    private final Map<String, EnterpriseGrading> compiled = new ConcurrentHashMap<>();

    RuleSetReleases(DSLContext db, PlatformTransactionManager transactionManager, Clock clock, EnterpriseGrading builtIn) {
        this.db = db;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.builtIn = builtIn;
        compiled.put(builtIn.ruleSetVersion(), builtIn);
    }

    /**
     * At start-up: the first time, the built-in table becomes the version in force; when a new build ships a different
     * built-in table and the version in force is the previous built-in one, the new one replaces it (an uploaded version
     * in force stays). Safe when several replicas start together.
     */
    @EventListener(ApplicationReadyEvent.class)
    void initialise() {
        try {
            transactions.executeWithoutResult(status -> {
                Optional<RuleSetReleaseRecord> active = activeRow();
                String version = builtIn.ruleSetVersion();
                if (active.isPresent() && (active.get().getRuleSetVersion().equals(version) || !active.get().getOrigin().equals("BUILT_IN"))) {
                    return;
                }
                LocalDateTime now = LocalDateTime.now(clock);
                active.ifPresent(row -> retire(row, now));
                RuleSetReleaseRecord existing = db.selectFrom(RULE_SET_RELEASE)
                        .where(RULE_SET_RELEASE.RULE_SET.eq(RULE_SET), RULE_SET_RELEASE.RULE_SET_VERSION.eq(version)).fetchOne();
                if (existing != null) {
                    existing.setStatus(Status.ACTIVE.name());
                    existing.setActivatedBy("system");
                    existing.setActivatedAt(now);
                    existing.setRetiredAt(null);
                    existing.setVersion(existing.getVersion() + 1);
                    existing.update();
                } else {
                    insert(version, Status.ACTIVE, "BUILT_IN", BUILT_IN_FILE, EnterpriseGrading.builtInTable(), "system", now, now);
                }
                log.info("Enterprise rule set: the built-in table {} is in force", version.substring(0, 12));
            });
        } catch (DuplicateKeyException e) {
            log.info("Enterprise rule set: another replica recorded the built-in table first");
        }
    }

    /** The rule set in force. */
    public EnterpriseGrading current() {
        Optional<Record2<Long, String>> active = activeVersion();
        if (active.isEmpty()) {
            initialise();
            active = activeVersion();
        }
        return active.map(row -> compiled.computeIfAbsent(row.value2(), v -> compile(row.value1())))
                .orElse(builtIn);
    }

    /** The version in force. */
    public String currentVersion() {
        return activeVersion().map(Record2::value2).orElse(builtIn.ruleSetVersion());
    }

    /** A release's rule set, compiled once. */
    public EnterpriseGrading engine(long id) {
        RuleSetReleaseRecord row = require(id);
        return compiled.computeIfAbsent(row.getRuleSetVersion(), v -> compile(id));
    }

    /** Every release, newest first. */
    public List<RuleSetRelease> list() {
        return db.select(RULE_SET_RELEASE.fields()).from(RULE_SET_RELEASE)
                .where(RULE_SET_RELEASE.RULE_SET.eq(RULE_SET))
                .orderBy(RULE_SET_RELEASE.ID.desc())
                .fetchInto(RULE_SET_RELEASE)
                .map(RuleSetReleases::view);
    }

    public RuleSetRelease find(long id) {
        return view(require(id));
    }

    /** The table of a release, byte for byte. */
    public byte[] table(long id) {
        return require(id).getContent();
    }

    /**
     * Records an uploaded table as a candidate, after checking and compiling it.
     *
     * @throws RuleTableRejected when a cell is wrong or the table does not compile
     * @throws ApiException      409 when it is the table in force
     */
    public Candidate upload(String fileName, byte[] table, String uploadedBy) {
        EnterpriseGrading candidate = EnterpriseGrading.withTable(table);
        String version = candidate.ruleSetVersion();
        compiled.putIfAbsent(version, candidate);
        long id = transactions.execute(status -> {
            LocalDateTime now = LocalDateTime.now(clock);
            RuleSetReleaseRecord existing = db.selectFrom(RULE_SET_RELEASE)
                    .where(RULE_SET_RELEASE.RULE_SET.eq(RULE_SET), RULE_SET_RELEASE.RULE_SET_VERSION.eq(version)).forUpdate().fetchOne();
            if (existing == null) {
                return insert(version, Status.CANDIDATE, "UPLOADED", fileName == null ? "candidate.xlsx" : fileName, table, uploadedBy, now, null);
            }
            if (existing.getStatus().equals(Status.ACTIVE.name())) {
                throw ApiException.conflict("上传的规则表与现行版本相同（版本 " + version.substring(0, 12) + "），无需启用");
            }
            existing.setStatus(Status.CANDIDATE.name());
            existing.setUploadedBy(uploadedBy);
            existing.setUploadedAt(now);
            existing.setRetiredAt(null);
            existing.setImpact(null);
            existing.setVersion(existing.getVersion() + 1);
            existing.update();
            return existing.getId();
        });
        return new Candidate(id, candidate);
    }

    /** A candidate's id and its compiled rule set. */
    public record Candidate(long id, EnterpriseGrading grading) {
    }

    public void saveImpact(long id, String impactJson) {
        transactions.executeWithoutResult(status -> db.update(RULE_SET_RELEASE)
                .set(RULE_SET_RELEASE.IMPACT, impactJson)
                .where(RULE_SET_RELEASE.ID.eq(id)).execute());
    }

    public Optional<String> impact(long id) {
        return Optional.ofNullable(require(id).getImpact());
    }

    /** The release in force before and after an activation. */
    public record Activation(RuleSetRelease activated, RuleSetRelease retired) {
    }

    /**
     * Makes a candidate the version in force and retires the one it replaces, in one transaction.
     *
     * @throws ApiException 409 when the release is not a candidate, 404 when there is none
     */
    public Activation activate(long id, String activatedBy) {
        return transactions.execute(status -> {
            RuleSetReleaseRecord candidate = db.selectFrom(RULE_SET_RELEASE)
                    .where(RULE_SET_RELEASE.ID.eq(id), RULE_SET_RELEASE.RULE_SET.eq(RULE_SET)).forUpdate().fetchOptional()
                    .orElseThrow(() -> ApiException.notFound("规则表版本 " + id));
            if (!candidate.getStatus().equals(Status.CANDIDATE.name())) {
                throw ApiException.conflict("规则表版本 " + id + " 不是候选版本（当前为" + Status.valueOf(candidate.getStatus()).label() + "），不能启用");
            }
            LocalDateTime now = LocalDateTime.now(clock);
            RuleSetReleaseRecord retired = db.selectFrom(RULE_SET_RELEASE)
                    .where(RULE_SET_RELEASE.RULE_SET.eq(RULE_SET), RULE_SET_RELEASE.STATUS.eq(Status.ACTIVE.name())).forUpdate().fetchOne();
            if (retired != null) {
                retire(retired, now);
            }
            candidate.setStatus(Status.ACTIVE.name());
            candidate.setActivatedBy(activatedBy);
            candidate.setActivatedAt(now);
            candidate.setVersion(candidate.getVersion() + 1);
            candidate.update();
            log.info("Enterprise rule set: {} activated version {} (release {})", activatedBy, candidate.getRuleSetVersion().substring(0, 12), id);
            return new Activation(view(candidate), retired == null ? null : view(retired));
        });
    }

    private void retire(RuleSetReleaseRecord row, LocalDateTime now) {
        row.setStatus(Status.RETIRED.name());
        row.setRetiredAt(now);
        row.setVersion(row.getVersion() + 1);
        row.update();
    }

    private long insert(String version, Status status, String origin, String fileName, byte[] content, String by, LocalDateTime now,
                        LocalDateTime activatedAt) {
        return db.insertInto(RULE_SET_RELEASE)
                .set(RULE_SET_RELEASE.RULE_SET, RULE_SET)
                .set(RULE_SET_RELEASE.RULE_SET_VERSION, version)
                .set(RULE_SET_RELEASE.STATUS, status.name())
                .set(RULE_SET_RELEASE.ORIGIN, origin)
                .set(RULE_SET_RELEASE.FILE_NAME, fileName)
                .set(RULE_SET_RELEASE.CONTENT, content)
                .set(RULE_SET_RELEASE.UPLOADED_BY, by)
                .set(RULE_SET_RELEASE.UPLOADED_AT, now)
                .set(RULE_SET_RELEASE.ACTIVATED_BY, activatedAt == null ? null : by)
                .set(RULE_SET_RELEASE.ACTIVATED_AT, activatedAt)
                .set(RULE_SET_RELEASE.VERSION, 1)
                .returning(RULE_SET_RELEASE.ID)
                .fetchOne(RULE_SET_RELEASE.ID);
    }

    /**
     * The id and version of the release in force, without its table and impact report: asked by every batch of a
     * grading run.
     */
    private Optional<Record2<Long, String>> activeVersion() {
        return db.select(RULE_SET_RELEASE.ID, RULE_SET_RELEASE.RULE_SET_VERSION).from(RULE_SET_RELEASE)
                .where(RULE_SET_RELEASE.RULE_SET.eq(RULE_SET), RULE_SET_RELEASE.STATUS.eq(Status.ACTIVE.name()))
                .fetchOptional();
    }

    private Optional<RuleSetReleaseRecord> activeRow() {
        return db.selectFrom(RULE_SET_RELEASE)
                .where(RULE_SET_RELEASE.RULE_SET.eq(RULE_SET), RULE_SET_RELEASE.STATUS.eq(Status.ACTIVE.name()))
                .fetchOptional();
    }

    private RuleSetReleaseRecord require(long id) {
        return db.selectFrom(RULE_SET_RELEASE)
                .where(RULE_SET_RELEASE.ID.eq(id), RULE_SET_RELEASE.RULE_SET.eq(RULE_SET))
                .fetchOptional()
                .orElseThrow(() -> ApiException.notFound("规则表版本 " + id));
    }

    private EnterpriseGrading compile(long id) {
        byte[] content = db.select(RULE_SET_RELEASE.CONTENT).from(RULE_SET_RELEASE).where(RULE_SET_RELEASE.ID.eq(id)).fetchSingle().value1();
        return EnterpriseGrading.withTable(content);
    }

    private static RuleSetRelease view(RuleSetReleaseRecord r) {
        Status status = Status.valueOf(r.getStatus());
        return new RuleSetRelease(r.getId(), r.getRuleSet(), r.getRuleSetVersion(), RuleSetRelease.StatusEnum.fromValue(status.name()),
                status.label(), RuleSetRelease.OriginEnum.fromValue(r.getOrigin()), r.getFileName(), r.getUploadedBy(),
                Times.toApi(r.getUploadedAt()))
                .activatedBy(r.getActivatedBy())
                .activatedAt(r.getActivatedAt() == null ? null : Times.toApi(r.getActivatedAt()))
                .retiredAt(r.getRetiredAt() == null ? null : Times.toApi(r.getRetiredAt()))
                .table("/api/v1/rulesets/enterprise/releases/" + r.getId() + "/table.xlsx");
    }
}
