package cn.shuangkong.service.hazardpoint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import cn.shuangkong.rules.InvalidFactException;
import cn.shuangkong.rules.hazardpoint.HazardPointGrade;
import cn.shuangkong.schema.tables.records.HazardPointRecord;
import cn.shuangkong.service.api.model.HazardPointInput;
import cn.shuangkong.service.api.model.HazardPointStatus;
import cn.shuangkong.service.api.model.HazardPointType;
import cn.shuangkong.service.api.model.ImportResult;
import cn.shuangkong.service.api.model.Role;
import cn.shuangkong.service.api.model.SpreadsheetError;
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
 * The import of geological hazard points (地质灾害隐患点), all or nothing: one row per point, checked as the API checks
 * it (the contract's bean validation on {@link HazardPointInput}, a county or township in the caller's jurisdiction)
 * and graded by the {@code hazardpoint} rules before anything is written. A row names a point by its name within its
 * region: the active point so named is updated, a new name created.
 */
@Service
class HazardPointImport {

    /** Rows a sheet may have. */
    static final int MAX_ROWS = 20_000;
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final HazardPointRegister register;
    private final SheetImports imports;
    private final RowValidator validator;

    HazardPointImport(HazardPointRegister register, SheetImports imports, RowValidator validator) {
        this.register = register;
        this.imports = imports;
        this.validator = validator;
    }

    /** A point as the sheet gives it, at its row, with its grade. */
    record Row(int number, HazardPointInput input, HazardPointGrade grade) {

        HazardPointRegister.Key key() {
            return new HazardPointRegister.Key(input.getName(), input.getRegionCode());
        }
    }

    /** The header row, and whether its loss column is in 万元 rather than 元. */
    private record Layout(Headers.Layout headers, boolean lossInTenThousands) {
    }

    ImportResult upload(CurrentUser user, MultipartFile file) {
        // The rows say where they are, but whether they may be imported depends on who uploads them.
        String jurisdiction = user.role() == Role.ADMIN ? "jurisdiction:*" : "jurisdiction:" + user.regionCode();
        return imports.run(user, ImportJournal.HAZARD_POINTS, jurisdiction, file, content -> check(user, content), rows -> write(user, rows));
    }

    List<Row> check(CurrentUser user, byte[] content) {
        List<SpreadsheetError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<HazardPointRegister.Key, Integer> seen = new HashMap<>();
        Layout[] layout = new Layout[1];
        WorkbookReader.read(content, ReadLimits.rows(MAX_ROWS), r -> {
            if (layout[0] == null) {
                layout[0] = HazardPointSheet.COLUMNS.match(r).map(found -> new Layout(found,
                        r.cell(found.index(HazardPointSheet.POTENTIAL_LOSS).orElseThrow()).text().contains("万元"))).orElse(null);
                return;
            }
            if (!r.sheet().equals(layout[0].headers().sheet())) {
                return;
            }
            Row row = row(user, layout[0], r, errors);
            if (row != null) {
                Integer first = seen.putIfAbsent(row.key(), r.number());
                if (first != null) {
                    errors.add(error(layout[0].headers(), r.number(), HazardPointSheet.NAME, "隐患点“" + row.input().getName() + "”（"
                            + row.input().getRegionCode() + "）重复：第 " + first + " 行已有"));
                } else {
                    rows.add(row);
                }
            }
        });
        if (layout[0] == null) {
            throw SpreadsheetRejected.file("未找到地质灾害隐患点表的表头行：须有“" + HazardPointSheet.COLUMNS.requiredHeaders() + "”等列（请使用系统下载的模板）");
        }
        if (errors.isEmpty()) {
            checkAgainstRegister(layout[0].headers(), rows, errors);
        }
        if (!errors.isEmpty()) {
            throw new SpreadsheetRejected("地质灾害隐患点表有 " + errors.size() + " 处错误，未导入任何数据", errors);
        }
        if (rows.isEmpty()) {
            throw SpreadsheetRejected.file("地质灾害隐患点表中没有隐患点");
        }
        return rows;
    }

