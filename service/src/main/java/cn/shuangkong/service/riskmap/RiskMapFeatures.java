package cn.shuangkong.service.riskmap;

import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static cn.shuangkong.schema.Tables.ENTERPRISE_GRADE;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.service.api.model.IndustryCategory;
import cn.shuangkong.service.enterprise.EnterpriseLabels;
import cn.shuangkong.service.web.Cursors;
import cn.shuangkong.service.web.Times;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The risk map as an RFC 7946 FeatureCollection: a Point {@code [longitude, latitude]} for every graded enterprise of
 * the area that has coordinates, written to the response as the rows come from a streaming cursor, so a province's
 * enterprises are never held in memory at once.
 */
@Component
class RiskMapFeatures {

    private final DSLContext db;
    /** Leaves the response stream open for the servlet container to finish, and writes 120.5921 rather than 1.205921E+2. */
    private final ObjectWriter json;

    RiskMapFeatures(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET).with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /** Writes the features of {@code area}, only those of {@code colours} unless it is empty. */
    @Transactional(readOnly = true)
    void write(MapArea area, List<Grade> colours, OutputStream out) {
        Condition where = area.enterprises().and(ENTERPRISE.LONGITUDE.isNotNull()).and(ENTERPRISE.LATITUDE.isNotNull());
        if (!colours.isEmpty()) {
            where = where.and(ENTERPRISE_GRADE.GRADE.in(colours.stream().map(Grade::name).toList()));
        }
        try (JsonGenerator g = json.createGenerator(out);
             var rows = db.select(ENTERPRISE.USCC, ENTERPRISE.NAME, ENTERPRISE.REGION_CODE, ENTERPRISE.INDUSTRY_CATEGORY,
                             ENTERPRISE.LONGITUDE, ENTERPRISE.LATITUDE, ENTERPRISE_GRADE.GRADE, ENTERPRISE_GRADE.SCORE, ENTERPRISE_GRADE.GRADED_AT)
                     .from(ENTERPRISE)
                     .join(ENTERPRISE_GRADE).on(ENTERPRISE_GRADE.ENTERPRISE_ID.eq(ENTERPRISE.ID))
                     .where(where)
                     .orderBy(ENTERPRISE.REGION_CODE, ENTERPRISE.USCC)
                     .fetchSize(Cursors.streamingFetchSize(db))
                     .fetchLazy()) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeArrayPropertyStart("features");
            for (Record r : rows) {
                feature(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void feature(JsonGenerator g, Record r) {
        Grade grade = Grade.valueOf(r.get(ENTERPRISE_GRADE.GRADE));
        IndustryCategory category = IndustryCategory.fromValue(r.get(ENTERPRISE.INDUSTRY_CATEGORY));
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeObjectPropertyStart("geometry");
        g.writeStringProperty("type", "Point");
        g.writeArrayPropertyStart("coordinates");
        g.writeNumber(plain(r.get(ENTERPRISE.LONGITUDE)));
        g.writeNumber(plain(r.get(ENTERPRISE.LATITUDE)));
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectPropertyStart("properties");
        g.writeStringProperty("uscc", r.get(ENTERPRISE.USCC));
        g.writeStringProperty("name", r.get(ENTERPRISE.NAME));
        g.writeStringProperty("colour", grade.name());
        g.writeStringProperty("colourLabel", grade.label());
        g.writeName("score");
        g.writeNumber(plain(r.get(ENTERPRISE_GRADE.SCORE)));
        g.writeStringProperty("industryCategory", category.getValue());
        g.writeStringProperty("industryCategoryLabel", EnterpriseLabels.of(category));
        g.writeStringProperty("regionCode", r.get(ENTERPRISE.REGION_CODE));
        g.writeStringProperty("gradedAt", Times.toApi(r.get(ENTERPRISE_GRADE.GRADED_AT)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        g.writeEndObject();
        g.writeEndObject();
    }

    /** 120.592100 as stored reads 120.5921. */
    private static BigDecimal plain(BigDecimal stored) {
        return stored.stripTrailingZeros();
    }
}
