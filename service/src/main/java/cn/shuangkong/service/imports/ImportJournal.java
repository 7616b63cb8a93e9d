package cn.shuangkong.service.imports;

import static cn.shuangkong.schema.Tables.IMPORT_JOB;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.shuangkong.schema.tables.records.ImportJobRecord;
import cn.shuangkong.service.api.model.ImportJob;
import cn.shuangkong.service.api.model.Role;
import cn.shuangkong.service.api.model.SpreadsheetError;
import cn.shuangkong.service.excel.ErrorReport;
import cn.shuangkong.service.excel.Upload;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.Times;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record of every upload, accepted or refused. An accepted file's SHA-256 (or, for an import into one target, a
 * key drawn from the target and the SHA-256) is unique per kind (the database says so), which is what makes an import
 * idempotent; a refused one keeps its problems and, when they point at cells, the
 * file itself (up to {@link #MAX_KEPT_BYTES}) so that its error report can be drawn. Only the uploader, or an
 * administrator, may read an import.
 */
@Service
@Transactional
public class ImportJournal {

    /** Kinds of import. */
    public static final String INSPECTION = "INSPECTION";
    public static final String ENTERPRISES = "ENTERPRISES";
    public static final String RISK_POINTS = "RISK_POINTS";
    public static final String UNITS = "UNITS";
    public static final String HAZARD_POINTS = "HAZARD_POINTS";
    public static final String HIDDEN_DANGERS = "HIDDEN_DANGERS";

    /** A refused file larger than this is not kept (MySQL's default max_allowed_packet is 16 MB or 64 MB); its errors are. */
    static final int MAX_KEPT_BYTES = 8 * 1024 * 1024;

    private final DSLContext db;
    private final JsonMapper json;
    private final Clock clock;

    ImportJournal(DSLContext db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** The import that accepted this very file (its SHA-256, or the key it was accepted under) before, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> accepted(String kind, String key) {
        return db.select(IMPORT_JOB.ID).from(IMPORT_JOB)
                .where(IMPORT_JOB.KIND.eq(kind)).and(IMPORT_JOB.ACCEPTED_SHA256.eq(key))
                .fetchOptional(IMPORT_JOB.ID);
    }

    /**
     * Records the file as accepted, within the caller's transaction; a second acceptance of the same file (a
     * concurrent upload) fails on the unique key and rolls the caller's transaction back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long accept(CurrentUser user, String kind, Upload upload) {
        return accept(user, kind, upload, upload.sha256());
    }

    /**
     * As {@link #accept(CurrentUser, String, Upload)}, unique by {@code key} rather than by the file's SHA-256: for
     * imports where the same file means something else for another target (see {@link SheetImports#run}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long accept(CurrentUser user, String kind, Upload upload, String key) {
        return insert(user, kind, upload, "ACCEPTED", key, null, false);
    }

    /** Records what an accepted import did (counts, as JSON), within the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void summarize(long importId, Object summary) {
        db.update(IMPORT_JOB).set(IMPORT_JOB.SUMMARY, json.writeValueAsString(summary)).where(IMPORT_JOB.ID.eq(importId)).execute();
    }

    /** What an accepted import recorded with {@link #summarize}. */
    @Transactional(readOnly = true)
    public <T> Optional<T> summary(long importId, Class<T> type) {
        return db.select(IMPORT_JOB.SUMMARY).from(IMPORT_JOB).where(IMPORT_JOB.ID.eq(importId)).fetchOptional(IMPORT_JOB.SUMMARY)
                .filter(java.util.Objects::nonNull)
                .map(text -> json.readValue(text, type));
    }

    /** Records the file as refused with its problems, in a transaction of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long reject(CurrentUser user, String kind, Upload upload, List<SpreadsheetError> errors) {
        boolean cellErrors = errors.stream().anyMatch(e -> e.getRow() != null);
        return insert(user, kind, upload, "REJECTED", null, errors, cellErrors && upload.content().length <= MAX_KEPT_BYTES);
    }

    @Transactional(readOnly = true)
    public ImportJob find(CurrentUser user, long id) {
        ImportJobRecord job = require(user, id);
        ImportJob view = new ImportJob(job.getId(), ImportJob.KindEnum.fromValue(job.getKind()), job.getFileSha256(),
                ImportJob.OutcomeEnum.fromValue(job.getOutcome()), job.getOutcome().equals("ACCEPTED") ? "已导入" : "已拒绝",
                job.getUploadedBy(), Times.toApi(job.getUploadedAt()))
                .fileName(job.getFileName());
        if (job.getErrors() != null) {
            view.errors(errors(job));
        }
        return view;
    }

    /** The error report of a refused import whose problems point at cells. */
    @Transactional(readOnly = true)
    public byte[] report(CurrentUser user, long id) {
        ImportJobRecord job = require(user, id);
        if (job.getContent() == null) {
            throw ApiException.notFound("导入 " + id + " 的错误报告");
        }
        return ErrorReport.render(job.getContent(), errors(job));
    }

    private ImportJobRecord require(CurrentUser user, long id) {
        ImportJobRecord job = db.selectFrom(IMPORT_JOB).where(IMPORT_JOB.ID.eq(id)).fetchOne();
        if (job == null || (user.role() != Role.ADMIN && !job.getUploadedBy().equals(user.username()))) {
            throw ApiException.notFound("导入 " + id);
        }
        return job;
    }

    private List<SpreadsheetError> errors(ImportJobRecord job) {
        return job.getErrors() == null ? List.of() : json.readValue(job.getErrors(), new TypeReference<List<SpreadsheetError>>() { });
    }

    private long insert(CurrentUser user, String kind, Upload upload, String outcome, String acceptedKey, List<SpreadsheetError> errors,
                        boolean keepContent) {
        return db.insertInto(IMPORT_JOB)
                .set(IMPORT_JOB.KIND, kind)
                .set(IMPORT_JOB.FILE_NAME, upload.fileName())
                .set(IMPORT_JOB.FILE_SHA256, upload.sha256())
                .set(IMPORT_JOB.FILE_SIZE, (long) upload.content().length)
                .set(IMPORT_JOB.OUTCOME, outcome)
                .set(IMPORT_JOB.ACCEPTED_SHA256, acceptedKey)
                .set(IMPORT_JOB.UPLOADED_BY, user.username())
                .set(IMPORT_JOB.UPLOADED_AT, LocalDateTime.now(clock))
                .set(IMPORT_JOB.ERRORS, errors == null ? null : json.writeValueAsString(errors))
                .set(IMPORT_JOB.CONTENT, keepContent ? upload.content() : null)
                .returningResult(IMPORT_JOB.ID)
                .fetchSingle(IMPORT_JOB.ID);
    }
}
