package cn.shuangkong.rules.majorhazard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GB 18218-2018 Tables 1–4 as transcribed in the {@code gb18218-table*.tsv} resources, loaded once. Table 1 names
 * the chemicals with their critical quantity; Table 2 gives the critical quantity of the others by hazard symbol;
 * Table 3 gives β of fourteen toxic gases, Table 4 β of everything else by hazard symbol.
 */
final class HazardousChemicalCatalogue {

    static final String PATH = "cn/shuangkong/rules/majorhazard/";
    static final List<String> RESOURCES = List.of(PATH + "gb18218-table1.tsv", PATH + "gb18218-table2.tsv", PATH + "gb18218-table3.tsv",
            PATH + "gb18218-table4.tsv");

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000]+");
    /**
     * Rows of Table 1 whose parentheses describe what the row includes rather than restrict it: 13 煤气(CO，CO和H₂、CH₄的混合物等),
     * 52 液化石油气(含丙烷、丁烷及其混合物), 66 汽油(乙醇汽油、甲醇汽油). Every other qualified row restricts (含量>90%, 无水,
     * 含可燃物≤0.2%, 压缩的或液化的, …), so its bare name is ambiguous and refused. A reading of the standard's wording, kept as data.
     */
    private static final Set<Integer> INCLUSIVE_QUALIFIER_ROWS = Set.of(13, 52, 66);

    // Last of the static fields: loading uses the ones above.
    private static final HazardousChemicalCatalogue GB_18218 = load();

    /** One row of Table 1. {@code casNumbers} is empty for rows 13, 45 and 74, which have none in the standard. */
    record NamedChemical(int row, String name, List<String> aliases, List<String> casNumbers, BigDecimal criticalQuantity) {

        /**
         * Every name it goes by: its name, each substance a name lists ("甲烷，天然气" names two), its aliases, and,
         * for a row whose parentheses only describe what it includes, its name without them (液化石油气, 汽油, 煤气).
         */
        List<String> names() {
            Set<String> names = new LinkedHashSet<>();
            names.add(name);
            names.addAll(splitOutsideParentheses(name, '，'));
            names.addAll(aliases);
            if (INCLUSIVE_QUALIFIER_ROWS.contains(row)) {
                names.add(withoutQualifier(name));
            }
            return List.copyOf(names);
        }

        /** The names without the qualifier in parentheses: 氯化氢(无水) is 氯化氢, 汽油(乙醇汽油、甲醇汽油) is 汽油. */
        List<String> baseNames() {
            return names().stream().map(HazardousChemicalCatalogue::withoutQualifier).distinct().toList();
        }

        String label() {
            return "序号" + row + "「" + name + "」";
        }
    }

    /** A hazard symbol with its critical quantity (Table 2) and β (Table 4). */
    record HazardCategory(String symbol, String category, String description, BigDecimal criticalQuantity, BigDecimal beta) {
    }


    private final List<NamedChemical> tableOne;
    private final Map<String, List<NamedChemical>> byName = new LinkedHashMap<>();
    private final Map<String, List<NamedChemical>> byBaseName = new LinkedHashMap<>();
    private final Map<String, List<NamedChemical>> byCas = new LinkedHashMap<>();
    private final Map<String, HazardCategory> categories;
    private final Map<String, BigDecimal> toxicGasBeta;

    private HazardousChemicalCatalogue(List<NamedChemical> tableOne, Map<String, HazardCategory> categories, Map<String, BigDecimal> toxicGasBeta) {
        this.tableOne = List.copyOf(tableOne);
        this.categories = categories;
        this.toxicGasBeta = toxicGasBeta;
        for (NamedChemical chemical : tableOne) {
            chemical.names().forEach(name -> byName.computeIfAbsent(key(name), k -> new ArrayList<>()).add(chemical));
            chemical.baseNames().forEach(name -> byBaseName.computeIfAbsent(key(name), k -> new ArrayList<>()).add(chemical));
            chemical.casNumbers().forEach(cas -> byCas.computeIfAbsent(cas, k -> new ArrayList<>()).add(chemical));
        }
    }

    static HazardousChemicalCatalogue gb18218() {
        return GB_18218;
    }

    List<NamedChemical> tableOne() {
        return tableOne;
    }

    /** The Table-1 rows a name or alias designates (several for 硝化棉, the alias of rows 37–41). */
    List<NamedChemical> byName(String name) {
        return name == null ? List.of() : byName.getOrDefault(key(name), List.of());
    }

    /** The Table-1 rows listing a CAS number (several for 9004-70-0 and 6484-52-2). */
    List<NamedChemical> byCas(String cas) {
        return cas == null ? List.of() : byCas.getOrDefault(cas.strip(), List.of());
    }

    /** The Table-1 rows whose name, without its qualifier, is this name: the ones a user may have meant. */
    List<NamedChemical> byBaseName(String name) {
        return name == null ? List.of() : byBaseName.getOrDefault(key(withoutQualifier(name)), List.of());
    }

    Optional<HazardCategory> category(String symbol) {
        return Optional.ofNullable(categories.get(symbolKey(symbol)));
    }

    /** Tables 2 and 4, in the standard's order. */
    List<HazardCategory> categories() {
        return List.copyOf(categories.values());
    }

    /** Table 3 by name, in the standard's order. */
    Map<String, BigDecimal> toxicGasBeta() {
        return toxicGasBeta;
    }

    /** The Table-3 gas a Table-1 row is: Table 3's 氯化氢 is Table 1's 氯化氢(无水), hence the base names. */
    Optional<Map.Entry<String, BigDecimal>> toxicGas(NamedChemical chemical) {
        Set<String> keys = new LinkedHashSet<>();
        chemical.names().forEach(name -> keys.add(key(name)));
        chemical.baseNames().forEach(name -> keys.add(key(name)));
        return toxicGasBeta.entrySet().stream().filter(gas -> keys.contains(key(gas.getKey()))).findFirst();
    }

    /** The Table-3 gas a chemical outside Table 1 is, by its exact name: only 一氧化碳. */
    Optional<Map.Entry<String, BigDecimal>> toxicGas(String name) {
        return name == null ? Optional.empty()
                : toxicGasBeta.entrySet().stream().filter(gas -> key(gas.getKey()).equals(key(name))).findFirst();
    }

    /**
     * How names are compared: full-width and half-width forms are the same (（）and (), ，and ,, ₂ and 2 — Unicode NFKC),
     * spaces are ignored, Latin letters are compared in upper case (TDI, TNT).
     */
    static String key(String name) {
        return WHITESPACE.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("").toUpperCase(Locale.ROOT);
    }

    static String symbolKey(String symbol) {
        return symbol == null ? "" : key(symbol);
    }

    private static String withoutQualifier(String name) {
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFKC);
        int open = normalized.indexOf('(');
        return open > 0 ? normalized.substring(0, open) : normalized;
    }

    private static List<String> splitOutsideParentheses(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder part = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(' || c == '（' || c == '[') {
                depth++;
            } else if (c == ')' || c == '）' || c == ']') {
                depth--;
            }
            if (c == separator && depth == 0) {
                parts.add(part.toString().strip());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString().strip());
        return parts.size() > 1 ? parts : List.of();
    }

    private static HazardousChemicalCatalogue load() {
        List<NamedChemical> tableOne = read(RESOURCES.get(0), 5).stream().map(cells -> new NamedChemical(Integer.parseInt(cells[0]), cells[1],
                split(cells[2], "[;、]"), casNumbers(cells[3]), new BigDecimal(cells[4]))).toList();
        Map<String, BigDecimal> betaBySymbol = new LinkedHashMap<>();
        read(RESOURCES.get(3), 3).forEach(cells -> betaBySymbol.put(cells[1], new BigDecimal(cells[2])));
        Map<String, HazardCategory> categories = new LinkedHashMap<>();
        for (String[] cells : read(RESOURCES.get(1), 5)) {
            BigDecimal beta = betaBySymbol.remove(cells[1]);
            if (beta == null) {
                throw new IllegalStateException("GB 18218-2018 表2 symbol " + cells[1] + " has no β in 表4");
            }
            categories.put(cells[1], new HazardCategory(cells[1], cells[0], cells[2], new BigDecimal(cells[3]), beta));
        }
        if (!betaBySymbol.isEmpty()) {
            throw new IllegalStateException("GB 18218-2018 表4 symbols missing from 表2: " + betaBySymbol.keySet());
        }
        Map<String, BigDecimal> toxicGasBeta = new LinkedHashMap<>();
        read(RESOURCES.get(2), 2).forEach(cells -> toxicGasBeta.put(cells[0], new BigDecimal(cells[1])));
        return new HazardousChemicalCatalogue(tableOne, Collections.unmodifiableMap(categories), Collections.unmodifiableMap(toxicGasBeta));
    }

    /** "74-82-8(甲烷); 8006-14-2(天然气)" lists two; "—" none. */
    private static List<String> casNumbers(String cell) {
        return split(cell, ";").stream().filter(cas -> !cas.equals("—")).map(cas -> cas.replaceAll("\\(.*\\)$", "").strip()).toList();
    }

    private static List<String> split(String cell, String separators) {
        return Arrays.stream(cell.split(separators)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A tab-separated file with a header line; every line must have {@code columns} cells (trailing empty cells included). */
    private static List<String[]> read(String resource, int columns) {
        try (InputStream in = HazardousChemicalCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Catalogue resource not found: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != columns) {
                    throw new IllegalStateException(resource + ": expected " + columns + " columns in \"" + line + "\"");
                }
                rows.add(Arrays.stream(cells).map(String::strip).toArray(String[]::new));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
