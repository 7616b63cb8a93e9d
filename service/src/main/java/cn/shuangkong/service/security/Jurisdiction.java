package cn.shuangkong.service.security;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import cn.shuangkong.service.region.RegionCodes;

import static cn.shuangkong.schema.Tables.ENTERPRISE;

/**
 * The one scoping rule, applied inside every query: an administrator sees everything, a regulator or
 * inspector its region and everything below it, an enterprise user its own enterprise. Rows outside the
 * scope are never fetched, so another tenant's object is simply not found (404).
 */
public final class Jurisdiction {

    private Jurisdiction() {
    }

    /** The scope over any table that carries an enterprise's region code and USCC. */
    public static Condition of(CurrentUser user, Field<String> regionCode, Field<String> uscc) {
        return switch (user.role()) {
            case ADMIN -> DSL.trueCondition();
            case REGULATOR, INSPECTOR -> RegionCodes.within(regionCode, user.regionCode());
            case ENTERPRISE -> uscc.eq(user.uscc());
        };
    }

    /**
     * The scope over objects a region owns rather than an enterprise (geological hazard points): an
     * enterprise user has none.
     */
    public static Condition regions(CurrentUser user, Field<String> regionCode) {
        return switch (user.role()) {
            case ADMIN -> DSL.trueCondition();
            case REGULATOR, INSPECTOR -> RegionCodes.within(regionCode, user.regionCode());
            case ENTERPRISE -> DSL.falseCondition();
        };
    }

    /** The scope over {@code enterprise}. */
    public static Condition enterprises(CurrentUser user) {
        return of(user, ENTERPRISE.REGION_CODE, ENTERPRISE.USCC);
    }

    /** Whether an enterprise at {@code regionCode} with {@code uscc} lies in the user's scope (for rows not yet stored). */
    public static boolean covers(CurrentUser user, String regionCode, String uscc) {
        return switch (user.role()) {
            case ADMIN -> true;
            case REGULATOR, INSPECTOR -> RegionCodes.isWithin(regionCode, user.regionCode());
            case ENTERPRISE -> uscc.equals(user.uscc());
        };
    }
}
