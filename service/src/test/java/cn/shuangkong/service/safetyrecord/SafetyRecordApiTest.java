package cn.shuangkong.service.safetyrecord;

import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.TODAY;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.accident;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.alarm;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.delete;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.fine;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.finding;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.licence;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.path;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.JsonNode;

/** An enterprise's safety records: each kind recorded, read, changed and removed, with what is derived from them. */
@DatabaseTest
class SafetyRecordApiTest {

    @LocalServerPort
    int port;

    Api as(String user) {
        return Api.anonymous(port).asDemo(user);
    }

    @Test
    void anEnterpriseReportsAnAccidentAndTheRegulatorCorrectsAndRemovesIt() {
        var created = as("lucheng-enterprise").post(path(Api.LUCHENG_CHEMICALS, "accidents"), accident(0, 2, 1_500_000));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String location = created.getHeaders().getLocation().toString();
        JsonNode accident = created.getBody();
        assertThat(location).isEqualTo("/api/v1/enterprises/" + Api.LUCHENG_CHEMICALS + "/accidents/" + accident.get("id").asLong());
        assertThat(created.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(accident.get("uscc").asString()).isEqualTo(Api.LUCHENG_CHEMICALS);
        assertThat(accident.get("type").asString()).isEqualTo("POISONING_ASPHYXIATION");
        assertThat(accident.get("typeLabel").asString()).isEqualTo("中毒和窒息");
        assertThat(accident.get("directLossYuan").decimalValue()).isEqualByComparingTo("1500000");
        assertThat(accident.get("level").asString()).isEqualTo("GENERAL");
        assertThat(accident.get("levelLabel").asString()).isEqualTo("一般事故");
        assertThat(accident.get("recordedBy").asString()).isEqualTo("lucheng-enterprise");
        assertThat(accident.get("createdAt").asString()).endsWith("+08:00");
        assertThat(accident.get("version").asInt()).isEqualTo(1);

        var read = as("lucheng-inspector").get(location);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(read.getBody().get("description").asString()).isEqualTo("储罐清洗作业未检测有毒气体，两名作业人员中毒");

        // 3 deaths is 较大事故 (第三条: 3人以上10人以下死亡).
        var updated = as("lucheng-regulator").put(location, accident(3, 2, 1_500_000), "\"1\"");
        assertThat(updated.getStatusCode().value()).isEqualTo(200);
        assertThat(updated.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(updated.getBody().get("level").asString()).isEqualTo("RELATIVELY_MAJOR");
        assertThat(updated.getBody().get("levelLabel").asString()).isEqualTo("较大事故");
        assertThat(updated.getBody().get("deaths").asInt()).isEqualTo(3);
        assertThat(updated.getBody().get("recordedBy").asString()).isEqualTo("lucheng-enterprise");

        assertThat(delete(port, "lucheng-regulator", location, null).getStatusCode().value()).isEqualTo(428);
        assertThat(delete(port, "lucheng-regulator", location, "\"1\"").getStatusCode().value()).isEqualTo(412);
        assertThat(delete(port, "lucheng-regulator", location, "\"2\"").getStatusCode().value()).isEqualTo(204);
        assertThat(as("lucheng-regulator").get(location).getStatusCode().value()).isEqualTo(404);
    }

    /** 《生产安全事故报告和调查处理条例》第三条 as the API derives it: the most severe criterion wins. */
    @ParameterizedTest(name = "第三条: {0} deaths, {1} injured, {2} yuan → {3}")
    @CsvSource({
            "0,  0,   0,         GENERAL,          一般事故",
            "2,  9,   9999999,   GENERAL,          一般事故",
            "0,  10,  0,         RELATIVELY_MAJOR, 较大事故",
            "0,  0,   50000000,  MAJOR,            重大事故",
            "29, 0,   0,         MAJOR,            重大事故",
            "1,  100, 0,         ESPECIALLY_MAJOR, 特别重大事故",
    })
    void theAccidentLevelFollowsArticle3(int deaths, int injuries, long loss, String level, String label) {
        JsonNode accident = as("lucheng-regulator").post(path(Api.LUCHENG_CHEMICALS, "accidents"), accident(deaths, injuries, loss)).getBody();
        assertThat(accident.get("level").asString()).isEqualTo(level);
        assertThat(accident.get("levelLabel").asString()).isEqualTo(label);
    }

    @Test
    void anInspectorRecordsAFineAndARegulatorTurnsItIntoAWarning() {
        var created = as("lucheng-inspector").post(path(Api.LUCHENG_CHEMICALS, "enforcement-actions"), fine(50000));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode action = created.getBody();
        assertThat(action.get("kind").asString()).isEqualTo("FINE");
        assertThat(action.get("kindLabel").asString()).isEqualTo("罚款");
        assertThat(action.get("amountYuan").decimalValue()).isEqualByComparingTo("50000");
        assertThat(action.get("documentNumber").asString()).isEqualTo("（温鹿）应急罚〔2026〕12号");
        assertThat(action.get("decidedOn").asString()).isEqualTo(TODAY.minusDays(20).toString());
        String location = created.getHeaders().getLocation().toString();

        var warning = with(with(fine(0), "kind", "WARNING"), "amountYuan", null);
        var updated = as("lucheng-regulator").put(location, with(warning, "documentNumber", null), "\"1\"");
        assertThat(updated.getStatusCode().value()).isEqualTo(200);
        assertThat(updated.getBody().get("kindLabel").asString()).isEqualTo("警告");
        assertThat(updated.getBody().has("amountYuan")).isFalse();
        assertThat(updated.getBody().has("documentNumber")).isFalse();

        assertThat(as("lucheng-enterprise").get(location).getBody().get("version").asInt()).isEqualTo(2);
        assertThat(delete(port, "lucheng-inspector", location, "\"2\"").getStatusCode().value()).isEqualTo(204);
        assertThat(as("lucheng-inspector").get(location).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void licencesSayWhetherTheyHaveExpiredAndHowManyDaysAreLeft() {
        String uscc = Api.LUCHENG_CHEMICALS;
        Api enterprise = as("lucheng-enterprise");
        var valid = enterprise.post(path(uscc, "licences"), licence("SAFETY_PRODUCTION", "（浙）WH安许证字〔2024〕-0301", TODAY.minusYears(2), TODAY.plusDays(30)));
        assertThat(valid.getStatusCode().value()).isEqualTo(201);
        assertThat(valid.getBody().get("kindLabel").asString()).isEqualTo("安全生产许可证");
        assertThat(valid.getBody().get("issuer").asString()).isEqualTo("温州市应急管理局");
        assertThat(valid.getBody().get("expired").asBoolean()).isFalse();
        assertThat(valid.getBody().get("daysToExpiry").asInt()).isEqualTo(30);

        JsonNode lastDay = enterprise.post(path(uscc, "licences"), licence("HAZCHEM_OPERATION", "浙温危化经字〔2023〕000118", TODAY.minusYears(3), TODAY)).getBody();
        assertThat(lastDay.get("expired").asBoolean()).isFalse();
        assertThat(lastDay.get("daysToExpiry").asInt()).isZero();

        JsonNode expired = enterprise.post(path(uscc, "licences"), licence("HAZCHEM_USE", "浙温危化使字〔2023〕0007", TODAY.minusYears(3), TODAY.minusDays(1))).getBody();
        assertThat(expired.get("expired").asBoolean()).isTrue();
        assertThat(expired.get("daysToExpiry").asInt()).isEqualTo(-1);

        // Renewed: the regulator corrects the term; then the enterprise removes it.
        String location = valid.getHeaders().getLocation().toString();
        var renewed = as("lucheng-regulator").put(location, licence("SAFETY_PRODUCTION", "（浙）WH安许证字〔2024〕-0301", TODAY.minusYears(2), TODAY.plusYears(1)), "\"1\"");
        assertThat(renewed.getStatusCode().value()).isEqualTo(200);
        assertThat(renewed.getBody().get("validTo").asString()).isEqualTo(TODAY.plusYears(1).toString());
        assertThat(delete(port, "lucheng-enterprise", location, "\"2\"").getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void aLicenceNumberIsRegisteredOncePerKind() {
        String uscc = Api.newUscc("330302");
        assertThat(as("lucheng-regulator").post("/api/v1/enterprises", Map.of("uscc", uscc, "name", "温州鹿城许可测试有限公司",
                "regionCode", "330302027", "industryCategory", "HAZARDOUS_CHEMICALS")).getStatusCode().value()).isEqualTo(201);
        Api regulator = as("lucheng-regulator");
        assertThat(regulator.post(path(uscc, "licences"), licence("SAFETY_PRODUCTION", "A-001", TODAY.minusYears(1), TODAY.plusYears(2))).getStatusCode().value()).isEqualTo(201);

        var again = regulator.post(path(uscc, "licences"), licence("SAFETY_PRODUCTION", " A-001 ", TODAY, TODAY.plusYears(3)));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("detail").asString()).isEqualTo("该企业已登记编号为 A-001 的安全生产许可证");

        var otherKind = regulator.post(path(uscc, "licences"), licence("OTHER", "A-001", TODAY, TODAY.plusYears(3)));
        assertThat(otherKind.getStatusCode().value()).isEqualTo(201);
        var clash = regulator.put(otherKind.getHeaders().getLocation().toString(), licence("SAFETY_PRODUCTION", "A-001", TODAY, TODAY.plusYears(3)), "\"1\"");
        assertThat(clash.getStatusCode().value()).isEqualTo(409);

        // The same number at another enterprise is that enterprise's licence.
        assertThat(regulator.post(path(Api.LUCHENG_GLASSES, "licences"), licence("SAFETY_PRODUCTION", "A-001", TODAY, TODAY.plusYears(3))).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void anAlarmIsClearedOnceWithANote() {
        var created = as("lucheng-enterprise").post(path(Api.LUCHENG_CHEMICALS, "monitoring-alarms"), alarm());
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode alarm = created.getBody();
        assertThat(alarm.get("kindLabel").asString()).isEqualTo("可燃/有毒气体浓度");
        assertThat(alarm.get("level").asString()).isEqualTo("LEVEL_1");
        assertThat(alarm.get("levelLabel").asString()).isEqualTo("一级报警");
        assertThat(alarm.get("occurredAt").asString()).isEqualTo(TODAY.minusDays(1) + "T14:05:00+08:00");
        assertThat(alarm.get("cleared").asBoolean()).isFalse();
        assertThat(alarm.has("clearedAt")).isFalse();
        String location = created.getHeaders().getLocation().toString();

        var raised = as("lucheng-regulator").put(location, with(alarm(), "level", "LEVEL_2"), "\"1\"");
        assertThat(raised.getStatusCode().value()).isEqualTo(200);
        assertThat(raised.getBody().get("levelLabel").asString()).isEqualTo("二级报警");

        Map<String, Object> note = Map.of("note", "紧急切断阀已关闭，泄漏点已堵漏，复测浓度 0 ppm");
        assertThat(as("lucheng-enterprise").post(location + "/clearance", note).getStatusCode().value()).isEqualTo(428);
        assertThat(as("lucheng-enterprise").postWithIfMatch(location + "/clearance", note, "\"1\"").getStatusCode().value()).isEqualTo(412);
        var cleared = as("lucheng-enterprise").postWithIfMatch(location + "/clearance", note, "\"2\"");
        assertThat(cleared.getStatusCode().value()).isEqualTo(200);
        assertThat(cleared.getHeaders().getETag()).isEqualTo("\"3\"");
        assertThat(cleared.getBody().get("cleared").asBoolean()).isTrue();
        assertThat(cleared.getBody().get("clearedAt").asString()).endsWith("+08:00");
        assertThat(cleared.getBody().get("clearNote").asString()).isEqualTo("紧急切断阀已关闭，泄漏点已堵漏，复测浓度 0 ppm");

        var again = as("lucheng-regulator").postWithIfMatch(location + "/clearance", note, "\"3\"");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("detail").asString()).startsWith("该报警已于 ").endsWith(" 解除，不能重复解除");

        assertThat(delete(port, "lucheng-regulator", location, "*").getStatusCode().value()).isEqualTo(204);
        assertThat(as("lucheng-enterprise").get(location).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theEnterpriseResolvesAQualityFindingAnInspectorRecorded() {
        var created = as("lucheng-inspector").post(path(Api.LUCHENG_CHEMICALS, "quality-findings"), finding());
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("kindLabel").asString()).isEqualTo("特种设备定期检验超期");
        assertThat(created.getBody().get("subject").asString()).isEqualTo("2 号液氯储罐（压力容器）");
        assertThat(created.getBody().get("resolved").asBoolean()).isFalse();
        String location = created.getHeaders().getLocation().toString();

        var corrected = as("lucheng-inspector").put(location, with(finding(), "kind", "SPECIAL_EQUIPMENT_FAILED"), "\"1\"");
        assertThat(corrected.getBody().get("kindLabel").asString()).isEqualTo("特种设备检验不合格");

        var resolved = as("lucheng-enterprise").postWithIfMatch(location + "/resolution", Map.of("resolvedOn", TODAY.minusDays(2).toString()), "\"2\"");
        assertThat(resolved.getStatusCode().value()).isEqualTo(200);
        assertThat(resolved.getBody().get("resolved").asBoolean()).isTrue();
        assertThat(resolved.getBody().get("resolvedOn").asString()).isEqualTo(TODAY.minusDays(2).toString());
        assertThat(resolved.getHeaders().getETag()).isEqualTo("\"3\"");

        var again = as("lucheng-inspector").postWithIfMatch(location + "/resolution", Map.of("resolvedOn", TODAY.toString()), "\"3\"");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("detail").asString()).isEqualTo("该问题已于 " + TODAY.minusDays(2) + " 整改完成，不能重复确认");

        // A resolved finding cannot be moved to have been found after its resolution.
        var later = as("lucheng-inspector").put(location, with(finding(), "foundOn", TODAY.minusDays(1).toString()), "\"3\"");
        assertThat(later.getStatusCode().value()).isEqualTo(400);
        assertThat(later.getBody().get("errors").get(0).get("field").asString()).isEqualTo("foundOn");

        assertThat(delete(port, "lucheng-inspector", location, "\"3\"").getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        String location = as("lucheng-regulator").post(path(Api.LUCHENG_CHEMICALS, "enforcement-actions"), fine(1000)).getHeaders().getLocation().toString();
        var missing = as("lucheng-regulator").put(location, fine(2000), null);
        assertThat(missing.getStatusCode().value()).isEqualTo(428);
        assertThat(missing.getBody().get("detail").asString()).isEqualTo("修改须带 If-Match 请求头（先读取得到的 ETag）");
        assertThat(as("lucheng-regulator").put(location, fine(2000), "\"1\"").getStatusCode().value()).isEqualTo(200);
        var stale = as("lucheng-regulator").put(location, fine(3000), "\"1\"");
        assertThat(stale.getStatusCode().value()).isEqualTo(412);
        assertThat(stale.getBody().get("detail").asString()).isEqualTo("数据已被他人修改，当前版本为 2，请重新读取后再提交");
        assertThat(as("lucheng-regulator").get(location).getBody().get("amountYuan").decimalValue()).isEqualByComparingTo("2000");
    }

    @Test
    void listsArePagedNewestFirst() {
        String uscc = Api.newUscc("330302");
        Api regulator = as("lucheng-regulator");
        assertThat(regulator.post("/api/v1/enterprises", Map.of("uscc", uscc, "name", "温州鹿城记录测试有限公司",
                "regionCode", "330302027", "industryCategory", "MACHINERY")).getStatusCode().value()).isEqualTo(201);
        for (int monthsAgo : new int[] {5, 1, 3}) {
            regulator.post(path(uscc, "accidents"), with(accident(0, 1, 1000), "occurredOn", TODAY.minusMonths(monthsAgo).toString()));
        }

        JsonNode first = regulator.get(path(uscc, "accidents") + "?size=2").getBody();
        assertThat(first.get("totalElements").asLong()).isEqualTo(3);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("content").valueStream().map(a -> a.get("occurredOn").asString()))
                .containsExactly(TODAY.minusMonths(1).toString(), TODAY.minusMonths(3).toString());
        JsonNode second = regulator.get(path(uscc, "accidents") + "?size=2&page=1").getBody();
        assertThat(second.get("content").valueStream().map(a -> a.get("occurredOn").asString())).containsExactly(TODAY.minusMonths(5).toString());

        for (String segment : new String[] {"enforcement-actions", "licences", "monitoring-alarms", "quality-findings"}) {
            JsonNode empty = as("lucheng-inspector").get(path(uscc, segment)).getBody();
            assertThat(empty.get("totalElements").asLong()).as(segment).isZero();
            assertThat(empty.get("content").size()).as(segment).isZero();
        }
        var tooLarge = regulator.get(path(uscc, "accidents") + "?size=201");
        assertThat(tooLarge.getStatusCode().value()).isEqualTo(400);
        assertThat(tooLarge.getBody().get("errors").get(0).get("field").asString()).isEqualTo("size");
    }
}
