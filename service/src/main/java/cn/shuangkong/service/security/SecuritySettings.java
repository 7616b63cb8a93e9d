package cn.shuangkong.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code shuangkong.security.mode}: {@code basic} (app_user, BCrypt) or {@code jwt} (OAuth2 resource server). */
@ConfigurationProperties("shuangkong.security")
record SecuritySettings(Mode mode) {

    enum Mode { BASIC, JWT }

    SecuritySettings {
        mode = mode == null ? Mode.BASIC : mode;
    }
}
