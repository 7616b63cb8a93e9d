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

    /** Today in China: deadlines and overdue days are counted in China's calendar days. */
    public static java.time.LocalDate today(java.time.Clock clock) {
        return java.time.LocalDate.now(clock.withZone(CHINA));
    }

    /** The UTC timestamp at which a day in China begins, to compare with stored timestamps. */
    public static LocalDateTime startOfChinaDay(java.time.LocalDate day) {
        return day.atStartOfDay(CHINA).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /** A stored UTC timestamp's day in China. */
    public static java.time.LocalDate chinaDate(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(CHINA).toLocalDate();
    }

    /** A stored UTC timestamp as China's clock shows it, to the minute ("2026-11-22 18:30"), for spreadsheets. */
    public static String chinaDateTimeText(LocalDateTime utc) {
        return utc == null ? null : toApi(utc).toLocalDateTime().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    public static OffsetDateTime toApi(LocalDateTime utc) {
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(CHINA).toOffsetDateTime();
    }
}
