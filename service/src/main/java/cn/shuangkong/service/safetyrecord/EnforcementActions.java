package cn.shuangkong.service.safetyrecord;

import static cn.shuangkong.schema.Tables.ENFORCEMENT_ACTION;
import static cn.shuangkong.service.api.model.Role.ADMIN;
import static cn.shuangkong.service.api.model.Role.INSPECTOR;
import static cn.shuangkong.service.api.model.Role.REGULATOR;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jooq.Field;

import cn.shuangkong.schema.tables.records.EnforcementActionRecord;
import cn.shuangkong.service.api.model.EnforcementAction;
import cn.shuangkong.service.api.model.EnforcementActionInput;
import cn.shuangkong.service.api.model.EnforcementKind;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.Times;

/** 行政执法: a penalty or order decided against the enterprise, recorded by the regulator's staff (执法人员). */
final class EnforcementActions extends RecordType<EnforcementActionRecord, EnforcementActionInput, EnforcementAction> {

    EnforcementActions() {
        super(SafetyRecordChanged.Kind.ENFORCEMENT_ACTION, "行政执法记录", "enforcement-actions", ENFORCEMENT_ACTION, ENFORCEMENT_ACTION.DECIDED_ON,
                Set.of(ADMIN, REGULATOR, INSPECTOR), Set.of(ADMIN, REGULATOR, INSPECTOR));
    }

    @Override
    void check(EnforcementActionInput in, EnforcementActionRecord current, Clock clock) {
        notFuture(in.getDecidedOn(), "decidedOn", "决定日期", clock);
        yuan(in.getAmountYuan(), "amountYuan");
        if (in.getKind() == EnforcementKind.FINE && (in.getAmountYuan() == null || in.getAmountYuan().signum() <= 0)) {
            throw ApiException.invalidField("amountYuan", "罚款须填写大于 0 的罚款金额（元）");
        }
        required(in.getReason(), "reason", "执法事由");
    }

    @Override
    Map<Field<?>, Object> columns(EnforcementActionInput in) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(ENFORCEMENT_ACTION.DECIDED_ON, in.getDecidedOn());
        columns.put(ENFORCEMENT_ACTION.KIND, in.getKind().getValue());
        columns.put(ENFORCEMENT_ACTION.AMOUNT_YUAN, in.getAmountYuan());
        columns.put(ENFORCEMENT_ACTION.REASON, in.getReason().strip());
        columns.put(ENFORCEMENT_ACTION.DOCUMENT_NUMBER, optional(in.getDocumentNumber()));
        return columns;
    }

    @Override
    EnforcementAction toApi(EnforcementActionRecord r, String uscc, LocalDate today) {
        EnforcementKind kind = EnforcementKind.fromValue(r.getKind());
        return new EnforcementAction(r.getId(), uscc, r.getDecidedOn(), kind, label(kind), r.getReason(), r.getRecordedBy(),
                Times.toApi(r.getCreatedAt()), Times.toApi(r.getUpdatedAt()), r.getVersion())
                .amountYuan(plain(r.getAmountYuan()))
                .documentNumber(r.getDocumentNumber());
    }

    static String label(EnforcementKind kind) {
        return switch (kind) {
            case WARNING -> "警告";
            case FINE -> "罚款";
            case CONFISCATION -> "没收违法所得、非法财物";
            case SUSPENSION -> "责令停产停业整顿";
            case LICENCE_SUSPENSION -> "暂扣许可证";
            case LICENCE_REVOCATION -> "吊销许可证";
            case CLOSURE -> "关闭";
            case DETENTION -> "拘留";
            case OTHER -> "其他";
        };
    }
}
