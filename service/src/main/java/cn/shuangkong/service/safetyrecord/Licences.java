package cn.shuangkong.service.safetyrecord;

import static cn.shuangkong.schema.Tables.LICENCE;
import static cn.shuangkong.service.api.model.Role.ADMIN;
import static cn.shuangkong.service.api.model.Role.ENTERPRISE;
import static cn.shuangkong.service.api.model.Role.REGULATOR;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jooq.Field;

import cn.shuangkong.schema.tables.records.LicenceRecord;
import cn.shuangkong.service.api.model.Licence;
import cn.shuangkong.service.api.model.LicenceInput;
import cn.shuangkong.service.api.model.LicenceKind;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.Times;

/**
 * 行政许可: a licence the enterprise holds, one per kind and number. Whether it has expired is derived from China's
 * calendar day, never stored.
 */
final class Licences extends RecordType<LicenceRecord, LicenceInput, Licence> {

    Licences() {
        super(SafetyRecordChanged.Kind.LICENCE, "行政许可", "licences", LICENCE, LICENCE.VALID_FROM,
                Set.of(ADMIN, REGULATOR, ENTERPRISE), Set.of(ADMIN, REGULATOR, ENTERPRISE));
    }

    @Override
    void check(LicenceInput in, LicenceRecord current, Clock clock) {
        required(in.getNumber(), "number", "许可证编号");
        if (in.getValidTo().isBefore(in.getValidFrom())) {
            throw ApiException.invalidField("validTo", "有效期至 " + in.getValidTo() + " 早于有效期起 " + in.getValidFrom());
        }
    }

    @Override
    Map<Field<?>, Object> columns(LicenceInput in) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(LICENCE.KIND, in.getKind().getValue());
        columns.put(LICENCE.NUMBER, in.getNumber().strip());
        columns.put(LICENCE.ISSUER, optional(in.getIssuer()));
        columns.put(LICENCE.VALID_FROM, in.getValidFrom());
        columns.put(LICENCE.VALID_TO, in.getValidTo());
        return columns;
    }

    @Override
    String duplicate(LicenceInput in) {
        return "该企业已登记编号为 " + in.getNumber().strip() + " 的" + label(in.getKind());
    }

    @Override
    Licence toApi(LicenceRecord r, String uscc, LocalDate today) {
        LicenceKind kind = LicenceKind.fromValue(r.getKind());
        long daysToExpiry = ChronoUnit.DAYS.between(today, r.getValidTo());
        return new Licence(r.getId(), uscc, kind, label(kind), r.getNumber(), r.getValidFrom(), r.getValidTo(), daysToExpiry < 0,
                Math.toIntExact(daysToExpiry), r.getRecordedBy(), Times.toApi(r.getCreatedAt()), Times.toApi(r.getUpdatedAt()), r.getVersion())
                .issuer(r.getIssuer());
    }

    static String label(LicenceKind kind) {
        return switch (kind) {
            case SAFETY_PRODUCTION -> "安全生产许可证";
            case HAZCHEM_OPERATION -> "危险化学品经营许可证";
            case HAZCHEM_USE -> "危险化学品安全使用许可证";
            case FIREWORKS_OPERATION -> "烟花爆竹经营许可证";
            case OTHER -> "其他许可";
        };
    }
}
