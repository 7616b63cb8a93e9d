package cn.shuangkong.rules.enterprise;

import static cn.shuangkong.rules.enterprise.TestEnterprise.AS_OF;
import static cn.shuangkong.rules.enterprise.TestEnterprise.RECENTLY;
import static cn.shuangkong.rules.enterprise.TestEnterprise.score;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.shuangkong.rules.enterprise.EnterpriseGrade.IndicatorScore;

/**
 * Every row of {@code enterprise-points.drl.xlsx} at its edges: a value just below its lower bound scores nothing from
 * it, the lower bound and a value just below the upper bound score it, the upper bound belongs to the next row (or
 * none), and points = base + per-unit × value stop at the cap. The numbers are the shipped table's (default policy).
 * An enterprise is of industry OTHER (1 point) and has only the facts that make the indicator under test.
 */
class EnterprisePointsTableTest {

    private static final EnterpriseGrading GRADING = EnterpriseGrading.builtIn();

    /** Each industry is a category marker (value 1) with its own points. */
    @ParameterizedTest(name = "{0} scores {1}")
    @CsvSource({
            "HAZARDOUS_CHEMICALS, 10, Industry hazardous chemicals scores 10",
            "MINING,              10, Industry mining scores 10",
            "FIREWORKS,           10, Industry fireworks scores 10",
            "METALLURGY,          8,  Industry metallurgy scores 8",
            "CONSTRUCTION,        8,  Industry construction scores 8",
            "NONFERROUS,          6,  Industry nonferrous scores 6",
            "TRANSPORT,           6,  Industry transport scores 6",
            "BUILDING_MATERIALS,  4,  Industry building materials scores 4",
            "MACHINERY,           3,  Industry machinery scores 3",
            "LIGHT_INDUSTRY,      2,  Industry light industry scores 2",
            "TEXTILE,             2,  Industry textile scores 2",
            "TOBACCO,             2,  Industry tobacco scores 2",
            "COMMERCE,            1,  Industry commerce scores 1",
            "OTHER,               1,  Industry other scores 1",
    })
    void everyIndustryScoresItsOwnPoints(String industry, BigDecimal points, String rule) {
        // An industry that must hold a licence holds a valid one, so that only the industry scores.
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.of(industry)
                .licence("SAFETY_PRODUCTION", AS_OF.minusYears(1), AS_OF.plusYears(1)).facts());

