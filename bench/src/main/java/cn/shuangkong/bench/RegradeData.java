package cn.shuangkong.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The inputs of the enterprise rule set beside the enterprises and hidden dangers of {@link OverdueData}, generated
 * inside MariaDB with {@code INSERT … SELECT} from the SEQUENCE engine or from the enterprise rows themselves.
 * Deterministic: every random choice is {@code DRAW('tag', n)}, 32 bits of {@code MD5} of a tagged number, each tag
 * its own draw (CRC32 would be cheaper, but it is linear: two tags of the same length give correlated bits).
 *
 * <ul>
 *   <li>Risk points: {@code perEnterprise × enterprises} rows, each of a uniformly chosen enterprise (so about that many
 *       each, Poisson-spread), graded 3 % RED, 12 % ORANGE, 35 % YELLOW, 50 % BLUE by LEC with a matching D.</li>
 *   <li>Chemical units: two per HAZARDOUS_CHEMICALS enterprise, half of them major hazard sources of level 1–4.</li>
 *   <li>Accidents: about 10 % of enterprises have one, 2 % a second, over the last five years (so about 60 % inside the
 *       rule set's three-year window); 15 % with 1–3 deaths.</li>
 *   <li>Enforcement actions: 20 % of enterprises, one each within the last two years; fines of 5,000–204,900 yuan.</li>
 *   <li>Licences: 90 % of the enterprises of the industries that must hold one (mining, construction, hazardous chemicals,
 *       fireworks), 10 % of those expired; 10 % of the others an OTHER licence.</li>
 *   <li>Monitoring alarms: 10 % of enterprises two each within the last 60 days, 70 % of them cleared.</li>
 *   <li>Quality findings: 5 % of enterprises one each within the last year, half resolved.</li>
 * </ul>
 */
final class RegradeData {

    private static final Pattern DRAW = Pattern.compile("DRAW\\(('\\w+'), ([^()]*)\\)");
    private static final String VERSION = "SHA2('shuangkong-regrade-bench', 256)";

    private RegradeData() {
    }

    /** Loads every family above for the enterprises with ids {@code first … first + enterprises − 1}; returns the rows of each. */
    static Map<String, Long> load(Connection c, long enterprises, long first, int riskPointsPerEnterprise) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0");
            // Derived tables are materialised, so a draw referenced several times is computed once a row.
            s.execute("SET SESSION optimizer_switch = 'derived_merge=off'");
            rows.put("risk_point", (long) s.executeUpdate(sql("""
                    INSERT INTO risk_point (enterprise_id, name, location, point_type, method, l_value, e_value, c_value, direct_flags,
                                            control_level, responsible_department, responsible_person, grade, score, rule_set_version,
                                            version, created_at, updated_at)
                    SELECT %d + FLOOR(DRAW('rp', r.seq) * %d / 4294967296),
                           ELT(1 + r.seq %% 8, '储罐区', '反应釜', '配电房', '装卸作业', '有限空间', '动火作业', '仓库', '锅炉房'),
                           ELT(1 + r.seq %% 4, '一号车间', '二号仓库', '罐区', '厂区'),
                           ELT(1 + r.seq %% 3, 'PLACE', 'EQUIPMENT', 'ACTIVITY'), 'LEC',
                           ELT(1 + r.band, 10, 6, 3, 1), 6, ELT(1 + r.band, 7, 7, 7, 3), '',
                           ELT(1 + r.band, 'COMPANY', 'DEPARTMENT', 'TEAM', 'POST'), '安全管理部', '李安全',
                           ELT(1 + r.band, 'RED', 'ORANGE', 'YELLOW', 'BLUE'), ELT(1 + r.band, 420, 252, 126, 18),
                           %s, 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)
                    FROM (SELECT seq, INTERVAL(DRAW('rg', seq) %% 100, 3, 15, 50) AS band FROM seq_1_to_%d) r"""
                    .formatted(first, enterprises, VERSION, enterprises * riskPointsPerEnterprise))));
            rows.put("chemical_unit", (long) s.executeUpdate(sql("""
                    INSERT INTO chemical_unit (enterprise_id, name, location, unit_type, exposed_people, major_hazard_source, s_value,
                                               r_value, hazard_level, grade, rule_set_version, version, created_at, updated_at)
                    SELECT u.id, ELT(u.seq, '甲醇储罐区', '合成车间'), '厂区', ELT(u.seq, 'STORAGE', 'PRODUCTION'), 20 + u.id %% 80,
                           u.lv < 4, u.lv + 0.5, (4 - LEAST(u.lv, 3)) * 40, IF(u.lv < 4, ELT(1 + u.lv, 'LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4'), NULL),
                           IF(u.lv < 4, ELT(1 + u.lv, 'RED', 'ORANGE', 'YELLOW', 'BLUE'), 'BLUE'), %s, 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)
                    FROM (SELECT e.id, s.seq, DRAW('cu', e.id, '-', s.seq) %% 8 AS lv
                          FROM enterprise e JOIN seq_1_to_2 s
                          WHERE e.id BETWEEN %d AND %d AND e.industry_category = 'HAZARDOUS_CHEMICALS') u"""
                    .formatted(VERSION, first, first + enterprises - 1))));
            rows.put("accident", (long) s.executeUpdate(sql("""
                    INSERT INTO accident (enterprise_id, occurred_on, accident_type, deaths, serious_injuries, direct_loss_yuan, description,
                                          recorded_by, version, created_at, updated_at)
                    SELECT a.id, UTC_DATE() - INTERVAL a.days DAY, ELT(1 + a.id %% 5, 'MECHANICAL_INJURY', 'FIRE', 'FALL', 'POISONING', 'ELECTRIC_SHOCK'),
                           IF(a.hurt < 15, 1 + a.hurt %% 3, 0), a.hurt %% 3, 10000 + a.hurt * 5000, '基准测试事故记录', 'bench-recorder',
                           1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)
                    FROM (SELECT e.id, s.seq, DRAW('ad', e.id, '-', s.seq) %% 1825 AS days, DRAW('ah', e.id, '-', s.seq) %% 100 AS hurt
                          FROM enterprise e JOIN seq_1_to_2 s
                          WHERE e.id BETWEEN %d AND %d AND DRAW('acc', e.id) %% 50 < IF(s.seq = 1, 5, 1)) a"""
                    .formatted(first, first + enterprises - 1))));
            rows.put("enforcement_action", (long) s.executeUpdate(sql("""
                    INSERT INTO enforcement_action (enterprise_id, decided_on, kind, amount_yuan, reason, document_number, recorded_by, version,
                                                    created_at, updated_at)
                    SELECT a.id, UTC_DATE() - INTERVAL a.days DAY, ELT(1 + a.k, 'WARNING', 'FINE', 'FINE', 'FINE', 'SUSPENSION', 'CONFISCATION'),
                           IF(a.k BETWEEN 1 AND 3, 5000 + (a.days %% 500) * 400, NULL), '基准测试：未按规定排查治理隐患',
                           CONCAT('温应急罚〔2026〕', a.id, '号'), 'bench-recorder', 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)
                    FROM (SELECT e.id, DRAW('ed', e.id) %% 730 AS days, DRAW('ek', e.id) %% 6 AS k
                          FROM enterprise e WHERE e.id BETWEEN %d AND %d AND DRAW('ea', e.id) %% 5 = 0) a"""
                    .formatted(first, first + enterprises - 1))));
            rows.put("licence", (long) s.executeUpdate(sql("""
                    INSERT INTO licence (enterprise_id, kind, number, issuer, valid_from, valid_to, recorded_by, version, created_at, updated_at)
                    SELECT l.id, IF(l.required, IF(l.industry = 'FIREWORKS' AND l.r %% 2 = 0, 'FIREWORKS_OPERATION', 'SAFETY_PRODUCTION'), 'OTHER'),
                           CONCAT('（浙）基准安许证字〔2024〕', l.id), '浙江省应急管理厅',
                           UTC_DATE() - INTERVAL (1000 + l.r %% 200) DAY,
                           UTC_DATE() - INTERVAL (1000 + l.r %% 200) DAY + INTERVAL 3 YEAR + INTERVAL IF(l.r %% 10 = 0, -200, 400) DAY,
                           'bench-recorder', 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)
                    FROM (SELECT e.id, e.industry_category AS industry, DRAW('li', e.id) %% 1000 AS r,
                                 e.industry_category IN ('MINING', 'CONSTRUCTION', 'HAZARDOUS_CHEMICALS', 'FIREWORKS') AS required
                          FROM enterprise e WHERE e.id BETWEEN %d AND %d) l
                    WHERE IF(l.required, l.r < 900, l.r < 100)""".formatted(first, first + enterprises - 1))));
            rows.put("monitoring_alarm", (long) s.executeUpdate(sql("""
                    INSERT INTO monitoring_alarm (enterprise_id, occurred_at, kind, alarm_level, description, cleared, cleared_at, clear_note,
                                                  recorded_by, version, created_at, updated_at)
                    SELECT a.id, UTC_TIMESTAMP(3) - INTERVAL a.minutes MINUTE,
                           ELT(1 + a.r %% 6, 'GAS_CONCENTRATION', 'LIQUID_LEVEL', 'PRESSURE', 'TEMPERATURE', 'VIDEO_ANALYTICS', 'OTHER'),
                           IF(a.r %% 4 = 0, 'LEVEL_1', 'LEVEL_2'), '基准测试报警', a.r %% 10 < 7,
                           IF(a.r %% 10 < 7, UTC_TIMESTAMP(3) - INTERVAL a.minutes MINUTE + INTERVAL 1 HOUR, NULL), IF(a.r %% 10 < 7, '已处置', NULL),
                           'bench-recorder', 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)
                    FROM (SELECT e.id, DRAW('am', e.id, '-', s.seq) %% 86400 AS minutes, DRAW('ar', e.id, '-', s.seq) %% 1000 AS r
                          FROM enterprise e JOIN seq_1_to_2 s WHERE e.id BETWEEN %d AND %d AND DRAW('al', e.id) %% 10 = 0) a"""
                    .formatted(first, first + enterprises - 1))));
            rows.put("quality_finding", (long) s.executeUpdate(sql("""
                    INSERT INTO quality_finding (enterprise_id, found_on, kind, subject, description, resolved, resolved_on, recorded_by, version,
                                                 created_at, updated_at)
                    SELECT q.id, UTC_DATE() - INTERVAL q.days DAY,
                           ELT(1 + q.r %% 6, 'SPECIAL_EQUIPMENT_OVERDUE', 'SPECIAL_EQUIPMENT_FAILED', 'SAFETY_ACCESSORY_OVERDUE',
                               'SAFETY_ACCESSORY_FAILED', 'PRODUCT_SAMPLING_FAILED', 'OTHER'),
                           '压力容器', '基准测试检测问题', q.r %% 2 = 0, IF(q.r %% 2 = 0, UTC_DATE() - INTERVAL q.days DAY + INTERVAL 10 DAY, NULL),
                           'bench-recorder', 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)
                    FROM (SELECT e.id, DRAW('qd', e.id) %% 355 AS days, DRAW('qr', e.id) %% 1000 AS r
                          FROM enterprise e WHERE e.id BETWEEN %d AND %d AND DRAW('qf', e.id) %% 20 = 0) q"""
                    .formatted(first, first + enterprises - 1))));
        }
        return rows;
    }

    /** {@code DRAW('tag', expr)}: a draw in [0, 2³²) from the MD5 of the tag and the expression. */
    private static String sql(String statement) {
        return DRAW.matcher(statement).replaceAll("CONV(LEFT(MD5(CONCAT($1, $2)), 8), 16, 10)");
    }
}
