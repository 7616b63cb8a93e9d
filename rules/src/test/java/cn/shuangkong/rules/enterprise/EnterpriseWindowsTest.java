package cn.shuangkong.rules.enterprise;

import static cn.shuangkong.rules.enterprise.TestEnterprise.AS_OF;
import static cn.shuangkong.rules.enterprise.TestEnterprise.score;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.shuangkong.rules.enterprise.EnterpriseGrade.IndicatorScore;

/**
 * Which facts an indicator counts, as of {@link TestEnterprise#AS_OF} (2026-06-30): 近12个月 is after the same day a
 * year before (2025-06-30) up to and including asOf; 13–36 months is after the same day three years before up to and
 * including that day a year before; 近30日 is after asOf − 30 days (2026-05-31). Nothing after asOf counts.
 */
class EnterpriseWindowsTest {

    private static final EnterpriseGrading GRADING = EnterpriseGrading.builtIn();

    /** One accident with one death: in 近12个月 (an accident, a death), in 13–36 months (a death), or in neither. */
    @ParameterizedTest(name = "an accident on {1} as of {0}: 12 months {2}, 13–36 months {3}")
    @CsvSource({
            "2026-06-30, 2026-06-30, true,  false", // on asOf itself
            "2026-06-30, 2025-07-01, true,  false", // the day after the same day a year before
            "2026-06-30, 2025-06-30, false, true",  // exactly one year before: 13–36 months
            "2026-06-30, 2025-05-30, false, true",  // 13 months before
            "2026-06-30, 2023-07-01, false, true",  // the day after the same day three years before
            "2026-06-30, 2023-06-30, false, false", // exactly three years before: not counted
            "2026-06-30, 2026-07-01, false, false", // after asOf: not yet happened as of asOf
            "2028-02-29, 2027-02-28, false, true",  // a leap day: a year before is 2027-02-28
            "2028-02-29, 2027-03-01, true,  false",
    })
    void anAccidentCountsInTheWindowItFallsIn(LocalDate asOf, LocalDate occurredOn, boolean lastYear, boolean before) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other().asOf(asOf).accident(occurredOn, 1, 1).facts());

        assertThat(points(grade, IndicatorCode.ACCIDENTS_12M)).isEqualTo(lastYear ? "5" : "-");
        assertThat(points(grade, IndicatorCode.ACCIDENT_DEATHS_12M)).isEqualTo(lastYear ? "40" : "-");
        assertThat(points(grade, IndicatorCode.ACCIDENT_SERIOUS_INJURIES_12M)).isEqualTo(lastYear ? "5" : "-");
        assertThat(points(grade, IndicatorCode.ACCIDENT_DEATHS_13_36M)).isEqualTo(before ? "5" : "-");
        assertThat(grade.totalScore()).isEqualByComparingTo(lastYear ? "51" : before ? "6" : "1");
    }

    /** Deaths add up per window across accidents. */
    @ParameterizedTest(name = "deaths on 2026-01-10 ({0}), 2025-06-30 ({1}), 2024-01-10 ({2}): 12 months {3}, 13–36 months {4}")
    @CsvSource({
            "1, 2, 1, 1, 3",
            "2, 0, 0, 2, 0",
            "0, 1, 3, 0, 4",
    })
    void deathsAddUpPerWindow(int recent, int oneYearBefore, int twoYearsBefore, int lastYear, int before) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other()
                .accident(LocalDate.of(2026, 1, 10), recent, 0)
                .accident(LocalDate.of(2025, 6, 30), oneYearBefore, 0)
                .accident(LocalDate.of(2024, 1, 10), twoYearsBefore, 0).facts());

        assertThat(value(grade, IndicatorCode.ACCIDENTS_12M, null)).isEqualTo(1);
        assertThat(value(grade, IndicatorCode.ACCIDENT_DEATHS_12M, null)).isEqualTo(lastYear);
        assertThat(value(grade, IndicatorCode.ACCIDENT_DEATHS_13_36M, null)).isEqualTo(before);
    }

    /** Enforcement actions and the fines among them use the same 近12个月 window as accidents. */
    @ParameterizedTest(name = "a fine of 100000 yuan decided on {0}: counted {1}")
    @CsvSource({
            "2026-06-30, true",
            "2025-07-01, true",
            "2025-06-30, false",
            "2024-01-10, false",
            "2026-07-01, false",
    })
    void enforcementActionsAndFinesCountInTheLastTwelveMonths(LocalDate decidedOn, boolean counted) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other()
                .enforcement(decidedOn, "FINE", "100000")
                .enforcement(decidedOn, "WARNING", null).facts());

        assertThat(value(grade, IndicatorCode.ENFORCEMENT_ACTIONS_12M, "FINE")).isEqualTo(counted ? 1 : 0);
        assertThat(value(grade, IndicatorCode.ENFORCEMENT_ACTIONS_12M, "WARNING")).isEqualTo(counted ? 1 : 0);
        assertThat(points(grade, IndicatorCode.FINES_12M_YUAN)).isEqualTo(counted ? "3" : "-");
        assertThat(grade.totalScore()).isEqualByComparingTo(counted ? "10" : "1"); // 1 + fine 4 + warning 2 + 100000 yuan 3
    }

    /** The fines of the window add up; a fine outside it, or an amount of another kind of action, does not count. */
    @ParameterizedTest(name = "fines {0} + {1} yuan, the second on {2} as {3}: {4} yuan, {5} points")
    @CsvSource(nullValues = "-", value = {
            "60000,  40000,   2026-01-10, FINE,         100000,   3",
            "60000,  40000,   2025-06-30, FINE,         60000,    -",
            "60000,  40000,   2026-07-01, FINE,         60000,    -",
            "60000,  40000,   2026-01-10, CONFISCATION, 60000,    -",
            "450000, 50000.5, 2026-01-10, FINE,         500000.5, 6",
    })
    void finesOfTheWindowAddUp(String first, String second, LocalDate secondOn, String secondKind, BigDecimal total, String points) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other()
                .enforcement(LocalDate.of(2026, 3, 1), "FINE", first)
                .enforcement(secondOn, secondKind, second).facts());

        assertThat(points(grade, IndicatorCode.FINES_12M_YUAN)).isEqualTo(points == null ? "-" : points);
        assertThat(score(grade, IndicatorCode.FINES_12M_YUAN, null).map(IndicatorScore::value).orElse(null))
                .isEqualTo(points == null ? null : total);
    }

    /** A cleared first-level alarm counts in 近30日 when after asOf − 30 days (2026-05-31), up to the end of asOf. */
    @ParameterizedTest(name = "an alarm at {0}: in 近30日 {1}")
    @CsvSource({
            "2026-05-31T12:00, false", // 30 days before
            "2026-05-31T23:59, false",
            "2026-06-01T00:00, true",  // 29 days before
            "2026-06-30T23:59, true",  // asOf, late in the day
            "2026-07-01T00:00, false", // after asOf
    })
    void alarmsCountInTheLastThirtyDays(LocalDateTime at, boolean counted) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other().alarms(1, "LEVEL_2", at, true).facts());

        assertThat(value(grade, IndicatorCode.ALARMS_30D, "LEVEL_2")).isEqualTo(counted ? 1 : 0);
        assertThat(value(grade, IndicatorCode.UNCLEARED_ALARMS, "LEVEL_2")).isZero();
    }

    /** An alarm not cleared counts whatever its age (but not before it happened); a cleared one only in 近30日. */
    @ParameterizedTest(name = "an alarm at {0}, cleared {1}: uncleared {2}, 近30日 {3}")
    @CsvSource({
            "2024-01-10T08:00, false, 1, 0",
            "2026-05-31T08:00, false, 1, 0",
            "2026-06-29T08:00, false, 1, 1",
            "2026-07-01T08:00, false, 0, 0",
            "2024-01-10T08:00, true,  0, 0",
            "2026-06-29T08:00, true,  0, 1",
    })
    void anUnclearedAlarmCountsWhateverItsAge(LocalDateTime at, boolean cleared, int uncleared, int lastThirtyDays) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other().alarms(1, "LEVEL_1", at, cleared).facts());

        assertThat(value(grade, IndicatorCode.UNCLEARED_ALARMS, "LEVEL_1")).isEqualTo(uncleared);
        assertThat(value(grade, IndicatorCode.ALARMS_30D, "LEVEL_1")).isEqualTo(lastThirtyDays);
    }

    /** A quality finding counts until it is resolved, whatever its age, but not before it was found. */
    @ParameterizedTest(name = "a finding of {0}, resolved {1}: counted {2}")
    @CsvSource({
            "2020-01-10, false, true",
            "2026-06-30, false, true",
            "2026-07-01, false, false",
            "2020-01-10, true,  false",
            "2026-06-29, true,  false",
    })
    void aResolvedQualityFindingDoesNotCount(LocalDate foundOn, boolean resolved, boolean counted) {
        EnterpriseGrade grade = GRADING.grade(TestEnterprise.other()
                .qualityFindings(1, "SPECIAL_EQUIPMENT_FAILED", foundOn, resolved).facts());

        assertThat(value(grade, IndicatorCode.UNRESOLVED_QUALITY_FINDINGS, "SPECIAL_EQUIPMENT_FAILED")).isEqualTo(counted ? 1 : 0);
    }

    /**
     * required-licences.tsv: an enterprise lacks a licence (15 points) when it holds none of its requirement's kinds,
     * holds it only not valid (10 points) when none of those it holds is valid on asOf (valid from validFrom to validTo,
     * both included). Licences as "KIND from..to", several separated by " + ".
     */
    @ParameterizedTest(name = "{0} holding [{1}]: missing {2}, not valid {3}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            "HAZARDOUS_CHEMICALS; -;                                                                  1; 0",
            "HAZARDOUS_CHEMICALS; SAFETY_PRODUCTION 2024-01-01..2027-01-01;                          0; 0",
            "HAZARDOUS_CHEMICALS; SAFETY_PRODUCTION 2023-06-30..2026-06-29;                          0; 1", // expired the day before
            "HAZARDOUS_CHEMICALS; SAFETY_PRODUCTION 2023-06-30..2026-06-30;                          0; 0", // its last day
            "HAZARDOUS_CHEMICALS; SAFETY_PRODUCTION 2026-06-30..2029-06-29;                          0; 0", // its first day
            "HAZARDOUS_CHEMICALS; SAFETY_PRODUCTION 2026-07-01..2029-06-30;                          0; 1", // not yet valid
            "HAZARDOUS_CHEMICALS; HAZCHEM_OPERATION 2024-01-01..2027-01-01;                          0; 0", // one alternative suffices
            "HAZARDOUS_CHEMICALS; HAZCHEM_USE 2024-01-01..2027-01-01;                                0; 0",
            "HAZARDOUS_CHEMICALS; SAFETY_PRODUCTION 2020-01-01..2023-01-01 + HAZCHEM_USE 2024-01-01..2027-01-01; 0; 0",
            "HAZARDOUS_CHEMICALS; SAFETY_PRODUCTION 2020-01-01..2023-01-01 + HAZCHEM_USE 2020-01-01..2023-01-01; 0; 1",
            "HAZARDOUS_CHEMICALS; FIREWORKS_OPERATION 2024-01-01..2027-01-01;                        1; 0", // not one of its kinds
            "HAZARDOUS_CHEMICALS; OTHER 2024-01-01..2027-01-01;                                      1; 0",
            "MINING;              -;                                                                  1; 0",
            "MINING;              SAFETY_PRODUCTION 2024-01-01..2027-01-01;                          0; 0",
            "MINING;              HAZCHEM_OPERATION 2024-01-01..2027-01-01;                          1; 0",
            "CONSTRUCTION;        SAFETY_PRODUCTION 2020-01-01..2023-01-01;                          0; 1",
            "FIREWORKS;           FIREWORKS_OPERATION 2024-01-01..2027-01-01;                        0; 0",
            "FIREWORKS;           HAZCHEM_USE 2024-01-01..2027-01-01;                                1; 0",
    })
    void aRequiredLicenceIsMissingOrNotValid(String industry, String licences, int missing, int notValid) {
        TestEnterprise enterprise = TestEnterprise.of(industry);
        if (licences != null) {
            for (String licence : licences.split(" \\+ ")) {
                String[] kindAndDates = licence.strip().split(" ");
                String[] dates = kindAndDates[1].split("\\.\\.");
                enterprise.licence(kindAndDates[0], LocalDate.parse(dates[0]), LocalDate.parse(dates[1]));
            }
        }
        EnterpriseGrade grade = GRADING.grade(enterprise.facts());

        assertThat(value(grade, IndicatorCode.REQUIRED_LICENCES_MISSING, null)).isEqualTo(missing);
        assertThat(value(grade, IndicatorCode.REQUIRED_LICENCES_EXPIRED, null)).isEqualTo(notValid);
        assertThat(grade.families().get(IndicatorFamily.LICENCE.ordinal()).points())
                .isEqualByComparingTo(String.valueOf(15 * missing + 10 * notValid));
    }

    /** Industries with no row in required-licences.tsv never score licence points, whatever they hold. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"COMMERCE", "OTHER", "METALLURGY", "NONFERROUS", "BUILDING_MATERIALS", "MACHINERY",
            "LIGHT_INDUSTRY", "TEXTILE", "TOBACCO", "TRANSPORT"})
    void industriesWithoutRequirementsNeverScoreLicencePoints(String industry) {
        EnterpriseGrade none = GRADING.grade(TestEnterprise.of(industry).facts());
        EnterpriseGrade expired = GRADING.grade(TestEnterprise.of(industry)
                .licence("SAFETY_PRODUCTION", LocalDate.of(2020, 1, 1), LocalDate.of(2023, 1, 1)).facts());

        for (EnterpriseGrade grade : List.of(none, expired)) {
            assertThat(grade.families().get(IndicatorFamily.LICENCE.ordinal()).indicators()).isEmpty();
            assertThat(grade.families().get(IndicatorFamily.LICENCE.ordinal()).points()).isEqualByComparingTo("0");
        }
    }

    /** The points of a plain (not categorised) indicator in the grade's explanation, "-" when no row scored it. */
    private static String points(EnterpriseGrade grade, IndicatorCode code) {
        return score(grade, code, null).map(s -> s.points().toPlainString()).orElse("-");
    }

    /** The value of an indicator in the grade's explanation, 0 when no row scored it. */
    private static int value(EnterpriseGrade grade, IndicatorCode code, String category) {
        return score(grade, code, category).map(s -> s.value().intValueExact()).orElse(0);
    }
}
