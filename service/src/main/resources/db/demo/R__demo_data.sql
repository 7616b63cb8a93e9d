-- Demo data set: enterprises of 温州市鹿城区, 平阳县, 丽水市青田县 and 泉州市晋江市, and a regulator,
-- an inspector and an enterprise user for each of those four counties (password Demo@2026, see README).
-- The enterprises are fictitious; their 统一社会信用代码 are well-formed: 91 (工商/企业) + the county code +
-- an organisation code with its GB 11714 check digit + the GB 32100-2015 check character.
-- Loaded on the embedded default only (see DemoData); INSERT IGNORE keeps the script repeatable.

INSERT IGNORE INTO enterprise (uscc, name, region_code, industry_category, industry_code, address, longitude, latitude, employees, standardization_level, legal_representative, contact_phone, version, created_at, updated_at) VALUES
('91330302MA2AK7L1XU', '温州瓯江化工储运有限公司', '330302027', 'HAZARDOUS_CHEMICALS', 'G5942', '温州市鹿城区双屿街道化工路18号', 120.592100, 28.008600, 86, 'LEVEL_2', '陈建国', '0577-88901234', 1, TIMESTAMP '2026-01-05 00:00:00', TIMESTAMP '2026-01-05 00:00:00'),
('91330302MA2AN3Q84N', '温州南塘眼镜有限公司', '330302031', 'LIGHT_INDUSTRY', 'C3587', '温州市鹿城区南郊街道学院中路66号', 120.661800, 27.996800, 320, 'LEVEL_3', '林晓东', '0577-88325566', 1, TIMESTAMP '2026-01-05 00:00:00', TIMESTAMP '2026-01-05 00:00:00'),
('91330302MA2AP9D46D', '温州鹿城鞋业有限公司', '330302028', 'LIGHT_INDUSTRY', 'C1952', '温州市鹿城区仰义街道鞋都大道9号', 120.547800, 28.041200, 540, 'NONE', '黄志强', '0577-88756120', 1, TIMESTAMP '2026-01-05 00:00:00', TIMESTAMP '2026-01-05 00:00:00'),
('91330326MA2AL5R69H', '平阳县水头皮革有限公司', '330326102', 'LIGHT_INDUSTRY', 'C1910', '温州市平阳县水头镇工业园区3号', 120.452700, 27.642100, 210, 'LEVEL_3', '郑海波', '0577-63851234', 1, TIMESTAMP '2026-01-05 00:00:00', TIMESTAMP '2026-01-05 00:00:00'),
('91330326MA2AT2G72J', '浙江鳌江纸业有限公司', '330326101', 'LIGHT_INDUSTRY', 'C2221', '温州市平阳县鳌江镇滨江路128号', 120.583200, 27.601200, 460, 'LEVEL_2', '杨立新', '0577-63621888', 1, TIMESTAMP '2026-01-05 00:00:00', TIMESTAMP '2026-01-05 00:00:00'),
('91330326MA2AW8H39L', '平阳县万全机械制造有限公司', '330326117', 'MACHINERY', 'C3421', '温州市平阳县万全镇轻工园区万兴路5号', 120.630400, 27.655300, 150, 'LEVEL_3', '周国平', '0577-63456789', 1, TIMESTAMP '2026-01-05 00:00:00', TIMESTAMP '2026-01-05 00:00:00'),
('91331121MA2BX4J96E', '浙江青田瓯南阀门有限公司', '331121003', 'MACHINERY', 'C3443', '丽水市青田县油竹街道新区阀门路22号', 120.325700, 28.121000, 380, 'LEVEL_2', '叶建华', '0578-6512345', 1, TIMESTAMP '2026-01-05 00:00:00', TIMESTAMP '2026-01-05 00:00:00'),
('91331121MA2BY6K263', '青田县温溪化工有限公司', '331121101', 'HAZARDOUS_CHEMICALS', 'C2661', '丽水市青田县温溪镇港头工业区6号', 120.422500, 28.101400, 95, 'LEVEL_2', '徐志明', '0578-6623456', 1, TIMESTAMP '2026-01-05 00:00:00', TIMESTAMP '2026-01-05 00:00:00'),
('91331121MA2C17M57X', '青田县鹤城石雕工艺品有限公司', '331121001', 'LIGHT_INDUSTRY', 'C2431', '丽水市青田县鹤城街道石雕城A区12号', 120.289600, 28.139200, 45, 'NONE', '刘石根', '0578-6834567', 1, TIMESTAMP '2026-01-05 00:00:00', TIMESTAMP '2026-01-05 00:00:00'),
('91350582MA2YB3N734', '晋江陈埭鞋材有限公司', '350582103', 'LIGHT_INDUSTRY', 'C1959', '泉州市晋江市陈埭镇鞋材市场路88号', 118.602100, 24.831200, 620, 'LEVEL_3', '许文彬', '0595-85171234', 1, TIMESTAMP '2026-01-05 00:00:00', TIMESTAMP '2026-01-05 00:00:00'),
('91350582MA2YC8P16Q', '晋江深沪纺织印染有限公司', '350582105', 'TEXTILE', 'C1713', '泉州市晋江市深沪镇东海垵工业区', 118.657300, 24.644500, 410, 'LEVEL_2', '施明辉', '0595-88261234', 1, TIMESTAMP '2026-01-05 00:00:00', TIMESTAMP '2026-01-05 00:00:00'),
('91350582MA2YD5Q603', '晋江磁灶建筑陶瓷有限公司', '350582102', 'BUILDING_MATERIALS', 'C3071', '泉州市晋江市磁灶镇陶瓷工业园7号', 118.469500, 24.841200, 730, 'LEVEL_2', '吴清源', '0595-85781234', 1, TIMESTAMP '2026-01-05 00:00:00', TIMESTAMP '2026-01-05 00:00:00'),
('91350582MA2YE2R48H', '晋江安海液化气储配有限公司', '350582101', 'HAZARDOUS_CHEMICALS', 'F5265', '泉州市晋江市安海镇安东园区12号', 118.468200, 24.718500, 38, 'LEVEL_3', '蔡振华', '0595-85701234', 1, TIMESTAMP '2026-01-05 00:00:00', TIMESTAMP '2026-01-05 00:00:00');

