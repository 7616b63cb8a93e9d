-- See V7: the result in force is the enterprise's newest grade_history row.
ALTER TABLE enterprise_grade DROP COLUMN result;
ALTER TABLE enterprise_grade MODIFY COLUMN result_digest BINARY(32) NOT NULL;
