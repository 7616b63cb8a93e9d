package cn.shuangkong.service.riskpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import cn.shuangkong.rules.InvalidFactException;
import cn.shuangkong.service.api.model.ControlLevel;
import cn.shuangkong.service.api.model.ControlMeasure;
import cn.shuangkong.service.api.model.DirectFlag;
import cn.shuangkong.service.api.model.ImportResult;
import cn.shuangkong.service.api.model.RiskAssessmentInput;
import cn.shuangkong.service.api.model.RiskEvent;
import cn.shuangkong.service.api.model.RiskMethod;
import cn.shuangkong.service.api.model.RiskPointInput;
import cn.shuangkong.service.api.model.RiskPointType;
import cn.shuangkong.service.api.model.SpreadsheetError;
import cn.shuangkong.service.enterprise.EnterpriseRegistry;
import cn.shuangkong.service.excel.CellParsing;
import cn.shuangkong.service.excel.CellValue;
import cn.shuangkong.service.excel.Headers;
import cn.shuangkong.service.excel.ReadLimits;
import cn.shuangkong.service.excel.RowValidator;
import cn.shuangkong.service.excel.SheetRow;
import cn.shuangkong.service.excel.SpreadsheetRejected;
import cn.shuangkong.service.excel.WorkbookReader;
import cn.shuangkong.service.imports.ImportJournal;
import cn.shuangkong.service.imports.SheetImports;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ApiException;
import jakarta.validation.ConstraintViolation;

/**
 * The 风险辨识评估清单 import: an enterprise's risk points from a sheet with one row per control measure, all or
 * nothing. Rows with the same 风险点名称 form one risk point, its point-level cells taken from its first row; rows
 * with the same 风险事件 under it form one event. Every risk point is checked as the API checks it (the contract's
 * bean validation on {@link RiskPointInput}, then the {@code riskpoint} rules, then the control level its grade
 * allows), each problem at its cell. A risk point whose name the enterprise already has replaces it (graded again,
 * recorded in its grade history) unless nothing would change; new names are created.
 */
@Service
class RiskPointImport {

    /** Rows with content a list may have (one per control measure). */
    static final int MAX_ROWS = 20_000;

    private final RiskPointRegister register;
    private final EnterpriseRegistry enterprises;
    private final SheetImports imports;
    private final RowValidator validator;

    RiskPointImport(RiskPointRegister register, EnterpriseRegistry enterprises, SheetImports imports, RowValidator validator) {
        this.register = register;
        this.enterprises = enterprises;
        this.imports = imports;
        this.validator = validator;
    }

    /** A checked file: the enterprise's id and its risk points, graded, in the order of their first rows. */
    record Checked(long enterpriseId, String gradedBy, List<RiskPointRegister.Graded> points) {
    }

    ImportResult upload(CurrentUser user, String uscc, MultipartFile file) {
        // Scope first: outside it the answer is 404, whether or not this file was imported before.
        long enterpriseId = enterprises.requireInScope(user, uscc);
        return imports.run(user, ImportJournal.RISK_POINTS, uscc, file, content -> check(user, enterpriseId, content), this::write);
    }

    /** A risk point as its rows give it. */
    private static final class Draft {
        final String name;
        final int firstRow;
        /** The point-level cells of the first row: as compared with later rows', and as written. */
        final Map<String, String> firstValues;
        final Map<String, String> firstTexts = new HashMap<>();
        final RiskPointInput input;
        /** Whether a point-level cell of the first row could not be read (each one an error already). */
        final boolean unreadable;
        final Map<String, Integer> eventRows = new LinkedHashMap<>();
        final Map<String, List<ControlMeasure>> measures = new HashMap<>();
        final Map<String, List<Integer>> measureRows = new HashMap<>();

        Draft(String name, Headers.Layout layout, SheetRow first, RiskPointInput input, boolean unreadable) {
            this.name = name;
            this.firstRow = first.number();
            this.firstValues = pointCells(layout, first);
            RiskPointSheet.POINT_LEVEL.forEach(key -> firstTexts.put(key, layout.cell(first, key).text()));
            this.input = input;
            this.unreadable = unreadable;
        }
    }

