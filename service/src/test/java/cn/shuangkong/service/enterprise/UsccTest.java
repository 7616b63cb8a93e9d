package cn.shuangkong.service.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 统一社会信用代码 check character (standards.md §7). */
class UsccTest {

    @ParameterizedTest(name = "{0} ({1}) is valid")
    @CsvSource({
            "914403001922038216, 华为技术有限公司 (Wikipedia infobox)",
            "91512081MA62K0260E, worked example: Σ=1495, 1495 mod 31 = 17, 31−17 = 14 → E",
            "9131000063159284XQ, quoted at segmentfault",
            "91350100M000100Y43, the standard's worked example with its correct check character",
            "91330302MA2AK7L1XU, demo enterprise (温州瓯江化工储运有限公司)",
    })
    void codesWithTheRightCheckCharacterAreValid(String code, String source) {
        assertThat(Uscc.violation(code)).isEmpty();
    }

    @Test
    void theStandardsWorkedExampleComputesThree() {
        // 91350100M000100Y4: Σ = 1640, 1640 mod 31 = 28, C18 = 31 − 28 = 3.
        assertThat(Uscc.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void aSumDivisibleBy31GivesCheckCharacterZero() {
        // 31 − 0 = 31 is written 0 ("函数MOD(31,31)的值为0"): find a body whose weighted sum is a multiple of 31.
        String body = "9133030200000000";
        for (char c : Uscc.CHARSET.toCharArray()) {
            if (Uscc.checkCharacter(body + c) == '0') {
                assertThat(Uscc.violation(body + c + "0")).isEmpty();
                return;
            }
        }
        throw new AssertionError("no body ending found whose check character is 0");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "91350211M0000XUF46, 校验码错误：第18位应为“R”",
            "91350100M0001TGQXM, 校验码错误：第18位应为“1”",
            "91310115MA1H8R7C6D, 校验码错误：第18位应为“7”",
            "914403001922038217, 校验码错误：第18位应为“6”",
    })
    void aWrongCheckCharacterIsNamed(String code, String message) {
        assertThat(Uscc.violation(code)).hasValueSatisfying(m -> assertThat(m).contains(message));
    }

    @ParameterizedTest(name = "letter {0} is not in the character set")
    @ValueSource(strings = {"I", "O", "Z", "S", "V"})
    void lettersOutsideTheCharacterSetAreRefused(String letter) {
        String code = "91350100M000100Y4" + letter;
        assertThat(Uscc.violation(code)).hasValueSatisfying(m -> assertThat(m).contains("第18位").contains("不使用字母 I、O、Z、S、V"));
        String inBody = "9135010" + letter + "M000100Y43";
        assertThat(Uscc.violation(inBody)).hasValueSatisfying(m -> assertThat(m).contains("第8位"));
    }

    @Test
    void lowerCaseIsRefusedAsSuch() {
        assertThat(Uscc.violation("91512081ma62k0260e")).hasValueSatisfying(m -> assertThat(m).contains("第9位").contains("应使用大写字母"));
    }

    @ParameterizedTest(name = "length of {0}")
    @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y433", "9"})
    void theLengthMustBeEighteen(String code) {
        assertThat(Uscc.violation(code)).hasValueSatisfying(m -> assertThat(m).contains("应为18位"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankIsRefused(String code) {
        assertThat(Uscc.violation(code)).hasValue("统一社会信用代码不能为空");
    }

    @Test
    void punctuationIsRefused() {
        assertThat(Uscc.violation("91350100-000100Y43")).hasValueSatisfying(m -> assertThat(m).contains("只能由数字和大写字母组成"));
    }
}
