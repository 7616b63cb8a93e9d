package cn.shuangkong.service.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Timestamps are stored as UTC and shown in China Standard Time. */
public final class Times {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Times() {
    }

    public static OffsetDateTime toApi(LocalDateTime utc) {
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(CHINA).toOffsetDateTime();
    }
}
