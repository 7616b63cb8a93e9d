package cn.shuangkong.service.hiddendanger;

import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static cn.shuangkong.schema.Tables.HIDDEN_DANGER;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shuangkong.service.api.model.DangerType;
import cn.shuangkong.service.api.model.HiddenDangerCounts;
import cn.shuangkong.service.api.model.HiddenDangerLevel;
import cn.shuangkong.service.api.model.HiddenDangerSource;
import cn.shuangkong.service.api.model.HiddenDangerStatistics;
import cn.shuangkong.service.api.model.HiddenDangerStatus;
import cn.shuangkong.service.api.model.ManageType;
import cn.shuangkong.service.api.model.SupervisionLevel;
import cn.shuangkong.service.excel.SheetWriter;
import cn.shuangkong.service.excel.SheetWriter.Percent;
import cn.shuangkong.service.excel.WorkbookWriter;
import cn.shuangkong.service.region.RegionDirectory;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.Cursors;
import cn.shuangkong.service.web.Times;

/**
 * The hidden-danger list and statistics as Excel workbooks, for regulators who file and forward them. The list is
 * written as its rows stream from the database into a temporary file, never held whole (a million rows make a file of
 * about 100 MB); the title says what was exported and when.
 */
@Component
@Transactional(readOnly = true)
class HiddenDangerExport {

    /**
     * More than this is no longer a list anyone reads; the filter should be narrower. The contract's figure;
     * {@code shuangkong.exports.hidden-danger-max-rows} changes it (the export benchmark writes 1,000,000 rows).
     */
    static final int MAX_ROWS = 100_000;

    private static final List<String> LIST_HEADERS = List.of("隐患编号", "企业统一社会信用代码", "企业名称", "所属区域", "隐患名称", "隐患位置",
            "隐患级别", "治理类型", "隐患来源", "隐患类型", "发现时间", "整改期限", "状态", "是否逾期", "逾期天数", "整改责任人", "挂牌督办", "整改措施", "版本");
    private static final List<String> STATISTICS_HEADERS = List.of("分组", "隐患总数", "未整改", "已整改", "逾期", "重大隐患总数", "重大隐患已整改",
            "整改率", "按期整改率", "重大隐患整改率");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DSLContext db;
    private final HiddenDangerQueries queries;
    private final HiddenDangerStatisticsQuery statistics;
    private final RegionDirectory regions;
    private final Clock clock;
    private final int maxRows;

