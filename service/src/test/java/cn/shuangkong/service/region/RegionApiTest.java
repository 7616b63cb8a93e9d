package cn.shuangkong.service.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import tools.jackson.databind.JsonNode;

@DatabaseTest
class RegionApiTest {

    @LocalServerPort
    int port;

    @Test
    void aCountyHasItsChineseNameFullNameAndParent() {
        JsonNode lucheng = Api.anonymous(port).asDemo("jinjiang-enterprise").get("/api/v1/regions/330302").getBody();
        assertThat(lucheng.get("name").asString()).isEqualTo("鹿城区");
        assertThat(lucheng.get("fullName").asString()).isEqualTo("浙江省温州市鹿城区");
        assertThat(lucheng.get("level").asString()).isEqualTo("COUNTY");
        assertThat(lucheng.get("levelLabel").asString()).isEqualTo("县级");
        assertThat(lucheng.get("parentCode").asString()).isEqualTo("330300");
    }

    @ParameterizedTest(name = "{0} {1} has {2} county-level divisions")
    @CsvSource({
            // 2023 统计用区划代码: 浙江 37 districts + 20 cities + 33 counties; 福建 31 + 11 + 42; 四川 55 + 19 + 109.
            "330000, 浙江省, 90",
            "350000, 福建省, 84",
            "510000, 四川省, 183",
    })
    void theSeedHoldsEveryCountyOfTheProvincesItServes(String province, String name, int counties) {
        Api api = Api.anonymous(port).asAdmin();
        assertThat(api.get("/api/v1/regions/" + province).getBody().get("name").asString()).isEqualTo(name);
        int total = 0;
        for (JsonNode prefecture : api.get("/api/v1/regions/" + province + "/children").getBody()) {
            assertThat(prefecture.get("level").asString()).isEqualTo("PREFECTURE");
            total += api.get("/api/v1/regions/" + prefecture.get("code").asString() + "/children").getBody().size();
        }
        assertThat(total).isEqualTo(counties);
    }

    @Test
    void everyProvinceLevelDivisionIsSeeded() {
        // The 31 province-level divisions of the mainland, and 东莞市 as a prefecture-level city without counties.
        Api api = Api.anonymous(port).asAdmin();
        int provinces = 0;
        for (String code : new String[]{"110000", "120000", "130000", "140000", "150000", "210000", "220000", "230000", "310000",
                "320000", "330000", "340000", "350000", "360000", "370000", "410000", "420000", "430000", "440000", "450000",
                "460000", "500000", "510000", "520000", "530000", "540000", "610000", "620000", "630000", "640000", "650000"}) {
            assertThat(api.get("/api/v1/regions/" + code).getBody().get("level").asString()).isEqualTo("PROVINCE");
            provinces++;
        }
        assertThat(provinces).isEqualTo(31);
        JsonNode dongguan = api.get("/api/v1/regions/441900").getBody();
        assertThat(dongguan.get("level").asString()).isEqualTo("PREFECTURE");
        assertThat(dongguan.get("fullName").asString()).isEqualTo("广东省东莞市");
    }

    @Test
    void townshipsHangUnderTheirCounty() {
        JsonNode children = Api.anonymous(port).asAdmin().get("/api/v1/regions/350582/children").getBody();
        assertThat(children.valueStream().map(c -> c.get("name").asString())).contains("陈埭镇", "安海镇");
        assertThat(children.valueStream().map(c -> c.get("level").asString())).containsOnly("TOWNSHIP");
    }

    @Test
    void anUnknownCodeIsNotFoundAndAnonymousIsUnauthorized() {
        assertThat(Api.anonymous(port).asAdmin().get("/api/v1/regions/999999").getStatusCode().value()).isEqualTo(404);
        assertThat(Api.anonymous(port).asAdmin().get("/api/v1/regions/999999/children").getStatusCode().value()).isEqualTo(404);
        assertThat(Api.anonymous(port).get("/api/v1/regions/330302").getStatusCode().value()).isEqualTo(401);
    }
}
