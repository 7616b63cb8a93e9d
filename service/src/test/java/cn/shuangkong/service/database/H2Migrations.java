package cn.shuangkong.service.database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A fresh in-memory H2 database in the service's MySQL mode, for tests of the migrations themselves. */
final class H2Migrations {

    /** An enterprise of 鹿城 with the code and name of {@link #insertEnterprise}; its id is generated. */
    static final String INSERT_ENTERPRISE = "INSERT INTO enterprise (uscc, name, region_code, industry_category, version, created_at, updated_at) "
            + "VALUES (?, ?, '330302', 'MACHINERY', 1, NOW(), NOW())";

    private H2Migrations() {
    }

    /**
     * Pooled connections for Flyway and the test, as in the service: H2 binds a check constraint's IN list to the
     * session that created it, which must outlive Flyway's run.
     */
    static HikariDataSource database() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:migration-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(3);
        return new HikariDataSource(config);
    }

    /** Inserts the {@code i}th enterprise ({@code 91330302MA…}, 企业i) through {@link #INSERT_ENTERPRISE}; its id. */
    static long insertEnterprise(PreparedStatement insert, int i) throws SQLException {
        insert.setString(1, "91330302MA%07dX".formatted(i));
        insert.setString(2, "企业" + i);
        insert.executeUpdate();
        try (ResultSet key = insert.getGeneratedKeys()) {
            key.next();
            return key.getLong(1);
        }
    }

    /** Flyway over the service's migrations, up to {@code target} (null: all of them). */
    static Flyway flyway(DataSource database, String target) {
        var configuration = Flyway.configure().dataSource(database).locations("classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }
}
