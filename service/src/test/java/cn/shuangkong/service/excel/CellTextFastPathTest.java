package cn.shuangkong.service.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The quick paths for plain cells give what the full steps give: {@link Headers#normalize} and {@link CellParsing#code}
 * against the regular-expression steps they skip for plain text, and a whole number in a worksheet's XML against the
 * double it was read through before.
 */
class CellTextFastPathTest {

    /** What {@link Headers#normalize} did for every text before it had a quick path. */
    private static String normalizeByTheSteps(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = Pattern.compile("[\\s\\u00A0\\u3000]+").matcher(s).replaceAll("");
        s = s.replace("*", "");
        while (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1);
        }
        String stripped = Pattern.compile("\\([^()]*\\)$").matcher(s).replaceAll("");
        return stripped.isEmpty() ? s : stripped;
    }

    /** What {@link CellParsing#code} did for every text before it had a quick path. */
    private static String codeByTheSteps(String text) {
        return Pattern.compile("[\\s\\u00A0\\u3000]+").matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("").toUpperCase();
    }

    private static final List<String> SAMPLES = List.of("", "检查结果", " 检查结果 ", "检查结果（合格/不合格/不适用）", "＊检查结果", "*企业名称", "检查日期：",
            "检查日期:", "行业类别(必填)", "()", "(a)(b)", "ｕｓｃｃ", "91330302MA2XXXXX0X", "91330302ma2xxxxx0x", "９１３３", "3303\u00A002", "3303\u300002",
            "33\t03", "a\nb", "\u000B", "\r", "化工", "ﬁ", "①", "㈱", "Å", "A\u030A", "e\u0301", "全角：", "（注）", "有限公司)", "*", "::", "x:", "Ⅻ");

    @Test
    void normalizeAndCodeGiveWhatTheirStepsGiveForTrickyText() {
        for (String text : SAMPLES) {
            assertThat(Headers.normalize(text)).as("normalize(%s)", text).isEqualTo(normalizeByTheSteps(text));
            assertThat(CellParsing.code(CellValue.text(text))).as("code(%s)", text).isEqualTo(codeByTheSteps(text));
        }
        assertThat(Headers.normalize(null)).isEmpty();
    }

    @Test
    void normalizeAndCodeGiveWhatTheirStepsGiveForRandomMixes() {
        char[] alphabet = "检查结果鹿城区aZz09 \t\n\u000B\f\r\u00A0\u3000*:：()（）[]ｕＳ９①ﬁ\u0301\u030AÅé-_/.、".toCharArray();
        Random random = new Random(20261207);
        List<String> plainOnes = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = text.toString();
            assertThat(Headers.normalize(s)).as("normalize(%s)", s).isEqualTo(normalizeByTheSteps(s));
            assertThat(CellParsing.code(CellValue.text(s))).as("code(%s)", s).isEqualTo(codeByTheSteps(s));
            if (Headers.isPlain(s)) {
                plainOnes.add(s);
            }
        }
        assertThat(plainOnes).as("both paths are taken").hasSizeBetween(1_000, 19_000);
    }

    @Test
    void wholeNumbersAreReadAsTheirDoubleWas() {
        for (String text : List.of("0", "7", "-7", "10", "1200", "120000", "-0", "999999999999999", "-999999999999999", "100000000000000", "2026")) {
            assertThat(XlsxSheets.isWholeNumber(text)).as(text).isTrue();
            BigDecimal before = BigDecimal.valueOf(Double.parseDouble(text)).stripTrailingZeros();
            if (before.scale() < 0) {
                before = before.setScale(0);
            }
            BigDecimal now = new BigDecimal(text);
            assertThat(now.toPlainString()).as(text).isEqualTo(before.toPlainString());
            // The cell's text is the XML's own, but for a negative zero (XlsxSheets.number).
            assertThat(text.equals("-0") ? "0" : text).as(text).isEqualTo(before.toPlainString());
            assertThat(now.scale()).as(text).isEqualTo(before.scale());
        }
        // Read through the double as before: fractions, exponents, 16 digits and more (a double holds 15 exactly), leading zeros.
        for (String text : List.of("", "-", "1.5", "1.0", "1E3", "1e-3", "1234567890123456", "007", "00", "+5", " 5", "5 ", "１２", "0x1F", "NaN")) {
            assertThat(XlsxSheets.isWholeNumber(text)).as(text).isFalse();
        }
    }

    /** The characters {@link Headers#isPlain} takes as NFKC-stable without the normalizer: each is, alone and beside the others. */
    @Test
    void charactersTakenAsStableAreSoForTheNormalizer() {
        int stable = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (!Headers.isNfkcStable(c)) {
                continue;
            }
            stable++;
            String alone = String.valueOf(c);
            assertThat(Normalizer.isNormalized(alone, Normalizer.Form.NFKC)).as("U+%04X", (int) c).isTrue();
            for (String beside : List.of("a" + c, c + "a", "一" + c, c + "一", "" + c + c)) {
                assertThat(Normalizer.isNormalized(beside, Normalizer.Form.NFKC)).as("U+%04X beside", (int) c).isTrue();
            }
        }
        assertThat(stable).as("ASCII and U+4E00 … U+9FFF").isEqualTo(128 + 0x9FFF - 0x4E00 + 1);
        assertThat(Headers.isNfkcStable('Ａ')).as("full-width letters fold").isFalse();
        assertThat(Headers.isNfkcStable('（')).isFalse();
        assertThat(Headers.isNfkcStable('\uF900')).as("CJK compatibility ideographs decompose").isFalse();
    }
}
