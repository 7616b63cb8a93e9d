package cn.shuangkong.service.region;

import cn.shuangkong.service.api.model.RegionLevel;

/** One row of the region tree. */
public record RegionEntry(String code, String name, RegionLevel level, String parentCode) {

    /** 省级, 地级, 县级 or 乡级. */
    public static String label(RegionLevel level) {
        return switch (level) {
            case PROVINCE -> "省级";
            case PREFECTURE -> "地级";
            case COUNTY -> "县级";
            case TOWNSHIP -> "乡级";
        };
    }
}
