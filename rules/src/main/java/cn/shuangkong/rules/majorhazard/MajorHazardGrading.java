package cn.shuangkong.rules.majorhazard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import cn.shuangkong.rules.InvalidFactException;
import cn.shuangkong.rules.Reason;
import cn.shuangkong.rules.RuleSet;

/**
 * Identifies and grades a 危险化学品重大危险源 by GB 18218-2018. Java identifies each chemical in the catalogue
 * ({@code gb18218-table1…4.tsv}: Q, β) and does the arithmetic (S, Σ β·q/Q, R); the rules decide the thresholds:
 * S ≥ 1 ({@code major-hazard-source.drl}, which also explains choices among several hazard symbols), α ({@code gb18218-table5-alpha.drl.xlsx}), the level
 * ({@code gb18218-table6-level.drl.xlsx}), the colour ({@code major-hazard-colour.drl.xlsx}, a default policy) and
 * a storage unit's direct determination ({@code storage-direct-determination.drl}).
 * Thread-safe; build one and share it.
 */
public final class MajorHazardGrading {

    public static final String NAME = "majorhazard";
    private static final String PATH = HazardousChemicalCatalogue.PATH;
    private static final List<String> RULES = List.of(PATH + "major-hazard-source.drl", PATH + "gb18218-table5-alpha.drl.xlsx",
            PATH + "gb18218-table6-level.drl.xlsx", PATH + "major-hazard-colour.drl.xlsx", PATH + "storage-direct-determination.drl");

    private final HazardousChemicalCatalogue catalogue = HazardousChemicalCatalogue.gb18218();
    private final RuleSet rules = RuleSet.load(NAME, Stream.concat(RULES.stream(), HazardousChemicalCatalogue.RESOURCES.stream()).toList());

    /**
     * @throws InvalidFactException        (400) when an input is missing, negative or not a Table-2 hazard symbol
     * @throws cn.shuangkong.rules.UnprocessableFactException (422) when a chemical cannot be identified, or needs a
     *                                     hazard symbol for its Q or β and has none
     */
    public MajorHazardResult grade(MajorHazardInput input) {
        validate(input);
        List<ChemicalAssessment> chemicals = IntStream.range(0, input.chemicals().size())
                .mapToObj(i -> ChemicalAssessment.identify(catalogue, input.chemicals().get(i), i))
                .toList();
        BigDecimal s = chemicals.stream().map(ChemicalAssessment::ratio).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal weighted = chemicals.stream().map(c -> c.getBeta().multiply(c.ratio())).reduce(BigDecimal.ZERO, BigDecimal::add);
        MajorHazardAssessment unit = new MajorHazardAssessment(input.unitType(), input.exposedPeople(), s, weighted);

        List<Object> facts = new ArrayList<>();
        facts.add(unit);
        facts.addAll(chemicals);
        List<Reason> reasons = rules.evaluate(facts.toArray());
        if (unit.getMajorHazardSource() == null || unit.getAlpha() == null || unit.getGrade() == null
                || unit.getMajorHazardSource() && unit.getLevel() == null) {
            throw new IllegalStateException("The majorhazard rules left S=" + unit.getS() + ", people=" + unit.getExposedPeople() + ", R="
                    + unit.getR() + " undecided");
        }
        return new MajorHazardResult(input.unitType(), unit.getMajorHazardSource(), unit.getS(), unit.getAlpha(), unit.getR(), unit.getLevel(),
                unit.getGrade(), chemicals.stream().map(ChemicalAssessment::toResult).toList(), reasons, rules.version());
    }

    /** The SHA-256 of the rules, decision tables and catalogue files. */
    public String ruleSetVersion() {
        return rules.version();
    }

    private void validate(MajorHazardInput input) {
        if (input.unitType() == null) {
            throw new InvalidFactException("unitType", "单元类型不能为空，可选：PRODUCTION（生产单元）、STORAGE（储存单元）");
        }
        if (input.exposedPeople() == null) {
            throw new InvalidFactException("exposedPeople", "厂区边界向外扩展500米范围内常住人口数量（厂外可能暴露人员数量）不能为空");
        }
        if (input.exposedPeople() < 0) {
            throw new InvalidFactException("exposedPeople", "厂外可能暴露人员数量不能为负数：" + input.exposedPeople());
        }
        if (input.chemicals().isEmpty()) {
            throw new InvalidFactException("chemicals", "单元内至少须有一种危险化学品");
        }
        for (int i = 0; i < input.chemicals().size(); i++) {
            ChemicalInput chemical = input.chemicals().get(i);
            String label = ChemicalAssessment.label(chemical, i);
            if (chemical.quantityTonnes() == null) {
                throw new InvalidFactException("chemicals[" + i + "].quantityTonnes", "「" + label + "」的实际存在量q（吨）不能为空");
            }
            if (chemical.quantityTonnes().signum() < 0) {
                throw new InvalidFactException("chemicals[" + i + "].quantityTonnes",
                        "「" + label + "」的实际存在量q不能为负数：" + chemical.quantityTonnes().toPlainString());
            }
            for (String symbol : chemical.hazardSymbols()) {
                if (catalogue.category(symbol).isEmpty()) {
                    throw new InvalidFactException("chemicals[" + i + "].hazardSymbols", "「" + label + "」的危险性类别符号「" + symbol
                            + "」不在GB 18218-2018表2中，可选：" + String.join("、", catalogue.categories().stream()
                            .map(HazardousChemicalCatalogue.HazardCategory::symbol).toList()));
                }
            }
        }
    }
}
