package cn.shuangkong.service.enterpriserisk;

import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static cn.shuangkong.schema.Tables.ENTERPRISE_GRADE;
import static cn.shuangkong.schema.Tables.GRADE_HISTORY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import db.migration.V8_1__Enterprise_grade_digest_without_version;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An administrator changes the enterprise points table: the upload is checked cell by cell, previewed over the whole
 * registry without changing anything, and only its activation makes it the version in force and re-grades everyone;
 * the version it replaced is kept and can be brought back.
 */
@DatabaseTest
class RuleSetCandidateApiTest {

    static final String CANDIDATES = "/api/v1/rulesets/enterprise/candidates";
    /** No other test registers an enterprise with exactly this many employees, so the preview's list is exact. */
    static final int MARKED_EMPLOYEES = 7777;

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    Api admin() {
        return Api.anonymous(port).asAdmin();
    }

    Api as(String user) {
        return Api.anonymous(port).asDemo(user);
    }

    String register(int employees) {
        String uscc = Api.newUscc("330302");
        var created = as("lucheng-regulator").post("/api/v1/enterprises", new HashMap<>(Map.of("uscc", uscc, "name", "鹿城规则预览测试" + uscc.substring(12),
                "regionCode", "330302", "industryCategory", "COMMERCE", "employees", employees)));
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        return uscc;
    }

    JsonNode enterpriseRuleSet() {
        for (JsonNode ruleSet : admin().get("/api/v1/rulesets").getBody()) {
            if (ruleSet.get("name").asString().equals("enterprise")) {
                return ruleSet;
            }
        }
        throw new AssertionError("no enterprise rule set listed");
    }

    JsonNode release(String status) {
        for (JsonNode release : enterpriseRuleSet().get("releases")) {
            if (release.get("status").asString().equals(status)) {
                return release;
            }
        }
        throw new AssertionError("no " + status + " release");
    }

    JsonNode grade(String uscc) {
        return admin().get("/api/v1/enterprises/" + uscc + "/grade").getBody();
    }

