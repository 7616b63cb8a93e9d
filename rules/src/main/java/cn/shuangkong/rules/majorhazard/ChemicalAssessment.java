package cn.shuangkong.rules.majorhazard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.shuangkong.rules.UnprocessableFactException;
import cn.shuangkong.rules.majorhazard.HazardousChemicalCatalogue.HazardCategory;
import cn.shuangkong.rules.majorhazard.HazardousChemicalCatalogue.NamedChemical;

/**
 * One chemical of a unit once identified: its critical quantity Q (GB 18218-2018 §4.1.2: Table 1, else the lowest
 * Table-2 quantity of its hazard symbols), q/Q, and β (§4.3.2: Table 3, else Table 4 by its hazard symbols).
 * The rules see it to explain a choice among several symbols.
 */
public final class ChemicalAssessment {

    private static final String STANDARD = "GB 18218-2018 ";

    private final String name;
    private final String label;
    private final String cas;
    private final NamedChemical tableOne;
    private final List<HazardCategory> symbols;
    private final HazardCategory quantitySymbol;
    private final BigDecimal quantity;
    private final BigDecimal criticalQuantity;
    private final BigDecimal ratio;
    private final BigDecimal beta;
    private final HazardCategory betaSymbol;

    private ChemicalAssessment(String name, String label, String cas, NamedChemical tableOne, List<HazardCategory> symbols,
                               HazardCategory quantitySymbol, BigDecimal quantity, BigDecimal criticalQuantity, BigDecimal beta,
                               HazardCategory betaSymbol) {
        this.name = name;
        this.label = label;
        this.cas = cas;
        this.tableOne = tableOne;
        this.symbols = symbols;
        this.quantitySymbol = quantitySymbol;
        this.quantity = quantity;
        this.criticalQuantity = criticalQuantity;
        this.ratio = quantity.divide(criticalQuantity, MathContext.DECIMAL128);
        this.beta = beta;
        this.betaSymbol = betaSymbol;
    }

    /**
     * Identifies the chemical at {@code position} of a unit whose inputs have been validated (quantity present and not
     * negative, every symbol in Table 2).
     *
     * @throws UnprocessableFactException when the chemical cannot be identified or its Q or β needs a hazard symbol it lacks
     */
    static ChemicalAssessment identify(HazardousChemicalCatalogue catalogue, ChemicalInput input, int position) {
        String field = "chemicals[" + position + "]";
        String label = label(input, position);
        // Symbols in the standard's order, so that the result does not depend on the order they were given in.
        Set<HazardCategory> given = input.hazardSymbols().stream().map(catalogue::category).flatMap(Optional::stream).collect(Collectors.toSet());
        List<HazardCategory> symbols = catalogue.categories().stream().filter(given::contains).toList();
        NamedChemical named = tableOneRow(catalogue, input, field, label);
        if (named != null) {
            Optional<Map.Entry<String, BigDecimal>> gas = catalogue.toxicGas(named);
            if (gas.isEmpty() && symbols.isEmpty()) {
                throw new UnprocessableFactException(field, "「" + label + "」（GB 18218-2018 表1" + named.label() + "）不在表3所列毒性气体之中，"
                        + "须给出危险性类别符号以确定校正系数β（GB 18218-2018 表4）");
            }
            HazardCategory betaSymbol = gas.isPresent() ? null : highestBeta(symbols);
            return new ChemicalAssessment(named.name(), named.name(), casOf(named, input), named, symbols, null, input.quantityTonnes(),
                    named.criticalQuantity(), gas.isPresent() ? gas.get().getValue() : betaSymbol.beta(), betaSymbol);
        }
        List<NamedChemical> similar = catalogue.byBaseName(input.name());
        if (!similar.isEmpty()) {
            // §4.1.2 a): a chemical in Table 1 takes its Q from Table 1, and the qualifier of the row decides which one. Grading a
            // shortened name (硝酸铵, 甲醛) by Table 2 could understate Q (硝酸铵 row 43: 5 t) and miss a major hazard source.
            throw new UnprocessableFactException(field, "「" + label + "」与GB 18218-2018表1所列条目（"
                    + similar.stream().map(row -> row.label() + " Q=" + plain(row.criticalQuantity()) + " t").collect(Collectors.joining("；"))
                    + "）名称相近：如属表1所列条目，请给出其在表1中的完整名称或CAS号；如确不属于（如含量不满足表1的说明），请在名称中注明（如“甲醛溶液（含量37%）”）并给出危险性类别符号");
        }
        if (symbols.isEmpty()) {
            throw new UnprocessableFactException(field, "「" + label + "」未列入GB 18218-2018表1，须给出危险性类别符号（表2：J1～J5、W1.1～W11）以确定其临界量");
        }
        // §4.1.2 b): "若一种危险化学品具有多种危险性，应按其中最低的临界量确定"; ties go to the first in Table 2.
        HazardCategory quantitySymbol = symbols.stream().min(Comparator.comparing(HazardCategory::criticalQuantity)).orElseThrow();
        Optional<Map.Entry<String, BigDecimal>> gas = catalogue.toxicGas(input.name());
        HazardCategory betaSymbol = gas.isPresent() ? null : highestBeta(symbols);
        return new ChemicalAssessment(blankToNull(input.name()), label, blankToNull(input.cas()), null, symbols, quantitySymbol,
                input.quantityTonnes(), quantitySymbol.criticalQuantity(), gas.isPresent() ? gas.get().getValue() : betaSymbol.beta(), betaSymbol);
    }

