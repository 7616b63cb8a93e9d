package cn.shuangkong.rules.majorhazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.InvalidFactException;
import cn.shuangkong.rules.Reason;
import cn.shuangkong.rules.UnprocessableFactException;

class MajorHazardGradingTest {

    private static final MajorHazardGrading GRADING = new MajorHazardGrading();

    // ---- GB 18218-2018 §4.2.1: S = Σ q/Q, a major hazard source when S ≥ 1 ("等于或超过") ----

    static Stream<Arguments> units() {
        return Stream.of(
                Arguments.of("氯 q=Q=5 (§1.8)", List.of(named("氯", "5")), "1", true),
                Arguments.of("氯 2.5/5 + 氨 5/10 (§1.8)", List.of(named("氯", "2.5"), named("氨", "5")), "1", true),
                Arguments.of("three thirds: 光气 0.1/0.3 + 异氰酸甲酯 0.25/0.75 + 气溶胶 50/150",
                        List.of(named("光气", "0.1"), named("异氰酸甲酯", "0.25"), withSymbols("某气溶胶", "50", "W3")), "1", true),
                Arguments.of("氯 4.9/5 (§1.8)", List.of(named("氯", "4.9")), "0.98", false),
                Arguments.of("氯 0 t", List.of(named("氯", "0")), "0", false));
    }

