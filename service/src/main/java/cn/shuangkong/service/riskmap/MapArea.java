package cn.shuangkong.service.riskmap;

import static cn.shuangkong.schema.Tables.ENTERPRISE;

import org.jooq.Condition;

import cn.shuangkong.service.api.model.Role;
import cn.shuangkong.service.region.RegionCodes;
import cn.shuangkong.service.region.RegionDirectory;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.security.Jurisdiction;
import cn.shuangkong.service.web.ApiException;

/**
 * The region a risk map covers, for one caller: the region asked for, or the caller's jurisdiction, or, for an
 * administrator who names none, the whole country ({@code regionCode} null).
 */
record MapArea(CurrentUser user, String regionCode) {

    /**
     * The area {@code requested} by {@code user}: 403 for an enterprise user (the map is the regulator's picture of many
     * enterprises), 400 for a code that is no region, 404 for a region outside the caller's jurisdiction.
     */
    static MapArea of(CurrentUser user, String requested, RegionDirectory regions) {
        if (user.role() == Role.ENTERPRISE) {
            throw ApiException.forbidden("风险四色图供监管部门和检查人员查看，企业用户不能查看");
        }
        String code = requested == null || requested.isBlank() ? user.regionCode() : requested.strip();
        if (code == null) {
            return new MapArea(user, null);
        }
        if (!regions.exists(code)) {
            throw ApiException.invalidField("regionCode", "行政区划代码 " + code + " 不存在");
        }
        // A region is in scope when an enterprise registered there would be.
        if (!Jurisdiction.covers(user, code, null)) {
            throw ApiException.notFound("行政区划 " + code);
        }
        return new MapArea(user, code);
    }

    /** The enterprises on the map: the caller's scope and the region, both conditions of the query itself. */
    Condition enterprises() {
        Condition scope = Jurisdiction.enterprises(user);
        return regionCode == null ? scope : scope.and(RegionCodes.within(ENTERPRISE.REGION_CODE, regionCode));
    }
}
