package cn.shuangkong.service.inspection;

import static cn.shuangkong.schema.Tables.INSPECTION;
import static cn.shuangkong.schema.Tables.INSPECTION_RESULT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import cn.shuangkong.rules.checklist.Checklist;
import cn.shuangkong.rules.checklist.ChecklistCatalogue;
import cn.shuangkong.rules.checklist.ChecklistItem;
import cn.shuangkong.service.api.model.DangerType;
import cn.shuangkong.service.api.model.HiddenDanger;
import cn.shuangkong.service.api.model.HiddenDangerInput;
import cn.shuangkong.service.api.model.HiddenDangerSource;
import cn.shuangkong.service.api.model.InspectionOutcome;
import cn.shuangkong.service.api.model.InspectionUpload;
import cn.shuangkong.service.api.model.Role;
import cn.shuangkong.service.api.model.SpreadsheetError;
import cn.shuangkong.service.enterprise.EnterpriseRegistry;
import cn.shuangkong.service.enterprise.Uscc;
import cn.shuangkong.service.excel.CellParsing;
import cn.shuangkong.service.excel.CellValue;
import cn.shuangkong.service.excel.SheetRow;
import cn.shuangkong.service.excel.SpreadsheetRejected;
import cn.shuangkong.service.excel.Upload;
import cn.shuangkong.service.excel.WorkbookReader;
import cn.shuangkong.service.hiddendanger.HiddenDangerLabels;
import cn.shuangkong.service.hiddendanger.HiddenDangerReporting;
import cn.shuangkong.service.imports.ImportJournal;
import cn.shuangkong.service.inspection.ChecklistSheet.Field;
import cn.shuangkong.service.inspection.ChecklistSheet.Parsed;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.Times;

/**
 * The upload of a filled checklist. First everything is checked and every problem collected with its sheet, row and
 * column, including what the hiddendanger rules would refuse for each failed item; any problem and the upload is
 * refused whole (and recorded, for its error report). Only then, in one transaction: the import, the inspection, its
 * results and a hidden danger for every 不合格 item. A file accepted before is recognised by its SHA-256 and answered
 * with the first result.
 */
@Service
class InspectionImport {

    static final int MAX_PROBLEM_CHARS = 2_000;
    static final int MAX_LOCATION_CHARS = 300;
    static final int MAX_INSPECTORS_CHARS = 200;
    static final int MAX_NAME_CHARS = 200;

