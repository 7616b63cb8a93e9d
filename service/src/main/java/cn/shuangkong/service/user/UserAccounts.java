package cn.shuangkong.service.user;

import static cn.shuangkong.schema.Tables.APP_USER;

import java.time.Clock;
import java.time.LocalDateTime;

import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shuangkong.service.api.model.Role;
import cn.shuangkong.service.api.model.User;
import cn.shuangkong.service.api.model.UserInput;
import cn.shuangkong.service.enterprise.EnterpriseRegistry;
import cn.shuangkong.service.region.RegionDirectory;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ApiException;

/** Application users ({@code app_user}): each with one role and the scope that role needs. */
@Service
@Transactional
class UserAccounts {

    private final DSLContext db;
    private final PasswordEncoder passwords;
    private final RegionDirectory regions;
    private final EnterpriseRegistry enterprises;
    private final Clock clock;

    UserAccounts(DSLContext db, PasswordEncoder passwords, RegionDirectory regions, EnterpriseRegistry enterprises, Clock clock) {
        this.db = db;
        this.passwords = passwords;
        this.regions = regions;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    User create(UserInput in) {
        String regionCode = blankToNull(in.getRegionCode());
        String uscc = blankToNull(in.getUscc());
        switch (in.getRole()) {
            case REGULATOR, INSPECTOR -> {
                if (regionCode == null) {
                    throw ApiException.invalidField("regionCode", CurrentUser.label(in.getRole()) + "须指定管辖的行政区划代码");
                }
                if (!regions.exists(regionCode)) {
                    throw ApiException.invalidField("regionCode", "行政区划代码 " + regionCode + " 不存在");
                }
                if (uscc != null) {
                    throw ApiException.invalidField("uscc", CurrentUser.label(in.getRole()) + "不关联企业，请勿填写统一社会信用代码");
                }
            }
            case ENTERPRISE -> {
                if (uscc == null) {
                    throw ApiException.invalidField("uscc", "企业用户须指定所属企业的统一社会信用代码");
                }
                if (!enterprises.isRegistered(uscc)) {
                    throw ApiException.invalidField("uscc", "统一社会信用代码 " + uscc + " 对应的企业未登记");
                }
                if (regionCode != null) {
                    throw ApiException.invalidField("regionCode", "企业用户的范围是其企业本身，请勿填写行政区划代码");
                }
            }
            case ADMIN -> {
                if (regionCode != null || uscc != null) {
                    throw ApiException.invalidField(regionCode != null ? "regionCode" : "uscc", "系统管理员不限定范围，请勿填写行政区划代码或统一社会信用代码");
                }
            }
        }
        try {
            insert(in.getUsername(), in.getPassword(), in.getRole(), regionCode, uscc, in.getDisplayName());
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("用户名 " + in.getUsername() + " 已存在");
        }
        return toApi(new CurrentUser(in.getUsername(), in.getRole(), regionCode, uscc), in.getDisplayName());
    }

    @Transactional(readOnly = true)
    User describe(CurrentUser user) {
        String displayName = db.select(APP_USER.DISPLAY_NAME).from(APP_USER).where(APP_USER.USERNAME.eq(user.username())).fetchOne(APP_USER.DISPLAY_NAME);
        return toApi(user, displayName);
    }

    /** Creates the administrator on first start; false if one exists already. */
    boolean createAdminIfAbsent(String username, String password) {
        if (db.fetchExists(APP_USER, APP_USER.USERNAME.eq(username))) {
            return false;
        }
        insert(username, password, Role.ADMIN, null, null, "系统管理员");
        return true;
    }

    private void insert(String username, String password, Role role, String regionCode, String uscc, String displayName) {
        db.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.PASSWORD_HASH, passwords.encode(password))
                .set(APP_USER.ROLE, role.getValue())
                .set(APP_USER.REGION_CODE, regionCode)
                .set(APP_USER.USCC, uscc)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.ENABLED, true)
                .set(APP_USER.CREATED_AT, LocalDateTime.now(clock))
                .execute();
    }

    private static User toApi(CurrentUser user, String displayName) {
        return new User(user.username(), user.role(), CurrentUser.label(user.role()))
                .displayName(displayName)
                .regionCode(user.regionCode())
                .uscc(user.uscc());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
