package cn.shuangkong.service.security;

import static cn.shuangkong.schema.Tables.APP_USER;

import org.jooq.DSLContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import cn.shuangkong.service.api.model.Role;

/** Reads the credentials of HTTP Basic logins from {@code app_user}. */
@Component
class AccountLookup implements UserDetailsService {

    private final DSLContext db;

    AccountLookup(DSLContext db) {
        this.db = db;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return db.select(APP_USER.USERNAME, APP_USER.ROLE, APP_USER.REGION_CODE, APP_USER.USCC, APP_USER.PASSWORD_HASH, APP_USER.ENABLED)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(r -> new AccountDetails(
                        new CurrentUser(r.value1(), Role.fromValue(r.value2()), r.value3(), r.value4()), r.value5(), r.value6()))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
