package cn.shuangkong.rules.riskpoint;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What a risk point is assessed with: LEC needs {@code l}, {@code e}, {@code c}; LS needs {@code l} and
 * {@code s}; DIRECT needs at least one flag. Flags may accompany any method and make the point RED.
 */
public record RiskPointInput(RiskMethod method, BigDecimal l, BigDecimal e, BigDecimal c, BigDecimal s, Set<DirectFlag> directFlags) {

    public RiskPointInput {
        directFlags = directFlags == null ? Set.of() : Set.copyOf(directFlags);
    }

    public static RiskPointInput lec(String l, String e, String c) {
        return new RiskPointInput(RiskMethod.LEC, new BigDecimal(l), new BigDecimal(e), new BigDecimal(c), null, Set.of());
    }

    public static RiskPointInput ls(String l, String s) {
        return new RiskPointInput(RiskMethod.LS, new BigDecimal(l), null, null, new BigDecimal(s), Set.of());
    }

    public static RiskPointInput direct(DirectFlag... flags) {
        return new RiskPointInput(RiskMethod.DIRECT, null, null, null, null, Set.of(flags));
    }

    public RiskPointInput withFlags(DirectFlag... flags) {
        return new RiskPointInput(method, l, e, c, s, Set.of(flags));
    }
}
