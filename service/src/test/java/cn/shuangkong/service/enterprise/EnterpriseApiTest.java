package cn.shuangkong.service.enterprise;

import static cn.shuangkong.service.Api.JINJIANG_CERAMICS;
import static cn.shuangkong.service.Api.LUCHENG_CHEMICALS;
import static cn.shuangkong.service.Api.LUCHENG_GLASSES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.JsonNode;

@DatabaseTest
class EnterpriseApiTest {

    @LocalServerPort
    int port;

    Api anonymous;
    Api admin;
    Api luchengRegulator;

    @BeforeEach
    void clients() {
        anonymous = Api.anonymous(port);
        admin = anonymous.asAdmin();
        luchengRegulator = anonymous.asDemo("lucheng-regulator");
    }

    static Map<String, Object> enterprise(String uscc, String regionCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("uscc", uscc);
        body.put("name", "温州测试化工有限公司");
        body.put("regionCode", regionCode);
        body.put("industryCategory", "HAZARDOUS_CHEMICALS");
        body.put("industryCode", "C2614");
        body.put("address", "温州市鹿城区测试路1号");
        body.put("longitude", 120.655);
        body.put("latitude", 28.0123);
        body.put("employees", 120);
        body.put("standardizationLevel", "LEVEL_2");
        body.put("legalRepresentative", "张三");
        body.put("contactPhone", "0577-88886666");
        return body;
    }

