package cn.shuangkong.service.inspection;

import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static cn.shuangkong.schema.Tables.INSPECTION;
import static cn.shuangkong.schema.Tables.INSPECTION_RESULT;
import static cn.shuangkong.schema.Tables.IMPORT_JOB;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shuangkong.rules.checklist.Checklist;
import cn.shuangkong.rules.checklist.ChecklistCatalogue;
import cn.shuangkong.schema.tables.records.InspectionRecord;
import cn.shuangkong.service.api.model.HiddenDanger;
import cn.shuangkong.service.api.model.HiddenDangerSource;
import cn.shuangkong.service.api.model.Inspection;
import cn.shuangkong.service.api.model.InspectionOutcome;
import cn.shuangkong.service.api.model.InspectionPage;
import cn.shuangkong.service.api.model.InspectionResult;
import cn.shuangkong.service.api.model.InspectionScore;
import cn.shuangkong.service.hiddendanger.HiddenDangerLabels;
import cn.shuangkong.service.hiddendanger.HiddenDangerQueries;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.security.Jurisdiction;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.Times;

/** Reading inspections, always within the caller's jurisdiction. */
@Component
@Transactional(readOnly = true)
class InspectionQueries {

    private final DSLContext db;
    private final ChecklistCatalogue checklists;
    private final HiddenDangerQueries dangers;

    InspectionQueries(DSLContext db, ChecklistCatalogue checklists, HiddenDangerQueries dangers) {
        this.db = db;
        this.checklists = checklists;
        this.dangers = dangers;
    }

    Inspection find(CurrentUser user, long id) {
        Inspection inspection = one(user, INSPECTION.ID.eq(id)).orElseThrow(() -> ApiException.notFound("检查记录 " + id));

        inspection.results(db.selectFrom(INSPECTION_RESULT)
                .where(INSPECTION_RESULT.INSPECTION_ID.eq(id))
                .orderBy(INSPECTION_RESULT.SHEET_ROW)
                .fetch(r -> {
                    InspectionOutcome outcome = InspectionOutcome.fromValue(r.getOutcome());
                    // The item as it was checked: a checklist may have changed, or a local one been withdrawn, since.
                    return new InspectionResult(r.getSheetRow(), r.getItemCode(), r.getItemText(), r.getItemMajor(), outcome, Outcomes.label(outcome))
                            .problem(r.getProblem())
                            .location(r.getLocation())
                            .deadline(r.getDeadline())
                            .hiddenDangerId(r.getHiddenDangerId());
                }));
        return inspection;
    }

    /** The inspection an import created, if the caller may see it. */
    Optional<Inspection> byImport(CurrentUser user, long importId) {
        return db.select(INSPECTION.ID).from(INSPECTION).where(INSPECTION.IMPORT_JOB_ID.eq(importId)).fetchOptional(INSPECTION.ID)
                .flatMap(id -> one(user, INSPECTION.ID.eq(id)).map(i -> find(user, id)));
    }

    /** The inspection with this content key, if the caller may see it. */
    Optional<Inspection> byContent(CurrentUser user, String contentKey) {
        return db.select(INSPECTION.ID).from(INSPECTION).where(INSPECTION.CONTENT_KEY.eq(contentKey)).fetchOptional(INSPECTION.ID)
                .flatMap(id -> one(user, INSPECTION.ID.eq(id)).map(i -> find(user, id)));
    }

    /** The hidden dangers an inspection created, as the API shows them. */
    List<HiddenDanger> dangers(CurrentUser user, Inspection inspection) {
        return inspection.getResults().stream()
                .filter(r -> r.getHiddenDangerId() != null)
                .map(r -> dangers.find(user, r.getHiddenDangerId()))
                .toList();
    }

    InspectionPage list(CurrentUser user, String uscc, int page, int size) {
        Condition where = Jurisdiction.enterprises(user);
        if (uscc != null && !uscc.isBlank()) {
            where = where.and(ENTERPRISE.USCC.eq(uscc.strip()));
        }
        long total = db.selectCount().from(INSPECTION).join(ENTERPRISE).on(ENTERPRISE.ID.eq(INSPECTION.ENTERPRISE_ID)).where(where)
                .fetchSingle().value1();
        List<Inspection> content = select()
                .where(where)
                .orderBy(INSPECTION.INSPECTED_ON.desc(), INSPECTION.ID.desc())
                .limit(size)
                .offset((long) page * size)
                .fetch(this::toApi);
        return new InspectionPage(content, page, size, total, (int) ((total + size - 1) / size));
    }

    private Optional<Inspection> one(CurrentUser user, Condition condition) {
        return select().where(condition).and(Jurisdiction.enterprises(user)).fetchOptional(this::toApi);
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return db.select(INSPECTION.asterisk(), ENTERPRISE.USCC, ENTERPRISE.NAME, IMPORT_JOB.FILE_NAME)
                .from(INSPECTION)
                .join(ENTERPRISE).on(ENTERPRISE.ID.eq(INSPECTION.ENTERPRISE_ID))
                .join(IMPORT_JOB).on(IMPORT_JOB.ID.eq(INSPECTION.IMPORT_JOB_ID));
    }

    private Inspection toApi(Record r) {
        InspectionRecord i = r.into(INSPECTION);
        HiddenDangerSource type = HiddenDangerSource.fromValue(i.getInspectionType());
        int applicable = i.getPassed() + i.getFailed();
        InspectionScore score = new InspectionScore(i.getPassed(), i.getFailed(), i.getNotApplicable(), applicable);
        if (applicable > 0) {
            score.rate(BigDecimal.valueOf(i.getPassed()).divide(BigDecimal.valueOf(applicable), 4, RoundingMode.HALF_UP));
        }
        String checklistName = checklists.find(i.getChecklistCode()).map(Checklist::name).orElse(i.getChecklistCode());
        return new Inspection(i.getId(), r.get(ENTERPRISE.USCC), r.get(ENTERPRISE.NAME), i.getChecklistCode(), checklistName, i.getChecklistVersion(),
                i.getInspectedOn(), i.getInspectors(), type, HiddenDangerLabels.of(type), i.getUploadedBy(), Times.toApi(i.getUploadedAt()),
                i.getImportJobId(), score)
                .fileName(r.get(IMPORT_JOB.FILE_NAME));
    }
}