INSERT IGNORE INTO app_user (username, password_hash, role, region_code, uscc, display_name, enabled, created_at) VALUES
('lucheng-regulator', '$2a$10$eB5kIxChvz6Zu.Qk/kILtOl8nUcVOfYoW5Lk5gic5YqT7Lc0T08cu', 'REGULATOR', '330302', NULL, '鹿城区应急管理局', TRUE, TIMESTAMP '2026-01-05 00:00:00'),
('lucheng-inspector', '$2a$10$eB5kIxChvz6Zu.Qk/kILtOl8nUcVOfYoW5Lk5gic5YqT7Lc0T08cu', 'INSPECTOR', '330302', NULL, '鹿城区安全生产检查员', TRUE, TIMESTAMP '2026-01-05 00:00:00'),
('lucheng-enterprise', '$2a$10$eB5kIxChvz6Zu.Qk/kILtOl8nUcVOfYoW5Lk5gic5YqT7Lc0T08cu', 'ENTERPRISE', NULL, '91330302MA2AK7L1XU', '温州瓯江化工储运有限公司', TRUE, TIMESTAMP '2026-01-05 00:00:00'),
('pingyang-regulator', '$2a$10$eB5kIxChvz6Zu.Qk/kILtOl8nUcVOfYoW5Lk5gic5YqT7Lc0T08cu', 'REGULATOR', '330326', NULL, '平阳县应急管理局', TRUE, TIMESTAMP '2026-01-05 00:00:00'),
('pingyang-inspector', '$2a$10$eB5kIxChvz6Zu.Qk/kILtOl8nUcVOfYoW5Lk5gic5YqT7Lc0T08cu', 'INSPECTOR', '330326', NULL, '平阳县安全生产检查员', TRUE, TIMESTAMP '2026-01-05 00:00:00'),
('pingyang-enterprise', '$2a$10$eB5kIxChvz6Zu.Qk/kILtOl8nUcVOfYoW5Lk5gic5YqT7Lc0T08cu', 'ENTERPRISE', NULL, '91330326MA2AL5R69H', '平阳县水头皮革有限公司', TRUE, TIMESTAMP '2026-01-05 00:00:00'),
('qingtian-regulator', '$2a$10$eB5kIxChvz6Zu.Qk/kILtOl8nUcVOfYoW5Lk5gic5YqT7Lc0T08cu', 'REGULATOR', '331121', NULL, '青田县应急管理局', TRUE, TIMESTAMP '2026-01-05 00:00:00'),
('qingtian-inspector', '$2a$10$eB5kIxChvz6Zu.Qk/kILtOl8nUcVOfYoW5Lk5gic5YqT7Lc0T08cu', 'INSPECTOR', '331121', NULL, '青田县安全生产检查员', TRUE, TIMESTAMP '2026-01-05 00:00:00'),
('qingtian-enterprise', '$2a$10$eB5kIxChvz6Zu.Qk/kILtOl8nUcVOfYoW5Lk5gic5YqT7Lc0T08cu', 'ENTERPRISE', NULL, '91331121MA2BX4J96E', '浙江青田瓯南阀门有限公司', TRUE, TIMESTAMP '2026-01-05 00:00:00'),
('jinjiang-regulator', '$2a$10$eB5kIxChvz6Zu.Qk/kILtOl8nUcVOfYoW5Lk5gic5YqT7Lc0T08cu', 'REGULATOR', '350582', NULL, '晋江市应急管理局', TRUE, TIMESTAMP '2026-01-05 00:00:00'),
('jinjiang-inspector', '$2a$10$eB5kIxChvz6Zu.Qk/kILtOl8nUcVOfYoW5Lk5gic5YqT7Lc0T08cu', 'INSPECTOR', '350582', NULL, '晋江市安全生产检查员', TRUE, TIMESTAMP '2026-01-05 00:00:00'),
('jinjiang-enterprise', '$2a$10$eB5kIxChvz6Zu.Qk/kILtOl8nUcVOfYoW5Lk5gic5YqT7Lc0T08cu', 'ENTERPRISE', NULL, '91350582MA2YB3N734', '晋江陈埭鞋材有限公司', TRUE, TIMESTAMP '2026-01-05 00:00:00');
