package cn.shuangkong.rules.majorhazard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.shuangkong.rules.majorhazard.HazardousChemicalCatalogue.HazardCategory;
import cn.shuangkong.rules.majorhazard.HazardousChemicalCatalogue.NamedChemical;

/** The transcription of GB 18218-2018 Tables 1–4 (standards.md §1.2–1.5). */
class HazardousChemicalCatalogueTest {

    private static final HazardousChemicalCatalogue CATALOGUE = HazardousChemicalCatalogue.gb18218();

    @Test
    void tableOneHasAll85RowsInOrder() {
        assertThat(CATALOGUE.tableOne()).extracting(NamedChemical::row).containsExactlyElementsOf(IntStream.rangeClosed(1, 85).boxed().toList());
    }

    /** Spot rows of Table 1, copied from standards.md §1.2: row | 名称和说明 | 别名 | CAS | Q. */
    @ParameterizedTest(name = "表1 序号{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "1  | 氨                                          | 液氨;氨气                         | 7664-41-7                       | 10",
            "6  | 碳酰氯                                      | 光气                              | 75-44-5                         | 0.3",
            "11 | 氯化氢(无水)                                | -                                 | 7647-01-0                       | 20",
            "12 | 氯                                          | 液氯;氯气                         | 7782-50-5                       | 5",
            "13 | 煤气(CO，CO和H₂、CH₄的混合物等)             | -                                 | -                               | 20",
            "14 | 砷化氢                                      | 砷化三氢;胂                       | 7784-42-1                       | 1",
            "30 | 异氰酸甲酯                                  | 甲基异氰酸酯                      | 624-83-9                        | 0.75",
            "42 | 硝化纤维素溶液(含氮量≤12.6%，含硝化纤维素≤55%) | 硝化棉溶液                     | 9004-70-0                       | 50",
            "45 | 硝酸铵肥料(含可燃物≤0.4%)                   | -                                 | -                               | 200",
            "46 | 硝酸钾                                      | -                                 | 7757-79-1                       | 1000",
            "49 | 甲烷，天然气                                | -                                 | 74-82-8;8006-14-2               | 50",
            "52 | 液化石油气(含丙烷、丁烷及其混合物)          | 石油气(液化的)                    | 68476-85-7;74-98-6;106-97-8     | 50",
            "65 | 甲醇                                        | 木醇;木精                         | 67-56-1                         | 500",
            "74 | 烷基铝                                      | 三烷基铝                          | -                               | 1",
            "85 | 钠                                          | 金属钠                            | 7440-23-5                       | 10",
    })
    void tableOneSpotRows(int row, String name, String aliases, String cas, BigDecimal q) {
        NamedChemical chemical = CATALOGUE.tableOne().get(row - 1);
        assertThat(chemical.row()).isEqualTo(row);
        assertThat(chemical.name()).isEqualTo(name);
        assertThat(chemical.aliases()).isEqualTo(aliases == null ? List.of() : List.of(aliases.split(";")));
        assertThat(chemical.casNumbers()).isEqualTo(cas == null ? List.of() : List.of(cas.split(";")));
        assertThat(chemical.criticalQuantity()).isEqualByComparingTo(q);
    }

    /** standards.md §1.2: rows 13, 45 and 74 have no CAS; every other CAS passes its check digit. */
    @Test
    void everyCasNumberHasAValidCheckDigit() {
        assertThat(CATALOGUE.tableOne()).filteredOn(chemical -> chemical.casNumbers().isEmpty()).extracting(NamedChemical::row)
                .containsExactly(13, 45, 74);
        List<String> cas = CATALOGUE.tableOne().stream().flatMap(chemical -> chemical.casNumbers().stream()).toList();
        assertThat(cas).hasSize(82 + 1 + 2).allSatisfy(number -> {
            assertThat(number).matches("\\d{2,7}-\\d{2}-\\d");
            assertThat(checkDigitOf(number)).as(number).isEqualTo(number.charAt(number.length() - 1) - '0');
        });
    }

    /** A CAS number's check digit: the other digits, from the right, weighted 1, 2, 3…, summed, modulo 10. */
    private static int checkDigitOf(String cas) {
        String digits = cas.substring(0, cas.lastIndexOf('-')).replace("-", "");
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(digits.length() - 1 - i) - '0') * (i + 1);
        }
        return sum % 10;
    }

    /** Only 硝化纤维素 (rows 37–42) and 硝酸铵 (43–44) share a CAS number; only 硝化棉 names several rows (37–41). */
    @Test
    void onlyNitrocelluloseAndAmmoniumNitrateAreAmbiguous() {
        Map<String, List<Integer>> sharedCas = CATALOGUE.tableOne().stream()
                .flatMap(chemical -> chemical.casNumbers().stream())
                .distinct()
                .filter(cas -> CATALOGUE.byCas(cas).size() > 1)
                .collect(Collectors.toMap(cas -> cas, cas -> CATALOGUE.byCas(cas).stream().map(NamedChemical::row).toList(), (a, b) -> a, TreeMap::new));
        assertThat(sharedCas).containsExactly(Map.entry("6484-52-2", List.of(43, 44)), Map.entry("9004-70-0", List.of(37, 38, 39, 40, 41, 42)));

        Map<String, List<Integer>> sharedNames = CATALOGUE.tableOne().stream()
                .flatMap(chemical -> chemical.names().stream())
                .distinct()
                .filter(name -> CATALOGUE.byName(name).size() > 1)
                .collect(Collectors.toMap(name -> name, name -> CATALOGUE.byName(name).stream().map(NamedChemical::row).toList()));
        assertThat(sharedNames).containsExactly(Map.entry("硝化棉", List.of(37, 38, 39, 40, 41)));
    }

    /** Tables 2 and 4 (standards.md §1.3, §1.5): symbol, Q, β. */
    @Test
    void tablesTwoAndFourHaveTheSame24Symbols() {
        assertThat(CATALOGUE.categories()).extracting(HazardCategory::symbol).containsExactly(
                "J1", "J2", "J3", "J4", "J5", "W1.1", "W1.2", "W1.3", "W2", "W3", "W4", "W5.1", "W5.2", "W5.3", "W5.4",
                "W6.1", "W6.2", "W7.1", "W7.2", "W8", "W9.1", "W9.2", "W10", "W11");
    }

    /** Table 3 (standards.md §1.4): 14 gases, all but 一氧化碳 a Table-1 row; Table 3's 氯化氢 is row 11 氯化氢(无水). */
    @Test
    void tableThreeGasesAreTableOneRowsExceptCarbonMonoxide() {
        assertThat(CATALOGUE.toxicGasBeta()).hasSize(14);
        Map<String, List<Integer>> rowsByGas = CATALOGUE.tableOne().stream()
                .filter(chemical -> CATALOGUE.toxicGas(chemical).isPresent())
                .collect(Collectors.groupingBy(chemical -> CATALOGUE.toxicGas(chemical).orElseThrow().getKey(), TreeMap::new,
                        Collectors.mapping(NamedChemical::row, Collectors.toList())));
        assertThat(rowsByGas).isEqualTo(new TreeMap<>(Map.ofEntries(
                Map.entry("二氧化硫", List.of(4)), Map.entry("氨", List.of(1)), Map.entry("环氧乙烷", List.of(7)),
                Map.entry("氯化氢", List.of(11)), Map.entry("溴甲烷", List.of(17)), Map.entry("氯", List.of(12)),
                Map.entry("硫化氢", List.of(10)), Map.entry("氟化氢", List.of(20)), Map.entry("二氧化氮", List.of(3)),
                Map.entry("氰化氢", List.of(25)), Map.entry("碳酰氯", List.of(6)), Map.entry("磷化氢", List.of(9)),
                Map.entry("异氰酸甲酯", List.of(30)))));
        assertThat(CATALOGUE.byName("一氧化碳")).isEmpty();
    }
}
