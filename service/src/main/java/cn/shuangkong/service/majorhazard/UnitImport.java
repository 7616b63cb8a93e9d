package cn.shuangkong.service.majorhazard;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import cn.shuangkong.rules.InvalidFactException;
import cn.shuangkong.rules.majorhazard.MajorHazardResult;
import cn.shuangkong.schema.tables.records.ChemicalUnitRecord;
import cn.shuangkong.service.api.model.ChemicalInput;
import cn.shuangkong.service.api.model.ChemicalUnitInput;
import cn.shuangkong.service.api.model.ImportResult;
import cn.shuangkong.service.api.model.SpreadsheetError;
import cn.shuangkong.service.api.model.UnitType;
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
 * The import of an enterprise's units and their chemicals (GB 18218-2018), all or nothing: one row per chemical, rows
 * with the same 单元名称 one unit. Every unit is checked as the API checks it (the contract's bean validation on
 * {@link ChemicalUnitInput}) and identified and graded by the {@code majorhazard} rules before anything is written, so a
 * chemical the rules cannot evaluate is an error at its own row. A unit whose name the enterprise has is replaced and
 * graded again, a new name is created.
 */
@Service
class UnitImport {

    /** Chemical rows a sheet may have. */
    static final int MAX_ROWS = 20_000;
    private static final Pattern CHEMICAL_FIELD = Pattern.compile("chemicals\\[(\\d+)](?:\\.(\\w+))?.*");
    private static final Pattern SYMBOL_SEPARATORS = Pattern.compile("[,;、\\s]+");

    private final UnitRegister register;
    private final EnterpriseRegistry enterprises;
    private final SheetImports imports;
    private final RowValidator validator;

    UnitImport(UnitRegister register, EnterpriseRegistry enterprises, SheetImports imports, RowValidator validator) {
        this.register = register;
        this.enterprises = enterprises;
        this.imports = imports;
        this.validator = validator;
    }

    /** A unit as the sheet gives it: its input, the rows it came from (one per chemical), and its grade once checked. */
    record Unit(ChemicalUnitInput input, List<Integer> rows, MajorHazardResult result) {
    }

    /** A unit being read: its rows, the row that gave each unit-level cell, and the problems its rows had. */
    private static final class Reading {
        final ChemicalUnitInput input;
        final List<Integer> rows = new ArrayList<>();
        final Map<String, Integer> givenAt = new LinkedHashMap<>();
        final Set<String> invalid = new HashSet<>();
        int problems;

        Reading(String name) {
            input = new ChemicalUnitInput(name, null, null, new ArrayList<>());
        }
    }

    ImportResult upload(CurrentUser user, String uscc, MultipartFile file) {
        long enterpriseId = enterprises.requireInScope(user, uscc);
        return imports.run(user, ImportJournal.UNITS, "enterprise:" + uscc, file, content -> check(enterpriseId, content),
                units -> write(user, enterpriseId, units));
    }

    List<Unit> check(long enterpriseId, byte[] content) {
        List<SpreadsheetError> errors = new ArrayList<>();
        Map<String, Reading> readings = new LinkedHashMap<>();
        Headers.Layout[] layout = new Headers.Layout[1];
        WorkbookReader.read(content, ReadLimits.rows(MAX_ROWS), r -> {
            if (layout[0] == null) {
                layout[0] = UnitSheet.COLUMNS.match(r).orElse(null);
            } else if (r.sheet().equals(layout[0].sheet())) {
                read(layout[0], r, readings, errors);
            }
        });
        if (layout[0] == null) {
            throw SpreadsheetRejected.file("未找到单元及危险化学品表的表头行：须有“" + UnitSheet.COLUMNS.requiredHeaders() + "”等列（请使用系统下载的模板）");
        }
        Headers.Layout sheet = layout[0];
        List<Unit> units = new ArrayList<>();
        for (Reading unit : readings.values()) {
            grade(sheet, unit, errors).ifPresent(units::add);
        }
        if (errors.isEmpty()) {
            checkAgainstRegister(sheet, enterpriseId, units, errors);
        }
        if (!errors.isEmpty()) {
            throw new SpreadsheetRejected("单元及危险化学品表有 " + errors.size() + " 处错误，未导入任何数据", errors);
        }
        if (units.isEmpty()) {
            throw SpreadsheetRejected.file("单元及危险化学品表中没有单元");
        }
        return units;
    }

