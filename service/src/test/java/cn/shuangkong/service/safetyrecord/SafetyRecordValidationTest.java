package cn.shuangkong.service.safetyrecord;

import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.TODAY;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.accident;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.alarm;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.fine;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.finding;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.licence;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.path;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.JsonNode;

/** Every refusal of a safety record's input is a 400 naming the field, in Chinese; nothing is stored. */
@DatabaseTest
class SafetyRecordValidationTest {

    @LocalServerPort
    int port;

    static Stream<Arguments> invalidInputs() {
        String tomorrow = TODAY.plusDays(1).toString();
        return Stream.of(
                Arguments.of("accidents", with(accident(0, 0, 0), "occurredOn", tomorrow), "occurredOn", "事故发生日期不能晚于今天"),
                Arguments.of("accidents", with(accident(0, 0, 0), "type", null), "type", "不能为null"),
                Arguments.of("accidents", with(accident(0, 0, 0), "type", "EXPLOSION"), "type", "格式或类型不正确"),
                Arguments.of("accidents", accident(-1, 0, 0), "deaths", "0"),
                Arguments.of("accidents", accident(0, -1, 0), "seriousInjuries", "0"),
                Arguments.of("accidents", accident(0, 0, -1), "directLossYuan", "0"),
                Arguments.of("accidents", accident(0, 0, 0.001), "directLossYuan", "金额最多精确到分"),
                Arguments.of("accidents", with(accident(0, 0, 0), "deaths", null), "deaths", "不能为null"),
                Arguments.of("accidents", with(accident(0, 0, 0), "description", null), "description", "不能为null"),
                Arguments.of("accidents", with(accident(0, 0, 0), "description", "  "), "description", "事故经过不能为空"),
                Arguments.of("accidents", with(accident(0, 0, 0), "description", "经".repeat(2001)), "description", "2000"),
                Arguments.of("enforcement-actions", with(fine(100), "decidedOn", tomorrow), "decidedOn", "决定日期不能晚于今天"),
                Arguments.of("enforcement-actions", with(fine(100), "amountYuan", null), "amountYuan", "罚款须填写大于 0 的罚款金额"),
                Arguments.of("enforcement-actions", fine(0), "amountYuan", "罚款须填写大于 0 的罚款金额"),
                Arguments.of("enforcement-actions", with(fine(-5), "kind", "CONFISCATION"), "amountYuan", "0"),
                Arguments.of("enforcement-actions", with(fine(100), "kind", null), "kind", "不能为null"),
                Arguments.of("enforcement-actions", with(fine(100), "reason", ""), "reason", "2000"),
                Arguments.of("enforcement-actions", with(fine(100), "reason", " \t"), "reason", "执法事由不能为空"),
                Arguments.of("enforcement-actions", with(fine(100), "documentNumber", "号".repeat(101)), "documentNumber", "100"),
                Arguments.of("licences", licence("SAFETY_PRODUCTION", "L-1", TODAY, TODAY.minusDays(1)), "validTo", "早于有效期起"),
                Arguments.of("licences", licence("SAFETY_PRODUCTION", " ", TODAY, TODAY), "number", "许可证编号不能为空"),
                Arguments.of("licences", with(licence("SAFETY_PRODUCTION", "L-1", TODAY, TODAY), "kind", null), "kind", "不能为null"),
                Arguments.of("licences", with(licence("SAFETY_PRODUCTION", "L-1", TODAY, TODAY), "validFrom", "2026-02-30"), "validFrom", "格式或类型不正确"),
                Arguments.of("monitoring-alarms", with(alarm(), "occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusMinutes(10).toString()),
                        "occurredAt", "报警时间不能晚于当前时间"),
                Arguments.of("monitoring-alarms", with(alarm(), "level", "LEVEL_3"), "level", "格式或类型不正确"),
                Arguments.of("monitoring-alarms", with(alarm(), "kind", null), "kind", "不能为null"),
                Arguments.of("quality-findings", with(finding(), "foundOn", tomorrow), "foundOn", "发现日期不能晚于今天"),
                Arguments.of("quality-findings", with(finding(), "subject", "　"), "subject", "检测对象不能为空"),
                Arguments.of("quality-findings", with(finding(), "kind", "OVERDUE"), "kind", "格式或类型不正确"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalidInputs")
    void invalidInputIsRefusedNamingTheField(String segment, Map<String, Object> body, String field, String message) {
        Api regulator = Api.anonymous(port).asDemo("lucheng-regulator");
        long before = regulator.get(path(Api.LUCHENG_CHEMICALS, segment)).getBody().get("totalElements").asLong();

        var refused = regulator.post(path(Api.LUCHENG_CHEMICALS, segment), body);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        JsonNode error = refused.getBody().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).contains(message);
        assertThat(regulator.get(path(Api.LUCHENG_CHEMICALS, segment)).getBody().get("totalElements").asLong()).isEqualTo(before);
    }

    @Test
    void anUpdateIsCheckedAsACreationIs() {
        Api regulator = Api.anonymous(port).asDemo("lucheng-regulator");
        String location = regulator.post(path(Api.LUCHENG_CHEMICALS, "licences"), licence("OTHER", "排污许可-" + System.nanoTime(), TODAY, TODAY))
                .getHeaders().getLocation().toString();
        var refused = regulator.put(location, licence("OTHER", "X", TODAY, TODAY.minusYears(1)), "\"1\"");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors").get(0).get("field").asString()).isEqualTo("validTo");
        assertThat(regulator.get(location).getBody().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aClearanceNeedsANote() {
        Api enterprise = Api.anonymous(port).asDemo("lucheng-enterprise");
        String location = enterprise.post(path(Api.LUCHENG_CHEMICALS, "monitoring-alarms"), alarm()).getHeaders().getLocation().toString();
        for (Map<String, Object> body : java.util.List.<Map<String, Object>>of(Map.of(), Map.of("note", "  "))) {
            var refused = enterprise.postWithIfMatch(location + "/clearance", body, "\"1\"");
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getBody().get("errors").get(0).get("field").asString()).isEqualTo("note");
        }
        assertThat(enterprise.get(location).getBody().get("cleared").asBoolean()).isFalse();
    }

    @Test
    void aResolutionIsNotBeforeTheFindingNorInTheFuture() {
        Api inspector = Api.anonymous(port).asDemo("lucheng-inspector");
        String location = inspector.post(path(Api.LUCHENG_CHEMICALS, "quality-findings"), finding()).getHeaders().getLocation().toString();
        Map<String, String> cases = Map.of(
                TODAY.minusDays(11).toString(), "整改完成日期不能早于发现日期 " + TODAY.minusDays(10),
                TODAY.plusDays(1).toString(), "整改完成日期不能晚于今天（" + TODAY + "）");
        cases.forEach((resolvedOn, message) -> {
            var refused = inspector.postWithIfMatch(location + "/resolution", Map.of("resolvedOn", resolvedOn), "\"1\"");
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getBody().get("errors").get(0).get("field").asString()).isEqualTo("resolvedOn");
            assertThat(refused.getBody().get("errors").get(0).get("message").asString()).isEqualTo(message);
        });
        var missing = inspector.postWithIfMatch(location + "/resolution", Map.of(), "\"1\"");
        assertThat(missing.getBody().get("errors").get(0).get("field").asString()).isEqualTo("resolvedOn");
        // The day it was found is a valid day of resolution.
        assertThat(inspector.postWithIfMatch(location + "/resolution", Map.of("resolvedOn", TODAY.minusDays(10).toString()), "\"1\"")
                .getStatusCode().value()).isEqualTo(200);
    }
}
