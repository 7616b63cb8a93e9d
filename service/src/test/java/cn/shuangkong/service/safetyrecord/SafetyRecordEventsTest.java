package cn.shuangkong.service.safetyrecord;

import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import cn.shuangkong.service.api.model.AccidentInput;
import cn.shuangkong.service.api.model.AccidentType;
import cn.shuangkong.service.api.model.AlarmClearance;
import cn.shuangkong.service.api.model.AlarmLevel;
import cn.shuangkong.service.api.model.EnforcementActionInput;
import cn.shuangkong.service.api.model.EnforcementKind;
import cn.shuangkong.service.api.model.Licence;
import cn.shuangkong.service.api.model.LicenceInput;
import cn.shuangkong.service.api.model.LicenceKind;
import cn.shuangkong.service.api.model.MonitoringAlarm;
import cn.shuangkong.service.api.model.MonitoringAlarmInput;
import cn.shuangkong.service.api.model.MonitoringAlarmKind;
import cn.shuangkong.service.api.model.QualityFinding;
import cn.shuangkong.service.api.model.QualityFindingInput;
import cn.shuangkong.service.api.model.QualityFindingKind;
import cn.shuangkong.service.api.model.QualityFindingResolution;
import cn.shuangkong.service.api.model.Role;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.safetyrecord.SafetyRecordChanged.Kind;
import cn.shuangkong.service.web.ApiException;

/**
 * Every write of a safety record publishes {@link SafetyRecordChanged} (for enterprise grading, which listens after
 * commit); a refused write publishes nothing. The writes are made on the test's thread, where {@link ApplicationEvents}
 * sees what is published.
 */
@DatabaseTest
@RecordApplicationEvents
class SafetyRecordEventsTest {

    static final CurrentUser REGULATOR = new CurrentUser("lucheng-regulator", Role.REGULATOR, "330302", null);
    static final CurrentUser ENTERPRISE = new CurrentUser("lucheng-enterprise", Role.ENTERPRISE, null, Api.LUCHENG_CHEMICALS);

    @Autowired
    SafetyRecords records;

    @Autowired
    ConfigurableApplicationContext context;

    private List<SafetyRecordChanged> changes(ApplicationEvents events) {
        return events.stream(SafetyRecordChanged.class).toList();
    }

    @Test
    void createUpdateAndDeletePublishTheRecordThatChanged(ApplicationEvents events) {
        Accidents accidents = new Accidents();
        AccidentInput input = new AccidentInput(TODAY.minusDays(3), AccidentType.FALL_FROM_HEIGHT, 1, 0, new BigDecimal("800000"), "外墙脚手架作业人员未系安全带坠落");
        long id = records.create(ENTERPRISE, Api.LUCHENG_CHEMICALS, accidents, input).id();
        records.update(REGULATOR, Api.LUCHENG_CHEMICALS, accidents, id, input.deaths(0).seriousInjuries(1), "\"1\"");
        records.delete(REGULATOR, Api.LUCHENG_CHEMICALS, accidents, id, "\"2\"");

        SafetyRecordChanged change = new SafetyRecordChanged(Api.LUCHENG_CHEMICALS, Kind.ACCIDENT, id);
        assertThat(changes(events)).containsExactly(change, change, change);
    }

    @Test
    void everyKindPublishesItsKind(ApplicationEvents events) {
        long action = records.create(REGULATOR, Api.LUCHENG_CHEMICALS, new EnforcementActions(),
                new EnforcementActionInput(TODAY, EnforcementKind.WARNING, "未按规定开展隐患排查")).id();
        SafetyRecords.Stored<Licence> licence = records.create(ENTERPRISE, Api.LUCHENG_CHEMICALS, new Licences(),
                new LicenceInput(LicenceKind.OTHER, "事件-" + System.nanoTime(), TODAY, TODAY.plusYears(1)));
        SafetyRecords.Stored<MonitoringAlarm> alarm = records.create(ENTERPRISE, Api.LUCHENG_CHEMICALS, new MonitoringAlarms(),
                new MonitoringAlarmInput(TODAY.atStartOfDay().atOffset(ZoneOffset.ofHours(8)), MonitoringAlarmKind.PRESSURE, AlarmLevel.LEVEL_2));
        SafetyRecords.Stored<QualityFinding> finding = records.create(REGULATOR, Api.LUCHENG_CHEMICALS, new QualityFindings(),
                new QualityFindingInput(TODAY, QualityFindingKind.SAFETY_ACCESSORY_OVERDUE, "安全阀 SV-101"));

        assertThat(changes(events)).containsExactly(
                new SafetyRecordChanged(Api.LUCHENG_CHEMICALS, Kind.ENFORCEMENT_ACTION, action),
                new SafetyRecordChanged(Api.LUCHENG_CHEMICALS, Kind.LICENCE, licence.id()),
                new SafetyRecordChanged(Api.LUCHENG_CHEMICALS, Kind.MONITORING_ALARM, alarm.id()),
                new SafetyRecordChanged(Api.LUCHENG_CHEMICALS, Kind.QUALITY_FINDING, finding.id()));
    }

