package cn.shuangkong.service.user;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On first start, creates the user {@code admin} with {@code SHUANGKONG_ADMIN_PASSWORD}, or with a random
 * password that is logged this once (it is stored only as a BCrypt hash).
 */
@Component
class AdminAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);
    static final String USERNAME = "admin";

    private final UserAccounts accounts;
    private final String configuredPassword;

    AdminAccount(UserAccounts accounts, @Value("${shuangkong.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        if (accounts.createAdminIfAbsent(USERNAME, password)) {
            if (generated) {
                log.warn("Created user '{}' with generated password: {} (shown once; set SHUANGKONG_ADMIN_PASSWORD to choose it)", USERNAME, password);
            } else {
                log.info("Created user '{}' with the password from SHUANGKONG_ADMIN_PASSWORD", USERNAME);
            }
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