    @ParameterizedTest(name = "§4.2.1 {0}: S={2}, major hazard source={3}")
    @MethodSource("units")
    void aUnitWithSAtLeastOneIsAMajorHazardSource(String description, List<ChemicalInput> chemicals, BigDecimal s, boolean major) {
        MajorHazardResult result = GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, 0, chemicals));

        assertThat(result.s()).isEqualByComparingTo(s);
        assertThat(result.majorHazardSource()).isEqualTo(major);
        assertThat(result.reasons().get(0)).satisfies(reason -> {
            assertThat(reason.rule()).isEqualTo(major ? "S>=1 is a major hazard source" : "S<1 is not a major hazard source");
            assertThat(reason.clause()).isEqualTo("GB 18218-2018 第4.2.1条");
            assertThat(reason.message()).startsWith("S = Σq/Q = " + s.toPlainString() + (major ? " ≥ 1" : " < 1"));
        });
    }

    // ---- standards.md §1.8 worked examples ----

    static Stream<Arguments> workedExamples() {
        return Stream.of(
                // 氯 4.9 t: S = 0.98, not a major hazard source; R = 0.5 × 4 × 0.98 is still reported
                Arguments.of(0, List.of(named("氯", "4.9")), "0.98", false, "0.5", "1.96", null, Grade.BLUE),
                // 氯 5 t: S = 1.0, a major hazard source ("等于或超过")
                Arguments.of(0, List.of(named("氯", "5")), "1", true, "0.5", "2", MajorHazardLevel.LEVEL_4, Grade.BLUE),
                // 氯 2.5 + 氨 5: S = 0.5 + 0.5 = 1.0; R = 0.5 × (4 × 0.5 + 2 × 0.5)
                Arguments.of(0, List.of(named("氯", "2.5"), named("氨", "5")), "1", true, "0.5", "1.5", MajorHazardLevel.LEVEL_4, Grade.BLUE),
                // 氯 5 (β 4) + 氨 5 (β 2), 0 people: Σβq/Q = 4.0 + 1.0 = 5.0; R = 0.5 × 5.0 = 2.5 → 四级
                Arguments.of(0, List.of(named("氯", "5"), named("氨", "5")), "1.5", true, "0.5", "2.5", MajorHazardLevel.LEVEL_4, Grade.BLUE),
                // 氯 250 t, ≥ 100 people: q/Q = 50; β·q/Q = 200; R = 2.0 × 200 = 400 → 一级
                Arguments.of(100, List.of(named("氯", "250")), "50", true, "2.0", "400", MajorHazardLevel.LEVEL_1, Grade.RED));
    }

    @ParameterizedTest(name = "§1.8 {1}, {0} people: S={2}, α={4}, R={5}, {6}, {7}")
    @MethodSource("workedExamples")
    void workedExamplesOfTheStandard(int people, List<ChemicalInput> chemicals, BigDecimal s, boolean major, BigDecimal alpha, BigDecimal r,
                                     MajorHazardLevel level, Grade grade) {
        MajorHazardResult result = GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, people, chemicals));

        assertThat(result.s()).isEqualByComparingTo(s);
        assertThat(result.majorHazardSource()).isEqualTo(major);
        assertThat(result.alpha()).isEqualByComparingTo(alpha);
        assertThat(result.r()).isEqualByComparingTo(r);
        assertThat(result.level()).isEqualTo(level);
        assertThat(result.grade()).isEqualTo(grade);
    }

    @Test
    void chlorineAndAmmoniaCarryTheirTableOneQAndTableThreeBeta() {
        MajorHazardResult result = GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, 0, List.of(named("氯", "5"), named("氨", "5"))));

        assertThat(result.chemicals()).containsExactly(
                new ChemicalResult("氯", "7782-50-5", 12, null, new BigDecimal("5"), new BigDecimal("5"), new BigDecimal("1"), new BigDecimal("4"),
                        "GB 18218-2018 表3"),
                new ChemicalResult("氨", "7664-41-7", 1, null, new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("0.5"), new BigDecimal("2"),
                        "GB 18218-2018 表3"));
    }

    // ---- GB 18218-2018 Table 5: α by the people within 500 m outside the plant ----

    @ParameterizedTest(name = "表5 {0} people → α={1}")
    @CsvSource({
            "0,     0.5, Table 5 0 people give alpha 0.5",
            "1,     1.0, Table 5 1-29 people give alpha 1.0",
            "29,    1.0, Table 5 1-29 people give alpha 1.0",
            "30,    1.2, Table 5 30-49 people give alpha 1.2",
            "49,    1.2, Table 5 30-49 people give alpha 1.2",
            "50,    1.5, Table 5 50-99 people give alpha 1.5",
            "99,    1.5, Table 5 50-99 people give alpha 1.5",
            "100,   2.0, Table 5 100 or more people give alpha 2.0",
            "20000, 2.0, Table 5 100 or more people give alpha 2.0",
    })
    void alphaFollowsTableFiveAtEveryBoundary(int people, BigDecimal alpha, String rule) {
        // 氯 5 t: Σ β·q/Q = 4 × 1, so R = 4α
        MajorHazardResult result = GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, people, List.of(named("氯", "5"))));

        assertThat(result.alpha()).isEqualByComparingTo(alpha);
        assertThat(result.r()).isEqualByComparingTo(alpha.multiply(new BigDecimal("4")));
        assertThat(result.reasons()).filteredOn(reason -> reason.rule().startsWith("Table 5")).singleElement().satisfies(reason -> {
            assertThat(reason.rule()).isEqualTo(rule);
            assertThat(reason.clause()).isEqualTo("GB 18218-2018 第4.3.2条、表5");
            assertThat(reason.message()).startsWith("厂外可能暴露人员 " + people + " 人").contains("α = " + alpha.stripTrailingZeros().toPlainString());
        });
    }

    // ---- GB 18218-2018 Table 6: level by R, only for a major hazard source ----

    @ParameterizedTest(name = "表6 {1} {2} t, {0} people → R={3} {4}")
    @CsvSource({
            "100, 氯,   62.5,     100,   LEVEL_1, RED,    Table 6 R>=100 is level 1",    // 2.0 × 4 × 12.5
            "0,   氯,   250,      100,   LEVEL_1, RED,    Table 6 R>=100 is level 1",    // 0.5 × 4 × 50
            "100, 氯,   62.49375, 99.99, LEVEL_2, ORANGE, Table 6 50<=R<100 is level 2", // 2.0 × 4 × 12.49875
            "100, 氯,   31.25,    50,    LEVEL_2, ORANGE, Table 6 50<=R<100 is level 2", // 2.0 × 4 × 6.25
            "50,  光气, 0.5,      50,    LEVEL_2, ORANGE, Table 6 50<=R<100 is level 2", // 1.5 × 20 × 5/3: thirds land on 50
            "10,  氯,   62.4875,  49.99, LEVEL_3, YELLOW, Table 6 10<=R<50 is level 3",  // 1.0 × 4 × 12.4975
            "30,  光气, 0.5,      40,    LEVEL_3, YELLOW, Table 6 10<=R<50 is level 3",  // 1.2 × 20 × 5/3
            "10,  氯,   12.5,     10,    LEVEL_3, YELLOW, Table 6 10<=R<50 is level 3",  // 1.0 × 4 × 2.5
            "10,  氯,   12.4875,  9.99,  LEVEL_4, BLUE,   Table 6 R<10 is level 4",      // 1.0 × 4 × 2.4975
    })
    void levelFollowsTableSixAtEveryBoundary(int people, String chemical, String q, BigDecimal r, MajorHazardLevel level, Grade grade, String rule) {
        MajorHazardResult result = GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, people, List.of(named(chemical, q))));

        assertThat(result.majorHazardSource()).isTrue();
        assertThat(result.r()).isEqualByComparingTo(r);
        assertThat(result.level()).isEqualTo(level);
        assertThat(result.grade()).isEqualTo(grade);
        assertThat(result.reasons()).filteredOn(reason -> reason.rule().startsWith("Table 6")).singleElement().satisfies(reason -> {
            assertThat(reason.rule()).isEqualTo(rule);
            assertThat(reason.clause()).isEqualTo("GB 18218-2018 第4.3.2条、表6");
            assertThat(reason.message()).startsWith("R = " + r.toPlainString() + "，").endsWith("重大危险源级别为" + level.label());
        });
        assertThat(result.reasons()).filteredOn(reason -> reason.clause().equals(Reason.DEFAULT_POLICY)).singleElement()
                .extracting(Reason::message).isEqualTo("重大危险源" + level.label() + "，判定为" + grade.label() + "（" + grade.colour() + "）");
    }

    @Test
    void aUnitBelowItsCriticalQuantityHasRButNoLevel() {
        // 光气 0.29/0.3: S < 1 although R ≈ 38.7 would be 三级. R is α times Σβq/Q as rounded to 10 places: 2 × 19.3333333333.
        MajorHazardResult result = GRADING.grade(new MajorHazardInput(UnitType.STORAGE, 100, List.of(named("光气", "0.29"))));

        assertThat(result.majorHazardSource()).isFalse();
        assertThat(result.s()).isEqualByComparingTo("0.9666666667");
        assertThat(result.r()).isEqualByComparingTo("38.6666666666");
        assertThat(result.level()).isNull();
        assertThat(result.grade()).isEqualTo(Grade.BLUE);
        assertThat(result.reasons()).extracting(Reason::rule).containsExactly(
                "S<1 is not a major hazard source", "Table 5 100 or more people give alpha 2.0", "Unit that is not a major hazard source is low risk");
    }

    // ---- Colour: levels by default policy; a storage unit that is a major hazard source is RED (standards.md §3 items 3 and 6) ----

    @ParameterizedTest(name = "{0} with 氯 {1} t, {2} people → {3} {4}")
    @CsvSource(nullValues = "-", value = {
            "PRODUCTION, 5,    0,   LEVEL_4, BLUE",
            "STORAGE,    5,    0,   LEVEL_4, RED",
            "PRODUCTION, 31.25, 100, LEVEL_2, ORANGE",
            "STORAGE,    31.25, 100, LEVEL_2, RED",
            "PRODUCTION, 12.5, 10,  LEVEL_3, YELLOW",
            "STORAGE,    12.5, 10,  LEVEL_3, RED",
            "STORAGE,    250,  100, LEVEL_1, RED",
            "PRODUCTION, 4.9,  100, -,       BLUE",
            "STORAGE,    4.9,  100, -,       BLUE",
    })
    void aStorageUnitThatIsAMajorHazardSourceIsRed(UnitType unitType, String q, int people, MajorHazardLevel level, Grade grade) {
        MajorHazardResult result = GRADING.grade(new MajorHazardInput(unitType, people, List.of(named("氯", q))));

        assertThat(result.unitType()).isEqualTo(unitType);
        assertThat(result.level()).isEqualTo(level);
        assertThat(result.grade()).isEqualTo(grade);
        boolean direct = unitType == UnitType.STORAGE && level != null;
        assertThat(result.reasons()).filteredOn(reason -> reason.rule().equals("Storage unit that is a major hazard source is major risk"))
                .hasSize(direct ? 1 : 0)
                .allSatisfy(reason -> {
                    assertThat(reason.clause()).isEqualTo("《重大风险判定原则》（化工企业）第3、6项");
                    assertThat(reason.message()).startsWith("储存单元构成危险化学品重大危险源").endsWith("直接判定为重大风险（红）");
                });
    }

    @Test
    void reasonsComeInTheOrderOfTheStandardAndTheSameInputGivesTheSameResult() {
        MajorHazardInput input = new MajorHazardInput(UnitType.STORAGE, 0, List.of(named("氯", "5"), named("氨", "5")));
        MajorHazardResult result = GRADING.grade(input);

        assertThat(result.reasons()).extracting(Reason::rule).containsExactly(
                "S>=1 is a major hazard source",
                "Table 5 0 people give alpha 0.5",
                "Table 6 R<10 is level 4",
                "Level 4 major hazard source is low risk",
                "Storage unit that is a major hazard source is major risk");
        assertThat(result.reasons()).extracting(Reason::message).containsExactly(
                "S = Σq/Q = 1.5 ≥ 1，单元内危险化学品的数量等于或超过临界量，储存单元构成危险化学品重大危险源",
                "厂外可能暴露人员 0 人，属表5“0人”档，α = 0.5；R = α × Σ(β·q/Q) = 0.5 × 5 = 2.5",
                "R = 2.5，R < 10，重大危险源级别为四级",
                "重大危险源四级，判定为低风险（蓝）",
                "储存单元构成危险化学品重大危险源（根据GB 18218评估为重大危险源的储存场所、构成重大危险源的危险化学品罐区），直接判定为重大风险（红）");
        assertThat(GRADING.grade(input)).isEqualTo(result);
    }

    // ---- Identifying a chemical (§4.1.2 a): Table-1 name or alias, else CAS ----

    @ParameterizedTest(name = "name=''{0}'' cas={1} → 表1 序号{2} {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "氯                                   | -          | -    | 12 | 氯                                  | 7782-50-5 | 5   | 4",
            "液氯                                 | -          | -    | 12 | 氯                                  | 7782-50-5 | 5   | 4",
            "'  氯气 '                            | -          | -    | 12 | 氯                                  | 7782-50-5 | 5   | 4",
            "光气                                 | -          | -    | 6  | 碳酰氯                              | 75-44-5   | 0.3 | 20",
            "-                                    | 7782-50-5  | -    | 12 | 氯                                  | 7782-50-5 | 5   | 4",
            "某厂液氨储罐                         | 7664-41-7  | -    | 1  | 氨                                  | 7664-41-7 | 10  | 2",
            "氯化氢（无水）                       | -          | -    | 11 | 氯化氢(无水)                        | 7647-01-0 | 20  | 3",
            "氯化氢 ( 无水 )                      | -          | -    | 11 | 氯化氢(无水)                        | 7647-01-0 | 20  | 3",
            "甲醛（含量>90%）                     | -          | J3   | 8  | 甲醛(含量>90%)                      | 50-00-0   | 5   | 2",
            "硝化纤维素［干的或含水（或乙醇）<25%］ | -        | W1.1 | 37 | 硝化纤维素[干的或含水(或乙醇)<25%]  | 9004-70-0 | 1   | 2",
            "硝化纤维素(含水≥25%)                 | 9004-70-0  | W1.3 | 41 | 硝化纤维素(含水≥25%)                | 9004-70-0 | 50  | 2",
            "硝酸铵(含可燃物≤0.2%)                | -          | W9.1 | 44 | 硝酸铵(含可燃物≤0.2%)               | 6484-52-2 | 50  | 1",
            "天然气                               | -          | W2   | 49 | 甲烷，天然气                        | -         | 50  | 1.5",
            "-                                    | 74-98-6    | W2   | 52 | 液化石油气(含丙烷、丁烷及其混合物)  | 74-98-6   | 50  | 1.5",
            "tnt                                  | -          | W1.1 | 35 | 2,4,6-三硝基甲苯                    | 118-96-7  | 5   | 2",
            "煤气(CO，CO和H2、CH4的混合物等)       | -          | J3   | 13 | 煤气(CO，CO和H₂、CH₄的混合物等)      | -         | 20  | 2",
    })
    void aTableOneChemicalIsFoundByNameAliasOrCas(String name, String cas, String symbol, int row, String tableOneName, String resultCas,
                                                    BigDecimal q, BigDecimal beta) {
        ChemicalInput chemical = new ChemicalInput(name, cas, symbol == null ? List.of() : List.of(symbol), new BigDecimal("1"));
        ChemicalResult result = GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, 0, List.of(chemical))).chemicals().get(0);

        assertThat(result.tableOneRow()).isEqualTo(row);
        assertThat(result.name()).isEqualTo(tableOneName);
        assertThat(result.cas()).isEqualTo(resultCas);
        assertThat(result.hazardSymbol()).isNull();
        assertThat(result.criticalQuantityTonnes()).isEqualByComparingTo(q);
        assertThat(result.beta()).isEqualByComparingTo(beta);
    }

    /** 硝化纤维素 rows 37–42 share 9004-70-0 and the alias 硝化棉; 硝酸铵 rows 43–44 share 6484-52-2; their Q differ. */
    @ParameterizedTest(name = "name={0} cas={1} is ambiguous")
    @CsvSource(nullValues = "-", value = {
            "-,          9004-70-0, CAS号 9004-70-0, 序号37",
            "硝化棉制品, 9004-70-0, 硝化棉制品,      序号42",
            "硝酸铵,     6484-52-2, 硝酸铵,          序号44",
            "硝化棉,     -,         硝化棉,          序号41",
    })
    void aNameOrCasOfSeveralTableOneRowsIsUnprocessable(String name, String cas, String named, String aRow) {
        ChemicalInput chemical = new ChemicalInput(name, cas, List.of("W1.1"), new BigDecimal("1"));

        assertThatThrownBy(() -> GRADING.grade(new MajorHazardInput(UnitType.STORAGE, 0, List.of(named("氯", "1"), chemical))))
                .isExactlyInstanceOf(UnprocessableFactException.class)
                .hasMessageContaining(named).hasMessageContaining(aRow).hasMessageContaining("请给出其在表1中的完整名称")
                .extracting(ex -> ((UnprocessableFactException) ex).field()).isEqualTo("chemicals[1]");
    }

    // ---- §4.1.2 b): a chemical outside Table 1 takes the lowest Table-2 Q of its hazard symbols ----

    @ParameterizedTest(name = "symbols {0} → Q={1} ({2}), β={3} ({4})")
    @CsvSource({
            "W2;J3,      10, W2,   2,   GB 18218-2018 表4 J3",
            "J3;W2,      10, W2,   2,   GB 18218-2018 表4 J3",
            "J5;W5.1,    10, W5.1, 1.5, GB 18218-2018 表4 W5.1",
            "W5.4;W10,   200, W10, 1,   GB 18218-2018 表4 W5.4",
            "J1;W1.1;W4, 1,  W1.1, 4,   GB 18218-2018 表4 J1",
    })
    void aChemicalWithSeveralSymbolsTakesTheLowestQAndTheHighestBeta(String symbols, BigDecimal q, String quantitySymbol, BigDecimal beta,
                                                                     String betaSource) {
        MajorHazardResult result = GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, 0,
                List.of(withSymbols("某有毒易燃物", "1", symbols.split(";")))));

        assertThat(result.chemicals()).singleElement().satisfies(chemical -> {
            assertThat(chemical.tableOneRow()).isNull();
            assertThat(chemical.name()).isEqualTo("某有毒易燃物");
            assertThat(chemical.criticalQuantityTonnes()).isEqualByComparingTo(q);
            assertThat(chemical.hazardSymbol()).isEqualTo(quantitySymbol);
            assertThat(chemical.beta()).isEqualByComparingTo(beta);
            assertThat(chemical.betaSource()).isEqualTo(betaSource);
        });
        assertThat(result.reasons()).filteredOn(reason -> reason.rule().equals("Several hazard symbols take the lowest Table-2 critical quantity"))
                .singleElement().satisfies(reason -> {
                    assertThat(reason.clause()).isEqualTo("GB 18218-2018 第4.1.2条");
                    assertThat(reason.message()).endsWith("临界量按其中最低者确定：Q = " + q + " t");
                });
        // No standard says which symbol decides β: taking the highest is Shuangkong's default policy.
        assertThat(result.reasons()).filteredOn(reason -> reason.rule().equals("Several hazard symbols take the highest Table-4 beta"))
                .singleElement().satisfies(reason -> {
                    assertThat(reason.clause()).isEqualTo(Reason.DEFAULT_POLICY);
                    assertThat(reason.message()).contains("β = " + beta + "（" + betaSource + "）");
                });
    }

    /** Tables 2 and 4, transcribed here again from standards.md §1.3 and §1.5: symbol, Q, β. */
    @ParameterizedTest(name = "表2/表4 {0}: Q={1} t, β={2}")
    @CsvSource({
            "J1, 5, 4", "J2, 50, 1", "J3, 50, 2", "J4, 50, 2", "J5, 500, 1",
            "W1.1, 1, 2", "W1.2, 10, 2", "W1.3, 50, 2",
            "W2, 10, 1.5", "W3, 150, 1", "W4, 50, 1",
            "W5.1, 10, 1.5", "W5.2, 50, 1", "W5.3, 1000, 1", "W5.4, 5000, 1",
            "W6.1, 10, 1.5", "W6.2, 50, 1", "W7.1, 10, 1.5", "W7.2, 50, 1",
            "W8, 50, 1", "W9.1, 50, 1", "W9.2, 200, 1", "W10, 200, 1", "W11, 200, 1",
    })
    void aChemicalOutsideTableOneTakesQFromTableTwoAndBetaFromTableFour(String symbol, BigDecimal q, BigDecimal beta) {
        ChemicalResult result = GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, 0, List.of(withSymbols("某危险化学品", "1", symbol))))
                .chemicals().get(0);

        assertThat(result.tableOneRow()).isNull();
        assertThat(result.hazardSymbol()).isEqualTo(symbol);
        assertThat(result.criticalQuantityTonnes()).isEqualByComparingTo(q);
        assertThat(result.beta()).isEqualByComparingTo(beta);
        assertThat(result.betaSource()).isEqualTo("GB 18218-2018 表4 " + symbol);
    }

    @ParameterizedTest(name = "symbol ''{0}'' is read as {1}")
    @CsvSource({"w5.1, W5.1", "' W2 ', W2", "Ｗ２, W2"})
    void symbolsAreReadIgnoringCaseSpacesAndFullWidth(String given, String symbol) {
        ChemicalResult result = GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, 0, List.of(withSymbols("某危险化学品", "1", given))))
                .chemicals().get(0);
        assertThat(result.hazardSymbol()).isEqualTo(symbol);
    }

    /**
     * §4.1.2 a): a chemical in Table 1 takes Q from Table 1 and the row's qualifier decides which row. A shortened name
     * is refused even with symbols, because Table 2 could understate Q (硝酸铵 row 43: 5 t, W9.1 would give 50 t).
     */
    @ParameterizedTest(name = "{0} with ''{1}'' → 422 naming {2}")
    @CsvSource({
            "硝酸铵, W9.1, 序号43「硝酸铵(含可燃物>0.2%，包括以碳计算的任何有机物，但不包括任何其他添加剂)」 Q=5 t；序号44「硝酸铵(含可燃物≤0.2%)」 Q=50 t",
            "甲醛,   J3,   序号8「甲醛(含量>90%)」 Q=5 t",
            "甲醛,   '',   序号8「甲醛(含量>90%)」 Q=5 t",
    })
    void aShortenedTableOneNameIsRefusedAskingForTheFullName(String name, String symbol, String similar) {
        ChemicalInput chemical = symbol.isEmpty() ? named(name, "1") : withSymbols(name, "1", symbol);
        assertThatThrownBy(() -> GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, 0, List.of(chemical))))
                .isInstanceOf(UnprocessableFactException.class)
                .hasMessageContaining("「" + name + "」与GB 18218-2018表1所列条目（" + similar + "）名称相近")
                .extracting(e -> ((UnprocessableFactException) e).field()).isEqualTo("chemicals[0]");
    }

    /** Rows 13, 52 and 66 only describe what they include in parentheses: their bare names are those rows. */
    @ParameterizedTest(name = "{0} is row {1}, Q={2}")
    @CsvSource({"液化石油气, 52, 50", "汽油, 66, 200", "煤气, 13, 20"})
    void aRowWhoseParenthesesOnlyDescribeItIsFoundByItsBareName(String name, int row, BigDecimal q) {
        ChemicalResult result = GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, 0, List.of(withSymbols(name, "1", "W2")))).chemicals().get(0);
        assertThat(result.tableOneRow()).isEqualTo(row);
        assertThat(result.criticalQuantityTonnes()).isEqualByComparingTo(q);
    }

    @Test
    void aNameThatSaysItIsNotTheTableOneRowIsGradedByTableTwo() {
        ChemicalResult result = GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, 0, List.of(withSymbols("甲醛溶液（含量37%）", "1", "J3"))))
                .chemicals().get(0);
        assertThat(result.tableOneRow()).isNull();
        assertThat(result.criticalQuantityTonnes()).isEqualByComparingTo("50");
    }

    // ---- β (§4.3.2): Table 3 for the named toxic gases, else Table 4 by symbol ----

    @ParameterizedTest(name = "表3 {0}: β={1}")
    @CsvSource(nullValues = "-", value = {
            "一氧化碳,     2,  W2", // not a Table-1 row: Q from Table 2 by its symbol
            "二氧化硫,     2,  -",
            "氨,           2,  -",
            "环氧乙烷,     2,  -",
            "氯化氢(无水), 3,  -", // Table 3's 氯化氢
            "溴甲烷,       3,  -",
            "氯,           4,  -",
            "硫化氢,       5,  -",
            "氟化氢,       5,  -",
            "二氧化氮,     10, -",
            "氰化氢,       10, -",
            "碳酰氯,       20, -",
            "磷化氢,       20, -",
            "异氰酸甲酯,   20, -",
            "氨,           2,  W2", // Table 3 wins over the symbol's Table-4 β (1.5)
    })
    void aTableThreeGasTakesItsBetaFromTableThree(String name, BigDecimal beta, String symbol) {
        ChemicalInput chemical = new ChemicalInput(name, null, symbol == null ? List.of() : List.of(symbol), new BigDecimal("1"));
        ChemicalResult result = GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, 0, List.of(chemical))).chemicals().get(0);

        assertThat(result.beta()).isEqualByComparingTo(beta);
        assertThat(result.betaSource()).isEqualTo("GB 18218-2018 表3");
    }

    @Test
    void carbonMonoxideIsNotInTableOneAndTakesQFromItsSymbol() {
        ChemicalResult result = GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, 0, List.of(withSymbols("一氧化碳", "5", "W2", "J3"))))
                .chemicals().get(0);

        assertThat(result.tableOneRow()).isNull();
        assertThat(result.criticalQuantityTonnes()).isEqualByComparingTo("10");
        assertThat(result.hazardSymbol()).isEqualTo("W2");
        assertThat(result.ratio()).isEqualByComparingTo("0.5");
        assertThat(result.beta()).isEqualByComparingTo("2");
    }

    @ParameterizedTest(name = "{0} with {1}: Q={2} (表1), β={3} ({4})")
    @CsvSource({
            "甲醇, W5.1,      500, 1.5, GB 18218-2018 表4 W5.1",
            "木醇, W5.3,      500, 1,   GB 18218-2018 表4 W5.3",
            "汽油(乙醇汽油、甲醇汽油), W5.2, 200, 1, GB 18218-2018 表4 W5.2",
            "甲醇, J5;W5.1,   500, 1.5, GB 18218-2018 表4 W5.1",
    })
    void aTableOneChemicalOutsideTableThreeTakesBetaFromItsSymbol(String name, String symbols, BigDecimal q, BigDecimal beta, String source) {
        MajorHazardResult result = GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, 0, List.of(withSymbols(name, "100", symbols.split(";")))));

        assertThat(result.chemicals()).singleElement().satisfies(chemical -> {
            assertThat(chemical.tableOneRow()).isNotNull();
            assertThat(chemical.hazardSymbol()).isNull();
            assertThat(chemical.criticalQuantityTonnes()).isEqualByComparingTo(q);
            assertThat(chemical.beta()).isEqualByComparingTo(beta);
            assertThat(chemical.betaSource()).isEqualTo(source);
        });
        // Q of a Table-1 chemical is Table 1's: no choice among symbols to explain.
        assertThat(result.reasons()).extracting(Reason::rule).doesNotContain("Several hazard symbols take the lowest Table-2 critical quantity");
    }

    // ---- What cannot be evaluated (422) ----

    @ParameterizedTest(name = "{0} without hazard symbols")
    @CsvSource({
            "甲醇, 甲醇, 表4",
            "木精, 序号65「甲醇」, 须给出危险性类别符号以确定校正系数β（GB 18218-2018 表4）",
            "汽油(乙醇汽油、甲醇汽油), 汽油, 表4",
    })
    void aTableOneChemicalOutsideTableThreeNeedsASymbolForBeta(String name, String named, String asked) {
        assertThatThrownBy(() -> GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, 0, List.of(named(name, "100")))))
                .isExactlyInstanceOf(UnprocessableFactException.class)
                .hasMessageContaining("「" + name + "」").hasMessageContaining(named).hasMessageContaining(asked)
                .extracting(ex -> ((UnprocessableFactException) ex).field()).isEqualTo("chemicals[0]");
    }

    @ParameterizedTest(name = "''{0}'' without hazard symbols")
    @CsvSource(nullValues = "-", value = {
            "某溶剂,   -,       「某溶剂」未列入GB 18218-2018表1，须给出危险性类别符号",
            "一氧化碳, 630-08-0, 「一氧化碳」未列入GB 18218-2018表1，须给出危险性类别符号",
            "-,        -,       「第1种危险化学品」未列入GB 18218-2018表1",
    })
    void aChemicalOutsideTableOneNeedsASymbolForQ(String name, String cas, String message) {
        assertThatThrownBy(() -> GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, 0, List.of(new ChemicalInput(name, cas, null, BigDecimal.ONE)))))
                .isExactlyInstanceOf(UnprocessableFactException.class)
                .hasMessageContaining(message)
                .extracting(ex -> ((UnprocessableFactException) ex).field()).isEqualTo("chemicals[0]");
    }

    // ---- What is malformed (400) ----

    static Stream<Arguments> malformedInputs() {
        List<ChemicalInput> chlorine = List.of(named("氯", "5"));
        return Stream.of(
                Arguments.of(new MajorHazardInput(null, 0, chlorine), "unitType"),
                Arguments.of(new MajorHazardInput(UnitType.STORAGE, null, chlorine), "exposedPeople"),
                Arguments.of(new MajorHazardInput(UnitType.STORAGE, -1, chlorine), "exposedPeople"),
                Arguments.of(new MajorHazardInput(UnitType.STORAGE, 0, List.of()), "chemicals"),
                Arguments.of(new MajorHazardInput(UnitType.STORAGE, 0, null), "chemicals"),
                Arguments.of(new MajorHazardInput(UnitType.STORAGE, 0, List.of(named("氯", "5"), new ChemicalInput("氨", null, null, null))),
                        "chemicals[1].quantityTonnes"),
                Arguments.of(new MajorHazardInput(UnitType.STORAGE, 0, List.of(named("氯", "-0.1"))), "chemicals[0].quantityTonnes"),
                Arguments.of(new MajorHazardInput(UnitType.STORAGE, 0, List.of(withSymbols("某物", "1", "W12"))), "chemicals[0].hazardSymbols"),
                Arguments.of(new MajorHazardInput(UnitType.STORAGE, 0, List.of(withSymbols("某物", "1", "W2", "易燃气体"))), "chemicals[0].hazardSymbols"),
                Arguments.of(new MajorHazardInput(UnitType.STORAGE, 0, List.of(withSymbols("甲醇", "1", ""))), "chemicals[0].hazardSymbols"),
                // malformed beats unprocessable: the unknown chemical comes first, the bad quantity second
                Arguments.of(new MajorHazardInput(UnitType.STORAGE, 0, List.of(named("某物", "1"), named("氯", "-5"))), "chemicals[1].quantityTonnes"));
    }

    @ParameterizedTest(name = "400 on {1}")
    @MethodSource("malformedInputs")
    void malformedInputsAreRefusedNamingTheField(MajorHazardInput input, String field) {
        assertThatThrownBy(() -> GRADING.grade(input))
                .isExactlyInstanceOf(InvalidFactException.class)
                .extracting(ex -> ((InvalidFactException) ex).field()).isEqualTo(field);
    }

    @Test
    void theRuleSetVersionIsTheSha256OfItsFiles() {
        assertThat(GRADING.ruleSetVersion()).matches("[0-9a-f]{64}");
        assertThat(GRADING.grade(new MajorHazardInput(UnitType.PRODUCTION, 0, List.of(named("氯", "5")))).ruleSetVersion())
                .isEqualTo(GRADING.ruleSetVersion());
    }

    private static ChemicalInput named(String name, String q) {
        return new ChemicalInput(name, null, List.of(), new BigDecimal(q));
    }

    private static ChemicalInput withSymbols(String name, String q, String... symbols) {
        return new ChemicalInput(name, null, Arrays.asList(symbols), new BigDecimal(q));
    }
}
