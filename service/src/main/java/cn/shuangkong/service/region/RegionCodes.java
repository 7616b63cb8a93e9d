package cn.shuangkong.service.region;

import org.jooq.Condition;
import org.jooq.Field;

/**
 * A region's subtree as a code prefix: GB/T 2260 codes are hierarchical, so 330000 (浙江省) covers every
 * code starting 33, 330300 (温州市) every code starting 3303, and 330302 (鹿城区) itself and its 9-digit
 * townships 330302xxx.
 */
public final class RegionCodes {

    private RegionCodes() {
    }

    public static String subtreePrefix(String code) {
        if (code.length() == 6 && code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.length() == 6 && code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }

    /** {@code field} lies in the region {@code code} or below it (an index range scan, not a function). */
    public static Condition within(Field<String> field, String code) {
        return field.like(subtreePrefix(code) + "%");
    }

    /** Whether {@code code} lies in the region {@code ancestor} or below it. */
    public static boolean isWithin(String code, String ancestor) {
        return code.startsWith(subtreePrefix(ancestor));
    }
}
