package cn.shuangkong.service.safetyrecord;

import static cn.shuangkong.schema.Tables.MONITORING_ALARM;
import static cn.shuangkong.service.api.model.Role.ADMIN;
import static cn.shuangkong.service.api.model.Role.ENTERPRISE;
import static cn.shuangkong.service.api.model.Role.REGULATOR;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.Field;

import cn.shuangkong.schema.tables.records.MonitoringAlarmRecord;
import cn.shuangkong.service.api.model.AlarmClearance;
import cn.shuangkong.service.api.model.AlarmLevel;
import cn.shuangkong.service.api.model.MonitoringAlarm;
import cn.shuangkong.service.api.model.MonitoringAlarmInput;
import cn.shuangkong.service.api.model.MonitoringAlarmKind;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.Times;

/**
 * 风险监测: an alarm of the enterprise's monitoring system, open until it is cleared (解除) with a note on how it was
 * dealt with. The enterprise records and clears its own; regulators correct and remove them.
 */
final class MonitoringAlarms extends RecordType<MonitoringAlarmRecord, MonitoringAlarmInput, MonitoringAlarm> {

    MonitoringAlarms() {
        super(SafetyRecordChanged.Kind.MONITORING_ALARM, "监测报警", "monitoring-alarms", MONITORING_ALARM, MONITORING_ALARM.OCCURRED_AT,
                Set.of(ADMIN, REGULATOR, ENTERPRISE), Set.of(ADMIN, REGULATOR));
    }

    @Override
    void check(MonitoringAlarmInput in, MonitoringAlarmRecord current, Clock clock) {
        LocalDateTime occurredAt = utc(in);
        if (occurredAt.isAfter(LocalDateTime.now(clock))) {
            throw ApiException.invalidField("occurredAt", "报警时间不能晚于当前时间");
        }
        if (current != null && current.getClearedAt() != null && occurredAt.isAfter(current.getClearedAt())) {
            throw ApiException.invalidField("occurredAt", "报警时间不能晚于解除时间 " + Times.chinaDateTimeText(current.getClearedAt()));
        }
    }

    @Override
    Map<Field<?>, Object> columns(MonitoringAlarmInput in) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(MONITORING_ALARM.OCCURRED_AT, utc(in));
        columns.put(MONITORING_ALARM.KIND, in.getKind().getValue());
        columns.put(MONITORING_ALARM.ALARM_LEVEL, in.getLevel().getValue());
        columns.put(MONITORING_ALARM.DESCRIPTION, optional(in.getDescription()));
        return columns;
    }

    @Override
    Map<Field<?>, Object> initialColumns() {
        return Map.of(MONITORING_ALARM.CLEARED, false);
    }

    /** 解除: cleared now, with how it was dealt with; 409 when it is cleared already. */
    static SafetyRecords.Settlement<MonitoringAlarmRecord> clearance(AlarmClearance in) {
        return new SafetyRecords.Settlement<>("解除监测报警", Set.of(ADMIN, REGULATOR, ENTERPRISE), MONITORING_ALARM.CLEARED.isFalse(),
                alarm -> alarm.getCleared()
                        ? Optional.of("该报警已于 " + Times.chinaDateTimeText(alarm.getClearedAt()) + " 解除，不能重复解除")
                        : Optional.empty(),
                (alarm, now) -> {
                    Map<Field<?>, Object> columns = new LinkedHashMap<>();
                    columns.put(MONITORING_ALARM.CLEARED, true);
                    columns.put(MONITORING_ALARM.CLEARED_AT, now);
                    columns.put(MONITORING_ALARM.CLEAR_NOTE, required(in.getNote(), "note", "处置情况"));
                    return columns;
                });
    }

    @Override
    MonitoringAlarm toApi(MonitoringAlarmRecord r, String uscc, LocalDate today) {
        MonitoringAlarmKind kind = MonitoringAlarmKind.fromValue(r.getKind());
        AlarmLevel level = AlarmLevel.fromValue(r.getAlarmLevel());
        return new MonitoringAlarm(r.getId(), uscc, Times.toApi(r.getOccurredAt()), kind, label(kind), level, label(level), r.getCleared(),
                r.getRecordedBy(), Times.toApi(r.getCreatedAt()), Times.toApi(r.getUpdatedAt()), r.getVersion())
                .description(r.getDescription())
                .clearedAt(Times.toApi(r.getClearedAt()))
                .clearNote(r.getClearNote());
    }

    private static LocalDateTime utc(MonitoringAlarmInput in) {
        return in.getOccurredAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    static String label(MonitoringAlarmKind kind) {
        return switch (kind) {
            case GAS_CONCENTRATION -> "可燃/有毒气体浓度";
            case LIQUID_LEVEL -> "液位";
            case PRESSURE -> "压力";
            case TEMPERATURE -> "温度";
            case VIDEO_ANALYTICS -> "视频智能分析";
            case OTHER -> "其他";
        };
    }

    /** GB/T 50493-2019's terms for the two alarm levels. */
    static String label(AlarmLevel level) {
        return switch (level) {
            case LEVEL_1 -> "一级报警";
            case LEVEL_2 -> "二级报警";
        };
    }
}