    /** One chemical row, added to its unit; the unit-level cells it gives must agree with the unit's earlier rows. */
    private void read(Headers.Layout layout, SheetRow r, Map<String, Reading> readings, List<SpreadsheetError> errors) {
        if (UnitSheet.HEADERS.stream().allMatch(key -> layout.cell(r, key).isBlank())) {
            return; // a note under the table
        }
        String name = layout.cell(r, UnitSheet.UNIT_NAME).text();
        if (name.isEmpty()) {
            errors.add(error(layout, r.number(), UnitSheet.UNIT_NAME, "单元名称不能为空（同一单元的每一行都须填写单元名称）"));
            return;
        }
        Reading unit = readings.computeIfAbsent(name, Reading::new);
        unit.rows.add(r.number());
        int before = errors.size();

        CellValue typeCell = layout.cell(r, UnitSheet.UNIT_TYPE);
        Optional<UnitType> type = UnitSheet.unitType(typeCell);
        if (!typeCell.isBlank() && type.isEmpty()) {
            unit.invalid.add(UnitSheet.UNIT_TYPE);
            errors.add(error(layout, r.number(), UnitSheet.UNIT_TYPE, "单元类型“" + typeCell.text() + "”不在可选范围内：" + String.join("、", UnitSheet.unitTypeLabels())));
        }
        type.ifPresent(t -> agree(layout, r, unit, UnitSheet.UNIT_TYPE, unit.input.getUnitType(), t, UnitSheet.label(t), unit.input::unitType, errors));
        String location = layout.cell(r, UnitSheet.LOCATION).text();
        if (!location.isEmpty()) {
            agree(layout, r, unit, UnitSheet.LOCATION, unit.input.getLocation(), location, location, unit.input::location, errors);
        }
        int beforePeople = errors.size();
        BigDecimal people = layout.number(r, UnitSheet.EXPOSED_PEOPLE, errors);
        if (errors.size() > beforePeople) {
            unit.invalid.add(UnitSheet.EXPOSED_PEOPLE);
        } else if (people != null && people.stripTrailingZeros().scale() > 0) {
            unit.invalid.add(UnitSheet.EXPOSED_PEOPLE);
            errors.add(error(layout, r.number(), UnitSheet.EXPOSED_PEOPLE, UnitSheet.EXPOSED_PEOPLE + "应为整数：" + people.toPlainString()));
        } else if (people != null && people.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            unit.invalid.add(UnitSheet.EXPOSED_PEOPLE);
            errors.add(error(layout, r.number(), UnitSheet.EXPOSED_PEOPLE, UnitSheet.EXPOSED_PEOPLE + "过大：" + people.toPlainString()));
        } else if (people != null) {
            int count = people.intValueExact();
            agree(layout, r, unit, UnitSheet.EXPOSED_PEOPLE, unit.input.getExposedPeople(), count, String.valueOf(count), unit.input::exposedPeople, errors);
        }

        BigDecimal quantity = layout.number(r, UnitSheet.QUANTITY, errors);
        if (quantity == null && layout.cell(r, UnitSheet.QUANTITY).isBlank()) {
            errors.add(error(layout, r.number(), UnitSheet.QUANTITY, "存在量（吨）不能为空"));
        }
        unit.input.getChemicals().add(new ChemicalInput(quantity)
                .name(blankToNull(layout.cell(r, UnitSheet.CHEMICAL).text()))
                .cas(blankToNull(CellParsing.code(layout.cell(r, UnitSheet.CAS))))
                .hazardSymbols(symbols(layout.cell(r, UnitSheet.HAZARD_SYMBOLS))));
        unit.problems += errors.size() - before;
    }

    /** A unit-level cell: the first row that gives it sets it, a later row that gives another value is an error. */
    private static <T> void agree(Headers.Layout layout, SheetRow r, Reading unit, String header, T current, T given, String shown,
                                  Consumer<T> set, List<SpreadsheetError> errors) {
        if (current == null) {
            set.accept(given);
            unit.givenAt.put(header, r.number());
        } else if (!current.equals(given)) {
            String first = current instanceof UnitType t ? UnitSheet.label(t) : String.valueOf(current);
            errors.add(error(layout, r.number(), header, "单元“" + unit.input.getName() + "”的" + header + "“" + shown + "”与第 "
                    + unit.givenAt.get(header) + " 行的“" + first + "”不一致：同一单元各行的" + header + "须相同"));
        }
    }

