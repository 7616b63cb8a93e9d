package cn.shuangkong.service.enterprise;

import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static cn.shuangkong.schema.Tables.ENTERPRISE_GRADE;
import static cn.shuangkong.schema.Tables.RISK_POINT;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.service.api.model.IndustryCategory;
import cn.shuangkong.service.api.model.StandardizationLevel;
import cn.shuangkong.service.excel.SheetWriter;
import cn.shuangkong.service.excel.WorkbookWriter;
import cn.shuangkong.service.region.RegionCodes;
import cn.shuangkong.service.region.RegionDirectory;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.security.Jurisdiction;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.Cursors;
import cn.shuangkong.service.web.Times;

/**
 * The registry as Excel: the import template, and the export of the enterprises in the caller's scope with the same
 * columns (so an export edited and uploaded again updates them, checked by 版本) plus where they are, the highest
 * grade among their risk points with its colour, when they last changed, and the enterprise's own grade in force
 * (企业风险等级, its score and when it was graded; blank while ungraded). Rows are streamed from the database.
 */
@Component
@Transactional(readOnly = true)
class EnterpriseExport {

    static final int MAX_ROWS = 200_000;
    static final int TEMPLATE_ROWS = 5_000;

    private final DSLContext db;
    private final RegionDirectory regions;
    private final Clock clock;

    EnterpriseExport(DSLContext db, RegionDirectory regions, Clock clock) {
        this.db = db;
        this.regions = regions;
        this.clock = clock;
    }

    static byte[] template() {
        try (WorkbookWriter book = new WorkbookWriter(true)) {
            List<String> headers = EnterpriseSheet.IMPORTED;
            SheetWriter sheet = book.sheet("企业信息").widths(22, 32, 14, 14, 14, 36, 12, 12, 12, 16, 12, 16);
            sheet.title("企业信息导入表（一企一档）", headers.size());
            sheet.header(headers);
            sheet.dropdown(3, 3, TEMPLATE_ROWS + 2, EnterpriseSheet.industryLabels(), "请从下拉列表选择行业类别");
            sheet.dropdown(9, 3, TEMPLATE_ROWS + 2, EnterpriseSheet.standardizationLabels(), "请从下拉列表选择安全生产标准化等级");
            sheet.freeze(2, 2);
            SheetWriter guide = book.sheet("填写说明").widths(6, 110);
            guide.title("填写说明", 2);
            List<String> lines = List.of(
                    "每行一家企业。统一社会信用代码、企业名称、行政区划代码、行业类别必填，其余选填。",
                    "统一社会信用代码为18位（GB 32100-2015），系统校验第18位校验码；已登记的企业按此代码更新，未登记的新增。",
                    "行政区划代码填写企业所在县级（6位）或乡镇级（9位）代码，须在您的管辖范围内。",
                    "行业类别从下拉列表选择：" + String.join("、", EnterpriseSheet.industryLabels()) + "。",
                    "国民经济行业代码按 GB/T 4754-2017 填写，如 C2614 或 2614。经度、纬度填写十进制度数（如 120.655、28.0123）。",
                    "安全生产标准化等级从下拉列表选择：" + String.join("、", EnterpriseSheet.standardizationLabels()) + "。",
                    "从系统导出的企业表可直接修改后上传：“版本”列用于防止覆盖他人在此期间的修改，请勿改动；“所属区域”“最高风险点等级”“更新时间”列导入时忽略。",
                    "上传：.xlsx 或 .xls，不超过 20 MB。有任何错误时整份不导入，系统返回错误清单和标注了出错单元格的错误报告；同一文件重复上传不会重复导入。");
            int n = 0;
            for (String line : lines) {
                guide.row(List.of(++n, line), true);
            }
            return book.toBytes();
        }
    }

