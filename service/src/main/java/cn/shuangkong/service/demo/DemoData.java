package cn.shuangkong.service.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo data set (db/demo): enterprises in 鹿城区, 平阳县, 青田县 and 晋江市 with a regulator, an
 * inspector and an enterprise user for each. Loaded on the embedded H2 default unless
 * {@code SHUANGKONG_DEMO=false}; on another database only with {@code SHUANGKONG_DEMO=true}.
 */
@Configuration
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    @Bean
    FlywayConfigurationCustomizer demoDataLocation(@Value("${shuangkong.demo:}") String demo,
                                                   @Value("${spring.datasource.url:}") String url) {
        boolean load = demo.isBlank() ? url.startsWith("jdbc:h2:") : Boolean.parseBoolean(demo);
        return configuration -> {
            if (load) {
                log.info("Loading the demo data set (db/demo); SHUANGKONG_DEMO=false turns it off");
                List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
                locations.add(new Location("classpath:db/demo"));
                configuration.locations(locations.toArray(Location[]::new));
            }
        };
    }
}
