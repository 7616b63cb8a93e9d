package cn.shuangkong.service.riskmap;

import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static cn.shuangkong.schema.Tables.ENTERPRISE_GRADE;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import cn.shuangkong.service.Api;

/**
 * A known data set for risk-map tests. The enterprise grading that fills {@code enterprise_grade} is built elsewhere, so
 * enterprises and their grades in force are written here straight into the tables: nothing reacts to them and nothing
 * grades them, and the counts are exactly what a test wrote.
 */
public final class GradedEnterprises {

    private final DSLContext db;

    public GradedEnterprises(DSLContext db) {
        this.db = db;
    }

    /** Registers an enterprise at {@code regionCode} (a fresh USCC of its county) and returns its USCC. */
    public String register(String name, String regionCode, String industryCategory, String longitude, String latitude) {
        String uscc = Api.newUscc(regionCode.substring(0, 6));
        LocalDateTime now = LocalDateTime.of(2026, 11, 1, 0, 0);
        db.insertInto(ENTERPRISE)
                .set(ENTERPRISE.USCC, uscc)
                .set(ENTERPRISE.NAME, name)
                .set(ENTERPRISE.REGION_CODE, regionCode)
                .set(ENTERPRISE.INDUSTRY_CATEGORY, industryCategory)
                .set(ENTERPRISE.LONGITUDE, longitude == null ? null : new BigDecimal(longitude))
                .set(ENTERPRISE.LATITUDE, latitude == null ? null : new BigDecimal(latitude))
                .set(ENTERPRISE.VERSION, 1)
                .set(ENTERPRISE.CREATED_AT, now)
                .set(ENTERPRISE.UPDATED_AT, now)
                .execute();
        return uscc;
    }

    /** Registers {@code count} enterprises at {@code regionCode}, with coordinates, all graded {@code grade}, in two statements. */
    public void registerGraded(int count, String regionCode, String industryCategory, String grade, LocalDateTime gradedAtUtc) {
        LocalDateTime now = LocalDateTime.of(2026, 11, 1, 0, 0);
        var insert = db.insertInto(ENTERPRISE, ENTERPRISE.USCC, ENTERPRISE.NAME, ENTERPRISE.REGION_CODE, ENTERPRISE.INDUSTRY_CATEGORY,
                ENTERPRISE.LONGITUDE, ENTERPRISE.LATITUDE, ENTERPRISE.VERSION, ENTERPRISE.CREATED_AT, ENTERPRISE.UPDATED_AT);
        for (int i = 0; i < count; i++) {
            insert = insert.values(Api.newUscc(regionCode.substring(0, 6)), "批量企业" + i, regionCode, industryCategory,
                    new BigDecimal("103.4").add(BigDecimal.valueOf(i, 6)), new BigDecimal("29.6"), 1, now, now);
        }
        insert.execute();
        db.insertInto(ENTERPRISE_GRADE, ENTERPRISE_GRADE.ENTERPRISE_ID, ENTERPRISE_GRADE.GRADE, ENTERPRISE_GRADE.SCORE,
                        ENTERPRISE_GRADE.RULE_SET_VERSION, ENTERPRISE_GRADE.RESULT_DIGEST, ENTERPRISE_GRADE.CAUSE, ENTERPRISE_GRADE.GRADED_AT)
                .select(DSL.select(ENTERPRISE.ID, DSL.val(grade), DSL.val(new BigDecimal("50")), DSL.val("0".repeat(64)), DSL.val(new byte[32]),
                                DSL.val("TEST"), DSL.val(gradedAtUtc))
                        .from(ENTERPRISE)
                        .where(ENTERPRISE.REGION_CODE.eq(regionCode))
                        .and(ENTERPRISE.ID.notIn(DSL.select(ENTERPRISE_GRADE.ENTERPRISE_ID).from(ENTERPRISE_GRADE))))
                .execute();
    }

    /** Makes {@code grade} (RED…) with {@code score} the enterprise's grade in force, graded at {@code gradedAtUtc}. */
    public void grade(String uscc, String grade, String score, LocalDateTime gradedAtUtc) {
        long id = db.select(ENTERPRISE.ID).from(ENTERPRISE).where(ENTERPRISE.USCC.eq(uscc)).fetchSingle(ENTERPRISE.ID);
        db.deleteFrom(ENTERPRISE_GRADE).where(ENTERPRISE_GRADE.ENTERPRISE_ID.eq(id)).execute();
        db.insertInto(ENTERPRISE_GRADE)
                .set(ENTERPRISE_GRADE.ENTERPRISE_ID, id)
                .set(ENTERPRISE_GRADE.GRADE, grade)
                .set(ENTERPRISE_GRADE.SCORE, new BigDecimal(score))
                .set(ENTERPRISE_GRADE.RULE_SET_VERSION, "0".repeat(64))
                .set(ENTERPRISE_GRADE.RESULT_DIGEST, new byte[32])
                .set(ENTERPRISE_GRADE.CAUSE, "TEST")
                .set(ENTERPRISE_GRADE.GRADED_AT, gradedAtUtc)
                .execute();
    }
}
