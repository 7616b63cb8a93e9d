package cn.shuangkong.service.safetyrecord;

import static cn.shuangkong.schema.Tables.QUALITY_FINDING;
import static cn.shuangkong.service.api.model.Role.ADMIN;
import static cn.shuangkong.service.api.model.Role.ENTERPRISE;
import static cn.shuangkong.service.api.model.Role.INSPECTOR;
import static cn.shuangkong.service.api.model.Role.REGULATOR;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.Field;

import cn.shuangkong.schema.tables.records.QualityFindingRecord;
import cn.shuangkong.service.api.model.QualityFinding;
import cn.shuangkong.service.api.model.QualityFindingInput;
import cn.shuangkong.service.api.model.QualityFindingKind;
import cn.shuangkong.service.api.model.QualityFindingResolution;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.Times;

/**
 * 质量检测: a finding of inspection and testing (a special equipment's periodic inspection overdue or failed, …), open
 * until it is resolved. Regulators and inspectors record them; the enterprise, too, may say it has resolved one.
 */
final class QualityFindings extends RecordType<QualityFindingRecord, QualityFindingInput, QualityFinding> {

    QualityFindings() {
        super(SafetyRecordChanged.Kind.QUALITY_FINDING, "质量检测问题", "quality-findings", QUALITY_FINDING, QUALITY_FINDING.FOUND_ON,
                Set.of(ADMIN, REGULATOR, INSPECTOR), Set.of(ADMIN, REGULATOR, INSPECTOR));
    }

    @Override
    void check(QualityFindingInput in, QualityFindingRecord current, Clock clock) {
        notFuture(in.getFoundOn(), "foundOn", "发现日期", clock);
        if (current != null && current.getResolvedOn() != null && in.getFoundOn().isAfter(current.getResolvedOn())) {
            throw ApiException.invalidField("foundOn", "发现日期不能晚于整改完成日期 " + current.getResolvedOn());
        }
        required(in.getSubject(), "subject", "检测对象");
    }

    @Override
    Map<Field<?>, Object> columns(QualityFindingInput in) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(QUALITY_FINDING.FOUND_ON, in.getFoundOn());
        columns.put(QUALITY_FINDING.KIND, in.getKind().getValue());
        columns.put(QUALITY_FINDING.SUBJECT, in.getSubject().strip());
        columns.put(QUALITY_FINDING.DESCRIPTION, optional(in.getDescription()));
        return columns;
    }

    @Override
    Map<Field<?>, Object> initialColumns() {
        return Map.of(QUALITY_FINDING.RESOLVED, false);
    }

    /** Resolved on the day given, not before it was found nor after today; 409 when it is resolved already. */
    static SafetyRecords.Settlement<QualityFindingRecord> resolution(QualityFindingResolution in, Clock clock) {
        LocalDate resolvedOn = in.getResolvedOn();
        return new SafetyRecords.Settlement<>("确认质量检测问题已整改", Set.of(ADMIN, REGULATOR, INSPECTOR, ENTERPRISE), QUALITY_FINDING.RESOLVED.isFalse(),
                finding -> finding.getResolved()
                        ? Optional.of("该问题已于 " + finding.getResolvedOn() + " 整改完成，不能重复确认")
                        : Optional.empty(),
                (finding, now) -> {
                    notFuture(resolvedOn, "resolvedOn", "整改完成日期", clock);
                    if (resolvedOn.isBefore(finding.getFoundOn())) {
                        throw ApiException.invalidField("resolvedOn", "整改完成日期不能早于发现日期 " + finding.getFoundOn());
                    }
                    Map<Field<?>, Object> columns = new LinkedHashMap<>();
                    columns.put(QUALITY_FINDING.RESOLVED, true);
                    columns.put(QUALITY_FINDING.RESOLVED_ON, resolvedOn);
                    return columns;
                });
    }

    @Override
    QualityFinding toApi(QualityFindingRecord r, String uscc, LocalDate today) {
        QualityFindingKind kind = QualityFindingKind.fromValue(r.getKind());
        return new QualityFinding(r.getId(), uscc, r.getFoundOn(), kind, label(kind), r.getSubject(), r.getResolved(), r.getRecordedBy(),
                Times.toApi(r.getCreatedAt()), Times.toApi(r.getUpdatedAt()), r.getVersion())
                .description(r.getDescription())
                .resolvedOn(r.getResolvedOn());
    }

    static String label(QualityFindingKind kind) {
        return switch (kind) {
            case SPECIAL_EQUIPMENT_OVERDUE -> "特种设备定期检验超期";
            case SPECIAL_EQUIPMENT_FAILED -> "特种设备检验不合格";
            case SAFETY_ACCESSORY_OVERDUE -> "安全附件校验超期";
            case SAFETY_ACCESSORY_FAILED -> "安全附件校验不合格";
            case PRODUCT_SAMPLING_FAILED -> "产品抽检不合格";
            case OTHER -> "其他";
        };
    }
}
