package cn.shuangkong.service.riskmap;

import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static cn.shuangkong.schema.Tables.ENTERPRISE_GRADE;
import static cn.shuangkong.schema.Tables.REGION;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.service.api.model.IndustryCategory;
import cn.shuangkong.service.api.model.RiskMapIndustryCounts;
import cn.shuangkong.service.api.model.RiskMapRegionCounts;
import cn.shuangkong.service.api.model.RiskMapStatistics;
import cn.shuangkong.service.enterprise.EnterpriseLabels;
import cn.shuangkong.service.region.RegionCodes;
import cn.shuangkong.service.region.RegionDirectory;
import cn.shuangkong.service.region.RegionEntry;

/**
 * The four-colour table of a region: its enterprises by direct child region × colour and by industry × colour.
 * One grouped query counts the enterprises in scope by their own region code, industry and grade (ungraded: no row in
 * {@code enterprise_grade}); each region code is then folded into the child whose subtree prefix it starts with, or
 * into the region's own row when it is the region itself. Every child is listed, and every industry, so the table is
 * complete whatever is registered.
 */
@Component
@Transactional(readOnly = true)
class RiskMapStatisticsQuery {

    private final DSLContext db;
    private final RegionDirectory regions;
    private volatile List<RegionEntry> provinces;

    RiskMapStatisticsQuery(DSLContext db, RegionDirectory regions) {
        this.db = db;
        this.regions = regions;
    }

    RiskMapStatistics statistics(MapArea area) {
        String region = area.regionCode();
        Children children = new Children(region == null ? provinces() : regions.children(region));
        ColourTally own = new ColourTally();
        Map<String, ColourTally> byChild = new LinkedHashMap<>();
        children.list().forEach(c -> byChild.put(c.code(), new ColourTally()));
        Map<IndustryCategory, ColourTally> byIndustry = new EnumMap<>(IndustryCategory.class);
        for (IndustryCategory category : IndustryCategory.values()) {
            byIndustry.put(category, new ColourTally());
        }
        ColourTally total = new ColourTally();
        db.select(ENTERPRISE.REGION_CODE, ENTERPRISE.INDUSTRY_CATEGORY, ENTERPRISE_GRADE.GRADE, DSL.count())
                .from(ENTERPRISE)
                .leftJoin(ENTERPRISE_GRADE).on(ENTERPRISE_GRADE.ENTERPRISE_ID.eq(ENTERPRISE.ID))
                .where(area.enterprises())
                .groupBy(ENTERPRISE.REGION_CODE, ENTERPRISE.INDUSTRY_CATEGORY, ENTERPRISE_GRADE.GRADE)
                .forEach(r -> {
                    Grade grade = r.value3() == null ? null : Grade.valueOf(r.value3());
                    long enterprises = r.value4();
                    children.containing(r.value1()).map(c -> byChild.get(c.code())).orElse(own).add(grade, enterprises);
                    byIndustry.get(IndustryCategory.fromValue(r.value2())).add(grade, enterprises);
                    total.add(grade, enterprises);
                });

        List<RiskMapRegionCounts> rows = new ArrayList<>();
        // The region's own row: where enterprises may be registered on it (a county, a township), or where some are.
        if (region != null && (regions.isLocality(region) || own.total() > 0)) {
            rows.add(regionRow(region, regions.find(region).orElseThrow().name() + "本级", true, own));
        }
        children.list().forEach(c -> rows.add(regionRow(c.code(), c.name(), false, byChild.get(c.code()))));
        List<RiskMapIndustryCounts> industries = new ArrayList<>();
        byIndustry.forEach((category, tally) -> industries.add(new RiskMapIndustryCounts(category, EnterpriseLabels.of(category),
                tally.colours(), tally.ungraded(), tally.total())));
        return new RiskMapStatistics(region == null ? "全国" : regions.fullName(region), rows, industries, total.counts())
                .regionCode(region);
    }

    private static RiskMapRegionCounts regionRow(String code, String name, boolean own, ColourTally tally) {
        return new RiskMapRegionCounts(code, name, own, tally.colours(), tally.ungraded(), tally.total());
    }

    /** The top of the region tree (provinces and their equals), for the whole country's table. Reference data: read once. */
    private List<RegionEntry> provinces() {
        List<RegionEntry> p = provinces;
        if (p == null) {
            p = db.select(REGION.CODE).from(REGION).where(REGION.PARENT_CODE.isNull()).orderBy(REGION.CODE)
                    .fetch(REGION.CODE).stream()
                    .map(code -> regions.find(code).orElseThrow())
                    .toList();
            provinces = p;
        }
        return p;
    }

    /**
     * A region's direct children by their subtree prefix (330300 → 3303, 330302 → 330302, 330302001 → itself), so the
     * child an enterprise's region code lies in is found by looking up that code's prefixes of those lengths.
     */
    private record Children(List<RegionEntry> list, Map<String, RegionEntry> byPrefix, TreeSet<Integer> prefixLengths) {

        Children(List<RegionEntry> list) {
            this(list, new HashMap<>(), new TreeSet<>());
            for (RegionEntry child : list) {
                String prefix = RegionCodes.subtreePrefix(child.code());
                byPrefix.put(prefix, child);
                prefixLengths.add(prefix.length());
            }
        }

        Optional<RegionEntry> containing(String code) {
            for (int length : prefixLengths) {
                if (code.length() >= length) {
                    RegionEntry child = byPrefix.get(code.substring(0, length));
                    if (child != null) {
                        return Optional.of(child);
                    }
                }
            }
            return Optional.empty();
        }
    }
}