    /** The unit checked as the API checks it, then identified and graded; every problem at its cell. */
    private Optional<Unit> grade(Headers.Layout layout, Reading unit, List<SpreadsheetError> errors) {
        int before = errors.size();
        int first = unit.rows.get(0);
        ChemicalUnitInput in = unit.input;
        if (in.getUnitType() == null && !unit.invalid.contains(UnitSheet.UNIT_TYPE)) {
            errors.add(error(layout, first, UnitSheet.UNIT_TYPE, "单元“" + in.getName() + "”的单元类型不能为空，可选：" + String.join("、", UnitSheet.unitTypeLabels())));
        }
        if (in.getExposedPeople() == null && !unit.invalid.contains(UnitSheet.EXPOSED_PEOPLE)) {
            errors.add(error(layout, first, UnitSheet.EXPOSED_PEOPLE, "单元“" + in.getName() + "”的" + UnitSheet.EXPOSED_PEOPLE + "不能为空，无人填 0"));
        }
        for (ConstraintViolation<ChemicalUnitInput> v : validator.validate(in)) {
            String property = v.getPropertyPath().toString();
            Matcher chemical = CHEMICAL_FIELD.matcher(property);
            if (property.equals("chemicals")) {
                errors.add(error(layout, first, UnitSheet.UNIT_NAME, "单元“" + in.getName() + "”有 " + in.getChemicals().size() + " 种危险化学品，超过上限 500 种"));
            } else if (chemical.matches()) {
                int i = Integer.parseInt(chemical.group(1));
                if ("quantityTonnes".equals(chemical.group(2)) && in.getChemicals().get(i).getQuantityTonnes() == null) {
                    continue; // reported as it was read
                }
                String header = switch (String.valueOf(chemical.group(2))) {
                    case "cas" -> UnitSheet.CAS;
                    case "hazardSymbols" -> UnitSheet.HAZARD_SYMBOLS;
                    case "quantityTonnes" -> UnitSheet.QUANTITY;
                    default -> UnitSheet.CHEMICAL;
                };
                errors.add(error(layout, unit.rows.get(i), header, header + "：" + v.getMessage()));
            } else if (property.equals("location")) {
                errors.add(error(layout, unit.givenAt.getOrDefault(UnitSheet.LOCATION, first), UnitSheet.LOCATION, UnitSheet.LOCATION + "：" + v.getMessage()));
            } else if (property.equals("name")) {
                errors.add(error(layout, first, UnitSheet.UNIT_NAME, UnitSheet.UNIT_NAME + "：" + v.getMessage()));
            }
        }
        InvalidFactException refused = null;
        if (unit.problems == 0 && errors.size() == before) {
            try {
                return Optional.of(new Unit(in, List.copyOf(unit.rows), register.assess(in)));
            } catch (InvalidFactException e) {
                refused = e;
                if (!CHEMICAL_FIELD.matcher(e.field()).matches()) {
                    errors.add(error(layout, unit.givenAt.getOrDefault(header(e.field()), first), header(e.field()), e.getMessage()));
                }
            }
        }
        identifyEach(layout, unit, errors);
        if (refused != null && errors.size() == before) {
            errors.add(error(layout, first, UnitSheet.UNIT_NAME, refused.getMessage())); // never left unsaid, wherever it belongs
        }
        return Optional.empty();
    }

    /**
     * The rules stop at the first chemical they cannot evaluate, and not at all while the unit's own cells are wrong:
     * each chemical graded alone (as a unit of a valid type and people count where the unit's are not) names every one.
     */
    private void identifyEach(Headers.Layout layout, Reading unit, List<SpreadsheetError> errors) {
        ChemicalUnitInput in = unit.input;
        UnitType type = in.getUnitType() == null ? UnitType.STORAGE : in.getUnitType();
        int people = in.getExposedPeople() == null || in.getExposedPeople() < 0 ? 0 : in.getExposedPeople();
        Set<String> chemicalColumns = Set.of(UnitSheet.CHEMICAL, UnitSheet.CAS, UnitSheet.HAZARD_SYMBOLS, UnitSheet.QUANTITY).stream()
                .map(h -> column(layout, h)).collect(Collectors.toSet());
        for (int i = 0; i < in.getChemicals().size(); i++) {
            int row = unit.rows.get(i);
            if (errors.stream().anyMatch(e -> Integer.valueOf(row).equals(e.getRow()) && chemicalColumns.contains(e.getColumn()))) {
                continue; // this chemical's cells are wrong already
            }
            try {
                register.assess(new ChemicalUnitInput(in.getName(), type, people, List.of(in.getChemicals().get(i))));
            } catch (InvalidFactException e) {
                errors.add(chemicalError(layout, unit, i, e));
            }
        }
    }

