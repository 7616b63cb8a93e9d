package cn.shuangkong.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Generates the benchmark's enterprises and hidden dangers inside MariaDB with {@code INSERT … SELECT} from the
 * SEQUENCE engine ({@code seq_1_to_N}), so nothing is shipped over the wire. Deterministic: every random choice is
 * a slice of {@code MD5(seq)}.
 *
 * <ul>
 *   <li>Enterprises: {@code enterprises} of them, enterprise i in the i-th (mod R) of the R county and township
 *       regions of 浙江省 in code order, so every one of those regions gets the same number (鹿城区 with its 14
 *       townships gets 15/R of them). USCC {@code 91 + county code + BK + 7-digit number + X}: 18 characters, unique,
 *       not check-digit valid (inserted by SQL, never validated).</li>
 *   <li>Hidden dangers: found_at evenly over the last 3 years in id order (ids grow with time, as they do in
 *       production), enterprise uniform; independently of age and of each other: status 70 % CLOSED, 15 % RECTIFYING,
 *       5 % PENDING_ACCEPTANCE, 10 % CANCELLED; 3 % MAJOR; deadline = the China date of finding + 0–90 days
 *       (0 days = IMMEDIATE). So about 96 % of RECTIFYING dangers are overdue today: a worst case for the overdue list.</li>
 * </ul>
 */
final class OverdueData {

    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final long SPAN_SECONDS = 3L * 365 * 86_400;

    private OverdueData() {
    }

