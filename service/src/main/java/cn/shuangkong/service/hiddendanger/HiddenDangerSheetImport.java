package cn.shuangkong.service.hiddendanger;

import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static cn.shuangkong.schema.Tables.HIDDEN_DANGER;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.TableField;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import cn.shuangkong.schema.tables.records.HiddenDangerRecord;
import cn.shuangkong.service.api.model.HiddenDangerEvent;
import cn.shuangkong.service.api.model.HiddenDangerStatus;
import cn.shuangkong.service.api.model.ImportResult;
import cn.shuangkong.service.api.model.SpreadsheetError;
import cn.shuangkong.service.excel.CellParsing;
import cn.shuangkong.service.excel.CellValue;
import cn.shuangkong.service.excel.Headers;
import cn.shuangkong.service.excel.Headers.Column;
import cn.shuangkong.service.excel.ReadLimits;
import cn.shuangkong.service.excel.SheetRow;
import cn.shuangkong.service.excel.SpreadsheetRejected;
import cn.shuangkong.service.excel.WorkbookReader;
import cn.shuangkong.service.imports.ImportJournal;
import cn.shuangkong.service.imports.SheetImports;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.security.Jurisdiction;
import cn.shuangkong.service.web.ApiException;

/**
 * The hidden-danger sheet's way back: an exported 隐患清单, edited, updates the dangers it lists, matched by 隐患编号.
 * Only what a sheet may change is read (隐患名称, 隐患位置, 整改责任人, 整改措施); the closed loop's states, levels and
 * deadlines change through their own requests, never through a spreadsheet. A row's 版本 must still be current (else
 * the cell says who changed it since), the danger still 整改中, and each change is audited like any other.
 */
@Service
class HiddenDangerSheetImport {

    static final String ID = "隐患编号";
    static final String NAME = "隐患名称";
    static final String LOCATION = "隐患位置";
    static final String RESPONSIBLE = "整改责任人";
    static final String MEASURES = "整改措施";
    static final String VERSION = "版本";
    static final int MAX_ROWS = 100_000;
    private static final int BATCH = 1_000;

    static final Headers HEADERS = new Headers(List.of(
            Column.required(ID, ID, "编号"),
            Column.required(VERSION, VERSION),
            Column.optional(NAME, NAME),
            Column.optional(LOCATION, LOCATION, "隐患部位"),
            Column.optional(RESPONSIBLE, RESPONSIBLE, "责任人"),
            Column.optional(MEASURES, MEASURES)));

    /** The editable columns, their database fields and how long they may be. */
    private record Editable(String header, TableField<HiddenDangerRecord, String> field, int maxChars) {
    }

    private static final List<Editable> EDITABLE = List.of(
            new Editable(NAME, HIDDEN_DANGER.NAME, 200),
            new Editable(LOCATION, HIDDEN_DANGER.LOCATION, 300),
            new Editable(RESPONSIBLE, HIDDEN_DANGER.RESPONSIBLE_PERSON, 50),
            new Editable(MEASURES, HIDDEN_DANGER.RECTIFICATION_MEASURES, 4_000));

    private record Change(long id, String uscc, int version, Map<Editable, String> values) {
    }