    HiddenDangerExport(DSLContext db, HiddenDangerQueries queries, HiddenDangerStatisticsQuery statistics, RegionDirectory regions, Clock clock,
                       @Value("${shuangkong.exports.hidden-danger-max-rows:" + MAX_ROWS + "}") int maxRows) {
        this.maxRows = maxRows;
        this.db = db;
        this.queries = queries;
        this.statistics = statistics;
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * The list's matches as one sheet 隐患清单, in a temporary file (answer it with {@code XlsxDownload}, which deletes it);
     * with no filter at all, the overdue dangers. 422 past {@link #MAX_ROWS} (or the configured cap).
     */
    Path dangers(CurrentUser user, HiddenDangerQueries.Filter requested, String sort) {
        HiddenDangerQueries.Filter filter = requested.isEmpty() ? HiddenDangerQueries.Filter.overdueOnly() : requested;
        LocalDate today = Times.today(clock);
        Condition where = queries.where(user, filter, today);
        var order = HiddenDangerQueries.order(sort, today);
        // Counted first, by region: the total to check against the cap, and every region's full name ready before the
        // cursor opens (a streaming MySQL connection runs no other statement while it is open).
        Map<String, String> regionNames = new HashMap<>();
        long total = 0;
        for (var r : db.select(ENTERPRISE.REGION_CODE, DSL.count())
                .from(HIDDEN_DANGER)
                .join(ENTERPRISE).on(ENTERPRISE.ID.eq(HIDDEN_DANGER.ENTERPRISE_ID))
                .where(where)
                .groupBy(ENTERPRISE.REGION_CODE)
                .fetch()) {
            regionNames.put(r.value1(), regions.fullName(r.value1()));
            total += r.value2();
        }
        if (total > maxRows) {
            throw ApiException.unprocessable("符合条件的隐患共 " + total + " 条，超过单次导出上限 " + maxRows + " 条，请缩小区域、时间或其他筛选条件后分批导出");
        }
        try (WorkbookWriter book = new WorkbookWriter()) {
            SheetWriter sheet = book.sheet("隐患清单")
                    .widths(10, 22, 28, 24, 30, 20, 10, 10, 14, 8, 17, 12, 14, 9, 9, 12, 16, 40, 6);
            sheet.title("隐患清单（" + inWords(user, requested, filter) + "；共 " + total + " 条；导出时间 " + now() + "）", LIST_HEADERS.size());
            int headerRow = sheet.nextRowNumber();
            sheet.header(LIST_HEADERS);
            try (var rows = db.select(HIDDEN_DANGER.ID, ENTERPRISE.USCC, ENTERPRISE.NAME, ENTERPRISE.REGION_CODE, HIDDEN_DANGER.NAME,
                            HIDDEN_DANGER.LOCATION, HIDDEN_DANGER.DANGER_LEVEL, HIDDEN_DANGER.MANAGE_TYPE, HIDDEN_DANGER.SOURCE,
                            HIDDEN_DANGER.DANGER_TYPE, HIDDEN_DANGER.FOUND_AT, HIDDEN_DANGER.DEADLINE, HIDDEN_DANGER.STATUS,
                            HIDDEN_DANGER.RESPONSIBLE_PERSON, HIDDEN_DANGER.SUPERVISION_LEVEL, HIDDEN_DANGER.RECTIFICATION_MEASURES,
                            HIDDEN_DANGER.VERSION)
                    .from(HIDDEN_DANGER)
                    .join(ENTERPRISE).on(ENTERPRISE.ID.eq(HIDDEN_DANGER.ENTERPRISE_ID))
                    .where(where)
                    .orderBy(order)
                    .fetchSize(Cursors.streamingFetchSize(db))
                    .fetchLazy()) {
                for (var r : rows) {
                    HiddenDangerStatus status = HiddenDangerStatus.fromValue(r.get(HIDDEN_DANGER.STATUS));
                    LocalDate deadline = r.get(HIDDEN_DANGER.DEADLINE);
                    int daysOverdue = HiddenDangerQueries.daysOverdue(status, deadline, today);
                    String supervision = r.get(HIDDEN_DANGER.SUPERVISION_LEVEL);
                    sheet.row(Arrays.asList(
                            r.get(HIDDEN_DANGER.ID),
                            r.get(ENTERPRISE.USCC),
                            r.get(ENTERPRISE.NAME),
                            regionNames.get(r.get(ENTERPRISE.REGION_CODE)),
                            r.get(HIDDEN_DANGER.NAME),
                            r.get(HIDDEN_DANGER.LOCATION),
                            HiddenDangerLabels.of(HiddenDangerLevel.fromValue(r.get(HIDDEN_DANGER.DANGER_LEVEL))),
                            HiddenDangerLabels.of(ManageType.fromValue(r.get(HIDDEN_DANGER.MANAGE_TYPE))),
                            HiddenDangerLabels.of(HiddenDangerSource.fromValue(r.get(HIDDEN_DANGER.SOURCE))),
                            HiddenDangerLabels.of(DangerType.fromValue(r.get(HIDDEN_DANGER.DANGER_TYPE))),
                            Times.toApi(r.get(HIDDEN_DANGER.FOUND_AT)).toLocalDateTime(),
                            deadline,
                            HiddenDangerLabels.of(status),
                            daysOverdue > 0 ? "是" : "否",
                            daysOverdue,
                            r.get(HIDDEN_DANGER.RESPONSIBLE_PERSON),
                            supervision == null ? null : HiddenDangerLabels.of(SupervisionLevel.fromValue(supervision)),
                            r.get(HIDDEN_DANGER.RECTIFICATION_MEASURES),
                            r.get(HIDDEN_DANGER.VERSION)), true);
                }
            }
            sheet.freeze(0, headerRow).autoFilter(headerRow, LIST_HEADERS.size());
            return book.toTemporaryFile();
        }
    }

    /** The statistics of the same query as {@code GET /statistics/hidden-dangers}: a row per group, then 合计. */
    byte[] statistics(CurrentUser user, String regionCode, String groupBy, LocalDate from, LocalDate to) {
        HiddenDangerStatistics s = statistics.statistics(user, regionCode, groupBy, from, to);
        String region = s.getRegionCode().isEmpty() ? "全国" : regions.fullName(s.getRegionCode());
        String period = from == null && to == null ? "全部时间"
                : (from == null ? "" : from + " ") + "至" + (to == null ? " 今" : " " + to);
        try (WorkbookWriter book = new WorkbookWriter()) {
            SheetWriter sheet = book.sheet("隐患统计").widths(24, 10, 10, 10, 10, 12, 14, 10, 12, 14);
            sheet.title("隐患统计（" + region + "；发现时间 " + period + "；" + grouping(s.getGroupBy()) + "；导出时间 " + now() + "）",
                    STATISTICS_HEADERS.size());
            int headerRow = sheet.nextRowNumber();
            sheet.header(STATISTICS_HEADERS);
            for (HiddenDangerCounts group : s.getGroups()) {
                sheet.row(counts(group));
            }
            sheet.freeze(0, headerRow).autoFilter(headerRow, STATISTICS_HEADERS.size());
            // 合计 below the filtered range, so sorting the groups leaves it last.
            sheet.row(counts(s.getTotal()));
            return book.toBytes();
        }
    }

    private static List<Object> counts(HiddenDangerCounts c) {
        return List.of(c.getLabel(), c.getTotal(), c.getOpen(), c.getClosed(), c.getOverdue(), c.getMajorTotal(), c.getMajorClosed(),
                new Percent(c.getRectificationRate()), new Percent(c.getOnTimeClosureRate()), new Percent(c.getMajorClosureRate()));
    }

    private String now() {
        return LocalDateTime.now(clock.withZone(Times.CHINA)).format(MINUTES);
    }

    /** The scope and the filters in words, for the title. */
    private String inWords(CurrentUser user, HiddenDangerQueries.Filter requested, HiddenDangerQueries.Filter f) {
        List<String> words = new ArrayList<>();
        words.add(switch (user.role()) {
            case ADMIN -> "范围：全部";
            case REGULATOR, INSPECTOR -> "范围：" + regions.fullName(user.regionCode());
            case ENTERPRISE -> "范围：本企业";
        });
        if (requested.isEmpty()) {
            words.add("默认导出逾期隐患");
        }
        if (f.regionCode() != null && !f.regionCode().isBlank()) {
            words.add("区域：" + regions.fullName(f.regionCode()));
        }
        if (f.uscc() != null && !f.uscc().isBlank()) {
            words.add("企业：" + f.uscc().strip());
        }
        if (f.level() != null) {
            words.add("级别：" + HiddenDangerLabels.of(f.level()));
        }
        if (f.status() != null) {
            words.add("状态：" + HiddenDangerLabels.of(f.status()));
        }
        if (f.overdue() != null && !requested.isEmpty()) {
            words.add(f.overdue() ? "仅逾期" : "未逾期");
        }
        if (f.source() != null) {
            words.add("来源：" + HiddenDangerLabels.of(f.source()));
        }
        if (f.supervisionLevel() != null) {
            words.add("督办：" + HiddenDangerLabels.of(f.supervisionLevel()));
        }
        if (f.foundFrom() != null || f.foundTo() != null) {
            words.add("发现时间：" + (f.foundFrom() == null ? "" : f.foundFrom() + " ") + "至" + (f.foundTo() == null ? " 今" : " " + f.foundTo()));
        }
        if (f.q() != null && !f.q().isBlank()) {
            words.add("关键词：" + f.q().strip());
        }
        return String.join("；", words);
    }

    private static String grouping(String groupBy) {
        return switch (groupBy) {
            case "LEVEL" -> "按隐患级别";
            case "STATUS" -> "按状态";
            case "INDUSTRY" -> "按行业";
            default -> "按区域";
        };
    }
}
