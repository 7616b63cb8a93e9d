package cn.shuangkong.service.riskmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four-colour picture of a known data set in 雅安市 (511800), where neither the demo data nor any other test registers
 * enterprises, so every count is exact: by county and by township × colour, by industry × colour, totals, and the map.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskMapApiTest {

    static final String STATISTICS = "/api/v1/statistics/risk-map";
    static final String GEOJSON = "/api/v1/risk-map.geojson";
    static final String YAAN_REGULATOR = "riskmap-yaan-regulator";
    static final LocalDateTime GRADED_AT = LocalDateTime.of(2026, 11, 20, 2, 30, 15);

    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    String chemicalsRed;
    String chemicalsOrange;
    String machineryUngraded;
    String machineryYellowWithoutCoordinates;
    String glassesBlue;
    String countyChemicalsRed;

    Api as(String user) {
        return Api.anonymous(port).asDemo(user);
    }

    Api yaan() {
        return Api.anonymous(port).as(YAAN_REGULATOR, Api.DEMO_PASSWORD);
    }

    @BeforeAll
    void knownDataSet() {
        ResponseEntity<JsonNode> user = Api.anonymous(port).asAdmin().post("/api/v1/users", Map.of("username", YAAN_REGULATOR,
                "password", Api.DEMO_PASSWORD, "role", "REGULATOR", "regionCode", "511800", "displayName", "雅安市应急管理局"));
        assertThat(user.getStatusCode().value()).as(String.valueOf(user.getBody())).isEqualTo(201);

        GradedEnterprises data = new GradedEnterprises(db);
        // 雨城区 (511802): two in 东城街道, one in 草坝镇, one on the county itself without coordinates.
        chemicalsRed = data.register("雅安雨城甲化工有限公司", "511802001", "HAZARDOUS_CHEMICALS", "103.001234", "29.987654");
        data.grade(chemicalsRed, "RED", "92.50", GRADED_AT);
        chemicalsOrange = data.register("雅安雨城乙化工有限公司", "511802001", "HAZARDOUS_CHEMICALS", "103.010000", "29.990000");
        data.grade(chemicalsOrange, "ORANGE", "71", GRADED_AT);
        machineryUngraded = data.register("雅安草坝机械有限公司", "511802101", "MACHINERY", "103.050000", "30.050000");
        machineryYellowWithoutCoordinates = data.register("雅安雨城机械有限公司", "511802", "MACHINERY", null, null);
        data.grade(machineryYellowWithoutCoordinates, "YELLOW", "55", GRADED_AT);
        // 名山区 (511803): one in 永兴街道, one on the county itself.
        glassesBlue = data.register("雅安名山茶叶加工有限公司", "511803001", "LIGHT_INDUSTRY", "103.110000", "30.080000");
        data.grade(glassesBlue, "BLUE", "20", GRADED_AT);
        countyChemicalsRed = data.register("雅安名山丙化工有限公司", "511803", "HAZARDOUS_CHEMICALS", "103.120000", "30.090000");
        data.grade(countyChemicalsRed, "RED", "88", GRADED_AT);
        // 石棉县 (511824): one not yet graded, without coordinates.
        data.register("石棉县矿业有限公司", "511824", "MINING", null, null);
    }

    /** A row as "code name R/O/Y/B ungraded total", own rows marked with *. */
    static String row(JsonNode row, String code, String name) {
        List<String> colours = new ArrayList<>();
        row.get("colours").valueStream().forEach(c -> colours.add(String.valueOf(c.get("enterprises").asLong())));
        return row.get(code).asString() + " " + row.get(name).asString() + (row.path("own").asBoolean() ? "*" : "")
                + " " + String.join("/", colours) + " " + row.get("ungraded").asLong() + " " + row.get("total").asLong();
    }

    static List<String> regions(JsonNode statistics) {
        List<String> rows = new ArrayList<>();
        statistics.get("regions").valueStream().forEach(r -> rows.add(row(r, "regionCode", "regionName")));
        return rows;
    }

    static List<String> industries(JsonNode statistics) {
        List<String> rows = new ArrayList<>();
        statistics.get("industries").valueStream().forEach(r -> rows.add(row(r, "industryCategory", "industryCategoryLabel")));
        return rows;
    }

    static String total(JsonNode statistics) {
        List<String> colours = new ArrayList<>();
        statistics.get("total").get("colours").valueStream().forEach(c -> colours.add(String.valueOf(c.get("enterprises").asLong())));
        return String.join("/", colours) + " " + statistics.get("total").get("ungraded").asLong() + " " + statistics.get("total").get("total").asLong();
    }

    @Test
    void aPrefectureIsCountedByEveryCountyAndIndustryAndColour() {
        ResponseEntity<JsonNode> response = yaan().get(STATISTICS);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        JsonNode statistics = response.getBody();
        assertThat(statistics.get("regionCode").asString()).isEqualTo("511800");
        assertThat(statistics.get("regionName").asString()).isEqualTo("四川省雅安市");
        // No row of its own: enterprises are registered on counties and townships, not on a prefecture with counties.
        assertThat(regions(statistics)).containsExactly(
                "511802 雨城区 1/1/1/0 1 4",
                "511803 名山区 1/0/0/1 0 2",
                "511822 荥经县 0/0/0/0 0 0",
                "511823 汉源县 0/0/0/0 0 0",
                "511824 石棉县 0/0/0/0 1 1",
                "511825 天全县 0/0/0/0 0 0",
                "511826 芦山县 0/0/0/0 0 0",
                "511827 宝兴县 0/0/0/0 0 0");
        assertThat(industries(statistics)).containsExactly(
                "HAZARDOUS_CHEMICALS 危险化学品 2/1/0/0 0 3",
                "MINING 矿山 0/0/0/0 1 1",
                "FIREWORKS 烟花爆竹 0/0/0/0 0 0",
                "METALLURGY 冶金 0/0/0/0 0 0",
                "NONFERROUS 有色 0/0/0/0 0 0",
                "BUILDING_MATERIALS 建材 0/0/0/0 0 0",
                "MACHINERY 机械 0/0/1/0 1 2",
                "LIGHT_INDUSTRY 轻工 0/0/0/1 0 1",
                "TEXTILE 纺织 0/0/0/0 0 0",
                "TOBACCO 烟草 0/0/0/0 0 0",
                "COMMERCE 商贸 0/0/0/0 0 0",
                "CONSTRUCTION 建筑施工 0/0/0/0 0 0",
                "TRANSPORT 交通运输 0/0/0/0 0 0",
                "OTHER 其他 0/0/0/0 0 0");
        assertThat(total(statistics)).isEqualTo("2/1/1/1 2 7");
        // Each count carries its grade with the label and colour of the rules' Grade.
        List<String> legend = new ArrayList<>();
        statistics.get("total").get("colours").valueStream().forEach(c ->
                legend.add(c.get("grade").asString() + " " + c.get("gradeLabel").asString() + " " + c.get("colour").asString()));
        assertThat(legend).containsExactly("RED 重大风险 红", "ORANGE 较大风险 橙", "YELLOW 一般风险 黄", "BLUE 低风险 蓝");
    }

    @Test
    void aCountyHasItsOwnRowBesideEveryTownship() {
        JsonNode statistics = yaan().get(STATISTICS + "?regionCode=511802").getBody();
        assertThat(statistics.get("regionName").asString()).isEqualTo("四川省雅安市雨城区");
        List<String> rows = regions(statistics);
        assertThat(rows).hasSize(1 + 13);
        assertThat(rows.get(0)).isEqualTo("511802 雨城区本级* 0/0/1/0 0 1");
        assertThat(rows).contains("511802001 东城街道 1/1/0/0 0 2", "511802101 草坝镇 0/0/0/0 1 1", "511802114 八步镇 0/0/0/0 0 0");
        assertThat(rows.stream().filter(r -> !r.endsWith(" 0 0")).toList()).hasSize(3);
        assertThat(total(statistics)).isEqualTo("1/1/1/0 1 4");
        assertThat(industries(statistics)).contains("HAZARDOUS_CHEMICALS 危险化学品 1/1/0/0 0 2", "MACHINERY 机械 0/0/1/0 1 2");

        // A township has no children: only its own row.
        assertThat(regions(yaan().get(STATISTICS + "?regionCode=511802001").getBody())).containsExactly("511802001 东城街道本级* 1/1/0/0 0 2");
    }

    @Test
    void anAdministratorSeesTheCountryByProvinceAndAnyRegion() {
        JsonNode country = Api.anonymous(port).asAdmin().get(STATISTICS).getBody();
        assertThat(country.get("regionName").asString()).isEqualTo("全国");
        assertThat(country.has("regionCode")).isFalse();
        List<JsonNode> provinces = country.get("regions").valueStream().toList();
        assertThat(provinces).hasSize(31);
        assertThat(provinces).noneMatch(p -> p.get("own").asBoolean());
        assertThat(provinces.stream().mapToLong(p -> p.get("total").asLong()).sum()).isEqualTo(country.get("total").get("total").asLong());
        JsonNode sichuan = provinces.stream().filter(p -> p.get("regionCode").asString().equals("510000")).findFirst().orElseThrow();
        assertThat(sichuan.get("regionName").asString()).isEqualTo("四川省");
        assertThat(sichuan.get("total").asLong()).isGreaterThanOrEqualTo(7);
        JsonNode zhejiang = provinces.stream().filter(p -> p.get("regionCode").asString().equals("330000")).findFirst().orElseThrow();
        long zhejiangEnterprises = Api.anonymous(port).asAdmin().get("/api/v1/enterprises?size=1&regionCode=330000").getBody().get("totalElements").asLong();
        assertThat(zhejiang.get("total").asLong()).isEqualTo(zhejiangEnterprises);

        assertThat(regions(Api.anonymous(port).asAdmin().get(STATISTICS + "?regionCode=511800").getBody()))
                .isEqualTo(regions(yaan().get(STATISTICS).getBody()));
    }

    @Test
    void aRegulatorSeesOnlyItsOwnRegion() {
        JsonNode lucheng = as("lucheng-regulator").get(STATISTICS).getBody();
        assertThat(lucheng.get("regionCode").asString()).isEqualTo("330302");
        assertThat(lucheng.get("regions").valueStream().map(r -> r.get("regionCode").asString()))
                .isNotEmpty().allMatch(code -> code.startsWith("330302"));
        long visible = as("lucheng-regulator").get("/api/v1/enterprises?size=1").getBody().get("totalElements").asLong();
        assertThat(lucheng.get("total").get("total").asLong()).isEqualTo(visible);
        // The demo's three enterprises of 鹿城, in 双屿, 南郊 and 仰义 街道, whatever other tests add.
        assertThat(lucheng.get("regions").valueStream().filter(r -> List.of("330302027", "330302028", "330302031").contains(r.get("regionCode").asString())))
                .hasSize(3).allMatch(r -> r.get("total").asLong() >= 1);

        assertThat(as("lucheng-regulator").get(STATISTICS + "?regionCode=330302027").getStatusCode().value()).isEqualTo(200);
        // Another county, the city above it, another province: not found for this regulator.
        assertThat(as("lucheng-regulator").get(STATISTICS + "?regionCode=330326").getStatusCode().value()).isEqualTo(404);
        assertThat(as("lucheng-regulator").get(STATISTICS + "?regionCode=330300").getStatusCode().value()).isEqualTo(404);
        assertThat(as("jinjiang-regulator").get(STATISTICS + "?regionCode=511800").getStatusCode().value()).isEqualTo(404);
        assertThat(as("pingyang-inspector").get(STATISTICS).getBody().get("regionCode").asString()).isEqualTo("330326");
        ResponseEntity<JsonNode> unknown = as("lucheng-regulator").get(STATISTICS + "?regionCode=999999");
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().get("errors").get(0).get("field").asString()).isEqualTo("regionCode");

        assertThat(as("lucheng-enterprise").get(STATISTICS).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.anonymous(port).get(STATISTICS).getStatusCode().value()).isEqualTo(401);
    }

    static JsonNode geoJson(ResponseEntity<byte[]> response) {
        assertThat(response.getStatusCode().value()).as(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/geo+json");
        JsonNode collection = JSON.readTree(response.getBody());
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.get("features").isArray()).isTrue();
        collection.get("features").valueStream().forEach(feature -> {
            assertThat(feature.get("type").asString()).isEqualTo("Feature");
            JsonNode geometry = feature.get("geometry");
            assertThat(geometry.get("type").asString()).isEqualTo("Point");
            assertThat(geometry.get("coordinates").size()).isEqualTo(2);
            assertThat(geometry.get("coordinates").valueStream()).allMatch(JsonNode::isNumber);
            assertThat(feature.get("properties").propertyNames()).containsExactlyInAnyOrder("uscc", "name", "colour", "colourLabel", "score",
                    "industryCategory", "industryCategoryLabel", "regionCode", "gradedAt");
        });
        return collection;
    }

    static List<String> usccs(JsonNode collection) {
        return collection.get("features").valueStream().map(f -> f.get("properties").get("uscc").asString()).toList();
    }

    @Test
    void theMapHasAPointForEveryGradedEnterpriseWithCoordinates() {
        JsonNode map = geoJson(yaan().getBytes(GEOJSON));
        // Not the ungraded 草坝机械 nor the 雨城机械 without coordinates, nor the 石棉 mine (neither).
        assertThat(usccs(map)).containsExactlyInAnyOrder(chemicalsRed, chemicalsOrange, glassesBlue, countyChemicalsRed);
        List<String> regionCodes = map.get("features").valueStream().map(f -> f.get("properties").get("regionCode").asString()).toList();
        assertThat(regionCodes).isSorted();

        JsonNode red = map.get("features").valueStream().filter(f -> f.get("properties").get("uscc").asString().equals(chemicalsRed)).findFirst().orElseThrow();
        // RFC 7946: longitude first.
        assertThat(red.get("geometry").get("coordinates").get(0).decimalValue()).isEqualByComparingTo("103.001234");
        assertThat(red.get("geometry").get("coordinates").get(1).decimalValue()).isEqualByComparingTo("29.987654");
        JsonNode properties = red.get("properties");
        assertThat(properties.get("name").asString()).isEqualTo("雅安雨城甲化工有限公司");
        assertThat(properties.get("colour").asString()).isEqualTo("RED");
        assertThat(properties.get("colourLabel").asString()).isEqualTo("重大风险");
        assertThat(properties.get("score").decimalValue()).isEqualByComparingTo("92.5");
        assertThat(properties.get("industryCategory").asString()).isEqualTo("HAZARDOUS_CHEMICALS");
        assertThat(properties.get("industryCategoryLabel").asString()).isEqualTo("危险化学品");
        assertThat(properties.get("regionCode").asString()).isEqualTo("511802001");
        assertThat(properties.get("gradedAt").asString()).isEqualTo("2026-11-20T10:30:15+08:00");
        assertThat(OffsetDateTime.parse(properties.get("gradedAt").asString()).toInstant()).isEqualTo(GRADED_AT.toInstant(ZoneOffset.UTC));

        assertThat(usccs(geoJson(yaan().getBytes(GEOJSON + "?regionCode=511803")))).containsExactlyInAnyOrder(glassesBlue, countyChemicalsRed);
        assertThat(usccs(geoJson(Api.anonymous(port).asAdmin().getBytes(GEOJSON + "?regionCode=511800"))))
                .containsExactlyInAnyOrder(chemicalsRed, chemicalsOrange, glassesBlue, countyChemicalsRed);
    }

    @Test
    void theMapKeepsOnlyTheColoursAskedFor() {
        assertThat(usccs(geoJson(yaan().getBytes(GEOJSON + "?colour=RED")))).containsExactlyInAnyOrder(chemicalsRed, countyChemicalsRed);
        assertThat(usccs(geoJson(yaan().getBytes(GEOJSON + "?colour=RED&colour=BLUE"))))
                .containsExactlyInAnyOrder(chemicalsRed, countyChemicalsRed, glassesBlue);
        assertThat(usccs(geoJson(yaan().getBytes(GEOJSON + "?colour=YELLOW")))).isEmpty();
        assertThat(yaan().getBytes(GEOJSON + "?colour=GREEN").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void theMapIsOnlyForRegulatorsAndInspectorsOfTheRegion() {
        assertThat(as("lucheng-enterprise").getBytes(GEOJSON).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.anonymous(port).getBytes(GEOJSON).getStatusCode().value()).isEqualTo(401);
        assertThat(as("lucheng-regulator").getBytes(GEOJSON + "?regionCode=511800").getStatusCode().value()).isEqualTo(404);
        assertThat(as("lucheng-regulator").getBytes(GEOJSON + "?regionCode=999999").getStatusCode().value()).isEqualTo(400);
        GradedEnterprises data = new GradedEnterprises(db);
        String lucheng = data.register("鹿城南郊四色图测试有限公司", "330302031", "MACHINERY", "120.660000", "27.990000");
        data.grade(lucheng, "ORANGE", "66", GRADED_AT);
        JsonNode map = geoJson(as("lucheng-inspector").getBytes(GEOJSON));
        assertThat(usccs(map)).contains(lucheng).doesNotContain(chemicalsRed, chemicalsOrange, glassesBlue, countyChemicalsRed);
        assertThat(map.get("features").valueStream().map(f -> f.get("properties").get("regionCode").asString())).allMatch(code -> code.startsWith("330302"));
    }

    @Test
    void aLargeAreaIsStreamedWhole() {
        // More rows than the H2 cursor's fetch size; on MySQL the cursor streams row by row.
        new GradedEnterprises(db).registerGraded(2_500, "511181", "HAZARDOUS_CHEMICALS", "YELLOW", GRADED_AT);
        JsonNode map = geoJson(Api.anonymous(port).asAdmin().getBytes(GEOJSON + "?regionCode=511181"));
        assertThat(map.get("features").size()).isEqualTo(2_500);
        assertThat(map.get("features").valueStream().map(f -> f.get("properties").get("colour").asString())).containsOnly("YELLOW");
        JsonNode statistics = Api.anonymous(port).asAdmin().get(STATISTICS + "?regionCode=511181").getBody();
        assertThat(total(statistics)).isEqualTo("0/0/2500/0 0 2500");
    }
}
