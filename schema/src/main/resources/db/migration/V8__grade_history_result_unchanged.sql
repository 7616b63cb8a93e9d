-- A grade whose result is the same as the subject's previous one except for the rule-set version that computed it (a
-- new version of the enterprise rule set that changes nothing for this enterprise) is recorded without repeating the
-- result: its result is NULL, and it stands for the result of the subject's newest earlier row that has one, computed
-- by this row's version. The row keeps its own inputs, version, colour, score, cause and time. An activation then
-- writes each enterprise's explanation (about 2.4 kB) only where the new version changes it. enterprise_grade's
-- result_digest is from now on the SHA-256 of the result without its version (V8_1 recomputes it).
ALTER TABLE grade_history MODIFY COLUMN result MEDIUMTEXT NULL;