    /** A rule set's refusal of chemical {@code i} of the unit, at its row: its quantity, its symbols, or its name (what identifies it). */
    private static SpreadsheetError chemicalError(Headers.Layout layout, Reading unit, int i, InvalidFactException e) {
        Matcher field = CHEMICAL_FIELD.matcher(e.field());
        String part = field.matches() ? String.valueOf(field.group(2)) : "";
        ChemicalInput chemical = unit.input.getChemicals().get(i);
        String header = switch (part) {
            case "quantityTonnes" -> UnitSheet.QUANTITY;
            case "hazardSymbols" -> UnitSheet.HAZARD_SYMBOLS;
            default -> chemical.getName() == null && chemical.getCas() != null ? UnitSheet.CAS : UnitSheet.CHEMICAL;
        };
        return error(layout, unit.rows.get(i), header, e.getMessage());
    }

    private static String header(String field) {
        return switch (field) {
            case "unitType" -> UnitSheet.UNIT_TYPE;
            case "exposedPeople" -> UnitSheet.EXPOSED_PEOPLE;
            default -> UnitSheet.UNIT_NAME;
        };
    }

    /** Names the enterprise uses for several units cannot say which one the sheet means. */
    private void checkAgainstRegister(Headers.Layout layout, long enterpriseId, List<Unit> units, List<SpreadsheetError> errors) {
        Map<String, List<ChemicalUnitRecord>> known = register.named(enterpriseId, units.stream().map(u -> u.input().getName()).toList());
        for (Unit unit : units) {
            int count = known.getOrDefault(unit.input().getName(), List.of()).size();
            if (count > 1) {
                errors.add(error(layout, unit.rows().get(0), UnitSheet.UNIT_NAME, "本企业已有 " + count + " 个名为“" + unit.input().getName()
                        + "”的单元，无法确定更新哪一个：请先在系统中将其改为不同的名称"));
            }
        }
    }

    /** Known names replaced where anything (grade included) changes, new names created; every unit's grade recorded. */
    private SheetImports.Counts write(CurrentUser user, long enterpriseId, List<Unit> units) {
        Map<String, List<ChemicalUnitRecord>> known = register.named(enterpriseId, units.stream().map(u -> u.input().getName()).toList());
        long created = 0;
        long updated = 0;
        long unchanged = 0;
        for (Unit unit : units) {
            List<ChemicalUnitRecord> current = known.getOrDefault(unit.input().getName(), List.of());
            if (current.size() > 1) {
                throw ApiException.conflict("单元“" + unit.input().getName() + "”在导入期间被他人重复登记，未导入任何数据，请重新上传");
            }
            if (current.isEmpty()) {
                register.insert(user, enterpriseId, unit.input(), unit.result());
                created++;
            } else if (register.unchanged(current.get(0), unit.input(), unit.result())) {
                unchanged++;
            } else {
                register.replace(user, current.get(0).getId(), OptionalInt.of(current.get(0).getVersion()), unit.input(), unit.result());
                updated++;
            }
        }
        return new SheetImports.Counts(created, updated, unchanged);
    }

    /** Symbols as typed: W5.1、J2 or "w5.1, j2" (full-width folded, upper case); the rules check each. */
    private static List<String> symbols(CellValue cell) {
        String text = Normalizer.normalize(cell.text(), Normalizer.Form.NFKC).toUpperCase().strip();
        return text.isEmpty() ? List.of() : Arrays.stream(SYMBOL_SEPARATORS.split(text)).filter(s -> !s.isEmpty()).toList();
    }

    private static SpreadsheetError error(Headers.Layout layout, int row, String header, String message) {
        return WorkbookReader.error(layout.sheet(), row, index(layout, header), message);
    }

    /** The column letter of {@code header} (a column the sheet lacks: 单元名称's). */
    private static String column(Headers.Layout layout, String header) {
        return WorkbookReader.error(layout.sheet(), 1, index(layout, header), "").getColumn();
    }

    private static int index(Headers.Layout layout, String header) {
        return layout.index(header).orElse(layout.index(UnitSheet.UNIT_NAME).orElse(0));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