    static void assertFieldError(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("errors")).isNotEmpty();
        assertThat(response.getBody().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.getBody().get("errors").get(0).get("message").asString()).isNotBlank();
    }

    @Nested
    class Registering {

        @Test
        void aRegulatorRegistersAnEnterpriseInItsJurisdiction() {
            String uscc = Api.newUscc("330302");

            ResponseEntity<JsonNode> created = luchengRegulator.post("/api/v1/enterprises", enterprise(uscc, "330302027"));

            assertThat(created.getStatusCode().value()).isEqualTo(201);
            assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/enterprises/" + uscc);
            assertThat(created.getHeaders().getETag()).isEqualTo("\"1\"");
            JsonNode body = created.getBody();
            assertThat(body.get("uscc").asString()).isEqualTo(uscc);
            assertThat(body.get("regionName").asString()).isEqualTo("浙江省温州市鹿城区双屿街道");
            assertThat(body.get("industryCategoryLabel").asString()).isEqualTo("危险化学品");
            assertThat(body.get("standardizationLevelLabel").asString()).isEqualTo("二级");
            assertThat(body.get("longitude").decimalValue()).isEqualByComparingTo("120.655");
            assertThat(body.get("version").asInt()).isEqualTo(1);

            ResponseEntity<JsonNode> read = luchengRegulator.get("/api/v1/enterprises/" + uscc);
            assertThat(read.getStatusCode().value()).isEqualTo(200);
            assertThat(read.getHeaders().getETag()).isEqualTo("\"1\"");
            assertThat(read.getBody().get("name").asString()).isEqualTo("温州测试化工有限公司");
            assertThat(read.getBody().get("contactPhone").asString()).isEqualTo("0577-88886666");
        }

        @Test
        void onlyTheRequiredFieldsAreNeeded() {
            String uscc = Api.newUscc("350582");
            var response = admin.post("/api/v1/enterprises",
                    Map.of("uscc", uscc, "name", "晋江最小企业", "regionCode", "350582", "industryCategory", "OTHER"));
            assertThat(response.getStatusCode().value()).isEqualTo(201);
            assertThat(response.getBody().has("standardizationLevel")).isFalse();
        }

        @Test
        void aDuplicateUsccIsAConflict() {
            var response = admin.post("/api/v1/enterprises", enterprise(LUCHENG_CHEMICALS, "330302"));
            assertThat(response.getStatusCode().value()).isEqualTo(409);
            assertThat(response.getBody().get("detail").asString()).contains(LUCHENG_CHEMICALS);
        }

        @Test
        void aWrongCheckCharacterIsABadRequestNamingUscc() {
            String valid = Api.newUscc("330302");
            String wrong = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
            var response = luchengRegulator.post("/api/v1/enterprises", enterprise(wrong, "330302"));
            assertFieldError(response, "uscc");
            assertThat(response.getBody().get("errors").get(0).get("message").asString()).contains("校验码错误");
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', value = {
                "uscc              | 9133030",
                "uscc              | 91330302ma2ak7l1xu",
                "name              | ''",
                "regionCode        | 999999",
                "regionCode        | 330000",
                "regionCode        | 330300",
                "industryCategory  | STEEL",
                "industryCode      | 2614X",
                "longitude         | 200",
                "latitude          | -5",
                "employees         | -1",
                "standardizationLevel | LEVEL_4",
                "contactPhone      | call me",
        })
        void eachInvalidFieldIsNamed(String field, String value) {
            Map<String, Object> body = enterprise(Api.newUscc("330302"), "330302");
            body.put(field, numeric(field) ? Double.valueOf(value) : value);
            assertFieldError(luchengRegulator.post("/api/v1/enterprises", body), field);
        }

        @ParameterizedTest(name = "missing {0}")
        @CsvSource({"uscc", "name", "regionCode", "industryCategory"})
        void eachMissingRequiredFieldIsNamed(String field) {
            Map<String, Object> body = enterprise(Api.newUscc("330302"), "330302");
            body.remove(field);
            assertFieldError(luchengRegulator.post("/api/v1/enterprises", body), field);
        }

        @Test
        void aRegulatorCannotRegisterOutsideItsJurisdiction() {
            var response = luchengRegulator.post("/api/v1/enterprises", enterprise(Api.newUscc("350582"), "350582"));
            assertThat(response.getStatusCode().value()).isEqualTo(403);
            assertThat(response.getBody().get("detail").asString()).contains("福建省泉州市晋江市");
        }

        @Test
        void enterpriseUsersAndInspectorsMayNotRegister() {
            Map<String, Object> body = enterprise(Api.newUscc("330302"), "330302");
            assertThat(anonymous.asDemo("lucheng-enterprise").post("/api/v1/enterprises", body).getStatusCode().value()).isEqualTo(403);
            assertThat(anonymous.asDemo("lucheng-inspector").post("/api/v1/enterprises", body).getStatusCode().value()).isEqualTo(403);
        }

        @Test
        void anonymousCallersAreUnauthorized() {
            var response = anonymous.post("/api/v1/enterprises", enterprise(Api.newUscc("330302"), "330302"));
            assertThat(response.getStatusCode().value()).isEqualTo(401);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"shuangkong\"");
        }

        private static boolean numeric(String field) {
            return field.equals("longitude") || field.equals("latitude") || field.equals("employees");
        }
    }

    @Nested
    class Reading {

        @Test
        void anotherTenantsEnterpriseIsNotFound() {
            // A regulator of 鹿城区 asking for a 晋江 enterprise.
            var response = luchengRegulator.get("/api/v1/enterprises/" + JINJIANG_CERAMICS);
            assertThat(response.getStatusCode().value()).isEqualTo(404);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
            // An enterprise user asking for another enterprise, even in its own county.
            assertThat(anonymous.asDemo("lucheng-enterprise").get("/api/v1/enterprises/" + LUCHENG_GLASSES).getStatusCode().value()).isEqualTo(404);
            assertThat(anonymous.asDemo("lucheng-enterprise").get("/api/v1/enterprises/" + LUCHENG_CHEMICALS).getStatusCode().value()).isEqualTo(200);
            // An inspector of 晋江 sees 晋江.
            assertThat(anonymous.asDemo("jinjiang-inspector").get("/api/v1/enterprises/" + JINJIANG_CERAMICS).getStatusCode().value()).isEqualTo(200);
        }

        @Test
        void anonymousAndWrongPasswordsAreUnauthorized() {
            assertThat(anonymous.get("/api/v1/enterprises").getStatusCode().value()).isEqualTo(401);
            assertThat(anonymous.as("lucheng-regulator", "wrong").get("/api/v1/enterprises").getStatusCode().value()).isEqualTo(401);
            assertThat(anonymous.as("nobody", "whatever").get("/api/v1/enterprises/" + LUCHENG_CHEMICALS).getStatusCode().value()).isEqualTo(401);
        }

        @Test
        void aRegulatorListsOnlyItsJurisdiction() {
            JsonNode page = luchengRegulator.get("/api/v1/enterprises?size=200").getBody();
            assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(page.get("content").valueStream().map(e -> e.get("regionCode").asString())).allMatch(code -> code.startsWith("330302"));

            JsonNode elsewhere = luchengRegulator.get("/api/v1/enterprises?regionCode=350582").getBody();
            assertThat(elsewhere.get("totalElements").asLong()).isZero();
            assertThat(elsewhere.get("content")).isEmpty();
        }

        @Test
        void anEnterpriseUserListsItselfOnly() {
            JsonNode page = anonymous.asDemo("jinjiang-enterprise").get("/api/v1/enterprises").getBody();
            assertThat(page.get("totalElements").asLong()).isEqualTo(1);
            assertThat(page.get("content").get(0).get("uscc").asString()).startsWith("91350582");
        }

        @Test
        void regionCodeMeansTheWholeSubtree() {
            JsonNode zhejiang = admin.get("/api/v1/enterprises?regionCode=330000&size=200").getBody();
            assertThat(zhejiang.get("content").valueStream().map(e -> e.get("regionCode").asString())).allMatch(code -> code.startsWith("33"));
            JsonNode wenzhou = admin.get("/api/v1/enterprises?regionCode=330300&size=200").getBody();
            assertThat(wenzhou.get("content").valueStream().map(e -> e.get("regionCode").asString()))
                    .anyMatch(code -> code.startsWith("330302")).anyMatch(code -> code.startsWith("330326"))
                    .allMatch(code -> code.startsWith("3303"));
            assertThat(zhejiang.get("totalElements").asLong()).isGreaterThan(wenzhou.get("totalElements").asLong());
        }

        @Test
        void filtersPagesAndSorts() {
            JsonNode chemicals = admin.get("/api/v1/enterprises?industryCategory=HAZARDOUS_CHEMICALS&regionCode=330302&q=瓯江").getBody();
            assertThat(chemicals.get("totalElements").asLong()).isEqualTo(1);
            assertThat(chemicals.get("content").get(0).get("uscc").asString()).isEqualTo(LUCHENG_CHEMICALS);

            JsonNode byUsccPrefix = admin.get("/api/v1/enterprises?q=91350582").getBody();
            assertThat(byUsccPrefix.get("content").valueStream().map(e -> e.get("uscc").asString())).allMatch(u -> u.startsWith("91350582"));

            JsonNode first = admin.get("/api/v1/enterprises?regionCode=350582&size=2&page=0&sort=uscc,desc").getBody();
            JsonNode second = admin.get("/api/v1/enterprises?regionCode=350582&size=2&page=1&sort=uscc,desc").getBody();
            assertThat(first.get("size").asInt()).isEqualTo(2);
            assertThat(first.get("content")).hasSize(2);
            assertThat(first.get("totalPages").asInt()).isEqualTo((int) Math.ceil(first.get("totalElements").asLong() / 2.0));
            String lastOfFirst = first.get("content").get(1).get("uscc").asString();
            String firstOfSecond = second.get("content").get(0).get("uscc").asString();
            assertThat(lastOfFirst).isGreaterThan(firstOfSecond);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "size=201            | size",
                "size=0              | size",
                "page=-1             | page",
                "sort=password,asc   | sort",
                "sort=name,sideways  | sort",
                "regionCode=999999   | regionCode",
                "industryCategory=X  | industryCategory",
        })
        void badQueryParametersAreNamed(String query, String field) {
            assertFieldError(admin.get("/api/v1/enterprises?" + query), field);
        }
    }

    @Nested
    class Updating {

        String uscc;

        @BeforeEach
        void register() {
            uscc = Api.newUscc("330302");
            assertThat(luchengRegulator.post("/api/v1/enterprises", enterprise(uscc, "330302")).getStatusCode().value()).isEqualTo(201);
        }

        @Test
        void anUpdateWithTheCurrentETagSucceedsAndBumpsTheVersion() {
            Map<String, Object> body = enterprise(uscc, "330302006");
            body.put("employees", 150);
            var response = luchengRegulator.put("/api/v1/enterprises/" + uscc, body, "\"1\"");
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            assertThat(response.getHeaders().getETag()).isEqualTo("\"2\"");
            assertThat(response.getBody().get("employees").asInt()).isEqualTo(150);
            assertThat(response.getBody().get("regionCode").asString()).isEqualTo("330302006");
        }

        @Test
        void aStaleETagIsAPreconditionFailureAndChangesNothing() {
            assertThat(luchengRegulator.put("/api/v1/enterprises/" + uscc, enterprise(uscc, "330302"), "\"1\"").getStatusCode().value()).isEqualTo(200);

            Map<String, Object> lost = enterprise(uscc, "330302");
            lost.put("name", "会丢失的修改");
            var stale = luchengRegulator.put("/api/v1/enterprises/" + uscc, lost, "\"1\"");
            assertThat(stale.getStatusCode().value()).isEqualTo(412);
            assertThat(stale.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(luchengRegulator.get("/api/v1/enterprises/" + uscc).getBody().get("name").asString()).isEqualTo("温州测试化工有限公司");
        }

        @Test
        void aMissingIfMatchIsPreconditionRequired() {
            var response = luchengRegulator.put("/api/v1/enterprises/" + uscc, enterprise(uscc, "330302"), null);
            assertThat(response.getStatusCode().value()).isEqualTo(428);
        }

        @Test
        void theBodyOfAGetCanBePutBack() {
            ResponseEntity<JsonNode> read = luchengRegulator.get("/api/v1/enterprises/" + uscc);
            var response = luchengRegulator.put("/api/v1/enterprises/" + uscc, read.getBody(), read.getHeaders().getFirst(HttpHeaders.ETAG));
            assertThat(response.getStatusCode().value()).isEqualTo(200);
        }

        @Test
        void theUsccCannotBeChanged() {
            assertFieldError(luchengRegulator.put("/api/v1/enterprises/" + uscc, enterprise(Api.newUscc("330302"), "330302"), "\"1\""), "uscc");
        }

        @Test
        void anotherTenantCannotUpdate() {
            var response = anonymous.asDemo("jinjiang-regulator").put("/api/v1/enterprises/" + uscc, enterprise(uscc, "330302"), "\"1\"");
            assertThat(response.getStatusCode().value()).isEqualTo(404);
        }

        @Test
        void aRegulatorCannotMoveAnEnterpriseOutOfItsJurisdiction() {
            var response = luchengRegulator.put("/api/v1/enterprises/" + uscc, enterprise(uscc, "330326"), "\"1\"");
            assertThat(response.getStatusCode().value()).isEqualTo(403);
        }

        @Test
        void inspectorsMayNotUpdateTheRegistry() {
            var response = anonymous.asDemo("lucheng-inspector").put("/api/v1/enterprises/" + uscc, enterprise(uscc, "330302"), "\"1\"");
            assertThat(response.getStatusCode().value()).isEqualTo(403);
        }

        @Test
        void anEnterpriseUpdatesItsOwnRecordButNotItsRegion() {
            Api own = anonymous.asDemo("lucheng-enterprise");
            ResponseEntity<JsonNode> read = own.get("/api/v1/enterprises/" + LUCHENG_CHEMICALS);
            String etag = read.getHeaders().getETag();

            Map<String, Object> moved = enterprise(LUCHENG_CHEMICALS, "330326");
            moved.put("name", read.getBody().get("name").asString());
            assertThat(own.put("/api/v1/enterprises/" + LUCHENG_CHEMICALS, moved, etag).getStatusCode().value()).isEqualTo(403);

            Map<String, Object> phone = new HashMap<>(Map.of("name", read.getBody().get("name").asString(),
                    "regionCode", read.getBody().get("regionCode").asString(), "industryCategory", "HAZARDOUS_CHEMICALS",
                    "contactPhone", "0577-88900000"));
            var response = own.put("/api/v1/enterprises/" + LUCHENG_CHEMICALS, phone, etag);
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            assertThat(response.getBody().get("contactPhone").asString()).isEqualTo("0577-88900000");
        }
    }
}
