package cn.shuangkong.service.hiddendanger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.JsonNode;

/** The closed loop of a hidden danger over HTTP: report, rectify, accept or reject, cancel, extend; every refusal. */
@DatabaseTest
class HiddenDangerApiTest {

    static final String PATH = "/api/v1/hidden-dangers";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @LocalServerPort
    int port;

    Api as(String user) {
        return Api.anonymous(port).asDemo(user);
    }

    static Map<String, Object> danger(String uscc) {
        Map<String, Object> body = new HashMap<>();
        body.put("uscc", uscc);
        body.put("name", "液氯储罐区有毒气体报警仪失效");
        body.put("description", "2#报警仪无显示，未与紧急切断阀联锁");
        body.put("location", "液氯储罐区");
        body.put("dangerType", "INSTRUMENT");
        body.put("classification", "UNSAFE_CONDITION");
        body.put("responsiblePerson", "陈建国");
        return body;
    }

    static Map<String, Object> plan() {
        return Map.of("goalsAndTasks", "恢复有毒气体检测报警与紧急切断联锁", "methodsAndMeasures", "更换报警仪并调试联锁",
                "fundsAndMaterials", "安全费用列支5万元", "organizationAndPersonnel", "储运部牵头，仪表班实施",
                "timeLimitAndRequirements", "30日内完成", "safetyMeasuresAndEmergencyPlan", "整改期间人工巡检，每2小时一次");
    }

    JsonNode report(Api api, Map<String, Object> body) {
        ResponseEntity<JsonNode> response = api.post(PATH, body);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody();
    }

    ResponseEntity<JsonNode> act(Api api, long id, String action, String comment, int version) {
        Map<String, Object> body = new HashMap<>(Map.of("action", action));
        if (comment != null) {
            body.put("comment", comment);
        }
        return api.postWithIfMatch(PATH + "/" + id + "/transitions", body, "\"" + version + "\"");
    }

    @Test
    void aGeneralDangerGoesThroughTheClosedLoop() {
        JsonNode danger = report(as("lucheng-enterprise"), danger(Api.LUCHENG_CHEMICALS));
        long id = danger.get("id").asLong();
        assertThat(danger.get("level").asString()).isEqualTo("GENERAL");
        assertThat(danger.get("status").asString()).isEqualTo("RECTIFYING");
        assertThat(danger.get("nationalState").asInt()).isZero();
        assertThat(danger.get("source").asString()).isEqualTo("DAILY");
        // 一般隐患 限期整改: 15 days by default (standards.md §0, default policy)
        assertThat(LocalDate.parse(danger.get("deadline").asString())).isEqualTo(TODAY.plusDays(15));
        assertThat(danger.get("reasons")).isNotEmpty();
        assertThat(danger.get("overdue").asBoolean()).isFalse();

        var submitted = act(as("lucheng-enterprise"), id, "SUBMIT", "已更换报警仪并完成联锁调试", 1);
        assertThat(submitted.getStatusCode().value()).isEqualTo(200);
        assertThat(submitted.getBody().get("status").asString()).isEqualTo("PENDING_ACCEPTANCE");
        assertThat(submitted.getBody().get("nationalState").asInt()).isEqualTo(1);

        var rejected = act(as("lucheng-inspector"), id, "REJECT", "联锁未投用", 2);
        assertThat(rejected.getBody().get("status").asString()).isEqualTo("RECTIFYING");
        act(as("lucheng-enterprise"), id, "SUBMIT", "联锁已投用", 3);
        var accepted = act(as("lucheng-inspector"), id, "ACCEPT", "现场验收合格", 4);
        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        assertThat(accepted.getBody().get("status").asString()).isEqualTo("CLOSED");
        assertThat(accepted.getBody().get("nationalState").asInt()).isEqualTo(9);
        assertThat(accepted.getBody().get("acceptedBy").asString()).isEqualTo("lucheng-inspector");
        assertThat(accepted.getBody().get("closedAt").asString()).isNotBlank();

        JsonNode events = as("lucheng-regulator").get(PATH + "/" + id + "/events").getBody();
        assertThat(events.valueStream().map(e -> e.get("type").asString()))
                .containsExactly("REPORTED", "SUBMITTED", "REJECTED", "SUBMITTED", "ACCEPTED");
        assertThat(events.get(2).get("fromStatus").asString()).isEqualTo("PENDING_ACCEPTANCE");
        assertThat(events.get(2).get("toStatus").asString()).isEqualTo("RECTIFYING");
        assertThat(events.get(2).get("comment").asString()).isEqualTo("联锁未投用");
        assertThat(events.get(2).get("actor").asString()).isEqualTo("lucheng-inspector");
    }

