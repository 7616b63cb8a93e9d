package cn.shuangkong.service;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages depend on each other only through their public types, and never in a cycle. */
class ModularityTest {

    @Test
    void featurePackagesRespectTheirBoundaries() {
        ApplicationModules.of(ShuangkongApplication.class).verify();
    }
}