    /** Returns the number of bench enterprises and the smallest of their (contiguous) ids. */
    static long[] loadEnterprises(Connection c, int enterprises) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0");
            s.execute("DROP TABLE IF EXISTS bench_region");
            s.execute("""
                    CREATE TABLE bench_region (rn INT NOT NULL PRIMARY KEY, code VARCHAR(12) NOT NULL, name VARCHAR(64) NOT NULL) ENGINE = InnoDB
                    AS SELECT ROW_NUMBER() OVER (ORDER BY code) - 1 AS rn, code, name
                       FROM region WHERE code LIKE '33%' AND admin_level IN ('COUNTY', 'TOWNSHIP')""");
            long regions = single(s, "SELECT COUNT(*) FROM bench_region");
            s.execute("""
                    INSERT INTO enterprise (uscc, name, region_code, industry_category, address, employees, standardization_level,
                                            legal_representative, contact_phone, version, created_at, updated_at)
                    SELECT CONCAT('91', LEFT(r.code, 6), 'BK', LPAD(s.seq, 7, '0'), 'X'), CONCAT(r.name, '基准', s.seq, '号有限公司'), r.code,
                           ELT(1 + s.seq %% 14, 'HAZARDOUS_CHEMICALS', 'MINING', 'FIREWORKS', 'METALLURGY', 'NONFERROUS', 'BUILDING_MATERIALS',
                               'MACHINERY', 'LIGHT_INDUSTRY', 'TEXTILE', 'TOBACCO', 'COMMERCE', 'CONSTRUCTION', 'TRANSPORT', 'OTHER'),
                           CONCAT(r.name, '工业园区', 1 + s.seq %% 200, '号'), 10 + s.seq %% 490,
                           ELT(1 + s.seq %% 4, 'LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'NONE'), '王法人', '0577-88000000', 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)
                    FROM seq_1_to_%d s JOIN bench_region r ON r.rn = s.seq %% %d
                    ORDER BY s.seq""".formatted(enterprises, regions));
            s.execute("DROP TABLE bench_region");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(id), MAX(id) FROM enterprise WHERE SUBSTR(uscc, 9, 2) = 'BK'")) {
                rs.next();
                long count = rs.getLong(1);
                long min = rs.getLong(2);
                long max = rs.getLong(3);
                if (count != enterprises || max - min + 1 != count) {
                    throw new IllegalStateException("bench enterprises are not " + enterprises + " contiguous ids: " + count + " in " + min + ".." + max);
                }
                return new long[]{count, min};
            }
        }
    }

    /** Inserts {@code n} hidden dangers over the bench enterprises; returns the UTC instant their found_at ends at. */
    static LocalDateTime loadHiddenDangers(Connection c, long n, long enterprises, long firstEnterpriseId) throws SQLException {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        LocalDateTime t0 = now.minusSeconds(SPAN_SECONDS);
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0");
            // Step 1: the random choices, one MD5 slice each, into a narrow table. Selecting them inside the big
            // INSERT would recompute MD5 at every reference of a merged derived column (~60 times a row).
            s.execute("DROP TABLE IF EXISTS bench_gen");
            s.execute("""
                    CREATE TABLE bench_gen (seq INT NOT NULL PRIMARY KEY, ek INT NOT NULL, st SMALLINT NOT NULL, days SMALLINT NOT NULL,
                                            lv SMALLINT NOT NULL) ENGINE = InnoDB""");
            s.execute("""
                    INSERT INTO bench_gen
                    SELECT seq,
                           FLOOR(CONV(SUBSTR(MD5(seq), 1, 8), 16, 10) / 4294967296 * %d),
                           FLOOR(CONV(SUBSTR(MD5(seq), 9, 8), 16, 10) / 4294967296 * 1000),
                           FLOOR(CONV(SUBSTR(MD5(seq), 17, 8), 16, 10) / 4294967296 * 91),
                           FLOOR(CONV(SUBSTR(MD5(seq), 25, 8), 16, 10) / 4294967296 * 1000)
                    FROM seq_1_to_%d""".formatted(enterprises, n));
            // Step 2: the rows, in seq (= found_at) order.
            String nowLit = "TIMESTAMP'" + SQL_TIME.format(now) + "'";
            String t0Lit = "TIMESTAMP'" + SQL_TIME.format(t0) + "'";
            s.execute("""
                    INSERT INTO hidden_danger (enterprise_id, name, description, location, danger_level, major_clause, manage_type, source,
                        danger_type, classification, found_at, reported_by, deadline, original_deadline, responsible_person,
                        rectification_measures, cost, status, supervision_level, plan_goals, plan_methods, plan_funding, plan_organization,
                        plan_schedule, plan_safety, evidence, accepted_by, accepted_at, acceptance_comment, closed_at, cancel_reason,
                        rule_set_version, version, created_at, updated_at)
                    SELECT %d + g.ek, g.name, CONCAT(g.location, g.name, '，现场检查发现，需按期整改。'), g.location,
                        IF(g.major, 'MAJOR', 'GENERAL'), IF(g.major, '总局令第16号第三条', NULL), IF(g.days = 0, 'IMMEDIATE', 'DEADLINE'),
                        ELT(1 + g.seq %% 11, 'DAILY', 'COMPREHENSIVE', 'SPECIALIZED', 'SEASONAL', 'KEY_PERIOD', 'ACCIDENT_ANALOGY', 'RESUMPTION',
                            'EXPERT', 'CONTROL_FAILURE', 'OTHER', 'SUPERVISION'),
                        ELT(1 + g.seq %% 8, 'SAFETY', 'PROCESS', 'ELECTRICAL', 'INSTRUMENT', 'FIRE', 'LAYOUT', 'EQUIPMENT', 'OTHER'),
                        ELT(1 + g.seq %% 3, 'UNSAFE_ACT', 'UNSAFE_CONDITION', 'MANAGEMENT_DEFECT'),
                        g.found_at, 'bench-inspector', g.deadline, g.deadline, '张安全',
                        IF(g.status IN ('CLOSED', 'PENDING_ACCEPTANCE'), '已按要求完成整改', NULL),
                        IF(g.status = 'CLOSED', (g.seq %% 1000000) / 100, NULL), g.status, IF(g.major, 'COUNTY', NULL),
                        IF(g.major, '消除重大事故隐患', NULL), IF(g.major, '停产整改', NULL), IF(g.major, '企业自筹', NULL),
                        IF(g.major, '主要负责人牵头', NULL), IF(g.major, '限期完成', NULL), IF(g.major, '落实安全措施', NULL),
                        IF(g.status IN ('CLOSED', 'PENDING_ACCEPTANCE'), '整改前后照片', NULL),
                        IF(g.status = 'CLOSED', 'bench-acceptor', NULL), IF(g.status = 'CLOSED', g.closed_at, NULL),
                        IF(g.status = 'CLOSED', '验收合格', NULL), IF(g.status = 'CLOSED', g.closed_at, NULL),
                        IF(g.status = 'CANCELLED', '重复上报', NULL),
                        SHA2('shuangkong-hiddendanger-bench', 256), 1, g.found_at,
                        CASE g.status WHEN 'CLOSED' THEN g.closed_at WHEN 'RECTIFYING' THEN g.found_at
                                      ELSE LEAST(g.found_at + INTERVAL 1 DAY, %s) END
                    FROM (
                      SELECT b.seq, b.found_at, b.days, b.major, b.status, b.ek,
                        DATE(b.found_at + INTERVAL 8 HOUR) + INTERVAL b.days DAY AS deadline,
                        LEAST(b.found_at + INTERVAL (b.seq %% 1000) * (b.days + 15) * 86 SECOND, %s) AS closed_at,
                        ELT(1 + b.seq %% 10, '消防通道堵塞', '配电箱未上锁', '安全警示标志缺失', '灭火器过期失效', '危化品储存超量',
                            '特种作业人员无证上岗', '安全阀未定期校验', '应急照明损坏', '有限空间作业未审批', '临边防护栏缺失') AS name,
                        ELT(1 + b.seq %% 6, '一号车间', '二号仓库', '配电房', '办公楼', '罐区', '装卸区') AS location
                      FROM (
                        SELECT x.seq, x.ek, x.days, x.lv < 30 AS major,
                          %s + INTERVAL FLOOR((x.seq - 1) * %d / %d) SECOND AS found_at,
                          CASE WHEN x.st < 700 THEN 'CLOSED' WHEN x.st < 850 THEN 'RECTIFYING'
                               WHEN x.st < 900 THEN 'PENDING_ACCEPTANCE' ELSE 'CANCELLED' END AS status
                        FROM bench_gen x
                      ) b
                    ) g
                    ORDER BY g.seq""".formatted(firstEnterpriseId, nowLit, nowLit, t0Lit, SPAN_SECONDS, n));
            s.execute("DROP TABLE bench_gen");
            long loaded = single(s, "SELECT COUNT(*) FROM hidden_danger");
            if (loaded != n) {
                throw new IllegalStateException("expected " + n + " hidden dangers, found " + loaded);
            }
        }
        return now;
    }

    /**
     * Holds the nightly overdue job's ShedLock lock (until 2037, inside TIMESTAMP's range) so that it cannot run during a
     * benchmark that crosses 00:05 China time and write OVERDUE events for every overdue danger.
     */
    static void holdOverdueJob(Statement s, String lockedBy) throws SQLException {
        s.execute("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES "
                + "('hidden-danger-overdue', TIMESTAMP'2037-12-31 00:00:00', UTC_TIMESTAMP(3), '" + lockedBy + "') "
                + "ON DUPLICATE KEY UPDATE lock_until = VALUES(lock_until), locked_by = VALUES(locked_by)");
    }

    static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
