package cn.shuangkong.service.safetyrecord;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import cn.shuangkong.service.Api;
import tools.jackson.databind.JsonNode;

/** Valid bodies of each kind of safety record, China's today, and the one request {@link Api} has not: DELETE with If-Match. */
final class SafetyRecordSamples {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private SafetyRecordSamples() {
    }

    static String path(String uscc, String segment) {
        return "/api/v1/enterprises/" + uscc + "/" + segment;
    }

    static Map<String, Object> accident(int deaths, int seriousInjuries, Object directLossYuan) {
        return mutable(Map.of("occurredOn", TODAY.minusMonths(3).toString(), "type", "POISONING_ASPHYXIATION", "deaths", deaths,
                "seriousInjuries", seriousInjuries, "directLossYuan", directLossYuan, "description", "储罐清洗作业未检测有毒气体，两名作业人员中毒"));
    }

    static Map<String, Object> fine(Object amountYuan) {
        return mutable(Map.of("decidedOn", TODAY.minusDays(20).toString(), "kind", "FINE", "amountYuan", amountYuan,
                "reason", "未按规定对重大危险源进行监测监控（《安全生产法》第一百零一条）", "documentNumber", "（温鹿）应急罚〔2026〕12号"));
    }

    static Map<String, Object> licence(String kind, String number, LocalDate validFrom, LocalDate validTo) {
        return mutable(Map.of("kind", kind, "number", number, "issuer", "温州市应急管理局", "validFrom", validFrom.toString(), "validTo", validTo.toString()));
    }

    static Map<String, Object> alarm() {
        return mutable(Map.of("occurredAt", TODAY.minusDays(1).atTime(14, 5).atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime().toString(),
                "kind", "GAS_CONCENTRATION", "level", "LEVEL_1", "description", "液氯储罐区 GT-03 氯气浓度 1.2 ppm 一级报警"));
    }

    static Map<String, Object> finding() {
        return mutable(Map.of("foundOn", TODAY.minusDays(10).toString(), "kind", "SPECIAL_EQUIPMENT_OVERDUE", "subject", "2 号液氯储罐（压力容器）",
                "description", "定期检验有效期至上月底，未申报检验"));
    }

    /** A copy with {@code field} set to {@code value}, or removed when the value is null. */
    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = mutable(body);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    static ResponseEntity<JsonNode> delete(int port, String username, String path, String ifMatch) {
        String password = username.equals("admin") ? Api.ADMIN_PASSWORD : Api.DEMO_PASSWORD;
        return RestClient.create("http://localhost:" + port).delete().uri(path)
                .headers(h -> {
                    h.setBasicAuth(username, password);
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .retrieve().onStatus(status -> true, (request, response) -> { }).toEntity(JsonNode.class);
    }

    private static Map<String, Object> mutable(Map<String, Object> body) {
        return new HashMap<>(body);
    }
}
