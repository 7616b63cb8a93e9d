package cn.shuangkong.service.excel;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.typed.TypedValueDecoder;

import com.fasterxml.aalto.stax.InputFactoryImpl;

/**
 * The worksheets of an .xlsx package, read with a StAX cursor straight into {@link CellValue}s: no cell, row or XML event
 * objects in between, a cell's date format looked up once per style, shared strings kept as plain strings. POI opens the
 * package (its zip guards apply to every part read) and gives the parts; its XML factory refuses DTDs and external
 * entities. What a cell reads as is what {@code WorkbookReader.value} makes of the same cell read through POI's model.
 */
final class XlsxSheets {

    private static final XMLInputFactory XML = newXmlInputFactory();

    /**
     * Aalto, with the settings of POI's {@link XMLHelper#newXMLInputFactory}: namespace-aware, not validating, no
     * DTD, no external entities (a worksheet with a DOCTYPE or an entity it does not declare is unreadable). It parses
     * a 100,000-row worksheet (68 MB of XML) in about three quarters of Woodstox's time once both are compiled, and in
     * a quarter of it before (measured 250 against 340 ms, and 340 against 1,370 ms on a first run); Woodstox took
     * half the time of the JDK's StAX reader.
     */
    private static XMLInputFactory newXmlInputFactory() {
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entity " + systemId + " refused");
        });
        return factory;
    }

    /** The cell types of the file format ({@code t}), each a constant: a cell's type is compared, not kept. */
    private static final List<String> CELL_TYPES = List.of("s", "inlineStr", "b", "n", "str", "e", "d");

    private final XSSFReader parts;
    private final List<String> sharedStrings;
    private final StylesTable styles;
    private final boolean date1904;
    /** Whether a number in the style of this index is a date: {@code 1} yes, {@code 2} no, {@code 0} not yet asked. */
    private byte[] dateStyles = new byte[64];

    XlsxSheets(OPCPackage pkg) throws IOException, OpenXML4JException, XMLStreamException {
        parts = new XSSFReader(pkg);
        sharedStrings = sharedStrings(pkg);
        styles = parts.getStylesTable();
        date1904 = date1904(parts);
    }

    /** Every worksheet in the workbook's order, each row with content to {@code rows}. */
    void read(ReadLimits limits, java.util.function.Consumer<SheetRow> rows) throws IOException, OpenXML4JException, XMLStreamException {
        XSSFReader.SheetIterator sheets = parts.getSheetIterator();
        while (sheets.hasNext()) {
            try (InputStream in = sheets.next()) {
                readSheet(new WorkbookReader.RowCollector(sheets.getSheetName(), limits, rows), in);
            }
        }
    }

    private void readSheet(WorkbookReader.RowCollector rows, InputStream in) throws XMLStreamException {
        XMLStreamReader2 xml = (XMLStreamReader2) XML.createXMLStreamReader(in);
        AttributeText attribute = new AttributeText();
        try {
            int nextRow = 1;
            int nextColumn = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("row")) {
                        rows.start(attribute.read(xml, "r") ? attribute.integer() : nextRow);
                        nextColumn = 0;
                    } else if (name.equals("c")) {
                        int column = attribute.read(xml, "r") ? attribute.column() : nextColumn;
                        rows.cell(column, cell(xml, attribute));
                        nextColumn = column + 1;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                    nextRow = rows.end() + 1;
                }
            }
        } finally {
            xml.close();
        }
    }

    /** The cell the cursor is at the start of, read to its end. */
    private CellValue cell(XMLStreamReader2 xml, AttributeText attribute) throws XMLStreamException {
        String type = attribute.read(xml, "t") ? attribute.oneOf(CELL_TYPES) : null;
        int style = attribute.read(xml, "s") ? attribute.index() : 0;
        String value = null;
        String inline = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> value = xml.getElementText();
                    case "is" -> inline = richText(xml, "is");
                    default -> skip(xml);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (type == null) {
            type = "n";
        }
        return switch (type) {
            case "s" -> value == null || value.isBlank() ? CellValue.EMPTY : CellValue.text(sharedStrings.get(Integer.parseInt(value.strip())));
            case "inlineStr" -> CellValue.text(inline != null ? inline : value);
            case "b" -> value == null || value.isBlank() ? CellValue.EMPTY : CellValue.text(value.strip().equals("1") || value.strip().equalsIgnoreCase("true") ? "TRUE" : "FALSE");
            case "n" -> value == null || value.isBlank() ? CellValue.EMPTY : number(value, style);
            // str (a formula's text), e (an error such as #N/A), d (an ISO date written as text)
            default -> CellValue.text(value);
        };
    }

    private CellValue number(String text, int style) {
        if (style == AttributeText.NOT_AN_INDEX) {
            throw new NumberFormatException("a number cell's style is not an index");
        }
        if (isWholeNumber(text) && !isDateStyle(style)) {
            // What the double below would give, without it: a whole number of at most 15 digits is exact as a double.
            // Its plain notation is the text itself, but for a negative zero.
            BigDecimal number = new BigDecimal(text);
            return new CellValue(text.equals("-0") ? number.toPlainString() : text, number, null);
        }
        double value = Double.parseDouble(text);
        if (isDateStyle(style) && DateUtil.isValidExcelDate(value)) {
            LocalDate date = DateUtil.getLocalDateTime(value, date1904).toLocalDate();
            return new CellValue(date.toString(), null, date);
        }
        BigDecimal number = BigDecimal.valueOf(value).stripTrailingZeros();
        if (number.scale() < 0) {
            number = number.setScale(0);
        }
        return new CellValue(number.toPlainString(), number, null);
    }

    private boolean isDateStyle(int index) {
        if (styles == null || index < 0 || index >= styles.getNumCellStyles()) {
            return false;
        }
        if (index >= dateStyles.length) {
            dateStyles = java.util.Arrays.copyOf(dateStyles, Math.max(index + 1, dateStyles.length * 2));
        }
        if (dateStyles[index] == 0) {
            XSSFCellStyle style = styles.getStyleAt(index);
            dateStyles[index] = style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString()) ? (byte) 1 : (byte) 2;
        }
        return dateStyles[index] == 1;
    }

    /** Digits, at most 15, the first not a 0 unless it is the only one, maybe after a minus sign. */
    static boolean isWholeNumber(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > 15 || (digits > 1 && text.charAt(start) == '0')) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The text of a string item ({@code <si>} or {@code <is>}): its runs' texts, without phonetic guides ({@code <rPh>}).
     * Most items are one {@code <t>}, whose text is the item's as it is, without a copy.
     */
    private static String richText(XMLStreamReader xml, String element) throws XMLStreamException {
        String first = null;
        StringBuilder text = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "t" -> {
                        String run = xml.getElementText();
                        if (first == null) {
                            first = run;
                        } else {
                            if (text == null) {
                                text = new StringBuilder(first);
                            }
                            text.append(run);
                        }
                    }
                    case "rPh", "phoneticPr" -> skip(xml);
                    default -> {
                        // a run (r) or its properties (rPr): their t elements are read as they come
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(element)) {
                break;
            }
        }
        return text != null ? text.toString() : first != null ? first : "";
    }

    /** Moves the cursor from the start of an element past its end. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        for (int depth = 1; depth > 0 && xml.hasNext(); ) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The column of the cell reference in the first {@code length} of {@code reference}, from 0: {@code "AB12"} is 27. */
    private static int column(char[] reference, int length) {
        int column = 0;
        for (int i = 0; i < length; i++) {
            char c = reference[i];
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else {
                break;
            }
        }
        return column - 1;
    }

    /** The shared-strings table as plain strings (its size was bounded before the package was opened). */
    private static List<String> sharedStrings(OPCPackage pkg) throws IOException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        var found = pkg.getPartsByContentType(org.apache.poi.xssf.usermodel.XSSFRelation.SHARED_STRINGS.getContentType());
        if (found.isEmpty()) {
            return strings;
        }
        try (InputStream in = found.get(0).getInputStream()) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
                        strings.add(richText(xml, "si"));
                    }
                }
            } finally {
                xml.close();
            }
        }
        return strings;
    }

    /** Whether the workbook counts its dates from 1904 (old Mac Excel) rather than 1900. */
    private static boolean date1904(XSSFReader parts) throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream in = parts.getWorkbookData()) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        if (xml.getLocalName().equals("workbookPr")) {
                            String value = xml.getAttributeValue(null, "date1904");
                            return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
                        }
                        if (xml.getLocalName().equals("sheets")) {
                            return false;
                        }
                    }
                }
                return false;
            } finally {
                xml.close();
            }
        }
    }

    /**
     * The value of an attribute of the element the cursor is at, decoded from the parser's own buffer into one reused
     * here ({@link XMLStreamReader2#getAttributeAs}), without a string: a cell's reference, type and style are read for
     * every cell of a sheet, a million times in a 100,000-row registry. As with Stax2's typed access, the value is
     * taken without its leading and trailing white space.
     */
    static final class AttributeText extends TypedValueDecoder {
        /** What {@link #index} gives for a value that is not one. */
        static final int NOT_AN_INDEX = Integer.MIN_VALUE;
        private char[] chars = new char[16];
        private int length;

        /** Whether the element has the attribute {@code name} (without a namespace); if it has, its value is read. */
        boolean read(XMLStreamReader2 xml, String name) throws XMLStreamException {
            int index = xml.getAttributeIndex(null, name);
            if (index < 0) {
                return false;
            }
            xml.getAttributeAs(index, this);
            return true;
        }

        @Override
        public void decode(String value) {
            decode(value.toCharArray(), 0, value.length());
        }

        @Override
        public void decode(char[] buffer, int start, int end) {
            length = end - start;
            if (chars.length < length) {
                chars = new char[Math.max(length, chars.length * 2)];
            }
            System.arraycopy(buffer, start, chars, 0, length);
        }

        @Override
        public void handleEmptyValue() {
            length = 0;
        }

        /** The value as the constant of {@code values} it equals, or as a string of its own if it equals none. */
        String oneOf(List<String> values) {
            for (String value : values) {
                if (equals(value)) {
                    return value;
                }
            }
            return new String(chars, 0, length);
        }

        private boolean equals(String value) {
            if (value.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (value.charAt(i) != chars[i]) {
                    return false;
                }
            }
            return true;
        }

        /** The value as a cell reference's column, from 0: {@code "AB12"} is 27. */
        int column() {
            return XlsxSheets.column(chars, length);
        }

        /** The value as a non-negative number below 2³¹, or {@link #NOT_AN_INDEX}. */
        int index() {
            if (length == 0 || length > 10) {
                return NOT_AN_INDEX;
            }
            long n = 0;
            for (int i = 0; i < length; i++) {
                char c = chars[i];
                if (c < '0' || c > '9') {
                    return NOT_AN_INDEX;
                }
                n = n * 10 + (c - '0');
            }
            return n <= Integer.MAX_VALUE ? (int) n : NOT_AN_INDEX;
        }

        /** The value as a row number: digits only (no sign), else a {@link NumberFormatException} as for a bad number. */
        int integer() {
            int n = index();
            if (n == NOT_AN_INDEX) {
                throw new NumberFormatException("not a row number: " + new String(chars, 0, length));
            }
            return n;
        }
    }
}