    @Test
    void illegalTransitionsNameTheCurrentStateAndStaleVersionsAreRefused() {
        long id = report(as("lucheng-enterprise"), danger(Api.LUCHENG_CHEMICALS)).get("id").asLong();

        var accept = act(as("lucheng-inspector"), id, "ACCEPT", "ok", 1);
        assertThat(accept.getStatusCode().value()).isEqualTo(409);
        assertThat(accept.getBody().get("detail").asString()).contains("整改中");

        assertThat(act(as("lucheng-enterprise"), id, "SUBMIT", "done", 7).getStatusCode().value()).isEqualTo(412);
        assertThat(as("lucheng-enterprise").post(PATH + "/" + id + "/transitions", Map.of("action", "SUBMIT", "comment", "done")).getStatusCode().value()).isEqualTo(428);
        var noEvidence = act(as("lucheng-enterprise"), id, "SUBMIT", null, 1);
        assertThat(noEvidence.getStatusCode().value()).isEqualTo(400);
        assertThat(noEvidence.getBody().get("errors").get(0).get("field").asString()).isEqualTo("comment");

        assertThat(act(as("lucheng-enterprise"), id, "SUBMIT", "已整改", 1).getStatusCode().value()).isEqualTo(200);
        assertThat(act(as("lucheng-enterprise"), id, "ACCEPT", "自己验收", 2).getStatusCode().value()).isEqualTo(403);
        var rejectWithoutReason = act(as("lucheng-inspector"), id, "REJECT", " ", 2);
        assertThat(rejectWithoutReason.getStatusCode().value()).isEqualTo(400);
        assertThat(rejectWithoutReason.getBody().get("errors").get(0).get("field").asString()).isEqualTo("comment");
        assertThat(act(as("lucheng-regulator"), id, "SUBMIT", "again", 2).getStatusCode().value()).isEqualTo(403);
        assertThat(act(as("lucheng-inspector"), id, "REJECT", "证据不足", 2).getStatusCode().value()).isEqualTo(200);

        assertThat(act(as("lucheng-enterprise"), id, "CANCEL", "误报", 3).getStatusCode().value()).isEqualTo(403);
        assertThat(act(as("lucheng-inspector"), id, "CANCEL", "误报", 3).getStatusCode().value()).isEqualTo(403);
        var cancelled = act(as("lucheng-regulator"), id, "CANCEL", "重复上报", 3);
        assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
        assertThat(cancelled.getBody().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.getBody().has("nationalState")).isFalse();
        assertThat(act(as("lucheng-enterprise"), id, "SUBMIT", "done", 4).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void anotherTenantsDangerIsNotFound() {
        long id = report(as("lucheng-enterprise"), danger(Api.LUCHENG_CHEMICALS)).get("id").asLong();
        assertThat(as("jinjiang-regulator").get(PATH + "/" + id).getStatusCode().value()).isEqualTo(404);
        assertThat(as("lucheng-regulator").get(PATH + "/" + id).getStatusCode().value()).isEqualTo(200);
        assertThat(act(as("jinjiang-regulator"), id, "CANCEL", "x", 1).getStatusCode().value()).isEqualTo(404);
        assertThat(as("jinjiang-enterprise").get(PATH + "/" + id + "/events").getStatusCode().value()).isEqualTo(404);
        // An enterprise cannot report for another one, nor a regulator outside its region.
        assertThat(as("jinjiang-enterprise").post(PATH, danger(Api.LUCHENG_CHEMICALS)).getStatusCode().value()).isEqualTo(404);
        assertThat(as("jinjiang-regulator").post(PATH, danger(Api.LUCHENG_CHEMICALS)).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aMajorDangerIsSupervisedNeedsAPlanAndOnlyARegulatorAcceptsIt() {
        Map<String, Object> body = danger(Api.LUCHENG_CHEMICALS);
        body.put("major", true);
        body.put("majorClause", "安监总管三〔2017〕121号 第五项");
        JsonNode danger = report(as("lucheng-regulator"), body);
        long id = danger.get("id").asLong();
        assertThat(danger.get("level").asString()).isEqualTo("MAJOR");
        assertThat(danger.get("majorClause").asString()).contains("121号");
        assertThat(danger.get("supervisionLevel").asString()).isEqualTo("COUNTY");
        assertThat(danger.get("source").asString()).isEqualTo("SUPERVISION");
        // 重大隐患: 90 days by default (standards.md §0, default policy)
        assertThat(LocalDate.parse(danger.get("deadline").asString())).isEqualTo(TODAY.plusDays(90));

        var withoutPlan = act(as("lucheng-enterprise"), id, "SUBMIT", "已整改", 1);
        assertThat(withoutPlan.getStatusCode().value()).isEqualTo(409);
        assertThat(withoutPlan.getBody().get("detail").asString()).contains("治理方案");

        var planned = as("lucheng-enterprise").put(PATH + "/" + id + "/governance-plan", plan(), "\"1\"");
        assertThat(planned.getStatusCode().value()).isEqualTo(200);
        assertThat(planned.getBody().get("governancePlan").get("fundsAndMaterials").asString()).isEqualTo("安全费用列支5万元");
        var incompletePlan = new HashMap<>(plan());
        incompletePlan.remove("safetyMeasuresAndEmergencyPlan");
        assertThat(as("lucheng-enterprise").put(PATH + "/" + id + "/governance-plan", incompletePlan, "\"2\"").getStatusCode().value()).isEqualTo(400);

        assertThat(act(as("lucheng-enterprise"), id, "SUBMIT", "已整改", 2).getStatusCode().value()).isEqualTo(200);
        assertThat(act(as("lucheng-inspector"), id, "ACCEPT", "合格", 3).getStatusCode().value()).isEqualTo(403);
        assertThat(act(as("lucheng-regulator"), id, "ACCEPT", "合格，予以销号", 3).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aRegulatorRaisesSupervisionButNotAboveItsOwnLevel() {
        Map<String, Object> body = danger(Api.LUCHENG_CHEMICALS);
        body.put("major", true);
        body.put("majorClause", "安监总管三〔2017〕121号 第一项");
        long id = report(as("lucheng-enterprise"), body).get("id").asLong();

        var aboveOwnLevel = as("lucheng-regulator").put(PATH + "/" + id + "/supervision", Map.of("level", "CITY"), "\"1\"");
        assertThat(aboveOwnLevel.getStatusCode().value()).isEqualTo(403);
        assertThat(as("lucheng-inspector").put(PATH + "/" + id + "/supervision", Map.of("level", "CITY"), "\"1\"").getStatusCode().value()).isEqualTo(403);
        var same = as("lucheng-regulator").put(PATH + "/" + id + "/supervision", Map.of("level", "COUNTY"), "\"1\"");
        assertThat(same.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void anExtensionIsRequestedAndDecidedAndEveryDeadlineIsKept() {
        JsonNode danger = report(as("lucheng-enterprise"), danger(Api.LUCHENG_CHEMICALS));
        long id = danger.get("id").asLong();
        LocalDate original = LocalDate.parse(danger.get("deadline").asString());

        var tooEarly = as("lucheng-enterprise").post(PATH + "/" + id + "/extensions", Map.of("requestedDeadline", original.toString(), "reason", "备件未到"));
        assertThat(tooEarly.getStatusCode().value()).isEqualTo(400);
        var requested = as("lucheng-enterprise").post(PATH + "/" + id + "/extensions", Map.of("requestedDeadline", original.plusDays(10).toString(), "reason", "报警仪备件未到货"));
        assertThat(requested.getStatusCode().value()).isEqualTo(201);
        assertThat(requested.getBody().get("status").asString()).isEqualTo("PENDING");
        long extensionId = requested.getBody().get("id").asLong();
        assertThat(as("lucheng-enterprise").post(PATH + "/" + id + "/extensions", Map.of("requestedDeadline", original.plusDays(20).toString(), "reason", "again")).getStatusCode().value()).isEqualTo(409);

        String decision = PATH + "/" + id + "/extensions/" + extensionId + "/decision";
        assertThat(as("lucheng-inspector").post(decision, Map.of("approve", true)).getStatusCode().value()).isEqualTo(403);
        var approved = as("lucheng-regulator").post(decision, Map.of("approve", true, "comment", "同意延期10天"));
        assertThat(approved.getStatusCode().value()).isEqualTo(200);
        assertThat(approved.getBody().get("status").asString()).isEqualTo("APPROVED");
        assertThat(as("lucheng-regulator").post(decision, Map.of("approve", false)).getStatusCode().value()).isEqualTo(409);

        JsonNode after = as("lucheng-enterprise").get(PATH + "/" + id).getBody();
        assertThat(LocalDate.parse(after.get("deadline").asString())).isEqualTo(original.plusDays(10));
        assertThat(LocalDate.parse(after.get("originalDeadline").asString())).isEqualTo(original);
        assertThat(as("lucheng-enterprise").get(PATH + "/" + id + "/extensions").getBody().get(0).get("previousDeadline").asString()).isEqualTo(original.toString());
        assertThat(as("lucheng-enterprise").get(PATH + "/" + id + "/events").getBody().valueStream().map(e -> e.get("type").asString()))
                .contains("EXTENSION_REQUESTED", "EXTENSION_APPROVED");
    }

    @Test
    void theListPagesThroughEveryMatchAndCountsThemPastTheLastPage() {
        // A fresh enterprise of its own, so the numbers are exact whatever other tests have reported.
        String uscc = Api.newUscc("330302");
        var created = Api.anonymous(port).asAdmin().post("/api/v1/enterprises", Map.of("uscc", uscc, "name", "分页测试化工有限公司",
                "regionCode", "330302", "industryCategory", "HAZARDOUS_CHEMICALS"));
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        List<Long> reported = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = danger(uscc);
            body.put("foundAt", TODAY.minusDays(30) + "T10:00:00+08:00");
            body.put("deadline", TODAY.minusDays(5 - i).toString());
            reported.add(report(as("lucheng-inspector"), body).get("id").asLong());
        }
        String query = PATH + "?uscc=" + uscc + "&overdue=true&sort=deadline,asc&size=2&page=";
        List<Long> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode body = as("lucheng-regulator").get(query + page).getBody();
            assertThat(body.get("totalElements").asLong()).isEqualTo(5);
            assertThat(body.get("totalPages").asInt()).isEqualTo(3);
            body.get("content").valueStream().forEach(d -> seen.add(d.get("id").asLong()));
        }
        assertThat(seen).as("oldest deadline first, each danger once").containsExactlyElementsOf(reported);

        JsonNode beyond = as("lucheng-regulator").get(query + 7).getBody();
        assertThat(beyond.get("content").size()).isZero();
        assertThat(beyond.get("totalElements").asLong()).isEqualTo(5);
        JsonNode none = as("jinjiang-regulator").get(query + 0).getBody();
        assertThat(none.get("totalElements").asLong()).as("out of scope").isZero();
    }

    @Test
    void aHistoricalEntryIsOverdueAtOnceAndTheFutureIsRefused() {
        Map<String, Object> body = danger(Api.LUCHENG_GLASSES);
        body.put("foundAt", TODAY.minusDays(40) + "T10:00:00+08:00");
        body.put("deadline", TODAY.minusDays(10).toString());
        JsonNode historical = report(as("lucheng-inspector"), body);
        assertThat(historical.get("overdue").asBoolean()).isTrue();
        assertThat(historical.get("daysOverdue").asInt()).isEqualTo(10);

        var byEnterprise = as("lucheng-enterprise").post(PATH, new HashMap<>(Map.of("uscc", Api.LUCHENG_CHEMICALS, "name", "x", "dangerType", "FIRE",
                "foundAt", TODAY.minusDays(40) + "T10:00:00+08:00", "deadline", TODAY.minusDays(10).toString())));
        assertThat(byEnterprise.getStatusCode().value()).isEqualTo(400);
        assertThat(byEnterprise.getBody().get("errors").get(0).get("field").asString()).isEqualTo("deadline");

        Map<String, Object> future = danger(Api.LUCHENG_GLASSES);
        future.put("foundAt", TODAY.plusDays(2) + "T10:00:00+08:00");
        var refused = as("lucheng-inspector").post(PATH, future);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors").get(0).get("field").asString()).isEqualTo("foundAt");

        JsonNode overdue = as("lucheng-regulator").get(PATH + "?overdue=true&sort=daysOverdue,desc&size=200").getBody();
        assertThat(overdue.get("content").valueStream().map(d -> d.get("id").asLong())).contains(historical.get("id").asLong());
        assertThat(overdue.get("content").valueStream()).allMatch(d -> d.get("overdue").asBoolean());
        assertThat(overdue.get("content").get(0).get("enterpriseName").asString()).isNotBlank();
        assertThat(overdue.get("content").get(0).get("regionName").asString()).startsWith("浙江省温州市鹿城区");
        assertThat(as("jinjiang-regulator").get(PATH + "?overdue=true&size=200").getBody().get("content").valueStream()
                .map(d -> d.get("regionCode").asString())).allMatch(c -> c.startsWith("350582"));
    }

    @Test
    void aReporterMayNotGoPastTheTablesDeadlineButARegulatorMay() {
        Map<String, Object> late = danger(Api.LUCHENG_CHEMICALS);
        late.put("deadline", TODAY.plusDays(31).toString());
        var byEnterprise = as("lucheng-enterprise").post(PATH, late);
        assertThat(byEnterprise.getStatusCode().value()).isEqualTo(400);
        assertThat(byEnterprise.getBody().get("errors").get(0).get("field").asString()).isEqualTo("deadline");
        var byRegulator = as("lucheng-regulator").post(PATH, late);
        assertThat(byRegulator.getStatusCode().value()).isEqualTo(201);
        assertThat(byRegulator.getBody().get("deadline").asString()).isEqualTo(TODAY.plusDays(31).toString());

        Map<String, Object> earlier = danger(Api.LUCHENG_CHEMICALS);
        earlier.put("deadline", TODAY.plusDays(3).toString());
        assertThat(report(as("lucheng-enterprise"), earlier).get("deadline").asString()).isEqualTo(TODAY.plusDays(3).toString());

        Map<String, Object> immediate = danger(Api.LUCHENG_CHEMICALS);
        immediate.put("manageType", "IMMEDIATE");
        assertThat(report(as("lucheng-enterprise"), immediate).get("deadline").asString()).isEqualTo(TODAY.toString());
    }

    @Test
    void manySimultaneousTransitionsOnOneDangerHaveExactlyOneWinner() throws Exception {
        long id = report(as("lucheng-enterprise"), danger(Api.LUCHENG_CHEMICALS)).get("id").asLong();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                int n = i;
                Callable<Integer> submit = () -> {
                    start.await();
                    return act(as("lucheng-enterprise"), id, "SUBMIT", "整改证据 " + n, 1).getStatusCode().value();
                };
                results.add(pool.submit(submit));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdown();
        }
        JsonNode events = as("lucheng-enterprise").get(PATH + "/" + id + "/events").getBody();
        assertThat(events.valueStream().map(e -> e.get("type").asString())).containsExactly("REPORTED", "SUBMITTED");
        assertThat(as("lucheng-enterprise").get(PATH + "/" + id).getBody().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void statisticsCountAKnownDataSet() {
        // A fresh enterprise in 平阳县 holds exactly the dangers made here.
        String uscc = Api.newUscc("330326");
        Map<String, Object> enterprise = Map.of("uscc", uscc, "name", "平阳统计测试企业", "regionCode", "330326101", "industryCategory", "MACHINERY");
        assertThat(Api.anonymous(port).asAdmin().post("/api/v1/enterprises", enterprise).getStatusCode().value()).isEqualTo(201);
        Api inspector = as("pingyang-inspector");
        Api regulator = as("pingyang-regulator");
        long closedOnTime = report(inspector, danger(uscc)).get("id").asLong();
        act(inspector, closedOnTime, "SUBMIT", "已整改", 1);
        act(inspector, closedOnTime, "ACCEPT", "合格", 2);
        Map<String, Object> old = danger(uscc);
        old.put("foundAt", TODAY.minusDays(30) + "T09:00:00+08:00");
        old.put("deadline", TODAY.minusDays(5).toString());
        long overdue = report(inspector, old).get("id").asLong();
        Map<String, Object> major = danger(uscc);
        major.put("major", true);
        major.put("majorClause", "应急管理部令第10号 第三条（一）");
        report(regulator, major);
        long cancelled = report(inspector, danger(uscc)).get("id").asLong();
        act(regulator, cancelled, "CANCEL", "误报", 1);

        JsonNode byLevel = regulator.get("/api/v1/statistics/hidden-dangers?regionCode=330326101&groupBy=LEVEL").getBody();
        JsonNode total = byLevel.get("total");
        assertThat(total.get("total").asLong()).isEqualTo(3);
        assertThat(total.get("open").asLong()).isEqualTo(2);
        assertThat(total.get("closed").asLong()).isEqualTo(1);
        assertThat(total.get("overdue").asLong()).isEqualTo(1);
        assertThat(total.get("majorTotal").asLong()).isEqualTo(1);
        assertThat(total.get("majorClosed").asLong()).isZero();
        assertThat(total.get("rectificationRate").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(total.get("onTimeClosureRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(total.get("majorClosureRate").decimalValue()).isEqualByComparingTo("0");
        assertThat(byLevel.get("groups").valueStream().map(g -> g.get("label").asString())).containsExactly("一般隐患", "重大隐患");

        JsonNode byRegion = regulator.get("/api/v1/statistics/hidden-dangers?groupBy=REGION").getBody();
        assertThat(byRegion.get("regionCode").asString()).isEqualTo("330326");
        assertThat(byRegion.get("groups").valueStream().map(g -> g.get("key").asString())).contains("330326101");
        assertThat(byRegion.get("groups").valueStream().map(g -> g.get("label").asString())).contains("鳌江镇");
        assertThat(overdue).isPositive();
    }
}
