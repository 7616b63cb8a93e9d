package cn.shuangkong.rules.accident;

import java.math.BigDecimal;

import cn.shuangkong.rules.InvalidFactException;

/**
 * 生产安全事故等级 by 《生产安全事故报告和调查处理条例》(国务院令第493号) 第三条 (standards.md §2.4), most severe first.
 * Each level is reached by any one of its three criteria — deaths, serious injuries (急性工业中毒 included), direct
 * economic loss — and the most severe level any criterion reaches is the accident's. "以上" includes the number,
 * "以下" excludes it (第三条第二款), so each threshold belongs to the level it opens.
 */
public enum AccidentLevel {
    ESPECIALLY_MAJOR("特别重大事故", 30, 100, new BigDecimal("100000000")),
    MAJOR("重大事故", 10, 50, new BigDecimal("50000000")),
    RELATIVELY_MAJOR("较大事故", 3, 10, new BigDecimal("10000000")),
    GENERAL("一般事故", 0, 0, BigDecimal.ZERO);

    public static final String CLAUSE = "《生产安全事故报告和调查处理条例》（国务院令第493号）第三条";

    private final String label;
    private final int deathsFrom;
    private final int seriousInjuriesFrom;
    private final BigDecimal directLossYuanFrom;

    AccidentLevel(String label, int deathsFrom, int seriousInjuriesFrom, BigDecimal directLossYuanFrom) {
        this.label = label;
        this.deathsFrom = deathsFrom;
        this.seriousInjuriesFrom = seriousInjuriesFrom;
        this.directLossYuanFrom = directLossYuanFrom;
    }

    public String label() {
        return label;
    }

    /** The level of an accident with these consequences; a negative count or loss is refused, naming the field. */
    public static AccidentLevel of(int deaths, int seriousInjuries, BigDecimal directLossYuan) {
        if (deaths < 0) {
            throw new InvalidFactException("deaths", "死亡人数不能为负数");
        }
        if (seriousInjuries < 0) {
            throw new InvalidFactException("seriousInjuries", "重伤人数不能为负数");
        }
        if (directLossYuan == null || directLossYuan.signum() < 0) {
            throw new InvalidFactException("directLossYuan", "直接经济损失不能为空或负数");
        }
        for (AccidentLevel level : values()) {
            if (deaths >= level.deathsFrom || seriousInjuries >= level.seriousInjuriesFrom || directLossYuan.compareTo(level.directLossYuanFrom) >= 0) {
                return level;
            }
        }
        throw new AssertionError("GENERAL is reached from zero");
    }
}