    @Test
    void clearanceAndResolutionPublishToo(ApplicationEvents events) {
        MonitoringAlarms alarms = new MonitoringAlarms();
        long alarm = records.create(ENTERPRISE, Api.LUCHENG_CHEMICALS, alarms,
                new MonitoringAlarmInput(TODAY.atStartOfDay().atOffset(ZoneOffset.ofHours(8)), MonitoringAlarmKind.LIQUID_LEVEL, AlarmLevel.LEVEL_1)).id();
        records.settle(ENTERPRISE, Api.LUCHENG_CHEMICALS, alarms, alarm, "\"1\"", MonitoringAlarms.clearance(new AlarmClearance("液位计故障，已更换")));
        QualityFindings findings = new QualityFindings();
        long finding = records.create(REGULATOR, Api.LUCHENG_CHEMICALS, findings,
                new QualityFindingInput(TODAY, QualityFindingKind.PRODUCT_SAMPLING_FAILED, "氯化钙产品批次 20260301")).id();
        records.settle(ENTERPRISE, Api.LUCHENG_CHEMICALS, findings, finding, "\"1\"",
                QualityFindings.resolution(new QualityFindingResolution(TODAY), Clock.systemUTC()));

        assertThat(changes(events)).extracting(SafetyRecordChanged::kind, SafetyRecordChanged::recordId).containsExactly(
                tuple(Kind.MONITORING_ALARM, alarm), tuple(Kind.MONITORING_ALARM, alarm),
                tuple(Kind.QUALITY_FINDING, finding), tuple(Kind.QUALITY_FINDING, finding));
    }

    @Test
    void theChangeIsPublishedInsideTheWritesTransaction() {
        AtomicReference<Boolean> inTransaction = new AtomicReference<>();
        ApplicationListener<PayloadApplicationEvent<SafetyRecordChanged>> probe = ApplicationListener.forPayload(
                change -> inTransaction.set(TransactionSynchronizationManager.isActualTransactionActive()
                        && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()));
        context.addApplicationListener(probe);
        try {
            records.create(REGULATOR, Api.LUCHENG_CHEMICALS, new QualityFindings(),
                    new QualityFindingInput(TODAY, QualityFindingKind.OTHER, "消防水泵"));
        } finally {
            context.removeApplicationListener(probe);
        }
        assertThat(inTransaction.get()).isTrue();
    }

    @Test
    void aRefusedWritePublishesNothing(ApplicationEvents events) {
        Licences licences = new Licences();
        SafetyRecords.Stored<Licence> licence = records.create(ENTERPRISE, Api.LUCHENG_CHEMICALS, licences,
                new LicenceInput(LicenceKind.OTHER, "拒绝-" + System.nanoTime(), TODAY, TODAY.plusYears(1)));
        events.clear();

        assertThatThrownBy(() -> records.update(REGULATOR, Api.LUCHENG_CHEMICALS, licences, licence.id(),
                new LicenceInput(LicenceKind.OTHER, licence.body().getNumber(), TODAY, TODAY), "\"7\""))
                .isInstanceOf(ApiException.class).hasMessageContaining("当前版本为 1");
        assertThatThrownBy(() -> records.delete(new CurrentUser("lucheng-inspector", Role.INSPECTOR, "330302", null), Api.LUCHENG_CHEMICALS,
                licences, licence.id(), "\"1\""))
                .isInstanceOf(ApiException.class).satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(403));
        assertThatThrownBy(() -> records.create(ENTERPRISE, Api.LUCHENG_CHEMICALS, licences,
                new LicenceInput(LicenceKind.OTHER, licence.body().getNumber(), TODAY, TODAY)))
                .isInstanceOf(ApiException.class).satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(409));

        assertThat(changes(events)).isEmpty();
    }
}
