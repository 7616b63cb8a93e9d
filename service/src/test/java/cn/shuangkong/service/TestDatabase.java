package cn.shuangkong.service;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * Chooses the database of a test run. {@code -Dshuangkong.test.database=h2} (the default): an in-memory
 * H2 in MySQL mode. {@code mysql}: the server named by {@code SHUANGKONG_TEST_JDBC_URL} (with
 * {@code _USER} and {@code _PASSWORD}); else a Testcontainers MySQL 8 where a Docker engine runs; else
 * none, and {@link DatabaseAvailable} skips the tests, or fails them under {@code CI=true}.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final boolean MYSQL = "mysql".equals(System.getProperty("shuangkong.test.database", "h2"));
    private static MySQLContainer container;

    /** Where a MySQL-compatible server comes from in this run, or null when there is none. */
    static String mysqlSource() {
        if (System.getenv("SHUANGKONG_TEST_JDBC_URL") != null) {
            return "SHUANGKONG_TEST_JDBC_URL";
        }
        return DockerClientFactory.instance().isDockerAvailable() ? "Testcontainers" : null;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>();
        if (MYSQL) {
            String source = mysqlSource();
            if (source == null) {
                throw new IllegalStateException("No MySQL-compatible server for the database tests: set SHUANGKONG_TEST_JDBC_URL or run a Docker engine");
            }
            if (source.equals("SHUANGKONG_TEST_JDBC_URL")) {
                properties.put("spring.datasource.url", System.getenv("SHUANGKONG_TEST_JDBC_URL"));
                properties.put("spring.datasource.username", System.getenv().getOrDefault("SHUANGKONG_TEST_JDBC_USER", "root"));
                properties.put("spring.datasource.password", System.getenv().getOrDefault("SHUANGKONG_TEST_JDBC_PASSWORD", ""));
            } else {
                MySQLContainer mysql = startedContainer();
                properties.put("spring.datasource.url", mysql.getJdbcUrl());
                properties.put("spring.datasource.username", mysql.getUsername());
                properties.put("spring.datasource.password", mysql.getPassword());
            }
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:mem:shuangkong-" + UUID.randomUUID()
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1");
        }
        // Each test context starts from an empty schema (see CleanMigration).
        properties.put("spring.flyway.clean-disabled", "false");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
    }

    private static synchronized MySQLContainer startedContainer() {
        if (container == null) {
            // local_infile on, as the README asks of a production MySQL: registry imports take the server's bulk path (LocalInfile).
            container = new MySQLContainer("mysql:8.4").withDatabaseName("shuangkong").withCommand("--character-set-server=utf8mb4", "--local-infile=1");
            container.start();
        }
        return container;
    }
}