    /**
     * The registry in the caller's scope, filtered, as one sheet in a temporary file (answer it with {@code XlsxDownload},
     * which deletes it): up to {@value #MAX_ROWS} rows streamed from the database and never held whole, the file neither.
     */
    Path export(CurrentUser user, String regionCode, IndustryCategory industryCategory, List<cn.shuangkong.service.api.model.Grade> colours) {
        Condition where = Jurisdiction.enterprises(user);
        String scope = "本辖区";
        if (regionCode != null && !regionCode.isBlank()) {
            if (!regions.exists(regionCode)) {
                throw ApiException.invalidField("regionCode", "行政区划代码 " + regionCode + " 不存在");
            }
            where = where.and(RegionCodes.within(ENTERPRISE.REGION_CODE, regionCode));
            scope = regions.fullName(regionCode);
        }
        if (industryCategory != null) {
            where = where.and(ENTERPRISE.INDUSTRY_CATEGORY.eq(industryCategory.getValue()));
            scope += "，" + EnterpriseLabels.of(industryCategory);
        }
        if (colours != null && !colours.isEmpty()) {
            List<String> grades = colours.stream().map(cn.shuangkong.service.api.model.Grade::getValue).distinct().toList();
            where = where.and(ENTERPRISE.ID.in(DSL.select(ENTERPRISE_GRADE.ENTERPRISE_ID).from(ENTERPRISE_GRADE).where(ENTERPRISE_GRADE.GRADE.in(grades))));
            scope += "，企业风险等级" + grades.stream().map(g -> Grade.valueOf(g).label()).collect(Collectors.joining("、"));
        }
        long count = db.fetchCount(ENTERPRISE, where);
        if (count > MAX_ROWS) {
            throw ApiException.invalidField("regionCode", "符合条件的企业有 " + count + " 家，超过单次导出上限 " + MAX_ROWS + " 家，请按区划分批导出");
        }
        // The highest grade among an enterprise's risk points: RED < ORANGE < YELLOW < BLUE by rank.
        var rank = DSL.min(DSL.when(RISK_POINT.GRADE.eq("RED"), 1).when(RISK_POINT.GRADE.eq("ORANGE"), 2)
                .when(RISK_POINT.GRADE.eq("YELLOW"), 3).when(RISK_POINT.GRADE.eq("BLUE"), 4)).as("top_rank");
        var top = db.select(RISK_POINT.ENTERPRISE_ID, rank).from(RISK_POINT).groupBy(RISK_POINT.ENTERPRISE_ID).asTable("top");
        List<String> headers = EnterpriseSheet.exportHeaders();
        // The region tree is loaded before the cursor opens: a streaming MySQL connection runs no other statement.
        regions.exists("");
        try (WorkbookWriter book = new WorkbookWriter();
             var rows = db.select(ENTERPRISE.asterisk(), top.field("top_rank", Integer.class),
                             ENTERPRISE_GRADE.GRADE, ENTERPRISE_GRADE.SCORE, ENTERPRISE_GRADE.GRADED_AT)
                     .from(ENTERPRISE)
                     .leftJoin(top).on(top.field(RISK_POINT.ENTERPRISE_ID).eq(ENTERPRISE.ID))
                     .leftJoin(ENTERPRISE_GRADE).on(ENTERPRISE_GRADE.ENTERPRISE_ID.eq(ENTERPRISE.ID))
                     .where(where)
                     .orderBy(ENTERPRISE.REGION_CODE, ENTERPRISE.USCC)
                     .fetchSize(Cursors.streamingFetchSize(db))
                     .fetchLazy()) {
            SheetWriter sheet = book.sheet("企业信息").widths(22, 32, 30, 14, 14, 14, 36, 12, 12, 12, 16, 12, 16, 14, 8, 18, 14, 10, 18);
            sheet.title("企业信息（一企一档）：" + scope + "，共 " + count + " 家，导出于 "
                    + Times.chinaDate(LocalDateTime.now(clock)) + "。可修改后按“企业信息导入”上传（请勿改动“版本”列）", headers.size());
            sheet.header(headers);
            int riskPointColumn = headers.indexOf(EnterpriseSheet.TOP_RISK_POINT_GRADE);
            int enterpriseColumn = headers.indexOf(EnterpriseSheet.ENTERPRISE_RISK_GRADE);
            for (Record r : rows) {
                Integer topRank = r.get("top_rank", Integer.class);
                Grade topRiskPoint = topRank == null ? null : Grade.values()[topRank - 1];
                String stored = r.get(ENTERPRISE_GRADE.GRADE);
                Grade enterprise = stored == null ? null : Grade.valueOf(stored);
                sheet.row(values(r, topRiskPoint, enterprise), false);
                fill(sheet, riskPointColumn, topRiskPoint);
                fill(sheet, enterpriseColumn, enterprise);
            }
            sheet.freeze(2, 2).autoFilter(2, headers.size());
            return book.toTemporaryFile();
        }
    }

    /** A grade's cell filled 红/橙/黄/蓝; an ungraded one stays plain. */
    private static void fill(SheetWriter sheet, int column, Grade grade) {
        if (grade != null) {
            sheet.fill(column, WorkbookWriter.Fill.of(grade));
        }
    }

    private List<Object> values(Record r, Grade topRiskPoint, Grade enterprise) {
        IndustryCategory category = IndustryCategory.fromValue(r.get(ENTERPRISE.INDUSTRY_CATEGORY));
        String level = r.get(ENTERPRISE.STANDARDIZATION_LEVEL);
        List<Object> values = new ArrayList<>(Arrays.asList(
                r.get(ENTERPRISE.USCC), r.get(ENTERPRISE.NAME), regions.fullName(r.get(ENTERPRISE.REGION_CODE)), r.get(ENTERPRISE.REGION_CODE),
                EnterpriseLabels.of(category), r.get(ENTERPRISE.INDUSTRY_CODE), r.get(ENTERPRISE.ADDRESS), r.get(ENTERPRISE.LONGITUDE),
                r.get(ENTERPRISE.LATITUDE), r.get(ENTERPRISE.EMPLOYEES), level == null ? null : EnterpriseLabels.of(StandardizationLevel.fromValue(level)),
                r.get(ENTERPRISE.LEGAL_REPRESENTATIVE), r.get(ENTERPRISE.CONTACT_PHONE),
                topRiskPoint == null ? null : topRiskPoint.label(),
                r.get(ENTERPRISE.VERSION), Times.chinaDateTimeText(r.get(ENTERPRISE.UPDATED_AT)),
                enterprise == null ? null : enterprise.label(), r.get(ENTERPRISE_GRADE.SCORE),
                r.get(ENTERPRISE_GRADE.GRADED_AT) == null ? null : Times.toApi(r.get(ENTERPRISE_GRADE.GRADED_AT)).toLocalDateTime()));
        return values;
    }
}
