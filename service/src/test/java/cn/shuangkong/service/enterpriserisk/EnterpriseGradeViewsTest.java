package cn.shuangkong.service.enterpriserisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.shuangkong.rules.enterprise.EnterpriseFacts;
import cn.shuangkong.rules.enterprise.EnterpriseGrade;
import cn.shuangkong.rules.enterprise.EnterpriseGrading;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored result is the result without its version (what a re-grade digests and compares) with the version added
 * as its last member: byte for byte what the service's mapper writes of the whole result, so that results stored
 * before V8 and after it are the same text, and V8_1's digest of an old result is the grader's digest of the same one.
 */
class EnterpriseGradeViewsTest {

    /** As {@code spring.jackson.default-property-inclusion: non_null} in application.yaml configures the service's. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    @Test
    void theStoredResultIsTheWholeResultAsTheMapperWritesIt() {
        EnterpriseGrade grade = EnterpriseGrading.builtIn().grade(new EnterpriseFacts("91330302MA2TEST01X", LocalDate.of(2026, 12, 6),
                "HAZARDOUS_CHEMICALS", 350, "LEVEL_3", new EnterpriseFacts.RiskPoints(1, 2, 3, 4), new EnterpriseFacts.MajorHazards(0, 1, 0, 0),
                new EnterpriseFacts.HiddenDangers(2, 1, 1, 0),
                List.of(new EnterpriseFacts.Accident(LocalDate.of(2026, 3, 1), 1, 0, new BigDecimal("1200000"))),
                List.of(), List.of(), List.of(), List.of()));
        assertThat(grade.escalations()).as("a death in the last 12 months escalates").isNotEmpty();

        byte[] versionless = JSON.writeValueAsBytes(EnterpriseGradeViews.withoutVersion(grade));
        assertThat(new String(versionless, StandardCharsets.UTF_8)).doesNotContain("ruleSetVersion").doesNotContain("asOf").contains("风险");

        byte[] whole = JSON.writeValueAsBytes(new EnterpriseGrade(grade.uscc(), null, grade.grade(), grade.totalScore(), grade.scoreGrade(),
                grade.scoreReason(), grade.families(), grade.escalations(), grade.totalReason(), grade.ruleSetVersion()));
        assertThat(new String(EnterpriseGradeViews.withVersion(versionless, grade.ruleSetVersion()), StandardCharsets.UTF_8))
                .isEqualTo(new String(whole, StandardCharsets.UTF_8))
                .endsWith(",\"ruleSetVersion\":\"" + grade.ruleSetVersion() + "\"}");
        assertThat(JSON.readValue(EnterpriseGradeViews.withVersion(versionless, grade.ruleSetVersion()), EnterpriseGrade.class))
                .isEqualTo(EnterpriseGradeViews.asComputedBy(EnterpriseGradeViews.withoutVersion(grade), grade.ruleSetVersion()));
    }

    @Test
    void onlyAVersionIsAdded() {
        byte[] object = "{\"grade\":\"RED\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EnterpriseGradeViews.withVersion(object, "v\",\"grade\":\"BLUE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnterpriseGradeViews.withVersion("[1]".getBytes(StandardCharsets.UTF_8), "a".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new String(EnterpriseGradeViews.withVersion(object, "0".repeat(64)), StandardCharsets.UTF_8))
                .isEqualTo("{\"grade\":\"RED\",\"ruleSetVersion\":\"" + "0".repeat(64) + "\"}");
    }
}
