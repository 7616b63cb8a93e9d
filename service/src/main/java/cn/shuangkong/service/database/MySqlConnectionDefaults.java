package cn.shuangkong.service.database;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Connector/J settings for MySQL (and MariaDB through the same driver) that HikariCP recommends for a pooled
 * service, applied to the pool before its first connection unless the JDBC URL or
 * {@code spring.datasource.hikari.data-source-properties} already sets them:
 * <ul>
 *   <li>{@code useServerPrepStmts}: statements are prepared on the server and their values sent in the binary
 *       protocol, instead of the driver escaping every value into the SQL text (for a re-grade of the registry, whose
 *       grade histories carry kilobytes of JSON, escaping was a fifth of the grading threads' time);</li>
 *   <li>{@code cachePrepStmts}, {@code prepStmtCacheSize}, {@code prepStmtCacheSqlLimit}: each connection keeps its
 *       prepared statements, long ones too (the multi-row writes of grading and imports are a few kilobytes of SQL),
 *       so a statement run again is not prepared again;</li>
 *   <li>{@code useLocalSessionState}, {@code cacheServerConfiguration}, {@code elideSetAutoCommits}: no round trip
 *       to ask or set what the driver already knows;</li>
 *   <li>{@code allowLoadLocalInfileInPath} empty: the connection offers {@code LOAD DATA LOCAL INFILE} to the server
 *       (so that {@link LocalInfile} can hand it rows from memory) but sends no file from disk whatever the server
 *       asks for; {@code allowLoadLocalInfile} is off, and {@link LocalInfile} switches it on for one connection only
 *       while a load runs, with the rows already handed to the driver (which then sends those, never a file).</li>
 * </ul>
 * Not {@code rewriteBatchedStatements}: the service writes many rows with multi-row statements of its own.
 */
@Component
class MySqlConnectionDefaults implements BeanPostProcessor {

    static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("useServerPrepStmts", "true");
        defaults.put("cachePrepStmts", "true");
        defaults.put("prepStmtCacheSize", "250");
        defaults.put("prepStmtCacheSqlLimit", "65536");
        defaults.put("useLocalSessionState", "true");
        defaults.put("cacheServerConfiguration", "true");
        defaults.put("elideSetAutoCommits", "true");
        defaults.put("allowLoadLocalInfileInPath", "");
        DEFAULTS = Map.copyOf(defaults);
    }

    private static final Logger log = LoggerFactory.getLogger(MySqlConnectionDefaults.class);

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:mysql:")) {
            String url = pool.getJdbcUrl();
            DEFAULTS.forEach((name, value) -> {
                if (!url.contains(name + "=") && !pool.getDataSourceProperties().containsKey(name)) {
                    pool.addDataSourceProperty(name, value);
                }
            });
            log.debug("Connector/J defaults for {}: {}", beanName, pool.getDataSourceProperties());
        }
        return bean;
    }
}