        assertThat(score(grade, IndicatorCode.INDUSTRY, industry)).get().satisfies(s -> {
            assertThat(s.value()).isEqualByComparingTo("1");
            assertThat(s.points()).isEqualByComparingTo(points);
            assertThat(s.rule()).isEqualTo(rule);
        });
        assertThat(grade.totalScore()).isEqualByComparingTo(points);
    }

    /** Standardisation takes points off at levels 1–3 and adds them when it is not reached; unregistered, it scores nothing. */
    @ParameterizedTest(name = "{0} scores {1}, total {2}")
    @CsvSource({
            "LEVEL_1, -5, -4, Standardization level 1 takes off 5",
            "LEVEL_2, -3, -2, Standardization level 2 takes off 3",
            "LEVEL_3, -1, 0,  Standardization level 3 takes off 1",
            "NONE,    3,  4,  Standardization not reached scores 3",
    })
    void everyStandardizationLevelScoresItsOwnPoints(String level, BigDecimal points, BigDecimal total, String rule) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other().standardization(level).facts());

        assertThat(score(grade, IndicatorCode.STANDARDIZATION, level)).get().satisfies(s -> {
            assertThat(s.points()).isEqualByComparingTo(points);
            assertThat(s.rule()).isEqualTo(rule);
        });
        assertThat(grade.totalScore()).isEqualByComparingTo(total);
    }

    @Test
    void anUnregisteredStandardizationLevelScoresNothing() {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other().standardization(null).facts());

        assertThat(grade.families().get(0).indicators()).extracting(IndicatorScore::code).containsExactly(IndicatorCode.INDUSTRY);
        assertThat(grade.totalScore()).isEqualByComparingTo("1");
    }

    /** 从业人员 bands [100, 300) 2, [300, 1000) 3, [1000, ∞) 5; the upper bound belongs to the next band. */
    @ParameterizedTest(name = "{0} employees score {1} ({2})")
    @CsvSource({
            "100,     2, 100 to 299 employees score 2",
            "299,     2, 100 to 299 employees score 2",
            "300,     3, 300 to 999 employees score 3",
            "999,     3, 300 to 999 employees score 3",
            "1000,    5, 1000 employees or more score 5",
            "1000000, 5, 1000 employees or more score 5",
    })
    void employeesScoreByTheirBand(int employees, BigDecimal points, String rule) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other().employees(employees).facts());

        assertThat(score(grade, IndicatorCode.EMPLOYEES, null)).get().satisfies(s -> {
            assertThat(s.value()).isEqualByComparingTo(String.valueOf(employees));
            assertThat(s.points()).isEqualByComparingTo(points);
            assertThat(s.rule()).isEqualTo(rule);
        });
        assertThat(grade.totalScore()).isEqualByComparingTo(points.add(BigDecimal.ONE));
    }

    @ParameterizedTest(name = "{0} employees score nothing")
    @CsvSource(nullValues = "-", value = {"-", "0", "1", "99"})
    void fewerThanAHundredEmployeesScoreNothing(Integer employees) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other().employees(employees).facts());

        assertThat(score(grade, IndicatorCode.EMPLOYEES, null)).isEmpty();
        assertThat(grade.totalScore()).isEqualByComparingTo("1");
    }

    /** 近12个月罚款合计 bands [100000, 500000) 3, [500000, ∞) 6 (the fine itself also counts as an enforcement action). */
    @ParameterizedTest(name = "fines of {0} yuan score {1}")
    @CsvSource({
            "100000,    3",
            "499999.99, 3",
            "500000,    6",
            "10000000,  6",
    })
    void finesScoreByTheirBand(BigDecimal yuan, BigDecimal points) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other().enforcement(RECENTLY, "FINE", yuan.toPlainString()).facts());

        assertThat(score(grade, IndicatorCode.FINES_12M_YUAN, null)).get().satisfies(s -> {
            assertThat(s.value()).isEqualByComparingTo(yuan);
            assertThat(s.points()).isEqualByComparingTo(points);
        });
        assertThat(score(grade, IndicatorCode.ENFORCEMENT_ACTIONS_12M, "FINE")).get()
                .extracting(IndicatorScore::points).isEqualTo(new BigDecimal("4"));
    }

    @ParameterizedTest(name = "fines of {0} yuan score nothing")
    @CsvSource({"0.01", "99999.99"})
    void finesUnderAHundredThousandYuanScoreNothing(String yuan) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other().enforcement(RECENTLY, "FINE", yuan).facts());

        assertThat(score(grade, IndicatorCode.FINES_12M_YUAN, null)).isEmpty();
    }

    /**
     * The rows counted from 1 with no upper bound: at 1 (the lower bound), the last value under the cap, the value
     * where base + per-unit × value first reaches the cap, and one more (still the cap).
     */
    @ParameterizedTest(name = "{0} {1} = {2} scores {3}")
    @CsvSource(nullValues = "-", value = {
            "RISK_POINTS,                   RED,                       1,  10",
            "RISK_POINTS,                   RED,                       2,  20",
            "RISK_POINTS,                   RED,                       3,  30",
            "RISK_POINTS,                   RED,                       4,  30",
            "RISK_POINTS,                   ORANGE,                    1,  3",
            "RISK_POINTS,                   ORANGE,                    4,  12",
            "RISK_POINTS,                   ORANGE,                    5,  15",
            "RISK_POINTS,                   ORANGE,                    6,  15",
            "RISK_POINTS,                   YELLOW,                    1,  1",
            "RISK_POINTS,                   YELLOW,                    4,  4",
            "RISK_POINTS,                   YELLOW,                    5,  5",
            "RISK_POINTS,                   YELLOW,                    6,  5",
            "MAJOR_HAZARD_SOURCES,          LEVEL_1,                   1,  15",
            "MAJOR_HAZARD_SOURCES,          LEVEL_1,                   2,  30",
            "MAJOR_HAZARD_SOURCES,          LEVEL_1,                   3,  30",
            "MAJOR_HAZARD_SOURCES,          LEVEL_2,                   1,  10",
            "MAJOR_HAZARD_SOURCES,          LEVEL_2,                   2,  20",
            "MAJOR_HAZARD_SOURCES,          LEVEL_2,                   3,  20",
            "MAJOR_HAZARD_SOURCES,          LEVEL_3,                   1,  5",
            "MAJOR_HAZARD_SOURCES,          LEVEL_3,                   2,  10",
            "MAJOR_HAZARD_SOURCES,          LEVEL_3,                   3,  10",
            "MAJOR_HAZARD_SOURCES,          LEVEL_4,                   1,  3",
            "MAJOR_HAZARD_SOURCES,          LEVEL_4,                   2,  6",
            "MAJOR_HAZARD_SOURCES,          LEVEL_4,                   3,  6",
            "OPEN_HIDDEN_DANGERS,           GENERAL,                   1,  1",
            "OPEN_HIDDEN_DANGERS,           GENERAL,                   9,  9",
            "OPEN_HIDDEN_DANGERS,           GENERAL,                   10, 10",
            "OPEN_HIDDEN_DANGERS,           GENERAL,                   11, 10",
            "OPEN_HIDDEN_DANGERS,           MAJOR,                     1,  10",
            "OPEN_HIDDEN_DANGERS,           MAJOR,                     2,  20",
            "OPEN_HIDDEN_DANGERS,           MAJOR,                     3,  30",
            "OPEN_HIDDEN_DANGERS,           MAJOR,                     4,  30",
            "OVERDUE_HIDDEN_DANGERS,        GENERAL,                   1,  3",
            "OVERDUE_HIDDEN_DANGERS,        GENERAL,                   4,  12",
            "OVERDUE_HIDDEN_DANGERS,        GENERAL,                   5,  15",
            "OVERDUE_HIDDEN_DANGERS,        GENERAL,                   6,  15",
            "OVERDUE_HIDDEN_DANGERS,        MAJOR,                     1,  20",
            "OVERDUE_HIDDEN_DANGERS,        MAJOR,                     2,  40",
            "OVERDUE_HIDDEN_DANGERS,        MAJOR,                     3,  40",
            "ACCIDENTS_12M,                 -,                         1,  5",
            "ACCIDENTS_12M,                 -,                         2,  10",
            "ACCIDENTS_12M,                 -,                         3,  15",
            "ACCIDENTS_12M,                 -,                         4,  15",
            "ACCIDENT_DEATHS_12M,           -,                         1,  40",
            "ACCIDENT_DEATHS_12M,           -,                         2,  50",
            "ACCIDENT_DEATHS_12M,           -,                         3,  60",
            "ACCIDENT_DEATHS_12M,           -,                         4,  60",
            "ACCIDENT_SERIOUS_INJURIES_12M, -,                         1,  5",
            "ACCIDENT_SERIOUS_INJURIES_12M, -,                         4,  20",
            "ACCIDENT_SERIOUS_INJURIES_12M, -,                         5,  25",
            "ACCIDENT_SERIOUS_INJURIES_12M, -,                         6,  25",
            "ACCIDENT_DEATHS_13_36M,        -,                         1,  5",
            "ACCIDENT_DEATHS_13_36M,        -,                         2,  10",
            "ACCIDENT_DEATHS_13_36M,        -,                         3,  15",
            "ACCIDENT_DEATHS_13_36M,        -,                         4,  15",
            "ENFORCEMENT_ACTIONS_12M,       WARNING,                   1,  2",
            "ENFORCEMENT_ACTIONS_12M,       WARNING,                   2,  4",
            "ENFORCEMENT_ACTIONS_12M,       WARNING,                   3,  6",
            "ENFORCEMENT_ACTIONS_12M,       WARNING,                   4,  6",
            "ENFORCEMENT_ACTIONS_12M,       FINE,                      1,  4",
            "ENFORCEMENT_ACTIONS_12M,       FINE,                      2,  8",
            "ENFORCEMENT_ACTIONS_12M,       FINE,                      3,  12",
            "ENFORCEMENT_ACTIONS_12M,       FINE,                      4,  12",
            "ENFORCEMENT_ACTIONS_12M,       CONFISCATION,              1,  4",
            "ENFORCEMENT_ACTIONS_12M,       CONFISCATION,              2,  8",
            "ENFORCEMENT_ACTIONS_12M,       CONFISCATION,              3,  8",
            "ENFORCEMENT_ACTIONS_12M,       SUSPENSION,                1,  15",
            "ENFORCEMENT_ACTIONS_12M,       SUSPENSION,                2,  30",
            "ENFORCEMENT_ACTIONS_12M,       SUSPENSION,                3,  30",
            "ENFORCEMENT_ACTIONS_12M,       LICENCE_SUSPENSION,        1,  15",
            "ENFORCEMENT_ACTIONS_12M,       LICENCE_SUSPENSION,        2,  30",
            "ENFORCEMENT_ACTIONS_12M,       LICENCE_SUSPENSION,        3,  30",
            "ENFORCEMENT_ACTIONS_12M,       LICENCE_REVOCATION,        1,  20",
            "ENFORCEMENT_ACTIONS_12M,       LICENCE_REVOCATION,        2,  40",
            "ENFORCEMENT_ACTIONS_12M,       LICENCE_REVOCATION,        3,  40",
            "ENFORCEMENT_ACTIONS_12M,       CLOSURE,                   1,  20",
            "ENFORCEMENT_ACTIONS_12M,       CLOSURE,                   2,  40",
            "ENFORCEMENT_ACTIONS_12M,       CLOSURE,                   3,  40",
            "ENFORCEMENT_ACTIONS_12M,       DETENTION,                 1,  10",
            "ENFORCEMENT_ACTIONS_12M,       DETENTION,                 2,  20",
            "ENFORCEMENT_ACTIONS_12M,       DETENTION,                 3,  20",
            "ENFORCEMENT_ACTIONS_12M,       OTHER,                     1,  2",
            "ENFORCEMENT_ACTIONS_12M,       OTHER,                     2,  4",
            "ENFORCEMENT_ACTIONS_12M,       OTHER,                     3,  6",
            "ENFORCEMENT_ACTIONS_12M,       OTHER,                     4,  6",
            "UNCLEARED_ALARMS,              LEVEL_2,                   1,  5",
            "UNCLEARED_ALARMS,              LEVEL_2,                   2,  10",
            "UNCLEARED_ALARMS,              LEVEL_2,                   3,  15",
            "UNCLEARED_ALARMS,              LEVEL_2,                   4,  15",
            "UNCLEARED_ALARMS,              LEVEL_1,                   1,  2",
            "UNCLEARED_ALARMS,              LEVEL_1,                   2,  4",
            "UNCLEARED_ALARMS,              LEVEL_1,                   3,  6",
            "UNCLEARED_ALARMS,              LEVEL_1,                   4,  6",
            "ALARMS_30D,                    LEVEL_2,                   1,  1",
            "ALARMS_30D,                    LEVEL_2,                   9,  9",
            "ALARMS_30D,                    LEVEL_2,                   10, 10",
            "ALARMS_30D,                    LEVEL_2,                   11, 10",
            "ALARMS_30D,                    LEVEL_1,                   1,  0.2",
            "ALARMS_30D,                    LEVEL_1,                   19, 3.8",
            "ALARMS_30D,                    LEVEL_1,                   20, 4",
            "ALARMS_30D,                    LEVEL_1,                   21, 4",
            "UNRESOLVED_QUALITY_FINDINGS,   SPECIAL_EQUIPMENT_FAILED,  1,  5",
            "UNRESOLVED_QUALITY_FINDINGS,   SPECIAL_EQUIPMENT_FAILED,  2,  10",
            "UNRESOLVED_QUALITY_FINDINGS,   SPECIAL_EQUIPMENT_FAILED,  3,  15",
            "UNRESOLVED_QUALITY_FINDINGS,   SPECIAL_EQUIPMENT_FAILED,  4,  15",
            "UNRESOLVED_QUALITY_FINDINGS,   SPECIAL_EQUIPMENT_OVERDUE, 1,  3",
            "UNRESOLVED_QUALITY_FINDINGS,   SPECIAL_EQUIPMENT_OVERDUE, 3,  9",
            "UNRESOLVED_QUALITY_FINDINGS,   SPECIAL_EQUIPMENT_OVERDUE, 4,  12",
            "UNRESOLVED_QUALITY_FINDINGS,   SPECIAL_EQUIPMENT_OVERDUE, 5,  12",
            "UNRESOLVED_QUALITY_FINDINGS,   SAFETY_ACCESSORY_FAILED,   1,  3",
            "UNRESOLVED_QUALITY_FINDINGS,   SAFETY_ACCESSORY_FAILED,   2,  6",
            "UNRESOLVED_QUALITY_FINDINGS,   SAFETY_ACCESSORY_FAILED,   3,  9",
            "UNRESOLVED_QUALITY_FINDINGS,   SAFETY_ACCESSORY_FAILED,   4,  9",
            "UNRESOLVED_QUALITY_FINDINGS,   SAFETY_ACCESSORY_OVERDUE,  1,  2",
            "UNRESOLVED_QUALITY_FINDINGS,   SAFETY_ACCESSORY_OVERDUE,  3,  6",
            "UNRESOLVED_QUALITY_FINDINGS,   SAFETY_ACCESSORY_OVERDUE,  4,  8",
            "UNRESOLVED_QUALITY_FINDINGS,   SAFETY_ACCESSORY_OVERDUE,  5,  8",
            "UNRESOLVED_QUALITY_FINDINGS,   PRODUCT_SAMPLING_FAILED,   1,  2",
            "UNRESOLVED_QUALITY_FINDINGS,   PRODUCT_SAMPLING_FAILED,   2,  4",
            "UNRESOLVED_QUALITY_FINDINGS,   PRODUCT_SAMPLING_FAILED,   3,  6",
            "UNRESOLVED_QUALITY_FINDINGS,   PRODUCT_SAMPLING_FAILED,   4,  6",
            "UNRESOLVED_QUALITY_FINDINGS,   OTHER,                     1,  1",
            "UNRESOLVED_QUALITY_FINDINGS,   OTHER,                     4,  4",
            "UNRESOLVED_QUALITY_FINDINGS,   OTHER,                     5,  5",
            "UNRESOLVED_QUALITY_FINDINGS,   OTHER,                     6,  5",
    })
    void countedRowsScorePerUnitUpToTheirCap(IndicatorCode code, String category, int value, BigDecimal points) {
        EnterpriseGrade grade = GRADING.grade(withCount(code, category, value));

        assertThat(score(grade, code, category)).get().satisfies(s -> {
            assertThat(s.value()).isEqualByComparingTo(String.valueOf(value));
            assertThat(s.points()).isEqualByComparingTo(points);
        });
    }

    /** Below the lower bound 1 the indicator is 0, which is no fact at all: no row scores it, whatever the row. */
    @ParameterizedTest(name = "{0} {1} = 0 scores nothing")
    @CsvSource(nullValues = "-", value = {
            "RISK_POINTS,                   RED",
            "RISK_POINTS,                   ORANGE",
            "RISK_POINTS,                   YELLOW",
            "MAJOR_HAZARD_SOURCES,          LEVEL_1",
            "MAJOR_HAZARD_SOURCES,          LEVEL_2",
            "MAJOR_HAZARD_SOURCES,          LEVEL_3",
            "MAJOR_HAZARD_SOURCES,          LEVEL_4",
            "OPEN_HIDDEN_DANGERS,           GENERAL",
            "OPEN_HIDDEN_DANGERS,           MAJOR",
            "OVERDUE_HIDDEN_DANGERS,        GENERAL",
            "OVERDUE_HIDDEN_DANGERS,        MAJOR",
            "ACCIDENT_DEATHS_12M,           -",
            "ACCIDENT_SERIOUS_INJURIES_12M, -",
            "ACCIDENT_DEATHS_13_36M,        -",
            "ENFORCEMENT_ACTIONS_12M,       WARNING",
            "UNCLEARED_ALARMS,              LEVEL_1",
            "ALARMS_30D,                    LEVEL_2",
            "UNRESOLVED_QUALITY_FINDINGS,   OTHER",
    })
    void aCountOfZeroScoresNothing(IndicatorCode code, String category) {
        EnterpriseGrade grade = GRADING.grade(withCount(code, category, 0));

        assertThat(score(grade, code, category)).isEmpty();
    }

    /** The table has no row for blue (低风险) risk points: any number of them scores nothing. */
    @ParameterizedTest(name = "{0} blue risk points score nothing")
    @CsvSource({"1", "100"})
    void blueRiskPointsScoreNothing(int blue) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other().riskPoints(0, 0, 0, blue).facts());

        assertThat(score(grade, IndicatorCode.RISK_POINTS, "BLUE")).isEmpty();
        assertThat(grade.totalScore()).isEqualByComparingTo("1");
    }

    /** A chemical enterprise lacks its one required licence, or holds it only expired. */
    @ParameterizedTest(name = "{0} = 1 scores {1}")
    @CsvSource({
            "REQUIRED_LICENCES_MISSING, 15",
            "REQUIRED_LICENCES_EXPIRED, 10",
    })
    void aRequiredLicenceMissingOrExpiredScoresItsRow(IndicatorCode code, BigDecimal points) {
        TestEnterprise enterprise = TestEnterprise.of("HAZARDOUS_CHEMICALS");
        if (code == IndicatorCode.REQUIRED_LICENCES_EXPIRED) {
            enterprise.licence("SAFETY_PRODUCTION", AS_OF.minusYears(3), AS_OF.minusDays(1));
        }
        EnterpriseGrade grade = GRADING.grade(enterprise.facts());

        assertThat(score(grade, code, null)).get().satisfies(s -> {
            assertThat(s.value()).isEqualByComparingTo("1");
            assertThat(s.points()).isEqualByComparingTo(points);
        });
        assertThat(grade.totalScore()).isEqualByComparingTo(points.add(BigDecimal.TEN));
    }

    /**
     * The caps of the licence rows (30 and 20) lie beyond what the shipped requirements can produce: no industry
     * requires more than one licence (required-licences.tsv), so the value is at most 1. The rows themselves, evaluated
     * on a larger value, cap as the table says.
     */
    @ParameterizedTest(name = "{0} = {1} scores {2}")
    @CsvSource({
            "REQUIRED_LICENCES_MISSING, 1, 15",
            "REQUIRED_LICENCES_MISSING, 2, 30",
            "REQUIRED_LICENCES_MISSING, 3, 30",
            "REQUIRED_LICENCES_EXPIRED, 1, 10",
            "REQUIRED_LICENCES_EXPIRED, 2, 20",
            "REQUIRED_LICENCES_EXPIRED, 3, 20",
    })
    void theLicenceRowsCapBeyondOneLicence(IndicatorCode code, String value, BigDecimal points) {
        assertThat(ShippedTable.points(code, null, value)).isEqualByComparingTo(points);
    }

    /** An enterprise of industry OTHER whose facts make {@code code}/{@code category} = {@code count}. */
    static EnterpriseFacts withCount(IndicatorCode code, String category, int count) {
        TestEnterprise enterprise = TestEnterprise.other();
        int[] slots = new int[4];
        switch (code) {
            case RISK_POINTS -> {
                slots[IndicatorCode.RISK_POINTS.categories().indexOf(category)] = count;
                enterprise.riskPoints(slots[0], slots[1], slots[2], slots[3]);
            }
            case MAJOR_HAZARD_SOURCES -> {
                slots[IndicatorCode.MAJOR_HAZARD_SOURCES.categories().indexOf(category)] = count;
                enterprise.majorHazards(slots[0], slots[1], slots[2], slots[3]);
            }
            case OPEN_HIDDEN_DANGERS -> enterprise.hiddenDangers(category.equals("GENERAL") ? count : 0, category.equals("MAJOR") ? count : 0, 0, 0);
            case OVERDUE_HIDDEN_DANGERS -> enterprise.hiddenDangers(0, 0, category.equals("GENERAL") ? count : 0, category.equals("MAJOR") ? count : 0);
            case ACCIDENTS_12M -> {
                for (int i = 0; i < count; i++) {
                    enterprise.accident(RECENTLY, 0, 0);
                }
            }
            case ACCIDENT_DEATHS_12M -> enterprise.accident(RECENTLY, count, 0);
            case ACCIDENT_SERIOUS_INJURIES_12M -> enterprise.accident(RECENTLY, 0, count);
            case ACCIDENT_DEATHS_13_36M -> enterprise.accident(AS_OF.minusYears(2), count, 0);
            case ENFORCEMENT_ACTIONS_12M -> {
                for (int i = 0; i < count; i++) {
                    enterprise.enforcement(RECENTLY, category, null);
                }
            }
            // Uncleared, but older than 30 days: not also an alarm of 近30日.
            case UNCLEARED_ALARMS -> enterprise.alarms(count, category, AS_OF.minusDays(60).atTime(8, 0), false);
            // Cleared, so not also an uncleared alarm.
            case ALARMS_30D -> enterprise.alarms(count, category, RECENTLY.atTime(8, 0), true);
            case UNRESOLVED_QUALITY_FINDINGS -> enterprise.qualityFindings(count, category, RECENTLY, false);
            default -> throw new IllegalArgumentException(code + " is not counted");
        }
        return enterprise.facts();
    }
}
