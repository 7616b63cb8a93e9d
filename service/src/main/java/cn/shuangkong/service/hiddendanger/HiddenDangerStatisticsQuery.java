package cn.shuangkong.service.hiddendanger;

import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static cn.shuangkong.schema.Tables.HIDDEN_DANGER;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shuangkong.service.api.model.HiddenDangerCounts;
import cn.shuangkong.service.api.model.HiddenDangerLevel;
import cn.shuangkong.service.api.model.HiddenDangerStatistics;
import cn.shuangkong.service.api.model.HiddenDangerStatus;
import cn.shuangkong.service.api.model.IndustryCategory;
import cn.shuangkong.service.enterprise.EnterpriseLabels;
import cn.shuangkong.service.region.RegionCodes;
import cn.shuangkong.service.region.RegionDirectory;
import cn.shuangkong.service.region.RegionEntry;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.security.Jurisdiction;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.Times;

/**
 * Hidden-danger statistics of a region, by child region, level, status or industry: totals, open, closed,
 * overdue, 整改率 (closed / total), 按期整改率 (closed by the deadline day / closed), 重大隐患整改率 (closed major /
 * major). Cancelled (撤销) dangers are left out: they were never dangers to rectify.
 */
@Component
@Transactional(readOnly = true)
class HiddenDangerStatisticsQuery {

    private final DSLContext db;
    private final RegionDirectory regions;
    private final Clock clock;

    HiddenDangerStatisticsQuery(DSLContext db, RegionDirectory regions, Clock clock) {
        this.db = db;
        this.regions = regions;
        this.clock = clock;
    }

    HiddenDangerStatistics statistics(CurrentUser user, String regionCode, String groupBy, LocalDate from, LocalDate to) {
        String region = regionCode != null && !regionCode.isBlank() ? regionCode.strip() : user.regionCode();
        if (region != null && !regions.exists(region)) {
            throw ApiException.invalidField("regionCode", "行政区划代码 " + region + " 不存在");
        }
        String by = groupBy == null ? "REGION" : groupBy;
        Condition where = Jurisdiction.enterprises(user).and(HIDDEN_DANGER.STATUS.ne(HiddenDangerStatus.CANCELLED.getValue()));
        if (region != null) {
            where = where.and(RegionCodes.within(ENTERPRISE.REGION_CODE, region));
        }
        if (from != null) {
            where = where.and(HIDDEN_DANGER.FOUND_AT.ge(Times.startOfChinaDay(from)));
        }
        if (to != null) {
            where = where.and(HIDDEN_DANGER.FOUND_AT.lt(Times.startOfChinaDay(to.plusDays(1))));
        }
        Field<String> key = switch (by) {
            case "REGION" -> ENTERPRISE.REGION_CODE;
            case "LEVEL" -> HIDDEN_DANGER.DANGER_LEVEL;
            case "STATUS" -> HIDDEN_DANGER.STATUS;
            case "INDUSTRY" -> ENTERPRISE.INDUSTRY_CATEGORY;
            default -> throw ApiException.invalidField("groupBy", "分组方式可选：REGION、LEVEL、STATUS、INDUSTRY");
        };
        LocalDate today = Times.today(clock);
        String closed = HiddenDangerStatus.CLOSED.getValue();
        String major = HiddenDangerLevel.MAJOR.getValue();
        // Closed on time: by the end of the deadline day in China, i.e. before 16:00 UTC of the deadline.
        Field<java.time.LocalDateTime> endOfDeadlineDay = DSL.localDateTimeAdd(HIDDEN_DANGER.DEADLINE.cast(SQLDataType.LOCALDATETIME), 16, DatePart.HOUR);
        Map<String, long[]> rows = new LinkedHashMap<>();
        db.select(key,
                        DSL.count(),
                        count(HIDDEN_DANGER.STATUS.in(HiddenDangerStatus.RECTIFYING.getValue(), HiddenDangerStatus.PENDING_ACCEPTANCE.getValue())),
                        count(HIDDEN_DANGER.STATUS.eq(closed)),
                        count(HiddenDangerQueries.overdue(today)),
                        count(HIDDEN_DANGER.STATUS.eq(closed).and(HIDDEN_DANGER.CLOSED_AT.lt(endOfDeadlineDay))),
                        count(HIDDEN_DANGER.DANGER_LEVEL.eq(major)),
                        count(HIDDEN_DANGER.DANGER_LEVEL.eq(major).and(HIDDEN_DANGER.STATUS.eq(closed))))
                .from(HIDDEN_DANGER)
                .join(ENTERPRISE).on(ENTERPRISE.ID.eq(HIDDEN_DANGER.ENTERPRISE_ID))
                .where(where)
                .groupBy(key)
                .forEach(r -> {
                    String group = by.equals("REGION") ? childOf(region, r.value1()) : r.value1();
                    long[] sums = rows.computeIfAbsent(group, k -> new long[7]);
                    for (int i = 0; i < 7; i++) {
                        sums[i] += ((Number) r.get(i + 1)).longValue();
                    }
                });
        List<HiddenDangerCounts> groups = new ArrayList<>();
        long[] total = new long[7];
        rows.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            groups.add(counts(e.getKey(), label(by, e.getKey()), e.getValue()));
            for (int i = 0; i < 7; i++) {
                total[i] += e.getValue()[i];
            }
        });
        return new HiddenDangerStatistics(region == null ? "" : region, by, groups, counts("TOTAL", "合计", total)).from(from).to(to);
    }

    private static Field<Integer> count(Condition condition) {
        return DSL.sum(DSL.when(condition, DSL.inline(1)).otherwise(DSL.inline(0))).cast(SQLDataType.INTEGER);
    }

    /** The direct child of {@code region} that {@code code} lies in (the region itself when none does). */
    private String childOf(String region, String code) {
        if (region == null) {
            return code.substring(0, 2) + "0000";
        }
        for (RegionEntry child : regions.children(region)) {
            if (RegionCodes.isWithin(code, child.code())) {
                return child.code();
            }
        }
        return region;
    }

    private String label(String by, String key) {
        return switch (by) {
            case "REGION" -> regions.find(key).map(RegionEntry::name).orElse(key);
            case "LEVEL" -> HiddenDangerLabels.of(HiddenDangerLevel.fromValue(key));
            case "STATUS" -> HiddenDangerLabels.of(HiddenDangerStatus.fromValue(key));
            default -> EnterpriseLabels.of(IndustryCategory.fromValue(key));
        };
    }

    private static HiddenDangerCounts counts(String key, String label, long[] s) {
        return new HiddenDangerCounts(key, label, s[0], s[1], s[2], s[3], s[5], s[6])
                .rectificationRate(rate(s[2], s[0]))
                .onTimeClosureRate(rate(s[4], s[2]))
                .majorClosureRate(rate(s[6], s[5]));
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