    private Row row(CurrentUser user, Layout sheet, SheetRow r, List<SpreadsheetError> errors) {
        Headers.Layout layout = sheet.headers();
        if (HazardPointSheet.HEADERS.stream().allMatch(key -> layout.cell(r, key).isBlank())) {
            return null; // a note under the table
        }
        int before = errors.size();
        String regionCode = CellParsing.code(layout.cell(r, HazardPointSheet.REGION_CODE));
        HazardPointInput in = new HazardPointInput(layout.cell(r, HazardPointSheet.NAME).text(), regionCode, null, null, null);
        CellValue typeCell = layout.cell(r, HazardPointSheet.TYPE);
        Optional<HazardPointType> type = HazardPointSheet.type(typeCell);
        if (typeCell.isBlank()) {
            errors.add(error(layout, r.number(), HazardPointSheet.TYPE, "灾害类型不能为空，可选：" + String.join("、", HazardPointSheet.typeLabels())));
        } else if (type.isEmpty()) {
            errors.add(error(layout, r.number(), HazardPointSheet.TYPE, "灾害类型“" + typeCell.text() + "”不在可选范围内：" + String.join("、", HazardPointSheet.typeLabels())));
        }
        in.type(type.orElse(null));
        in.location(blankToNull(layout.cell(r, HazardPointSheet.LOCATION).text()));
        in.longitude(layout.number(r, HazardPointSheet.LONGITUDE, errors));
        in.latitude(layout.number(r, HazardPointSheet.LATITUDE, errors));
        int beforePeople = errors.size();
        BigDecimal people = layout.number(r, HazardPointSheet.THREATENED_PEOPLE, errors);
        if (people == null && errors.size() == beforePeople) {
            errors.add(error(layout, r.number(), HazardPointSheet.THREATENED_PEOPLE, "受威胁人数不能为空，无人受威胁请填 0"));
        } else if (people != null && (people.stripTrailingZeros().scale() > 0 || people.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0)) {
            errors.add(error(layout, r.number(), HazardPointSheet.THREATENED_PEOPLE, "受威胁人数应为整数：" + people.toPlainString()));
        } else if (people != null) {
            in.threatenedPeople(people.intValueExact());
        }
        int beforeLoss = errors.size();
        BigDecimal loss = layout.number(r, HazardPointSheet.POTENTIAL_LOSS, errors);
        if (loss == null && errors.size() == beforeLoss) {
            errors.add(error(layout, r.number(), HazardPointSheet.POTENTIAL_LOSS, "潜在经济损失不能为空，无损失请填 0"));
        }
        in.potentialLossYuan(loss == null || !sheet.lossInTenThousands() ? loss : loss.multiply(TEN_THOUSAND));
        in.monitoringPerson(blankToNull(layout.cell(r, HazardPointSheet.MONITORING_PERSON).text()));

        for (ConstraintViolation<HazardPointInput> v : validator.validate(in)) {
            String property = v.getPropertyPath().toString();
            String header = HEADER_OF.get(property);
            if (header != null && !(v.getInvalidValue() == null && REPORTED_WHEN_MISSING.contains(property))) {
                errors.add(error(layout, r.number(), header, header + (layout.cell(r, header).isBlank() ? "不能为空" : "：" + v.getMessage())));
            }
        }
        if (regionCode.isEmpty()) {
            errors.add(error(layout, r.number(), HazardPointSheet.REGION_CODE, "行政区划代码不能为空"));
        } else {
            Optional<String> locality = register.localityProblem(regionCode);
            locality.ifPresent(why -> errors.add(error(layout, r.number(), HazardPointSheet.REGION_CODE, why)));
            if (locality.isEmpty()) {
                register.scopeProblem(user, regionCode).ifPresent(why -> errors.add(error(layout, r.number(), HazardPointSheet.REGION_CODE, why)));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        try {
            return new Row(r.number(), in, register.assess(in));
        } catch (InvalidFactException e) {
            String header = HEADER_OF.getOrDefault(e.field(), HazardPointSheet.NAME);
            errors.add(error(layout, r.number(), header, e.getMessage()));
            return null;
        }
    }

    /** Missing because blank or wrong, and reported as such already. */
    private static final Set<String> REPORTED_WHEN_MISSING = Set.of("type", "threatenedPeople", "potentialLossYuan");

    private static final Map<String, String> HEADER_OF = Map.ofEntries(
            Map.entry("name", HazardPointSheet.NAME), Map.entry("regionCode", HazardPointSheet.REGION_CODE), Map.entry("type", HazardPointSheet.TYPE),
            Map.entry("location", HazardPointSheet.LOCATION), Map.entry("longitude", HazardPointSheet.LONGITUDE),
            Map.entry("latitude", HazardPointSheet.LATITUDE), Map.entry("threatenedPeople", HazardPointSheet.THREATENED_PEOPLE),
            Map.entry("potentialLossYuan", HazardPointSheet.POTENTIAL_LOSS), Map.entry("monitoringPerson", HazardPointSheet.MONITORING_PERSON));

    /** A row names one active point: not several, and not one that has been closed (核销). */
    private void checkAgainstRegister(Headers.Layout layout, List<Row> rows, List<SpreadsheetError> errors) {
        Map<HazardPointRegister.Key, List<HazardPointRecord>> known = register.named(rows.stream().map(Row::key).toList());
        for (Row row : rows) {
            List<HazardPointRecord> points = known.getOrDefault(row.key(), List.of());
            List<HazardPointRecord> active = active(points);
            if (active.size() > 1) {
                errors.add(error(layout, row.number(), HazardPointSheet.NAME, "该行政区划内已有 " + active.size() + " 处名为“" + row.input().getName()
                        + "”的在册隐患点，无法确定更新哪一处：请先在系统中将其改为不同的名称"));
            } else if (active.isEmpty() && !points.isEmpty()) {
                errors.add(error(layout, row.number(), HazardPointSheet.NAME, "隐患点“" + row.input().getName() + "”已核销，不能通过导入修改；"
                        + "如为重新认定的隐患点，请在名称中加以区别（如注明年份）"));
            }
        }
    }

    /** Known points updated where anything (grade included) changes, new ones created; every grade recorded. */
    private SheetImports.Counts write(CurrentUser user, List<Row> rows) {
        Map<HazardPointRegister.Key, List<HazardPointRecord>> known = register.named(rows.stream().map(Row::key).toList());
        long created = 0;
        long updated = 0;
        long unchanged = 0;
        for (Row row : rows) {
            List<HazardPointRecord> points = known.getOrDefault(row.key(), List.of());
            List<HazardPointRecord> active = active(points);
            if (active.size() > 1 || active.isEmpty() && !points.isEmpty()) {
                throw ApiException.conflict("隐患点“" + row.input().getName() + "”在导入期间被他人修改，未导入任何数据，请重新上传");
            }
            if (active.isEmpty()) {
                register.insert(user, row.input(), row.grade());
                created++;
            } else if (HazardPointRegister.unchanged(active.get(0), row.input(), row.grade())) {
                unchanged++;
            } else {
                register.replace(user, active.get(0).getId(), OptionalInt.of(active.get(0).getVersion()), row.input(), row.grade());
                updated++;
            }
        }
        return new SheetImports.Counts(created, updated, unchanged);
    }

    private static List<HazardPointRecord> active(List<HazardPointRecord> points) {
        return points.stream().filter(p -> HazardPointStatus.ACTIVE.getValue().equals(p.getStatus())).toList();
    }

    private static SpreadsheetError error(Headers.Layout layout, int row, String header, String message) {
        int column = layout.index(header).orElse(layout.index(HazardPointSheet.NAME).orElse(0));
        return WorkbookReader.error(layout.sheet(), row, column, message);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