    /** By name or alias; else by CAS (§4.1.2 a). A name or CAS that designates several rows cannot choose between their Q. */
    private static NamedChemical tableOneRow(HazardousChemicalCatalogue catalogue, ChemicalInput input, String field, String label) {
        List<NamedChemical> byName = catalogue.byName(input.name());
        if (byName.size() > 1) {
            throw ambiguous(field, "名称「" + label + "」", byName);
        }
        if (byName.size() == 1) {
            return byName.get(0);
        }
        List<NamedChemical> byCas = catalogue.byCas(input.cas());
        if (byCas.size() > 1) {
            String cas = "CAS号 " + input.cas().strip();
            throw ambiguous(field, label.equals(cas) ? cas : "「" + label + "」的" + cas, byCas);
        }
        return byCas.isEmpty() ? null : byCas.get(0);
    }

    private static UnprocessableFactException ambiguous(String field, String subject, List<NamedChemical> rows) {
        return new UnprocessableFactException(field, subject + " 对应GB 18218-2018表1中多个临界量不同的条目（"
                + rows.stream().map(row -> row.label() + " " + plain(row.criticalQuantity()) + " t").collect(Collectors.joining("；"))
                + "），请给出其在表1中的完整名称");
    }

    /** Several symbols: no standard says which one gives β; Shuangkong takes the highest (default policy). Ties go to the first in Table 4. */
    private static HazardCategory highestBeta(List<HazardCategory> symbols) {
        return symbols.stream().max(Comparator.comparing(HazardCategory::beta)).orElseThrow();
    }

    private static String casOf(NamedChemical named, ChemicalInput input) {
        String given = blankToNull(input.cas());
        if (given != null && named.casNumbers().contains(given)) {
            return given;
        }
        // Rows 49 and 52 list several CAS numbers: which one is meant is unknown.
        return named.casNumbers().size() == 1 ? named.casNumbers().get(0) : null;
    }

    static String label(ChemicalInput input, int position) {
        String name = blankToNull(input.name());
        if (name != null) {
            return name;
        }
        String cas = blankToNull(input.cas());
        return cas != null ? "CAS号 " + cas : "第" + (position + 1) + "种危险化学品";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    ChemicalResult toResult() {
        return new ChemicalResult(name, cas, tableOne == null ? null : tableOne.row(), quantitySymbol == null ? null : quantitySymbol.symbol(),
                quantity, criticalQuantity, MajorHazardAssessment.rounded(ratio), beta, getBetaSource());
    }

    /** The catalogue name, the given name, or a description of the chemical when it has none. */
    public String getLabel() {
        return label;
    }

    /** q / Q in {@link MathContext#DECIMAL128}, not yet rounded, so that sums of thirds are exact to the reported scale. */
    BigDecimal ratio() {
        return ratio;
    }

    public BigDecimal getBeta() {
        return beta;
    }

    public BigDecimal getCriticalQuantity() {
        return criticalQuantity;
    }

    /** e.g. {@code GB 18218-2018 表3} or {@code GB 18218-2018 表4 W5.1}. */
    public String getBetaSource() {
        return STANDARD + (betaSymbol == null ? "表3" : "表4 " + betaSymbol.symbol());
    }

    /** A chemical outside Table 1 with several hazard symbols: Q is the lowest of theirs (§4.1.2). */
    public boolean isQuantityFromSeveralSymbols() {
        return tableOne == null && symbols.size() > 1;
    }

    /** A chemical outside Table 3 with several hazard symbols: β is the highest of theirs (default policy). */
    public boolean isBetaFromSeveralSymbols() {
        return betaSymbol != null && symbols.size() > 1;
    }

    /** e.g. {@code W2 Q=10 t、J3 Q=50 t}. */
    public String getSymbolQuantities() {
        return describe(category -> "Q=" + plain(category.criticalQuantity()) + " t");
    }

    /** e.g. {@code W2 β=1.5、J3 β=2}. */
    public String getSymbolBetas() {
        return describe(category -> "β=" + plain(category.beta()));
    }

    private String describe(Function<HazardCategory, String> figure) {
        return symbols.stream().map(category -> category.symbol() + " " + figure.apply(category)).collect(Collectors.joining("、"));
    }
}