    Checked check(CurrentUser user, long enterpriseId, byte[] content) {
        List<SpreadsheetError> errors = new ArrayList<>();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        Headers.Layout[] layout = new Headers.Layout[1];
        WorkbookReader.read(content, ReadLimits.rows(MAX_ROWS), r -> {
            if (layout[0] == null) {
                layout[0] = RiskPointSheet.HEADERS.match(r).orElse(null);
                return;
            }
            if (r.sheet().equals(layout[0].sheet())) {
                read(layout[0], r, drafts, errors);
            }
        });
        if (layout[0] == null) {
            throw SpreadsheetRejected.file("未找到风险辨识评估清单的表头行：须有“" + RiskPointSheet.HEADERS.requiredHeaders() + "”等列（请使用系统下载的模板）");
        }
        Map<String, List<Long>> known = register.idsByName(enterpriseId);
        List<RiskPointRegister.Graded> points = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            List<Long> ids = known.getOrDefault(draft.name, List.of());
            if (ids.size() > 1) {
                errors.add(error(layout[0], draft.firstRow, RiskPointSheet.NAME, "本企业已登记 " + ids.size() + " 个名为“" + draft.name
                        + "”的风险点，无法确定更新哪一个：请先在系统中将它们改为不同的名称"));
            }
            grade(layout[0], draft, errors).ifPresent(points::add);
        }
        if (!errors.isEmpty()) {
            throw new SpreadsheetRejected("风险辨识评估清单有 " + errors.size() + " 处错误，未导入任何数据", errors);
        }
        if (points.isEmpty()) {
            throw SpreadsheetRejected.file("风险辨识评估清单中没有风险点");
        }
        return new Checked(enterpriseId, user.username(), points);
    }

    /** One row: a new risk point's first row, or a further row of one already begun; its event and measure, if any. */
    private void read(Headers.Layout layout, SheetRow r, Map<String, Draft> drafts, List<SpreadsheetError> errors) {
        if (RiskPointSheet.IMPORTED.stream().allMatch(key -> layout.cell(r, key).isBlank())) {
            return; // a note under the table, or only the columns an import ignores
        }
        String name = layout.cell(r, RiskPointSheet.NAME).text();
        if (name.isEmpty()) {
            errors.add(error(layout, r.number(), RiskPointSheet.NAME, "风险点名称不能为空（每行都须填写其风险点名称，请勿合并单元格）"));
            return;
        }
        Draft draft = drafts.get(name);
        if (draft == null) {
            int before = errors.size();
            RiskPointInput input = pointOf(layout, r, name, errors);
            drafts.put(name, draft = new Draft(name, layout, r, input, errors.size() > before));
        } else {
            Map<String, String> here = pointCells(layout, r);
            for (String key : RiskPointSheet.POINT_LEVEL) {
                String value = here.getOrDefault(key, "");
                if (!value.isEmpty() && !value.equals(draft.firstValues.getOrDefault(key, ""))) {
                    String first = draft.firstTexts.get(key);
                    errors.add(error(layout, r.number(), key, key + "“" + layout.cell(r, key).text() + "”与风险点“" + name + "”第一行（第 " + draft.firstRow
                            + " 行）的" + (first.isEmpty() ? "空白" : "“" + first + "”") + "不一致：风险点的信息以其第一行为准，后续各行可留空"));
                }
            }
        }
        readMeasure(layout, r, draft, errors);
    }

    /** The row's event and measure: a row may have neither (a risk point without events), an event alone, or both. */
    private static void readMeasure(Headers.Layout layout, SheetRow r, Draft draft, List<SpreadsheetError> errors) {
        String event = layout.cell(r, RiskPointSheet.EVENT).text();
        CellValue description = layout.cell(r, RiskPointSheet.MEASURE);
        CellValue classification = layout.cell(r, RiskPointSheet.CLASSIFICATION);
        CellValue source = layout.cell(r, RiskPointSheet.DATA_SOURCE);
        boolean anyMeasureCell = !description.isBlank() || !classification.isBlank() || !source.isBlank();
        if (event.isEmpty()) {
            if (anyMeasureCell) {
                errors.add(error(layout, r.number(), RiskPointSheet.EVENT, "风险事件不能为空：管控措施须属于一个风险事件"));
            }
            return;
        }
        draft.eventRows.putIfAbsent(event, r.number());
        List<ControlMeasure> measures = draft.measures.computeIfAbsent(event, k -> new ArrayList<>());
        if (!anyMeasureCell) {
            return;
        }
        int before = errors.size();
        if (description.isBlank()) {
            errors.add(error(layout, r.number(), RiskPointSheet.MEASURE, "管控措施不能为空（已填写措施类别或数据来源）"));
        }
        Optional<ControlMeasure.ClassificationEnum> c = RiskPointSheet.classification(classification);
        if (!classification.isBlank() && c.isEmpty()) {
            errors.add(error(layout, r.number(), RiskPointSheet.CLASSIFICATION, "措施类别“" + classification.text() + "”不在可选范围内："
                    + String.join("、", RiskPointSheet.classificationLabels())));
        }
        Optional<ControlMeasure.DataSourceEnum> s = RiskPointSheet.dataSource(source);
        if (!source.isBlank() && s.isEmpty()) {
            errors.add(error(layout, r.number(), RiskPointSheet.DATA_SOURCE, "数据来源“" + source.text() + "”不在可选范围内："
                    + String.join("、", RiskPointSheet.dataSourceLabels())));
        }
        if (errors.size() > before) {
            return;
        }
        measures.add(new ControlMeasure(description.text()).classification(c.orElse(null)).dataSource(s.orElse(null)));
        draft.measureRows.computeIfAbsent(event, k -> new ArrayList<>()).add(r.number());
    }

    /** The point-level cells of a row, each as a later row must repeat it: the value read where it can be read, the text otherwise. */
    private static Map<String, String> pointCells(Headers.Layout layout, SheetRow r) {
        Map<String, String> cells = new HashMap<>();
        for (String key : RiskPointSheet.POINT_LEVEL) {
            CellValue cell = layout.cell(r, key);
            if (cell.isBlank()) {
                continue;
            }
            String value = switch (key) {
                case RiskPointSheet.TYPE -> RiskPointSheet.type(cell).map(RiskPointType::getValue).orElse(cell.text());
                case RiskPointSheet.METHOD -> RiskPointSheet.method(cell).map(RiskMethod::getValue).orElse(cell.text());
                case RiskPointSheet.CONTROL_LEVEL -> RiskPointSheet.controlLevel(cell).map(ControlLevel::getValue).orElse(cell.text());
                case RiskPointSheet.L, RiskPointSheet.E, RiskPointSheet.C, RiskPointSheet.S -> {
                    try {
                        yield CellParsing.number(cell).map(n -> n.stripTrailingZeros().toPlainString()).orElse("");
                    } catch (NumberFormatException e) {
                        yield cell.text();
                    }
                }
                case RiskPointSheet.DIRECT_FLAGS -> {
                    List<String> unknown = new ArrayList<>();
                    List<DirectFlag> flags = RiskPointSheet.flags(cell, unknown);
                    yield unknown.isEmpty() ? String.join(",", flags.stream().map(DirectFlag::getValue).sorted().toList()) : cell.text();
                }
                default -> cell.text();
            };
            cells.put(key, value);
        }
        return cells;
    }

    /** The risk point as its first row gives it, each unreadable cell an error. */
    private RiskPointInput pointOf(Headers.Layout layout, SheetRow r, String name, List<SpreadsheetError> errors) {
        int row = r.number();
        CellValue typeCell = layout.cell(r, RiskPointSheet.TYPE);
        Optional<RiskPointType> type = RiskPointSheet.type(typeCell);
        if (typeCell.isBlank()) {
            errors.add(error(layout, row, RiskPointSheet.TYPE, "风险点类型不能为空"));
        } else if (type.isEmpty()) {
            errors.add(error(layout, row, RiskPointSheet.TYPE, "风险点类型“" + typeCell.text() + "”不在可选范围内：" + String.join("、", RiskPointSheet.typeLabels())));
        }
        CellValue methodCell = layout.cell(r, RiskPointSheet.METHOD);
        Optional<RiskMethod> method = RiskPointSheet.method(methodCell);
        if (methodCell.isBlank()) {
            errors.add(error(layout, row, RiskPointSheet.METHOD, "评价方法不能为空"));
        } else if (method.isEmpty()) {
            errors.add(error(layout, row, RiskPointSheet.METHOD, "评价方法“" + methodCell.text() + "”不在可选范围内：" + String.join("、", RiskPointSheet.methodLabels())));
        }
        RiskAssessmentInput assessment = new RiskAssessmentInput(method.orElse(null))
                .l(layout.number(r, RiskPointSheet.L, errors))
                .e(layout.number(r, RiskPointSheet.E, errors))
                .c(layout.number(r, RiskPointSheet.C, errors))
                .s(layout.number(r, RiskPointSheet.S, errors));
        List<String> unknown = new ArrayList<>();
        assessment.directFlags(RiskPointSheet.flags(layout.cell(r, RiskPointSheet.DIRECT_FLAGS), unknown));
        if (!unknown.isEmpty()) {
            errors.add(error(layout, row, RiskPointSheet.DIRECT_FLAGS, "直接判定情形“" + String.join("；", unknown)
                    + "”无法识别：请填写“填写说明”中所列情形的文字或代码，多个情形用分号（；）分隔"));
        }
        CellValue levelCell = layout.cell(r, RiskPointSheet.CONTROL_LEVEL);
        Optional<ControlLevel> level = RiskPointSheet.controlLevel(levelCell);
        if (!levelCell.isBlank() && level.isEmpty()) {
            errors.add(error(layout, row, RiskPointSheet.CONTROL_LEVEL, "管控层级“" + levelCell.text() + "”不在可选范围内："
                    + String.join("、", RiskPointSheet.controlLevelLabels())));
        }
        return new RiskPointInput(name, type.orElse(null), assessment)
                .location(text(layout, r, RiskPointSheet.LOCATION))
                .analysisObject(text(layout, r, RiskPointSheet.ANALYSIS_OBJECT))
                .analysisUnit(text(layout, r, RiskPointSheet.ANALYSIS_UNIT))
                .controlLevel(level.orElse(null))
                .responsibleDepartment(text(layout, r, RiskPointSheet.DEPARTMENT))
                .responsiblePerson(text(layout, r, RiskPointSheet.PERSON));
    }

    private static final Pattern EVENT_PATH = Pattern.compile("events\\[(\\d+)]\\.?(name|controlMeasures)?(?:\\[(\\d+)]\\.\\w+)?");

    private static final Map<String, String> HEADER_OF = Map.of("name", RiskPointSheet.NAME, "location", RiskPointSheet.LOCATION,
            "analysisObject", RiskPointSheet.ANALYSIS_OBJECT, "analysisUnit", RiskPointSheet.ANALYSIS_UNIT,
            "responsibleDepartment", RiskPointSheet.DEPARTMENT, "responsiblePerson", RiskPointSheet.PERSON, "events", RiskPointSheet.EVENT);

    /** Where the rules name a field of the assessment. */
    private static final Map<String, String> HEADER_OF_FACT = Map.of("method", RiskPointSheet.METHOD, "l", RiskPointSheet.L,
            "e", RiskPointSheet.E, "c", RiskPointSheet.C, "s", RiskPointSheet.S, "directFlags", RiskPointSheet.DIRECT_FLAGS);

    /**
     * The risk point with its events, validated as the API validates it and graded by the rules; empty when any of
     * its cells is wrong (each one an error).
     */
    private Optional<RiskPointRegister.Graded> grade(Headers.Layout layout, Draft draft, List<SpreadsheetError> errors) {
        RiskPointInput in = draft.input;
        List<String> eventNames = List.copyOf(draft.eventRows.keySet());
        in.events(eventNames.stream().map(e -> new RiskEvent(e).controlMeasures(draft.measures.get(e))).toList());
        if (draft.unreadable) {
            return Optional.empty();
        }
        int before = errors.size();
        for (ConstraintViolation<RiskPointInput> v : validator.validate(in)) {
            String path = v.getPropertyPath().toString();
            Matcher m = EVENT_PATH.matcher(path);
            if (m.matches()) {
                String event = eventNames.get(Integer.parseInt(m.group(1)));
                if (m.group(3) != null) {
                    int row = draft.measureRows.get(event).get(Integer.parseInt(m.group(3)));
                    errors.add(error(layout, row, RiskPointSheet.MEASURE, RiskPointSheet.MEASURE + "：" + v.getMessage()));
                } else if ("controlMeasures".equals(m.group(2))) {
                    errors.add(error(layout, draft.eventRows.get(event), RiskPointSheet.MEASURE, "风险事件“" + event + "”的管控措施：" + v.getMessage()));
                } else {
                    errors.add(error(layout, draft.eventRows.get(event), RiskPointSheet.EVENT, RiskPointSheet.EVENT + "：" + v.getMessage()));
                }
            } else {
                String header = HEADER_OF.getOrDefault(path, RiskPointSheet.NAME);
                errors.add(error(layout, draft.firstRow, header, header + "：" + v.getMessage()));
            }
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        RiskPointRegister.Graded graded;
        try {
            graded = new RiskPointRegister.Graded(in, register.grade(in.getAssessment()));
        } catch (InvalidFactException e) {
            errors.add(error(layout, draft.firstRow, HEADER_OF_FACT.getOrDefault(e.field(), RiskPointSheet.METHOD), e.getMessage()));
            return Optional.empty();
        }
        Optional<String> refusal = RiskPointRegister.controlLevelRefusal(in.getControlLevel(), graded.grade().grade());
        refusal.ifPresent(why -> errors.add(error(layout, draft.firstRow, RiskPointSheet.CONTROL_LEVEL, why)));
        return refusal.isPresent() ? Optional.empty() : Optional.of(graded);
    }

    /** New names created; known ones replaced where anything would change, the rest counted unchanged. */
    private SheetImports.Counts write(Checked checked) {
        Map<String, List<Long>> known = register.idsByName(checked.enterpriseId());
        Map<Long, RiskPointRegister.Graded> existing = new LinkedHashMap<>();
        long created = 0;
        for (RiskPointRegister.Graded point : checked.points()) {
            List<Long> ids = known.getOrDefault(point.input().getName(), List.of());
            if (ids.size() > 1) {
                throw ApiException.conflict("导入期间本企业又登记了名为“" + point.input().getName() + "”的风险点，未导入任何数据，请重新上传");
            }
            if (ids.isEmpty()) {
                register.insert(checked.enterpriseId(), point, checked.gradedBy());
                created++;
            } else {
                existing.put(ids.get(0), point);
            }
        }
        Map<Long, Integer> changed = register.changedBy(existing);
        changed.forEach((id, version) -> register.replace(id, OptionalInt.of(version), existing.get(id), checked.gradedBy()));
        return new SheetImports.Counts(created, changed.size(), existing.size() - changed.size());
    }

    private static String text(Headers.Layout layout, SheetRow r, String header) {
        String text = layout.cell(r, header).text();
        return text.isEmpty() ? null : text;
    }

    /** A problem at the cell of {@code header} in {@code row}; at the 风险点名称 cell when the sheet lacks that column. */
    private static SpreadsheetError error(Headers.Layout layout, int row, String header, String message) {
        int column = layout.index(header).orElse(layout.index(RiskPointSheet.NAME).orElse(0));
        return WorkbookReader.error(layout.sheet(), row, column, message);
    }
}
