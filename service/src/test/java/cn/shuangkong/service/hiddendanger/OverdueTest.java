package cn.shuangkong.service.hiddendanger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.MovableClock;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.JsonNode;

/** Overdue is derived from China's calendar day: a danger is on time through its deadline day and overdue from the next. */
@DatabaseTest
@RecordApplicationEvents
@Import(OverdueTest.ChangeRecorder.class)
class OverdueTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final LocalDate DEADLINE = LocalDate.of(2031, 3, 15);
    static final MovableClock CLOCK = new MovableClock(DEADLINE.minusDays(5).atTime(9, 0).atZone(CHINA).toInstant());

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @LocalServerPort
    int port;

    @Autowired
    OverdueJob job;

    static final List<HiddenDangerChanged> CHANGES = new CopyOnWriteArrayList<>();

    /** Records the changes published on any thread (ApplicationEvents sees only the test's own). */
    @TestConfiguration(proxyBeanMethods = false)
    static class ChangeRecorder {
        @Bean
        Object hiddenDangerChangeRecorder() {
            return new Object() {
                @EventListener
                void on(HiddenDangerChanged change) {
                    CHANGES.add(change);
                }
            };
        }
    }

    @Test
    void aDangerIsOverdueFromTheDayAfterItsDeadlineAndTheJobRecordsItOnce(ApplicationEvents published) {
        Api regulator = Api.anonymous(port).asDemo("lucheng-regulator");
        JsonNode danger = regulator.post("/api/v1/hidden-dangers", Map.of("uscc", Api.LUCHENG_CHEMICALS, "name", "消防通道堵塞",
                "dangerType", "FIRE", "deadline", DEADLINE.toString())).getBody();
        long id = danger.get("id").asLong();
        String path = "/api/v1/hidden-dangers/" + id;

        CLOCK.set(DEADLINE.atTime(23, 59, 59).atZone(CHINA).toInstant());
        assertThat(regulator.get(path).getBody().get("overdue").asBoolean()).isFalse();
        // The job may mark other tests' older dangers now, never this one before its deadline day has passed.
        job.markOverdue();
        assertThat(published.stream(HiddenDangerOverdue.class).filter(e -> e.hiddenDangerId() == id)).isEmpty();

        CLOCK.set(DEADLINE.plusDays(1).atStartOfDay(CHINA).toInstant().plusSeconds(1));
        JsonNode overdue = regulator.get(path).getBody();
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
        assertThat(overdue.get("daysOverdue").asInt()).isEqualTo(1);

        assertThat(job.markOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(job.markOverdue()).isZero();
        assertThat(published.stream(HiddenDangerOverdue.class).filter(e -> e.hiddenDangerId() == id)).hasSize(1);
        JsonNode events = regulator.get(path + "/events").getBody();
        assertThat(events.valueStream().filter(e -> e.get("type").asString().equals("OVERDUE"))).hasSize(1);

        CLOCK.set(DEADLINE.plusDays(10).atTime(12, 0).atZone(CHINA).toInstant());
        assertThat(regulator.get(path).getBody().get("daysOverdue").asInt()).isEqualTo(10);

        // Submitted for acceptance, it is no longer overdue: the wait is the acceptor's.
        Api enterprise = Api.anonymous(port).asDemo("lucheng-enterprise");
        assertThat(enterprise.postWithIfMatch(path + "/transitions", Map.of("action", "SUBMIT", "comment", "已清理"), "\"1\"").getStatusCode().value()).isEqualTo(200);
        assertThat(regulator.get(path).getBody().get("overdue").asBoolean()).isFalse();
        // Reported and submitted: two changes published (from the request threads) for the features that react.
        assertThat(CHANGES.stream().filter(e -> e.hiddenDangerId() == id)).hasSize(2).allMatch(e -> e.uscc().equals(Api.LUCHENG_CHEMICALS));
    }

    @Test
    void aDangerBecomingOverdueRegradesItsEnterprise() {
        CLOCK.set(DEADLINE.minusDays(5).atTime(9, 0).atZone(CHINA).toInstant());
        String uscc = Api.newUscc("330302");
        Api admin = Api.anonymous(port).asAdmin();
        assertThat(admin.post("/api/v1/enterprises", Map.of("uscc", uscc, "name", "鹿城逾期测试商贸有限公司", "regionCode", "330302",
                "industryCategory", "COMMERCE")).getStatusCode().value()).isEqualTo(201);
        admin.post("/api/v1/hidden-dangers", Map.of("uscc", uscc, "name", "灭火器过期", "dangerType", "FIRE", "deadline", DEADLINE.toString()));
        String grade = "/api/v1/enterprises/" + uscc + "/grade";
        // 商贸 1 + an open general danger 1 (default policy table)
        assertThat(admin.get(grade).getBody().get("totalScore").asInt()).isEqualTo(2);

        CLOCK.set(DEADLINE.plusDays(1).atTime(0, 5).atZone(CHINA).toInstant());
        JsonNode now;
        try {
            job.markOverdue();
            now = admin.get(grade).getBody();
        } finally {
            CLOCK.set(DEADLINE.minusDays(5).atTime(9, 0).atZone(CHINA).toInstant());
        }
        // + 3 for the overdue general danger: re-graded by the OVERDUE event, not by the nightly run
        assertThat(now.get("totalScore").asInt()).isEqualTo(5);
        assertThat(now.get("cause").asString()).isEqualTo("HIDDEN_DANGER_OVERDUE");
        assertThat(admin.get(grade + "/history").getBody().get("content").get(0).get("causeLabel").asString()).isEqualTo("隐患逾期");
    }
}
