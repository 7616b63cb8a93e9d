package cn.shuangkong.service.enterpriserisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import cn.shuangkong.service.MovableClock;
import cn.shuangkong.service.grading.GradeHistory;
import tools.jackson.databind.JsonNode;

/**
 * An enterprise's colour follows its inputs: graded when registered, re-graded when a feature that owns an input
 * publishes a change, explained family by family, with each change in its history. Points are those of the
 * default-policy table (enterprise-points.drl.xlsx).
 */
@DatabaseTest
class EnterpriseGradeApiTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2030, 6, 10);
    static final MovableClock CLOCK = new MovableClock(TODAY.atTime(10, 0).atZone(CHINA).toInstant());

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @LocalServerPort
    int port;

    @Autowired
    EnterpriseGrader grader;

    /**
     * Runs what the nightly job runs as if it were {@code day}, then puts the clock back (the job itself holds its
     * ShedLock for at least a minute, so a second call in a test would be skipped).
     */
    void nightlyOn(LocalDate day) {
        CLOCK.set(day.atTime(1, 30).atZone(CHINA).toInstant());
        try {
            grader.gradeAll(DSL.trueCondition(), GradeHistory.Cause.NIGHTLY, "system");
        } finally {
            CLOCK.set(TODAY.atTime(10, 0).atZone(CHINA).toInstant());
        }
    }

    Api as(String user) {
        return Api.anonymous(port).asDemo(user);
    }

    Api admin() {
        return Api.anonymous(port).asAdmin();
    }

    String register(String industry, Integer employees, String standardization) {
        String uscc = Api.newUscc("330302");
        Map<String, Object> body = new HashMap<>(Map.of("uscc", uscc, "name", "鹿城评级测试企业" + uscc.substring(12), "regionCode", "330302",
                "industryCategory", industry));
        if (employees != null) {
            body.put("employees", employees);
        }
        if (standardization != null) {
            body.put("standardizationLevel", standardization);
        }
        var created = as("lucheng-regulator").post("/api/v1/enterprises", body);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        return uscc;
    }

    JsonNode grade(Api api, String uscc) {
        var response = api.get("/api/v1/enterprises/" + uscc + "/grade");
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        return response.getBody();
    }

    List<String> causes(String uscc) {
        List<String> causes = new ArrayList<>();
        admin().get("/api/v1/enterprises/" + uscc + "/grade/history?size=200").getBody().get("content").forEach(e -> causes.add(e.get("cause").asString()));
        return causes;
    }

    static int points(JsonNode grade, String family) {
        for (JsonNode f : grade.get("families")) {
            if (f.get("family").asString().equals(family)) {
                return f.get("points").asInt();
            }
        }
        throw new AssertionError("no family " + family);
    }

    @Test
    void aRegisteredEnterpriseIsGradedAtOnceAndExplainedFamilyByFamily() {
        String uscc = register("HAZARDOUS_CHEMICALS", 350, "LEVEL_2");
        JsonNode grade = grade(as("lucheng-regulator"), uscc);
        // 危险化学品 10 + 300–999 employees 3 + 标准化二级 −3 = 10 (基本情况); no licence recorded of the one a chemical
        // enterprise must hold (《安全生产许可证条例》第二条 …) 15 (行政许可): 25, in [20, 40): 一般风险 (default policy)
        assertThat(points(grade, "BASIC")).isEqualTo(10);
        assertThat(points(grade, "LICENCE")).isEqualTo(15);
        assertThat(grade.get("totalScore").asInt()).isEqualTo(25);
        assertThat(grade.get("grade").asString()).isEqualTo("YELLOW");
        assertThat(grade.get("gradeLabel").asString()).isEqualTo("一般风险");
        assertThat(grade.get("colour").asString()).isEqualTo("黄");
        assertThat(grade.get("escalations")).isEmpty();
        assertThat(grade.get("families")).hasSize(8);
        assertThat(grade.get("families").get(0).get("label").asString()).isEqualTo("基本情况");
        assertThat(grade.get("cause").asString()).isEqualTo("ENTERPRISE_UPDATED");
        assertThat(grade.get("asOf").asString()).isEqualTo(TODAY.toString());
        JsonNode licence = grade.get("families").get(5).get("indicators").get(0);
        assertThat(licence.get("code").asString()).isEqualTo("REQUIRED_LICENCES_MISSING");
        assertThat(licence.get("message").asString()).contains("应取得而未登记的许可证 1 项").contains("计 15 分");

        String version = null;
        for (JsonNode ruleSet : admin().get("/api/v1/rulesets").getBody()) {
            if (ruleSet.get("name").asString().equals("enterprise")) {
                version = ruleSet.get("version").asString();
            }
        }
        assertThat(grade.get("ruleSetVersion").asString()).isEqualTo(version).hasSize(64);
        assertThat(causes(uscc)).containsExactly("ENTERPRISE_UPDATED");
    }

    @Test
    void aMajorHiddenDangerMakesTheEnterpriseAtLeastOrangeUntilItIsClosed() {
        String uscc = register("COMMERCE", null, null);
        assertThat(grade(admin(), uscc).get("grade").asString()).isEqualTo("BLUE");

        Map<String, Object> danger = new HashMap<>(Map.of("uscc", uscc, "name", "仓库消防通道被货物占用", "dangerType", "FIRE",
                "major", true, "majorClause", "应急管理部令第10号 第三条（九）"));
        var reported = as("lucheng-regulator").post("/api/v1/hidden-dangers", danger);
        assertThat(reported.getStatusCode().value()).as(String.valueOf(reported.getBody())).isEqualTo(201);
        long id = reported.getBody().get("id").asLong();

        JsonNode orange = grade(as("lucheng-regulator"), uscc);
        // 商贸 1 + an open major danger 10 = 11, blue by score; the escalation makes it orange whatever the score
        assertThat(orange.get("totalScore").asInt()).isEqualTo(11);
        assertThat(orange.get("scoreGrade").asString()).isEqualTo("BLUE");
        assertThat(orange.get("grade").asString()).isEqualTo("ORANGE");
        assertThat(orange.get("escalations")).hasSize(1);
        assertThat(orange.get("escalations").get(0).get("rule").asString()).isEqualTo("An open major hidden danger makes the enterprise at least orange");
        assertThat(orange.get("escalations").get(0).get("clause").asString()).contains("默认策略").contains("第16号").contains("第三条");
        assertThat(orange.get("cause").asString()).isEqualTo("HIDDEN_DANGER_CHANGED");

        Api enterprise = admin();
        String path = "/api/v1/hidden-dangers/" + id;
        assertThat(enterprise.put(path + "/governance-plan", Map.of("goalsAndTasks", "清理通道", "methodsAndMeasures", "移走货物并划线",
                "fundsAndMaterials", "无需资金", "organizationAndPersonnel", "仓储部", "timeLimitAndRequirements", "当日完成",
                "safetyMeasuresAndEmergencyPlan", "整改期间专人值守"), "\"1\"").getStatusCode().value()).isEqualTo(200);
        assertThat(enterprise.postWithIfMatch(path + "/transitions", Map.of("action", "SUBMIT", "comment", "已清理"), "\"2\"")
                .getStatusCode().value()).isEqualTo(200);
        // 待验收 is still open: nothing changed, nothing recorded
        assertThat(grade(admin(), uscc).get("grade").asString()).isEqualTo("ORANGE");
        assertThat(as("lucheng-regulator").postWithIfMatch(path + "/transitions", Map.of("action", "ACCEPT", "comment", "合格，予以销号"), "\"3\"")
                .getStatusCode().value()).isEqualTo(200);

        JsonNode closed = grade(admin(), uscc);
        assertThat(closed.get("grade").asString()).isEqualTo("BLUE");
        assertThat(closed.get("totalScore").asInt()).isEqualTo(1);
        assertThat(causes(uscc)).containsExactly("HIDDEN_DANGER_CHANGED", "HIDDEN_DANGER_CHANGED", "ENTERPRISE_UPDATED");
    }

    @Test
    void aRedRiskPointMakesTheEnterpriseAtLeastOrange() {
        String uscc = register("MACHINERY", 80, null);
        Map<String, Object> point = new HashMap<>(Map.of("name", "冲压车间", "type", "PLACE",
                "assessment", Map.of("method", "LEC", "l", 10, "e", 10, "c", 40),
                "events", List.of(Map.of("name", "机械伤害", "controlMeasures", List.of(Map.of("description", "安装光电保护装置"))))));
        var created = admin().post("/api/v1/enterprises/" + uscc + "/risk-points", point);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        assertThat(created.getBody().get("grade").get("grade").asString()).isEqualTo("RED");

        JsonNode grade = grade(admin(), uscc);
        // 机械 3 + one red risk point 10 = 13: blue by score, orange by the escalation
        assertThat(grade.get("totalScore").asInt()).isEqualTo(13);
        assertThat(grade.get("grade").asString()).isEqualTo("ORANGE");
        assertThat(grade.get("escalations").get(0).get("message").asString()).contains("有 1 个重大风险（红）风险点");
        assertThat(grade.get("cause").asString()).isEqualTo("RISK_POINTS_CHANGED");
    }

    @Test
    void gradingOnDemandRecordsNothingWhenNothingChanged() {
        String uscc = register("TEXTILE", 120, "NONE");
        var regraded = as("lucheng-inspector").post("/api/v1/enterprises/" + uscc + "/grade", Map.of());
        assertThat(regraded.getStatusCode().value()).isEqualTo(200);
        // 纺织 2 + 100–299 employees 2 + 标准化未达标 3
        assertThat(regraded.getBody().get("totalScore").asInt()).isEqualTo(7);
        assertThat(causes(uscc)).containsExactly("ENTERPRISE_UPDATED");

        JsonNode history = admin().get("/api/v1/enterprises/" + uscc + "/grade/history").getBody();
        assertThat(history.get("totalElements").asInt()).isEqualTo(1);
        JsonNode entry = history.get("content").get(0);
        assertThat(entry.get("ruleSet").asString()).isEqualTo("enterprise");
        assertThat(entry.get("inputs").get("industryCategory").asString()).isEqualTo("TEXTILE");
        assertThat(entry.get("inputs").get("asOf").asString()).isEqualTo(TODAY.toString());
        assertThat(entry.get("result").get("totalScore").asInt()).isEqualTo(7);

        // Each text is stored once: the indicators' rows and the sum's and the band's reasons, no labels (they follow
        // from the codes) and no second list of reasons; the API derives both.
        JsonNode result = entry.get("result");
        assertThat(result.has("reasons")).isFalse();
        assertThat(result.get("totalReason").get("message").asString()).isEqualTo("总分 7：各项指标得分之和");
        JsonNode basic = result.get("families").get(0);
        assertThat(basic.has("label")).isFalse();
        assertThat(basic.get("indicators").get(0).has("label")).isFalse();
        assertThat(basic.get("indicators").get(0).get("code").asString()).isEqualTo("INDUSTRY");
        JsonNode view = regraded.getBody();
        assertThat(view.get("families").get(0).get("label").asString()).isEqualTo("基本情况");
        assertThat(view.get("families").get(0).get("indicators").get(0).get("label").asString()).isEqualTo("行业类别");
        assertThat(view.get("reasons")).extracting(reason -> reason.get("rule").asString())
                .contains("The total score is the sum of the indicators' points", "Industry textile scores 2");
    }

    @Test
    void everyoneSeesOnlyTheGradesOfTheirOwnScope() {
        String own = "/api/v1/enterprises/" + Api.LUCHENG_CHEMICALS + "/grade";
        String other = "/api/v1/enterprises/" + Api.LUCHENG_GLASSES + "/grade";
        assertThat(as("lucheng-enterprise").get(own).getStatusCode().value()).isEqualTo(200);
        assertThat(as("lucheng-enterprise").post(own, Map.of()).getStatusCode().value()).isEqualTo(200);
        assertThat(as("lucheng-enterprise").get(other).getStatusCode().value()).isEqualTo(404);
        assertThat(as("lucheng-enterprise").get(other + "/history").getStatusCode().value()).isEqualTo(404);
        assertThat(as("lucheng-enterprise").post(other, Map.of()).getStatusCode().value()).isEqualTo(404);
        assertThat(as("jinjiang-regulator").get(own).getStatusCode().value()).isEqualTo(404);
        assertThat(as("jinjiang-inspector").post(own, Map.of()).getStatusCode().value()).isEqualTo(404);
        assertThat(as("lucheng-regulator").get(own + "/history").getStatusCode().value()).isEqualTo(200);
        assertThat(Api.anonymous(port).get(own).getStatusCode().value()).isEqualTo(401);
        assertThat(as("lucheng-regulator").get("/api/v1/enterprises/" + Api.newUscc("330302") + "/grade").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aDeathInTheLastTwelveMonthsMakesTheEnterpriseRedUntilTheYearHasPassed() {
        String uscc = register("COMMERCE", null, null);
        var accident = as("lucheng-regulator").post("/api/v1/enterprises/" + uscc + "/accidents", Map.of("occurredOn", TODAY.minusDays(10).toString(),
                "type", "FALL_FROM_HEIGHT", "deaths", 1, "seriousInjuries", 0, "directLossYuan", 1200000, "description", "货架检修时高处坠落"));
        assertThat(accident.getStatusCode().value()).as(String.valueOf(accident.getBody())).isEqualTo(201);

        JsonNode red = grade(admin(), uscc);
        // 商贸 1 + one accident 5 + one death 30 + 10 = 46: orange by score, red by the escalation
        assertThat(red.get("totalScore").asInt()).isEqualTo(46);
        assertThat(red.get("scoreGrade").asString()).isEqualTo("ORANGE");
        assertThat(red.get("grade").asString()).isEqualTo("RED");
        assertThat(red.get("escalations").get(0).get("rule").asString()).isEqualTo("A death in an accident in the last 12 months makes the enterprise red");
        assertThat(red.get("escalations").get(0).get("clause").asString()).contains("重大风险判定原则");
        assertThat(red.get("cause").asString()).isEqualTo("ACCIDENT");
        assertThat(points(red, "ACCIDENT")).isEqualTo(45);

        // A year and a day after the accident it is no longer in 近12个月: the nightly run sees it (13–36 months: 5 a death)
        nightlyOn(TODAY.minusDays(10).plusYears(1).plusDays(1));
        JsonNode later = grade(admin(), uscc);
        assertThat(later.get("totalScore").asInt()).isEqualTo(6);
        assertThat(later.get("grade").asString()).isEqualTo("BLUE");
        assertThat(later.get("cause").asString()).isEqualTo("NIGHTLY");
        assertThat(causes(uscc)).containsExactly("NIGHTLY", "ACCIDENT", "ENTERPRISE_UPDATED");
    }

    @Test
    void aLicenceRecordedThenExpiredIsSeenByTheNightlyRun() {
        String uscc = register("MINING", null, null);
        // 矿山 10 + the 安全生产许可证 a mine must hold (《安全生产许可证条例》第二条) missing 15
        assertThat(grade(admin(), uscc).get("totalScore").asInt()).isEqualTo(25);
        var licence = as("lucheng-regulator").post("/api/v1/enterprises/" + uscc + "/licences", Map.of("kind", "SAFETY_PRODUCTION",
                "number", "（浙）FM安许证字〔2027〕-0" + uscc.substring(14), "validFrom", TODAY.minusYears(3).toString(), "validTo", TODAY.toString()));
        assertThat(licence.getStatusCode().value()).as(String.valueOf(licence.getBody())).isEqualTo(201);
        JsonNode valid = grade(admin(), uscc);
        assertThat(valid.get("totalScore").asInt()).isEqualTo(10);
        assertThat(valid.get("cause").asString()).isEqualTo("LICENCE");

        nightlyOn(TODAY.plusDays(1));
        JsonNode expired = grade(admin(), uscc);
        // valid through its last day; expired the next: 10 + 10
        assertThat(expired.get("totalScore").asInt()).isEqualTo(20);
        assertThat(expired.get("grade").asString()).isEqualTo("YELLOW");
        assertThat(points(expired, "LICENCE")).isEqualTo(10);
        assertThat(expired.get("cause").asString()).isEqualTo("NIGHTLY");
    }
}
