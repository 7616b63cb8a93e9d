package cn.shuangkong.service.excel;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading typed values out of cells the way Chinese users type them: dates as real date cells or as text
 * {@code 2026-11-20}, {@code 2026/11/20}, {@code 2026.11.20}, {@code 2026年11月20日}, {@code 20261120}; numbers with
 * full-width digits or thousands separators.
 */
public final class CellParsing {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d{1,20}(\\.\\d{1,12})?");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    /** Excel's day 0 (1899-12-30, counting its 1900 leap-year mistake), and the day numbers taken as dates: 2000 … 2099. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final BigDecimal FIRST_SERIAL = BigDecimal.valueOf(36_526);
    private static final BigDecimal LAST_SERIAL = BigDecimal.valueOf(73_050);

    private CellParsing() {
    }

    /** The date in the cell; empty if the cell is blank; a {@link DateTimeParseException} if it holds something else. */
    public static Optional<LocalDate> date(CellValue cell) {
        if (cell.date() != null) {
            return Optional.of(cell.date());
        }
        if (cell.isBlank()) {
            return Optional.empty();
        }
        // A date whose cell lost its date format (WPS and copy-paste do that) is left as Excel's day number.
        if (cell.number() != null && cell.number().scale() <= 0 && cell.number().compareTo(FIRST_SERIAL) >= 0
                && cell.number().compareTo(LAST_SERIAL) <= 0) {
            return Optional.of(EXCEL_EPOCH.plusDays(cell.number().longValue()));
        }
        String text = Normalizer.normalize(cell.text(), Normalizer.Form.NFKC).strip();
        // A date typed with its time ("2026-11-20 09:30") counts as the day.
        int space = text.indexOf(' ');
        if (space > 0 && text.indexOf(':') > space) {
            text = text.substring(0, space);
        }
        Matcher m = DATE.matcher(text);
        try {
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
            if (text.matches("\\d{8}")) {
                return Optional.of(LocalDate.parse(text, COMPACT));
            }
        } catch (java.time.DateTimeException e) {
            throw new DateTimeParseException("不是有效日期", text, 0);
        }
        throw new DateTimeParseException("不是有效日期", text, 0);
    }

    /** The number in the cell; empty if blank; a {@link NumberFormatException} if it holds something else. */
    public static Optional<BigDecimal> number(CellValue cell) {
        if (cell.number() != null) {
            return Optional.of(cell.number());
        }
        if (cell.isBlank()) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(cell.text(), Normalizer.Form.NFKC).replace(",", "").strip();
        // Plain decimals only: an exponent ("1E999999999") would make a number no cell holds and strings no heap fits.
        if (!PLAIN_NUMBER.matcher(text).matches()) {
            throw new NumberFormatException(text);
        }
        return Optional.of(new BigDecimal(text));
    }

    /** The text folded to half-width and stripped (codes, identifiers). */
    public static String code(CellValue cell) {
        if (Headers.isPlain(cell.text())) {
            return cell.text().toUpperCase();
        }
        return Headers.SPACES.matcher(Normalizer.normalize(cell.text(), Normalizer.Form.NFKC)).replaceAll("").toUpperCase();
    }

    /** Which of {@code choices} the cell names, compared as headers are ({@link Headers#normalize}). */
    public static Optional<String> choice(CellValue cell, List<String> choices) {
        String value = Headers.normalize(cell.text());
        return choices.stream().filter(c -> Headers.normalize(c).equals(value)).findFirst();
    }
}
