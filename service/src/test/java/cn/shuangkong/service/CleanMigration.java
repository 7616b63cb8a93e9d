package cn.shuangkong.service;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A test run starts from an empty schema, even on a server database left over from an earlier run. The
 * schema is cleaned once per JVM only: test contexts are cached and share the server's database, so a
 * later context must not wipe what an earlier, still running one stands on.
 */
@TestConfiguration(proxyBeanMethods = false)
class CleanMigration {

    private static final AtomicBoolean CLEANED = new AtomicBoolean();

    @Bean
    FlywayMigrationStrategy cleanOnceThenMigrate() {
        return flyway -> {
            if (CLEANED.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
