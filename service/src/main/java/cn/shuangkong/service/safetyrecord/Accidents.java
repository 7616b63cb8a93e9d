package cn.shuangkong.service.safetyrecord;

import static cn.shuangkong.schema.Tables.ACCIDENT;
import static cn.shuangkong.service.api.model.Role.ADMIN;
import static cn.shuangkong.service.api.model.Role.ENTERPRISE;
import static cn.shuangkong.service.api.model.Role.REGULATOR;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jooq.Field;

import cn.shuangkong.schema.tables.records.AccidentRecord;
import cn.shuangkong.service.api.model.Accident;
import cn.shuangkong.service.api.model.AccidentInput;
import cn.shuangkong.service.api.model.AccidentLevel;
import cn.shuangkong.service.api.model.AccidentType;
import cn.shuangkong.service.web.Times;

/**
 * 历史事故: an accident the enterprise had, its level derived (never stored) by 国务院令第493号 第三条. Enterprises report
 * their own; regulators record, correct and remove them.
 */
final class Accidents extends RecordType<AccidentRecord, AccidentInput, Accident> {

    Accidents() {
        super(SafetyRecordChanged.Kind.ACCIDENT, "历史事故", "accidents", ACCIDENT, ACCIDENT.OCCURRED_ON,
                Set.of(ADMIN, REGULATOR, ENTERPRISE), Set.of(ADMIN, REGULATOR));
    }

    @Override
    void check(AccidentInput in, AccidentRecord current, Clock clock) {
        notFuture(in.getOccurredOn(), "occurredOn", "事故发生日期", clock);
        yuan(in.getDirectLossYuan(), "directLossYuan");
        required(in.getDescription(), "description", "事故经过");
    }

    @Override
    Map<Field<?>, Object> columns(AccidentInput in) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(ACCIDENT.OCCURRED_ON, in.getOccurredOn());
        columns.put(ACCIDENT.ACCIDENT_TYPE, in.getType().getValue());
        columns.put(ACCIDENT.DEATHS, in.getDeaths());
        columns.put(ACCIDENT.SERIOUS_INJURIES, in.getSeriousInjuries());
        columns.put(ACCIDENT.DIRECT_LOSS_YUAN, in.getDirectLossYuan());
        columns.put(ACCIDENT.DESCRIPTION, in.getDescription().strip());
        return columns;
    }

    @Override
    Accident toApi(AccidentRecord r, String uscc, LocalDate today) {
        AccidentType type = AccidentType.fromValue(r.getAccidentType());
        var level = cn.shuangkong.rules.accident.AccidentLevel.of(r.getDeaths(), r.getSeriousInjuries(), r.getDirectLossYuan());
        return new Accident(r.getId(), uscc, r.getOccurredOn(), type, label(type), r.getDeaths(), r.getSeriousInjuries(),
                plain(r.getDirectLossYuan()), r.getDescription(), AccidentLevel.fromValue(level.name()), level.label(),
                r.getRecordedBy(), Times.toApi(r.getCreatedAt()), Times.toApi(r.getUpdatedAt()), r.getVersion());
    }

    /** GB 6441-1986《企业职工伤亡事故分类》's names of the 20 categories. */
    static String label(AccidentType type) {
        return switch (type) {
            case STRUCK_BY_OBJECT -> "物体打击";
            case VEHICLE -> "车辆伤害";
            case MACHINERY -> "机械伤害";
            case LIFTING -> "起重伤害";
            case ELECTROCUTION -> "触电";
            case DROWNING -> "淹溺";
            case BURN -> "灼烫";
            case FIRE -> "火灾";
            case FALL_FROM_HEIGHT -> "高处坠落";
            case COLLAPSE -> "坍塌";
            case ROOF_FALL -> "冒顶片帮";
            case WATER_INRUSH -> "透水";
            case BLASTING -> "放炮";
            case EXPLOSIVES_EXPLOSION -> "火药爆炸";
            case GAS_EXPLOSION -> "瓦斯爆炸";
            case BOILER_EXPLOSION -> "锅炉爆炸";
            case VESSEL_EXPLOSION -> "容器爆炸";
            case OTHER_EXPLOSION -> "其它爆炸";
            case POISONING_ASPHYXIATION -> "中毒和窒息";
            case OTHER -> "其它伤害";
        };
    }
}