    private final DSLContext db;
    private final ChecklistCatalogue checklists;
    private final EnterpriseRegistry enterprises;
    private final HiddenDangerReporting reporting;
    private final ImportJournal journal;
    private final InspectionQueries queries;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InspectionImport(DSLContext db, ChecklistCatalogue checklists, EnterpriseRegistry enterprises, HiddenDangerReporting reporting,
                     ImportJournal journal, InspectionQueries queries, PlatformTransactionManager transactions, Clock clock) {
        this.db = db;
        this.checklists = checklists;
        this.enterprises = enterprises;
        this.reporting = reporting;
        this.journal = journal;
        this.queries = queries;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The result and whether it is a replay of an earlier import of the same file. */
    InspectionUpload upload(CurrentUser user, MultipartFile file) {
        Upload upload = Upload.of(file);
        Optional<InspectionUpload> earlier = replay(user, upload);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Plan plan;
        try {
            plan = check(user, ChecklistSheet.read(upload.content()));
        } catch (SpreadsheetRejected e) {
            long id = journal.reject(user, ImportJournal.INSPECTION, upload, e.errors());
            throw e.recordedAs(id);
        }
        // The same checklist saved again (new bytes, same content) is the inspection already recorded.
        Optional<InspectionUpload> same = sameContent(user, plan.contentKey());
        if (same.isPresent()) {
            return same.get();
        }
        try {
            return transaction.execute(status -> save(user, upload, plan));
        } catch (DuplicateKeyException e) {
            // The same file, or the same content, was accepted by a request that committed first.
            return replay(user, upload).or(() -> sameContent(user, plan.contentKey()))
                    .orElseThrow(() -> ApiException.conflict("该检查表已由其他用户导入"));
        }
    }

    private Optional<InspectionUpload> sameContent(CurrentUser user, String contentKey) {
        return queries.byContent(user, contentKey).map(inspection -> new InspectionUpload(inspection, queries.dangers(user, inspection), true));
    }

    private Optional<InspectionUpload> replay(CurrentUser user, Upload upload) {
        return journal.accepted(ImportJournal.INSPECTION, upload.sha256())
                .flatMap(importId -> queries.byImport(user, importId))
                .map(inspection -> new InspectionUpload(inspection, queries.dangers(user, inspection), true));
    }

    /** What the upload will write, once every check has passed. */
    record Plan(String uscc, long enterpriseId, Checklist checklist, LocalDate inspectedOn, String inspectors, HiddenDangerSource type,
                List<Row> rows) {

        /** What the inspection says, whatever bytes said it: the key that recognises a re-saved file. */
        String contentKey() {
            StringBuilder text = new StringBuilder(String.join("\u0001", uscc, checklist.code(), inspectedOn.toString(), inspectors, type.getValue()));
            rows.stream().sorted(java.util.Comparator.comparing(r -> r.item().code())).forEach(r -> text.append('\u0002')
                    .append(String.join("\u0001", r.item().code(), r.outcome().getValue(), String.valueOf(r.problem()), String.valueOf(r.location()),
                            String.valueOf(r.deadline()))));
            return Upload.sha256(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    record Row(int number, ChecklistItem item, InspectionOutcome outcome, String problem, String location, LocalDate deadline,
               HiddenDangerInput danger) {
    }

    Plan check(CurrentUser user, Parsed sheet) {
        Problems problems = new Problems(sheet);
        LocalDate today = Times.today(clock);

        // The header block.
        String uscc = problems.required(sheet, ChecklistSheet.USCC).map(f -> CellParsing.code(f.value())).orElse(null);
        Long enterpriseId = null;
        if (uscc != null) {
            Optional<String> violation = Uscc.violation(uscc);
            if (violation.isPresent()) {
                problems.at(sheet.block().get(ChecklistSheet.USCC), "统一社会信用代码 " + uscc + " 无效：" + violation.get());
            } else {
                try {
                    enterpriseId = enterprises.requireInScope(user, uscc);
                } catch (ApiException e) {
                    problems.at(sheet.block().get(ChecklistSheet.USCC), "未找到统一社会信用代码为 " + uscc + " 的企业（未登记，或不在您的管辖范围内）");
                }
            }
        }
        LocalDate inspectedOn = problems.required(sheet, ChecklistSheet.INSPECTED_ON).map(f -> {
            try {
                LocalDate day = CellParsing.date(f.value()).orElseThrow();
                if (day.isAfter(today)) {
                    problems.at(f, "检查日期 " + day + " 晚于今天（" + today + "）");
                    return null;
                }
                return day;
            } catch (DateTimeParseException e) {
                problems.at(f, "检查日期“" + f.value().text() + "”不是有效日期（如 2026-11-20）");
                return null;
            }
        }).orElse(null);
        String inspectors = problems.required(sheet, ChecklistSheet.INSPECTORS).map(f -> {
            if (f.value().text().length() > MAX_INSPECTORS_CHARS) {
                problems.at(f, "检查人员不能超过 " + MAX_INSPECTORS_CHARS + " 个字");
                return null;
            }
            return f.value().text();
        }).orElse(null);
        HiddenDangerSource type = inspectionType(user, sheet, problems);

        // Which checklist: as the block names it, else the one the first item code belongs to.
        Checklist checklist = sheet.field(ChecklistSheet.CHECKLIST).filter(f -> !f.value().isBlank()).map(f -> {
            String named = f.value().text();
            Optional<Checklist> found = checklists.all().stream()
                    .filter(c -> c.code().equalsIgnoreCase(CellParsing.code(f.value())) || c.name().equals(named))
                    .findFirst();
            if (found.isEmpty()) {
                problems.at(f, "检查表“" + named + "”不存在，可选：" + String.join("、", checklists.all().stream().map(c -> c.code() + " " + c.name()).toList()));
            }
            return found.orElse(null);
        }).orElseGet(() -> sheet.items().stream()
                .map(r -> checklists.item(CellParsing.code(sheet.table().cell(r, ChecklistSheet.ITEM_CODE))))
                .flatMap(Optional::stream)
                .findFirst()
                .flatMap(item -> checklists.all().stream().filter(c -> c.item(item.code()).isPresent()).findFirst())
                .orElse(null));

        // The items.
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (SheetRow r : sheet.items()) {
            Row row = item(user, sheet, r, checklist, uscc, inspectedOn, type, seen, problems);
            if (row != null) {
                rows.add(row);
            }
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.sheet("检查表中没有填写检查结果的检查项");
        }

        // What the hiddendanger rules say of every failed item, once the block is sound.
        if (problems.isEmpty()) {
            for (Row row : rows) {
                if (row.danger() != null) {
                    try {
                        reporting.check(user, row.danger());
                    } catch (ApiException e) {
                        String field = e.errors().isEmpty() ? "" : e.errors().get(0).getField();
                        String message = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).getMessage();
                        problems.cell(row.number(), field.equals("deadline") ? ChecklistSheet.DEADLINE : ChecklistSheet.ITEM_CODE, message);
                    }
                }
            }
        }
        problems.throwIfAny();
        return new Plan(uscc, enterpriseId, checklist, inspectedOn, inspectors, type, rows);
    }

    private HiddenDangerSource inspectionType(CurrentUser user, Parsed sheet, Problems problems) {
        Optional<Field> field = sheet.field(ChecklistSheet.INSPECTION_TYPE).filter(f -> !f.value().isBlank());
        boolean enterprise = user.role() == Role.ENTERPRISE;
        if (field.isEmpty()) {
            if (enterprise) {
                problems.required(sheet, ChecklistSheet.INSPECTION_TYPE);
            }
            return HiddenDangerSource.SUPERVISION;
        }
        Optional<HiddenDangerSource> named = CellParsing.choice(field.get().value(), ChecklistTemplates.inspectionTypes())
                .flatMap(label -> java.util.Arrays.stream(HiddenDangerSource.values()).filter(s -> HiddenDangerLabels.of(s).equals(label)).findFirst());
        if (named.isEmpty()) {
            problems.at(field.get(), "检查类型“" + field.get().value().text() + "”不在可选范围内：" + String.join("、", ChecklistTemplates.inspectionTypes()));
            return null;
        }
        if (enterprise && named.get() == HiddenDangerSource.SUPERVISION) {
            problems.at(field.get(), "企业自查不能选“监管检查”，请选择排查类型（如日常排查）");
            return null;
        }
        // Dangers an inspector or a regulator finds are 监管检查 whatever the form calls the inspection.
        return enterprise ? named.get() : HiddenDangerSource.SUPERVISION;
    }

    private Row item(CurrentUser user, Parsed sheet, SheetRow r, Checklist checklist, String uscc, LocalDate inspectedOn, HiddenDangerSource type,
                     Map<String, Integer> seen, Problems problems) {
        var table = sheet.table();
        String code = CellParsing.code(table.cell(r, ChecklistSheet.ITEM_CODE));
        CellValue result = table.cell(r, ChecklistSheet.RESULT);
        if (code.isEmpty()) {
            if (!result.isBlank()) {
                problems.cell(r.number(), ChecklistSheet.ITEM_CODE, "检查项编号不能为空");
            }
            return null; // a note or a blank line below the table
        }
        ChecklistItem item = checklist == null ? null : checklist.item(code).orElse(null);
        if (item == null) {
            problems.cell(r.number(), ChecklistSheet.ITEM_CODE, checklist == null
                    ? "检查项编号 " + code + " 不属于任何检查表"
                    : "检查项编号 " + code + " 不在检查表“" + checklist.name() + "”（" + checklist.code() + "）中");
            return null;
        }
        Integer first = seen.putIfAbsent(code, r.number());
        if (first != null) {
            problems.cell(r.number(), ChecklistSheet.ITEM_CODE, "检查项 " + code + " 重复：第 " + first + " 行已填写");
            return null;
        }
        if (result.isBlank()) {
            problems.cell(r.number(), ChecklistSheet.RESULT, "检查结果不能为空，请选择：合格、不合格、不适用");
            return null;
        }
        Optional<InspectionOutcome> read = Outcomes.read(result);
        if (read.isEmpty()) {
            problems.cell(r.number(), ChecklistSheet.RESULT, "检查结果“" + result.text() + "”不在可选范围（合格、不合格、不适用）内");
            return null;
        }
        InspectionOutcome outcome = read.get();
        String problem = table.cell(r, ChecklistSheet.PROBLEM).text();
        String location = table.cell(r, ChecklistSheet.LOCATION).text();
        if (problem.length() > MAX_PROBLEM_CHARS) {
            problems.cell(r.number(), ChecklistSheet.PROBLEM, "问题描述不能超过 " + MAX_PROBLEM_CHARS + " 个字（现有 " + problem.length() + " 个）");
        }
        if (location.length() > MAX_LOCATION_CHARS) {
            problems.cell(r.number(), ChecklistSheet.LOCATION, "隐患位置不能超过 " + MAX_LOCATION_CHARS + " 个字（现有 " + location.length() + " 个）");
        }
        LocalDate deadline = null;
        CellValue deadlineCell = table.cell(r, ChecklistSheet.DEADLINE);
        try {
            deadline = CellParsing.date(deadlineCell).orElse(null);
        } catch (DateTimeParseException e) {
            problems.cell(r.number(), ChecklistSheet.DEADLINE, "整改期限“" + deadlineCell.text() + "”不是有效日期（如 2026-12-31）");
        }
        if (deadline != null && inspectedOn != null && deadline.isBefore(inspectedOn)) {
            problems.cell(r.number(), ChecklistSheet.DEADLINE, "整改期限 " + deadline + " 早于检查日期 " + inspectedOn);
        }
        HiddenDangerInput danger = null;
        if (outcome == InspectionOutcome.FAIL && uscc != null && inspectedOn != null) {
            danger = danger(user, uscc, item, problem, location, inspectedOn, deadline, type);
        }
        return new Row(r.number(), item, outcome, blankToNull(problem), blankToNull(location), outcome == InspectionOutcome.FAIL ? deadline : null, danger);
    }

    private HiddenDangerInput danger(CurrentUser user, String uscc, ChecklistItem item, String problem, String location, LocalDate inspectedOn,
                                     LocalDate deadline, HiddenDangerSource type) {
        String name = problem.isBlank() ? item.text() : problem;
        if (name.length() > MAX_NAME_CHARS) {
            name = name.substring(0, MAX_NAME_CHARS - 1) + "…";
        }
        String description = "检查项 " + item.code() + "：" + item.text() + (problem.isBlank() ? "" : "\n问题描述：" + problem);
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime foundAt = inspectedOn.equals(Times.chinaDate(now)) ? now : Times.startOfChinaDay(inspectedOn);
        return new HiddenDangerInput(uscc, name, DangerType.fromValue(item.dangerType().name()))
                .description(description)
                .location(blankToNull(location))
                .checklistItemCode(item.code())
                .foundAt(OffsetDateTime.of(foundAt, ZoneOffset.UTC))
                .deadline(deadline)
                .source(type);
    }

    private InspectionUpload save(CurrentUser user, Upload upload, Plan plan) {
        long importId = journal.accept(user, ImportJournal.INSPECTION, upload);
        int passed = 0;
        int failed = 0;
        int notApplicable = 0;
        for (Row row : plan.rows()) {
            switch (row.outcome()) {
                case PASS -> passed++;
                case FAIL -> failed++;
                case NOT_APPLICABLE -> notApplicable++;
            }
        }
        long inspectionId = db.insertInto(INSPECTION)
                .set(INSPECTION.ENTERPRISE_ID, plan.enterpriseId())
                .set(INSPECTION.IMPORT_JOB_ID, importId)
                .set(INSPECTION.CHECKLIST_CODE, plan.checklist().code())
                .set(INSPECTION.CHECKLIST_VERSION, plan.checklist().version())
                .set(INSPECTION.INSPECTED_ON, plan.inspectedOn())
                .set(INSPECTION.INSPECTORS, plan.inspectors())
                .set(INSPECTION.CONTENT_KEY, plan.contentKey())
                .set(INSPECTION.INSPECTION_TYPE, plan.type().getValue())
                .set(INSPECTION.UPLOADED_BY, user.username())
                .set(INSPECTION.UPLOADED_AT, LocalDateTime.now(clock))
                .set(INSPECTION.PASSED, passed)
                .set(INSPECTION.FAILED, failed)
                .set(INSPECTION.NOT_APPLICABLE, notApplicable)
                .returningResult(INSPECTION.ID)
                .fetchSingle(INSPECTION.ID);
        List<HiddenDanger> dangers = new ArrayList<>();
        for (Row row : plan.rows()) {
            HiddenDanger danger = row.danger() == null ? null : reporting.report(user, row.danger());
            if (danger != null) {
                dangers.add(danger);
            }
            db.insertInto(INSPECTION_RESULT)
                    .set(INSPECTION_RESULT.INSPECTION_ID, inspectionId)
                    .set(INSPECTION_RESULT.SHEET_ROW, row.number())
                    .set(INSPECTION_RESULT.ITEM_CODE, row.item().code())
                    .set(INSPECTION_RESULT.ITEM_TEXT, row.item().text())
                    .set(INSPECTION_RESULT.ITEM_MAJOR, row.item().major())
                    .set(INSPECTION_RESULT.OUTCOME, row.outcome().getValue())
                    .set(INSPECTION_RESULT.PROBLEM, row.problem())
                    .set(INSPECTION_RESULT.LOCATION, row.location())
                    .set(INSPECTION_RESULT.DEADLINE, danger == null ? row.deadline() : danger.getDeadline())
                    .set(INSPECTION_RESULT.HIDDEN_DANGER_ID, danger == null ? null : danger.getId())
                    .execute();
        }
        return new InspectionUpload(queries.find(user, inspectionId), dangers, false);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Every problem of one upload, each at its cell. */
    private static final class Problems {

        private final Parsed sheet;
        private final List<SpreadsheetError> errors = new ArrayList<>();

        Problems(Parsed sheet) {
            this.sheet = sheet;
        }

        /** The block's field if filled; a problem (at its cell, or at the sheet when the label is missing) if not. */
        Optional<Field> required(Parsed parsed, String label) {
            Field field = parsed.block().get(label);
            if (field == null) {
                sheet("表头缺少“" + label + "”（请在表格上方填写“" + label + "”及其内容）");
                return Optional.empty();
            }
            if (field.value().isBlank()) {
                at(field, label + "不能为空");
                return Optional.empty();
            }
            return Optional.of(field);
        }

        void at(Field field, String message) {
            errors.add(WorkbookReader.error(field.sheet(), field.row(), field.column(), message));
        }

        void cell(int row, String column, String message) {
            int index = sheet.table().index(column).orElse(sheet.table().index(ChecklistSheet.ITEM_CODE).orElseThrow());
            errors.add(WorkbookReader.error(sheet.sheet(), row, index, message));
        }

        void sheet(String message) {
            errors.add(new SpreadsheetError(message).sheet(sheet.sheet()));
        }

        boolean isEmpty() {
            return errors.isEmpty();
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new SpreadsheetRejected("检查表有 " + errors.size() + " 处错误，未导入任何数据", errors);
            }
        }
    }
}
