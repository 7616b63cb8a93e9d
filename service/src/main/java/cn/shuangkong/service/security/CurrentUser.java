package cn.shuangkong.service.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.shuangkong.service.api.model.Role;

/**
 * Who is calling: a role and, for regulators and inspectors, the region they answer for, or, for an
 * enterprise user, its 统一社会信用代码.
 */
public record CurrentUser(String username, Role role, String regionCode, String uscc) {

    /** The authenticated caller of this request. */
    public static CurrentUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null) {
            if (authentication.getPrincipal() instanceof CurrentUser user) {
                return user;
            }
            if (authentication.getPrincipal() instanceof AccountDetails account) {
                return account.user();
            }
        }
        throw new AuthenticationCredentialsNotFoundException("No authenticated Shuangkong user");
    }

    /** 系统管理员, 监管部门, 检查人员 or 企业. */
    public static String label(Role role) {
        return switch (role) {
            case ADMIN -> "系统管理员";
            case REGULATOR -> "监管部门";
            case INSPECTOR -> "检查人员";
            case ENTERPRISE -> "企业";
        };
    }
}
