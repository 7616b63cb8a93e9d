package cn.shuangkong.service.excel;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.shuangkong.service.api.model.SpreadsheetError;

/**
 * Finds columns by their header text, wherever the header row is (a title row or a header block may sit above it) and
 * in whatever order the columns come. Header text is compared after {@link #normalize}: full-width characters folded,
 * every kind of space removed, a required-marker {@code *} and a trailing colon or parenthesised hint dropped, so
 * {@code " 检查结果（合格/不合格/不适用） "} and {@code "＊检查结果"} both match {@code 检查结果}.
 */
public final class Headers {

    /** Every kind of space, the full-width and no-break ones too. */
    static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");
    private static final Pattern TRAILING_HINT = Pattern.compile("\\([^()]*\\)$");

    /** A column the import knows: its key, its header and other accepted spellings, whether the import needs it. */
    public record Column(String key, String header, boolean required, List<String> aliases) {

        public static Column required(String key, String header, String... aliases) {
            return new Column(key, header, true, List.of(aliases));
        }

        public static Column optional(String key, String header, String... aliases) {
            return new Column(key, header, false, List.of(aliases));
        }
    }

    /** The header row found: its row number and each known column's index. */
    public record Layout(String sheet, int headerRow, Map<String, Integer> columns, Map<String, Column> byKey) {

        public Optional<Integer> index(String key) {
            return Optional.ofNullable(columns.get(key));
        }

        public CellValue cell(SheetRow row, String key) {
            Integer index = columns.get(key);
            return index == null ? CellValue.EMPTY : row.cell(index);
        }

        public String header(String key) {
            return byKey.get(key).header();
        }

        /** As {@link #number}, for a whole number that fits an {@code int}; a problem at the cell otherwise. */
        public Integer integer(SheetRow row, String key, List<SpreadsheetError> errors) {
            BigDecimal n = number(row, key, errors);
            if (n == null) {
                return null;
            }
            try {
                return n.stripTrailingZeros().intValueExact();
            } catch (ArithmeticException e) {
                errors.add(WorkbookReader.error(sheet, row.number(), columns.getOrDefault(key, 0), header(key) + "应为整数（不超过 " + Integer.MAX_VALUE + "）：" + n.toPlainString()));
                return null;
            }
        }

        /**
         * The number in column {@code key} of {@code row}, or null when the cell is blank; when it holds something
         * else, a problem at that cell ("经度“东经120度”不是数字") is added to {@code errors} and null returned.
         */
        public BigDecimal number(SheetRow row, String key, List<SpreadsheetError> errors) {
            CellValue cell = cell(row, key);
            try {
                return CellParsing.number(cell).orElse(null);
            } catch (NumberFormatException e) {
                errors.add(WorkbookReader.error(sheet, row.number(), columns.getOrDefault(key, 0), header(key) + "“" + cell.text() + "”不是数字"));
                return null;
            }
        }
    }

    private final List<Column> columns;
    private final Map<String, Column> byName = new HashMap<>();
    private final Map<String, Column> byKey = new LinkedHashMap<>();

    public Headers(List<Column> columns) {
        this.columns = List.copyOf(columns);
        for (Column column : columns) {
            byKey.put(column.key(), column);
            byName.put(normalize(column.header()), column);
            column.aliases().forEach(alias -> byName.put(normalize(alias), column));
        }
    }

    /** The layout if {@code row} is a header row: one holding every required column's header. */
    public Optional<Layout> match(SheetRow row) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            Column column = byName.get(normalize(row.cell(i).text()));
            if (column != null) {
                found.putIfAbsent(column.key(), i);
            }
        }
        boolean complete = columns.stream().filter(Column::required).allMatch(c -> found.containsKey(c.key()));
        return complete ? Optional.of(new Layout(row.sheet(), row.number(), found, byKey)) : Optional.empty();
    }

    /** The headers of the required columns, for the message when no header row is found. */
    public String requiredHeaders() {
        return String.join("、", columns.stream().filter(Column::required).map(Column::header).toList());
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        if (isPlain(text) && !text.endsWith(":") && !text.endsWith(")")) {
            return text; // what the steps below would return unchanged: they are for the few cells that need them
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = SPACES.matcher(s).replaceAll("");
        s = s.replace("*", "");
        while (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1);
        }
        String stripped = TRAILING_HINT.matcher(s).replaceAll("");
        return stripped.isEmpty() ? s : stripped;
    }

    /**
     * Whether NFKC leaves {@code text} as it is and it holds no space of {@link #SPACES} and no {@code *}: then folding
     * and removing spaces change nothing. A quick scan, so that the cells of a 100,000-row sheet are not each run
     * through the normalizer and two regular expressions.
     */
    static boolean isPlain(String text) {
        boolean stable = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == ' ' || c == '\u00A0' || c == '\u3000' || (c >= '\t' && c <= '\r')) {
                return false;
            }
            stable &= isNfkcStable(c);
        }
        return stable || Normalizer.isNormalized(text, Normalizer.Form.NFKC);
    }

    /**
     * Whether NFKC leaves any text made of such characters alone as it is, without asking the normalizer (which
     * allocates for every text it checks): ASCII and the CJK Unified Ideographs (U+4E00 … U+9FFF), each its own NFKC
     * form (Unicode's NFKC_Quick_Check is Yes) with combining class 0, so that a text of nothing else passes NFKC's
     * quick check ({@code CellTextFastPathTest} asks the JDK's normalizer about every one). Most cells of a Chinese
     * sheet are made of nothing else; the others go to the normalizer.
     */
    static boolean isNfkcStable(char c) {
        return c < 0x80 || (c >= '\u4E00' && c <= '\u9FFF');
    }
}
