package cn.shuangkong.service.safetyrecord;

import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.TODAY;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.accident;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.delete;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.fine;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.licence;
import static cn.shuangkong.service.safetyrecord.SafetyRecordSamples.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what with an enterprise's safety records: a role that may not act is refused (403) wherever the
 * enterprise is; a caller whose scope does not cover the enterprise finds nothing (404), whatever its role.
 */
@DatabaseTest
class SafetyRecordAccessTest {

    private static final Map<String, Supplier<Map<String, Object>>> BODIES = Map.of(
            "accidents", () -> accident(0, 1, 20000),
            "enforcement-actions", () -> fine(5000),
            "licences", () -> licence("OTHER", "许可-" + System.nanoTime(), TODAY.minusYears(1), TODAY.plusYears(1)),
            "monitoring-alarms", SafetyRecordSamples::alarm,
            "quality-findings", SafetyRecordSamples::finding);

    @LocalServerPort
    int port;

    /** One record of each kind of 温州瓯江化工储运 (鹿城区, lucheng-enterprise's own), by path segment. */
    private Map<String, String> records;

    @BeforeEach
    void recordOneOfEachKind() {
        Api admin = Api.anonymous(port).asAdmin();
        records = new java.util.HashMap<>();
        BODIES.forEach((segment, body) -> {
            ResponseEntity<JsonNode> created = admin.post(path(Api.LUCHENG_CHEMICALS, segment), body.get());
            assertThat(created.getStatusCode().value()).as(segment).isEqualTo(201);
            assertThat(created.getBody().get("recordedBy").asString()).isEqualTo("admin");
            records.put(segment, created.getHeaders().getLocation().toString());
        });
    }

    private ResponseEntity<JsonNode> call(String user, String action, String segment, String uscc) {
        Api api = user.equals("admin") ? Api.anonymous(port).asAdmin() : Api.anonymous(port).asDemo(user);
        String record = records.get(segment);
        // The same record's id under another enterprise's path: still only that enterprise's records are looked at.
        String target = uscc.equals(Api.LUCHENG_CHEMICALS) ? record : record.replace(Api.LUCHENG_CHEMICALS, uscc);
        return switch (action) {
            case "list" -> api.get(path(uscc, segment));
            case "read" -> api.get(target);
            case "create" -> api.post(path(uscc, segment), BODIES.get(segment).get());
            case "update" -> api.put(target, BODIES.get(segment).get(), "*");
            case "delete" -> delete(port, user, target, "*");
            case "clearance" -> api.postWithIfMatch(target + "/clearance", Map.of("note", "已处置"), "*");
            case "resolution" -> api.postWithIfMatch(target + "/resolution", Map.of("resolvedOn", TODAY.toString()), "*");
            default -> throw new IllegalArgumentException(action);
        };
    }

    @ParameterizedTest(name = "{0} may {1} {2} of its scope")
    @CsvSource({
            "admin,              list,       accidents",
            "lucheng-regulator,  read,       accidents",
            "lucheng-inspector,  read,       enforcement-actions",
            "lucheng-enterprise, read,       licences",
            "lucheng-inspector,  list,       monitoring-alarms",
            "lucheng-enterprise, list,       quality-findings",
            "lucheng-enterprise, create,     accidents",
            "lucheng-regulator,  update,     accidents",
            "lucheng-inspector,  create,     enforcement-actions",
            "lucheng-inspector,  update,     enforcement-actions",
            "lucheng-enterprise, update,     licences",
            "lucheng-enterprise, delete,     licences",
            "lucheng-enterprise, create,     monitoring-alarms",
            "lucheng-enterprise, clearance,  monitoring-alarms",
            "lucheng-regulator,  update,     monitoring-alarms",
            "lucheng-inspector,  create,     quality-findings",
            "lucheng-enterprise, resolution, quality-findings",
            "lucheng-inspector,  delete,     quality-findings",
    })
    void allowedRolesActWithinTheirScope(String user, String action, String segment) {
        assertThat(call(user, action, segment, Api.LUCHENG_CHEMICALS).getStatusCode().value()).isIn(200, 201, 204);
    }

