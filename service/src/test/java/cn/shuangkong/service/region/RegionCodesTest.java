package cn.shuangkong.service.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GB/T 2260 codes are hierarchical: the first two digits the province, the next two the prefecture, the last two the county. */
class RegionCodesTest {

    @ParameterizedTest(name = "{0} covers codes starting {1}")
    @CsvSource({
            "330000, 33",
            "330300, 3303",
            "330302, 330302",
            "419001, 419001",
            "441900, 4419",
            "330302006, 330302006",
    })
    void aRegionsSubtreeIsItsCodePrefix(String code, String prefix) {
        assertThat(RegionCodes.subtreePrefix(code)).isEqualTo(prefix);
    }

    @ParameterizedTest(name = "{0} within {1}: {2}")
    @CsvSource({
            "330302,    330000, true",
            "330302,    330300, true",
            "330302,    330302, true",
            "330302027, 330302, true",
            "350582,    330302, false",
            "330326,    330302, false",
            "330302,    330302027, false",
    })
    void withinMeansTheSameRegionOrBelow(String code, String ancestor, boolean within) {
        assertThat(RegionCodes.isWithin(code, ancestor)).isEqualTo(within);
    }
}