    /** The table in force with the 1000-or-more employees row split so that exactly 7777 employees score 60 points. */
    static byte[] markedTable(byte[] table) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(table))) {
            Sheet sheet = workbook.getSheetAt(0);
            int employees = rowNamed(sheet, "1000 employees or more score 5");
            int end = employees;
            while (sheet.getRow(end + 1) != null && sheet.getRow(end + 1).getCell(0) != null
                    && !sheet.getRow(end + 1).getCell(0).getStringCellValue().isBlank()) {
                end++;
            }
            sheet.getRow(employees).createCell(4).setCellValue(MARKED_EMPLOYEES);
            sheet.shiftRows(end + 1, sheet.getLastRowNum(), 2);
            fill(sheet.createRow(end + 1), "Exactly 7777 employees score 60", MARKED_EMPLOYEES, MARKED_EMPLOYEES + 1, 60);
            fill(sheet.createRow(end + 2), "7778 employees or more score 5", MARKED_EMPLOYEES + 1, null, 5);
            return bytes(workbook);
        }
    }

    static void fill(Row row, String name, int from, Integer to, int points) {
        row.createCell(0).setCellValue(name);
        row.createCell(1).setCellValue("EMPLOYEES");
        row.createCell(3).setCellValue(from);
        if (to != null) {
            row.createCell(4).setCellValue(to);
        }
        row.createCell(5).setCellValue(points);
        row.createCell(8).setCellValue("默认策略");
        row.createCell(9).setCellValue("从业人员 {$i.value} 人，计 {$i.points} 分");
    }

    static int rowNamed(Sheet sheet, String name) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && name.equals(row.getCell(0).toString())) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row " + name);
    }

    static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    @Test
    void aCandidateIsPreviewedThenActivatedAndTheOldVersionCanComeBack() throws IOException, NoSuchAlgorithmException {
        String first = register(MARKED_EMPLOYEES);
        String second = register(MARKED_EMPLOYEES);
        String unmarked = register(MARKED_EMPLOYEES + 1);
        // Scored by rows the candidate leaves as they are: the same result under both versions.
        String untouched = register(50);
        // 商贸 1 + 1000 employees or more 5
        assertThat(grade(first).get("totalScore").asInt()).isEqualTo(6);
        JsonNode untouchedBefore = grade(untouched);
        JsonNode builtIn = release("ACTIVE");
        String builtInVersion = builtIn.get("version").asString();
        byte[] table = admin().getBytes(builtIn.get("table").asString()).getBody();

        byte[] candidateTable = markedTable(table);
        assertThat(as("lucheng-regulator").upload(CANDIDATES, "candidate.xlsx", candidateTable).getStatusCode().value()).isEqualTo(403);

        var uploaded = admin().upload(CANDIDATES, "企业风险计分表-候选.xlsx", candidateTable);
        assertThat(uploaded.getStatusCode().value()).as(String.valueOf(uploaded.getBody())).isEqualTo(201);
        JsonNode candidate = uploaded.getBody();
        long id = candidate.get("release").get("id").asLong();
        assertThat(candidate.get("release").get("status").asString()).isEqualTo("CANDIDATE");
        assertThat(candidate.get("release").get("origin").asString()).isEqualTo("UPLOADED");
        String candidateVersion = candidate.get("release").get("version").asString();
        assertThat(candidateVersion).isNotEqualTo(builtInVersion).hasSize(64);

        JsonNode impact = candidate.get("impact");
        assertThat(impact.get("currentVersion").asString()).isEqualTo(builtInVersion);
        assertThat(impact.get("changed").asInt()).isEqualTo(2);
        assertThat(impact.get("evaluated").asInt()).isGreaterThanOrEqualTo(3);
        List<String> changed = new ArrayList<>();
        impact.get("changes").forEach(c -> changed.add(c.get("uscc").asString()));
        assertThat(changed).containsExactly(first.compareTo(second) < 0 ? new String[] {first, second} : new String[] {second, first});
        JsonNode change = impact.get("changes").get(0);
        assertThat(change.get("from").asString()).isEqualTo("BLUE");
        assertThat(change.get("to").asString()).isEqualTo("RED");
        assertThat(change.get("toLabel").asString()).isEqualTo("重大风险");
        assertThat(change.get("fromScore").asInt()).isEqualTo(6);
        assertThat(change.get("toScore").asInt()).isEqualTo(61);
        assertThat(change.get("reasons").get(0).asString()).contains("总分 61").contains("60 分及以上");
        assertThat(admin().get(CANDIDATES + "/" + id).getBody().get("impact").get("changed").asInt()).isEqualTo(2);

        // A preview changes nothing
        assertThat(grade(first).get("grade").asString()).isEqualTo("BLUE");
        assertThat(enterpriseRuleSet().get("version").asString()).isEqualTo(builtInVersion);

        assertThat(as("lucheng-regulator").post(CANDIDATES + "/" + id + "/activate", Map.of()).getStatusCode().value()).isEqualTo(403);
        Map<Long, String> coloursBefore = colours();
        var activated = admin().post(CANDIDATES + "/" + id + "/activate", Map.of());
        assertThat(activated.getStatusCode().value()).as(String.valueOf(activated.getBody())).isEqualTo(200);
        assertThat(activated.getBody().get("release").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(activated.getBody().get("retired").get("version").asString()).isEqualTo(builtInVersion);
        // Every enterprise re-graded; "changed" counts those whose colour changed (the two marked ones, and any other
        // test's enterprise whose stored colour was not what the rules give), not every grade recorded anew, nor a first grade.
        Map<Long, String> coloursAfter = colours();
        assertThat(activated.getBody().get("regraded").asInt()).isEqualTo(coloursAfter.size());
        long recoloured = coloursAfter.entrySet().stream()
                .filter(e -> coloursBefore.containsKey(e.getKey()) && !e.getValue().equals(coloursBefore.get(e.getKey()))).count();
        assertThat(recoloured).isGreaterThanOrEqualTo(2);
        assertThat(activated.getBody().get("changed").asLong()).isEqualTo(recoloured);

        JsonNode red = grade(first);
        assertThat(red.get("grade").asString()).isEqualTo("RED");
        assertThat(red.get("ruleSetVersion").asString()).isEqualTo(candidateVersion);
        assertThat(red.get("cause").asString()).isEqualTo("RULE_SET_ACTIVATED");
        assertThat(grade(unmarked).get("grade").asString()).isEqualTo("BLUE");
        JsonNode history = admin().get("/api/v1/enterprises/" + first + "/grade/history").getBody().get("content");
        assertThat(history.get(0).get("ruleSetVersion").asString()).isEqualTo(candidateVersion);
        assertThat(history.get(0).get("causeLabel").asString()).isEqualTo("启用新版本规则");
        assertThat(history.get(1).get("ruleSetVersion").asString()).isEqualTo(builtInVersion);
        assertThat(history.get(0).get("result").get("ruleSetVersion").asString()).isEqualTo(candidateVersion);
        assertThat(storedResults(first)).doesNotContainNull();

        // The same result under the new version is recorded with that version, its result not stored a second time
        // (V8) but shown as the previous one, computed by the new version.
        JsonNode untouchedAfter = grade(untouched);
        assertThat(untouchedAfter.get("ruleSetVersion").asString()).isEqualTo(candidateVersion);
        assertThat(untouchedAfter.get("cause").asString()).isEqualTo("RULE_SET_ACTIVATED");
        assertThat(withoutVersionAndTime(untouchedAfter)).isEqualTo(withoutVersionAndTime(untouchedBefore));
        JsonNode untouchedHistory = admin().get("/api/v1/enterprises/" + untouched + "/grade/history").getBody().get("content");
        assertThat(untouchedHistory).hasSize(2);
        assertThat(untouchedHistory.get(0).get("ruleSetVersion").asString()).isEqualTo(candidateVersion);
        assertThat(untouchedHistory.get(0).get("cause").asString()).isEqualTo("RULE_SET_ACTIVATED");
        assertThat(untouchedHistory.get(0).get("inputs")).isEqualTo(untouchedHistory.get(1).get("inputs"));
        assertThat(untouchedHistory.get(0).get("result").get("ruleSetVersion").asString()).isEqualTo(candidateVersion);
        assertThat(untouchedHistory.get(1).get("result").get("ruleSetVersion").asString()).isEqualTo(builtInVersion);
        assertThat(withoutVersion(untouchedHistory.get(0).get("result"))).isEqualTo(withoutVersion(untouchedHistory.get(1).get("result")));
        assertThat(storedResults(untouched)).hasSize(2).first().isNull();
        // The digest in force is the grader's, of the newest result as stored by the service's mapper, and what V8_1
        // computes of it.
        assertDigestInForceIsOfNewestResultWithoutVersion(first);
        assertDigestInForceIsOfNewestResultWithoutVersion(untouched);

        assertThat(enterpriseRuleSet().get("version").asString()).isEqualTo(candidateVersion);
        assertThat(release("RETIRED").get("version").asString()).isEqualTo(builtInVersion);
        assertThat(admin().post(CANDIDATES + "/" + id + "/activate", Map.of()).getStatusCode().value()).isEqualTo(409);
        assertThat(admin().upload(CANDIDATES, "again.xlsx", candidateTable).getStatusCode().value()).isEqualTo(409);
        assertThat(admin().getBytes("/api/v1/rulesets/enterprise/releases/" + id + "/table.xlsx").getBody()).isEqualTo(candidateTable);

        // The retired built-in table comes back the same way, and with it the same version and the same grades.
        var back = admin().upload(CANDIDATES, "enterprise-points.drl.xlsx", table);
        assertThat(back.getStatusCode().value()).as(String.valueOf(back.getBody())).isEqualTo(201);
        assertThat(back.getBody().get("release").get("version").asString()).isEqualTo(builtInVersion);
        assertThat(back.getBody().get("impact").get("changed").asInt()).isEqualTo(2);
        long backId = back.getBody().get("release").get("id").asLong();
        assertThat(admin().post(CANDIDATES + "/" + backId + "/activate", Map.of()).getStatusCode().value()).isEqualTo(200);
        assertThat(grade(first).get("grade").asString()).isEqualTo("BLUE");
        assertThat(grade(first).get("ruleSetVersion").asString()).isEqualTo(builtInVersion);
        assertThat(enterpriseRuleSet().get("version").asString()).isEqualTo(builtInVersion);

        // Two rows without a result in a row: each shows the first grade's result with its own version, also when the
        // row it repeats is not on the page.
        List<String> stored = storedResults(untouched);
        assertThat(stored).hasSize(3);
        assertThat(stored.subList(0, 2)).containsOnlyNulls();
        assertThat(stored.get(2)).isNotNull();
        assertThat(grade(untouched).get("ruleSetVersion").asString()).isEqualTo(builtInVersion);
        assertThat(withoutVersionAndTime(grade(untouched))).isEqualTo(withoutVersionAndTime(untouchedBefore));
        String historyOf = "/api/v1/enterprises/" + untouched + "/grade/history";
        JsonNode all = admin().get(historyOf).getBody().get("content");
        assertThat(all).hasSize(3);
        for (int page = 0; page < 2; page++) {
            JsonNode entry = admin().get(historyOf + "?page=" + page + "&size=1").getBody().get("content").get(0);
            assertThat(entry).isEqualTo(all.get(page));
            String version = page == 0 ? builtInVersion : candidateVersion;
            assertThat(entry.get("ruleSetVersion").asString()).isEqualTo(version);
            assertThat(entry.get("result").get("ruleSetVersion").asString()).isEqualTo(version);
            assertThat(withoutVersion(entry.get("result"))).isEqualTo(withoutVersion(all.get(2).get("result")));
        }
    }

    private void assertDigestInForceIsOfNewestResultWithoutVersion(String uscc) throws NoSuchAlgorithmException {
        String newest = storedResults(uscc).stream().filter(Objects::nonNull).findFirst().orElseThrow();
        assertThat(newest).containsPattern(",\"ruleSetVersion\":\"[0-9a-f]{64}\"}$");
        byte[] digest = db.select(ENTERPRISE_GRADE.RESULT_DIGEST).from(ENTERPRISE_GRADE).join(ENTERPRISE).on(ENTERPRISE.ID.eq(ENTERPRISE_GRADE.ENTERPRISE_ID))
                .where(ENTERPRISE.USCC.eq(uscc)).fetchSingle(ENTERPRISE_GRADE.RESULT_DIGEST);
        assertThat(digest).isEqualTo(MessageDigest.getInstance("SHA-256").digest(
                V8_1__Enterprise_grade_digest_without_version.withoutVersion(newest).getBytes(StandardCharsets.UTF_8)));
    }

    /** Every graded enterprise's colour in force. */
    private Map<Long, String> colours() {
        return db.select(ENTERPRISE_GRADE.ENTERPRISE_ID, ENTERPRISE_GRADE.GRADE).from(ENTERPRISE_GRADE).fetchMap(ENTERPRISE_GRADE.ENTERPRISE_ID,
                ENTERPRISE_GRADE.GRADE);
    }

    /** The stored results of an enterprise's grades, newest first; null where a grade repeats the previous result. */
    private List<String> storedResults(String uscc) {
        return db.select(GRADE_HISTORY.RESULT).from(GRADE_HISTORY).join(ENTERPRISE).on(ENTERPRISE.ID.eq(GRADE_HISTORY.SUBJECT_ID))
                .where(GRADE_HISTORY.SUBJECT_TYPE.eq("ENTERPRISE")).and(ENTERPRISE.USCC.eq(uscc))
                .orderBy(GRADE_HISTORY.ID.desc())
                .fetch(GRADE_HISTORY.RESULT);
    }

    private static JsonNode withoutVersion(JsonNode result) {
        ObjectNode copy = (ObjectNode) result.deepCopy();
        copy.remove("ruleSetVersion");
        return copy;
    }

    private static JsonNode withoutVersionAndTime(JsonNode grade) {
        ObjectNode copy = (ObjectNode) withoutVersion(grade);
        copy.remove(List.of("gradedAt", "asOf", "cause", "causeLabel"));
        return copy;
    }

    @Test
    void aBrokenTableIsRefusedAtItsCellAndNothingIsRecorded() throws IOException {
        byte[] table = admin().getBytes(release("ACTIVE").get("table").asString()).getBody();
        int releases = enterpriseRuleSet().get("releases").size();
        byte[] broken;
        int row;
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(table))) {
            Sheet sheet = workbook.getSheetAt(0);
            row = rowNamed(sheet, "Open general hidden dangers score 1 each, at most 10");
            sheet.getRow(row).getCell(1).setCellValue("OPEN_DANGERS");
            sheet.getRow(row).getCell(6).setCellValue("1); System.exit(0); //");
            broken = bytes(workbook);
        }
        var refused = admin().upload(CANDIDATES, "broken.xlsx", broken);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        JsonNode errors = refused.getBody().get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("sheet").asString()).isEqualTo("企业风险计分");
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(row + 1);
        assertThat(errors.get(0).get("column").asString()).isEqualTo("B");
        assertThat(errors.get(0).get("message").asString()).contains("没有指标“OPEN_DANGERS”");
        assertThat(errors.get(1).get("column").asString()).isEqualTo("G");
        assertThat(errors.get(1).get("message").asString()).contains("不是数字");

        var notExcel = admin().upload(CANDIDATES, "table.xlsx", "RuleSet,cn.shuangkong.rules.enterprise".getBytes());
        assertThat(notExcel.getStatusCode().value()).isEqualTo(422);
        assertThat(notExcel.getBody().get("errors").get(0).get("message").asString()).contains(".xlsx");
        assertThat(enterpriseRuleSet().get("releases")).hasSize(releases);
        assertThat(admin().get(CANDIDATES + "/999999").getStatusCode().value()).isEqualTo(404);
    }
}