    private final DSLContext db;
    private final SheetImports imports;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HiddenDangerSheetImport(DSLContext db, SheetImports imports, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.imports = imports;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    ImportResult upload(CurrentUser user, MultipartFile file) {
        // One import per uploader and file: another user's upload of the same file is checked against that user's scope.
        return imports.run(user, ImportJournal.HIDDEN_DANGERS, "user:" + user.username(), file, content -> check(user, content),
                changes -> write(user, changes));
    }

    private List<Change> check(CurrentUser user, byte[] content) {
        List<SpreadsheetError> errors = new ArrayList<>();
        Map<Long, SheetRow> rows = new LinkedHashMap<>();
        Headers.Layout[] layout = new Headers.Layout[1];
        WorkbookReader.read(content, ReadLimits.rows(MAX_ROWS), r -> {
            if (layout[0] == null) {
                layout[0] = HEADERS.match(r).orElse(null);
                return;
            }
            if (!r.sheet().equals(layout[0].sheet()) || layout[0].cell(r, ID).isBlank()) {
                return;
            }
            try {
                long id = CellParsing.number(layout[0].cell(r, ID)).orElseThrow().stripTrailingZeros().longValueExact();
                SheetRow first = rows.putIfAbsent(id, r);
                if (first != null) {
                    errors.add(error(layout[0], r, ID, "隐患编号 " + id + " 重复：第 " + first.number() + " 行已有"));
                }
            } catch (NumberFormatException | ArithmeticException e) {
                errors.add(error(layout[0], r, ID, "隐患编号“" + layout[0].cell(r, ID).text() + "”不是编号"));
            }
        });
        if (layout[0] == null) {
            throw SpreadsheetRejected.file("未找到隐患清单的表头行：须有“隐患编号”和“版本”两列（请使用系统导出的隐患清单）");
        }
        Headers.Layout sheet = layout[0];
        List<Change> changes = new ArrayList<>();
        List<Long> ids = new ArrayList<>(rows.keySet());
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            Map<Long, Record> current = new HashMap<>();
            db.select(HIDDEN_DANGER.asterisk(), ENTERPRISE.USCC).from(HIDDEN_DANGER).join(ENTERPRISE).on(ENTERPRISE.ID.eq(HIDDEN_DANGER.ENTERPRISE_ID))
                    .where(HIDDEN_DANGER.ID.in(chunk)).and(Jurisdiction.enterprises(user))
                    .forEach(r -> current.put(r.get(HIDDEN_DANGER.ID), r));
            for (long id : chunk) {
                SheetRow r = rows.get(id);
                Record danger = current.get(id);
                if (danger == null) {
                    errors.add(error(sheet, r, ID, "隐患编号 " + id + " 不存在，或不在您的管辖范围内"));
                    continue;
                }
                Change change = change(sheet, r, danger, errors);
                if (change != null) {
                    changes.add(change);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new SpreadsheetRejected("隐患清单有 " + errors.size() + " 处错误，未导入任何数据", errors);
        }
        if (rows.isEmpty()) {
            throw SpreadsheetRejected.file("隐患清单中没有隐患");
        }
        return changes;
    }

    /** What the row changes of the danger; an empty change when nothing differs; null (and errors) when it may not. */
    private static Change change(Headers.Layout sheet, SheetRow r, Record danger, List<SpreadsheetError> errors) {
        long id = danger.get(HIDDEN_DANGER.ID);
        int version = danger.get(HIDDEN_DANGER.VERSION);
        CellValue versionCell = sheet.cell(r, VERSION);
        BigDecimal written;
        try {
            written = CellParsing.number(versionCell).orElse(null);
        } catch (NumberFormatException e) {
            written = null;
        }
        if (written == null || written.stripTrailingZeros().scale() > 0 || written.compareTo(BigDecimal.valueOf(version)) != 0) {
            errors.add(error(sheet, r, VERSION, written == null
                    ? "版本“" + versionCell.text() + "”无效：请勿改动导出的“版本”列"
                    : "隐患 " + id + " 已被他人修改（当前版本 " + version + "，本表为 " + written.toPlainString() + "），请重新导出后再修改"));
            return null;
        }
        Map<Editable, String> values = new LinkedHashMap<>();
        int before = errors.size();
        for (Editable e : EDITABLE) {
            if (sheet.index(e.header()).isEmpty()) {
                continue; // a column the user deleted changes nothing
            }
            String value = sheet.cell(r, e.header()).text();
            String stored = danger.get(e.field());
            if (Objects.equals(value.isEmpty() ? null : value, stored == null || stored.isBlank() ? null : stored.strip())) {
                continue;
            }
            if (value.length() > e.maxChars()) {
                errors.add(error(sheet, r, e.header(), e.header() + "不能超过 " + e.maxChars() + " 个字（现有 " + value.length() + " 个）"));
            } else if (e.field() == HIDDEN_DANGER.NAME && value.isEmpty()) {
                errors.add(error(sheet, r, e.header(), "隐患名称不能为空"));
            } else {
                values.put(e, value.isEmpty() ? null : value);
            }
        }
        HiddenDangerStatus status = HiddenDangerStatus.fromValue(danger.get(HIDDEN_DANGER.STATUS));
        if (!values.isEmpty() && status != HiddenDangerStatus.RECTIFYING) {
            errors.add(error(sheet, r, values.keySet().iterator().next().header(),
                    "隐患 " + id + " 当前状态为" + HiddenDangerLabels.of(status) + "，只有整改中的隐患可以修改"));
            return null;
        }
        return errors.size() > before ? null : new Change(id, danger.get(ENTERPRISE.USCC), version, values);
    }

    private SheetImports.Counts write(CurrentUser user, List<Change> changes) {
        LocalDateTime now = LocalDateTime.now(clock);
        long updated = 0;
        long unchanged = 0;
        for (Change change : changes) {
            if (change.values().isEmpty()) {
                unchanged++;
                continue;
            }
            var update = db.update(HIDDEN_DANGER).set(HIDDEN_DANGER.VERSION, change.version() + 1).set(HIDDEN_DANGER.UPDATED_AT, now);
            StringBuilder note = new StringBuilder("导入修改：");
            for (var e : change.values().entrySet()) {
                update = update.set(e.getKey().field(), e.getValue());
                note.append(e.getKey().header()).append("、");
            }
            note.setLength(note.length() - 1);
            int rows = update.where(HIDDEN_DANGER.ID.eq(change.id())).and(HIDDEN_DANGER.VERSION.eq(change.version()))
                    .and(HIDDEN_DANGER.STATUS.eq(HiddenDangerStatus.RECTIFYING.getValue())).execute();
            if (rows != 1) {
                throw ApiException.conflict("隐患 " + change.id() + " 在导入期间被他人修改，未导入任何数据，请重新导出后再修改");
            }
            audit.append(change.id(), HiddenDangerEvent.TypeEnum.DETAILS_UPDATED, HiddenDangerStatus.RECTIFYING, HiddenDangerStatus.RECTIFYING,
                    user.username(), note.toString());
            events.publishEvent(new HiddenDangerChanged(change.id(), change.uscc()));
            updated++;
        }
        return new SheetImports.Counts(0, updated, unchanged);
    }

    private static SpreadsheetError error(Headers.Layout layout, SheetRow r, String header, String message) {
        return WorkbookReader.error(layout.sheet(), r.number(), layout.index(header).orElse(layout.index(ID).orElse(0)), message);
    }
}
