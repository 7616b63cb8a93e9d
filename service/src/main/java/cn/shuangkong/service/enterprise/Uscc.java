package cn.shuangkong.service.enterprise;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from {@code 0-9} and the upper-case letters except
 * I, O, Z, S, V; the 18th is a check character computed from the first 17 with weights 3^(i−1) mod 31.
 */
public final class Uscc {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    /** Why {@code code} is not a valid 统一社会信用代码, in Chinese; empty when it is valid. */
    public static Optional<String> violation(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of("统一社会信用代码不能为空");
        }
        if (code.length() != 18) {
            return Optional.of("统一社会信用代码应为18位，实际为" + code.length() + "位");
        }
        for (int i = 0; i < 18; i++) {
            char c = code.charAt(i);
            if (CHARSET.indexOf(c) < 0) {
                String why = Character.isLowerCase(c) ? "应使用大写字母"
                        : "IOZSV".indexOf(c) >= 0 ? "不使用字母 I、O、Z、S、V"
                        : "只能由数字和大写字母组成";
                return Optional.of("统一社会信用代码第" + (i + 1) + "位“" + c + "”无效：" + why);
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Optional.of("统一社会信用代码校验码错误：第18位应为“" + expected + "”，实际为“" + code.charAt(17) + "”");
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return violation(code).isEmpty();
    }

    /** C18 = 31 − (Σ Ci × Wi mod 31), 31 written as 0 (GB 32100-2015). */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("Expected the first 17 characters of a USCC: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("Not a USCC character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }
}
