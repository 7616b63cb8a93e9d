package cn.shuangkong.service.region;

import static cn.shuangkong.schema.Tables.REGION;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import cn.shuangkong.service.api.model.RegionLevel;

/**
 * The GB/T 2260 region tree. Regions are reference data seeded by a migration, so they are read once,
 * on first use, and kept in memory (about 9,000 rows).
 */
@Component
public class RegionDirectory {

    /** Names of the statistical groupings that a full name skips (北京市市辖区东城区 reads 北京市东城区). */
    private static final Set<String> GROUPING_NAMES = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

    private final DSLContext db;
    private volatile Tree tree;

    RegionDirectory(DSLContext db) {
        this.db = db;
    }

    public Optional<RegionEntry> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(tree().byCode.get(code));
    }

    public boolean exists(String code) {
        return find(code).isPresent();
    }

    /** The children of a region, by code. */
    public List<RegionEntry> children(String code) {
        return tree().children.getOrDefault(code, List.of());
    }

    /**
     * Whether an enterprise can be located in this region: a county or township, or a prefecture-level
     * city that has no counties (东莞市, 中山市, 儋州市, 嘉峪关市).
     */
    public boolean isLocality(String code) {
        return find(code).map(r -> switch (r.level()) {
            case COUNTY, TOWNSHIP -> true;
            case PREFECTURE -> children(code).stream().noneMatch(c -> c.level() == RegionLevel.COUNTY);
            case PROVINCE -> false;
        }).orElse(false);
    }

    /** 浙江省温州市鹿城区 for 330302. */
    public String fullName(String code) {
        List<String> names = new ArrayList<>();
        for (RegionEntry r = tree().byCode.get(code); r != null; r = r.parentCode() == null ? null : tree().byCode.get(r.parentCode())) {
            if (!GROUPING_NAMES.contains(r.name()) || r.code().equals(code)) {
                names.add(0, r.name());
            }
        }
        return String.join("", names);
    }

    private Tree tree() {
        Tree t = tree;
        if (t == null) {
            synchronized (this) {
                if (tree == null) {
                    tree = load();
                }
                t = tree;
            }
        }
        return t;
    }

    private Tree load() {
        List<RegionEntry> all = db.select(REGION.CODE, REGION.NAME, REGION.ADMIN_LEVEL, REGION.PARENT_CODE)
                .from(REGION)
                .orderBy(REGION.CODE)
                .fetch(r -> new RegionEntry(r.value1(), r.value2(), RegionLevel.fromValue(r.value3()), r.value4()));
        Map<String, RegionEntry> byCode = new HashMap<>();
        Map<String, List<RegionEntry>> children = new HashMap<>();
        for (RegionEntry r : all) {
            byCode.put(r.code(), r);
            if (r.parentCode() != null) {
                children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
            }
        }
        children.values().forEach(list -> list.sort(Comparator.comparing(RegionEntry::code)));
        return new Tree(Map.copyOf(byCode), Map.copyOf(children));
    }

    private record Tree(Map<String, RegionEntry> byCode, Map<String, List<RegionEntry>> children) {
    }
}