    @ParameterizedTest(name = "{0} may not {1} {2}: 403")
    @CsvSource({
            "lucheng-inspector,  create,     accidents",
            "lucheng-inspector,  update,     accidents",
            "lucheng-enterprise, update,     accidents",
            "lucheng-enterprise, delete,     accidents",
            "lucheng-enterprise, create,     enforcement-actions",
            "lucheng-enterprise, update,     enforcement-actions",
            "lucheng-enterprise, delete,     enforcement-actions",
            "lucheng-inspector,  create,     licences",
            "lucheng-inspector,  update,     licences",
            "lucheng-inspector,  delete,     licences",
            "lucheng-inspector,  create,     monitoring-alarms",
            "lucheng-inspector,  clearance,  monitoring-alarms",
            "lucheng-enterprise, update,     monitoring-alarms",
            "lucheng-enterprise, delete,     monitoring-alarms",
            "lucheng-enterprise, create,     quality-findings",
            "lucheng-enterprise, update,     quality-findings",
            "lucheng-enterprise, delete,     quality-findings",
            // The role is refused wherever the enterprise is, before its scope is looked at.
            "jinjiang-inspector, create,     accidents",
    })
    void aRoleThatMayNotActIsRefused(String user, String action, String segment) {
        var refused = call(user, action, segment, Api.LUCHENG_CHEMICALS);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("detail").asString()).contains("不能").contains("须由");
        assertThat(Api.anonymous(port).asAdmin().get(records.get(segment)).getBody().get("version").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} cannot {1} {2} of {3}: 404")
    @CsvSource({
            "jinjiang-regulator,  list,       accidents,           91330302MA2AK7L1XU",
            "jinjiang-regulator,  read,       accidents,           91330302MA2AK7L1XU",
            "jinjiang-regulator,  create,     accidents,           91330302MA2AK7L1XU",
            "jinjiang-regulator,  update,     accidents,           91330302MA2AK7L1XU",
            "jinjiang-regulator,  delete,     accidents,           91330302MA2AK7L1XU",
            "jinjiang-inspector,  read,       enforcement-actions, 91330302MA2AK7L1XU",
            "jinjiang-inspector,  create,     enforcement-actions, 91330302MA2AK7L1XU",
            "jinjiang-inspector,  update,     enforcement-actions, 91330302MA2AK7L1XU",
            "jinjiang-enterprise, read,       licences,            91330302MA2AK7L1XU",
            "jinjiang-enterprise, create,     licences,            91330302MA2AK7L1XU",
            "jinjiang-enterprise, update,     licences,            91330302MA2AK7L1XU",
            "jinjiang-regulator,  clearance,  monitoring-alarms,   91330302MA2AK7L1XU",
            "jinjiang-enterprise, clearance,  monitoring-alarms,   91330302MA2AK7L1XU",
            "jinjiang-enterprise, resolution, quality-findings,    91330302MA2AK7L1XU",
            "pingyang-inspector,  list,       quality-findings,    91330302MA2AK7L1XU",
            // An enterprise user and another enterprise of its own county.
            "lucheng-enterprise,  list,       accidents,           91330302MA2AN3Q84N",
            "lucheng-enterprise,  create,     accidents,           91330302MA2AN3Q84N",
            "lucheng-enterprise,  list,       licences,            91330302MA2AN3Q84N",
            "lucheng-enterprise,  create,     monitoring-alarms,   91330302MA2AN3Q84N",
            // A record of one enterprise asked for under another's path, by a regulator who sees both.
            "lucheng-regulator,   read,       accidents,           91330302MA2AN3Q84N",
            "lucheng-regulator,   update,     licences,            91330302MA2AN3Q84N",
            "lucheng-regulator,   delete,     monitoring-alarms,   91330302MA2AN3Q84N",
            "lucheng-inspector,   resolution, quality-findings,    91330302MA2AN3Q84N",
            "admin,               read,       enforcement-actions, 91350582MA2YD5Q603",
    })
    void outsideTheScopeNothingIsFound(String user, String action, String segment, String uscc) {
        var refused = call(user, action, segment, uscc);
        assertThat(refused.getStatusCode().value()).isEqualTo(404);
        assertThat(refused.getBody().get("detail").asString()).endsWith("不存在");
        assertThat(Api.anonymous(port).asAdmin().get(records.get(segment)).getBody().get("version").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "anonymous {0}: 401")
    @CsvSource({"accidents", "enforcement-actions", "licences", "monitoring-alarms", "quality-findings"})
    void everyEndpointNeedsAUser(String segment) {
        assertThat(Api.anonymous(port).get(path(Api.LUCHENG_CHEMICALS, segment)).getStatusCode().value()).isEqualTo(401);
        assertThat(Api.anonymous(port).post(path(Api.LUCHENG_CHEMICALS, segment), BODIES.get(segment).get()).getStatusCode().value()).isEqualTo(401);
    }
}
