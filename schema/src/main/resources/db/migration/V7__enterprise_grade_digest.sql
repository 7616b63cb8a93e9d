-- The whole result of an enterprise's grade in force is its newest grade_history row, written in the same transaction
-- as enterprise_grade; enterprise_grade keeps only what lists, filters and the four-colour picture need, and the
-- SHA-256 of that result's JSON, so that a re-grade tells an unchanged result without reading it back. A re-grade of
-- the registry then writes each result once, not twice. V7_1 fills the digest of the rows graded before; V7_2 drops
-- the copy of the result.
ALTER TABLE enterprise_grade ADD COLUMN result_digest BINARY(32);
