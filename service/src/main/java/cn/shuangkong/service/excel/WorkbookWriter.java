package cn.shuangkong.service.excel;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

import cn.shuangkong.rules.Grade;

/**
 * The one writer every export, template and error report uses: SXSSF, so only a window of rows is in memory
 * however long the sheet. A template's output is byte-for-byte reproducible (fixed document dates and zip entry times), so a
 * generated template can be compared with the committed one.
 */
public final class WorkbookWriter implements AutoCloseable {

    /** Cell fills. */
    public enum Fill {
        RED("FF0000", true), ORANGE("FFA500", false), YELLOW("FFFF00", false), BLUE("0070C0", true), ERROR("FFC7CE", false);

        final String rgb;
        final boolean whiteText;

        Fill(String rgb, boolean whiteText) {
            this.rgb = rgb;
            this.whiteText = whiteText;
        }

        /** The fill of a grade's cell: 红, 橙, 黄 or 蓝. */
        public static Fill of(Grade grade) {
            return switch (grade) {
                case RED -> RED;
                case ORANGE -> ORANGE;
                case YELLOW -> YELLOW;
                case BLUE -> BLUE;
            };
        }
    }

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

    final SXSSFWorkbook workbook;
    /** Templates are compared with the committed files, so their bytes are made reproducible; exports are not re-zipped. */
    private final boolean reproducible;
    final CellStyle title;
    final CellStyle header;
    final CellStyle text;
    final CellStyle wrapped;
    final CellStyle date;
    final CellStyle number;
    final CellStyle label;
    private final Map<Fill, CellStyle> fills = new EnumMap<>(Fill.class);
    private final Map<String, CellStyle> formats = new HashMap<>();

    /** A writer for exports: strings inline, so memory stays flat however many distinct texts the rows hold. */
    public WorkbookWriter() {
        this(false);
    }

    /**
     * With {@code sharedStrings}, texts go to a shared-strings table as Excel itself writes them: for templates users
     * fill and that other tools edit (some misread a cell whose inline text they overwrite). Kept in memory: small files only.
     */
    public WorkbookWriter(boolean sharedStrings) {
        workbook = new SXSSFWorkbook(null, 500, true, sharedStrings) {
            /**
             * The rows that left the window wait gzipped in a temporary file until the workbook is written, when they
             * are inflated again and deflated into the .xlsx: so they are gzipped at the fastest level, still several
             * times smaller than their XML, for much less CPU than the default level (gzipping was a sixth of a
             * million-row export's request thread, see the export benchmark).
             */
            @Override
            protected SheetDataWriter createSheetDataWriter() throws IOException {
                return new GZIPSheetDataWriter(getSharedStringSource()) {
                    @Override
                    protected OutputStream decorateOutputStream(FileOutputStream file) throws IOException {
                        return new GZIPOutputStream(file, 64 * 1024) {
                            {
                                def.setLevel(Deflater.BEST_SPEED);
                            }
                        };
                    }
                };
            }
        };
        reproducible = sharedStrings;
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);

        title = workbook.createCellStyle();
        title.setFont(big);
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);

        header = bordered();
        header.setFont(bold);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setWrapText(true);
        ((XSSFCellStyle) header).setFillForegroundColor(new XSSFColor(new byte[]{(byte) 0xD9, (byte) 0xE1, (byte) 0xF2}));
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

        label = bordered();
        label.setFont(bold);
        ((XSSFCellStyle) label).setFillForegroundColor(new XSSFColor(new byte[]{(byte) 0xF2, (byte) 0xF2, (byte) 0xF2}));
        label.setFillPattern(FillPatternType.SOLID_FOREGROUND);

        text = bordered();
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        wrapped = bordered();
        wrapped.setWrapText(true);
        wrapped.setDataFormat(workbook.createDataFormat().getFormat("@"));
        date = bordered();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        number = bordered();
        number.setDataFormat(workbook.createDataFormat().getFormat("General"));
        for (Fill fill : Fill.values()) {
            XSSFCellStyle style = (XSSFCellStyle) bordered();
            style.setFillForegroundColor(new XSSFColor(hex(fill.rgb)));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            if (fill.whiteText) {
                XSSFFont white = (XSSFFont) workbook.createFont();
                white.setColor(new XSSFColor(hex("FFFFFF")));
                style.setFont(white);
            }
            fills.put(fill, style);
        }
    }

    public SheetWriter sheet(String name) {
        flushSheets();
        return new SheetWriter(this, workbook.createSheet(name));
    }

    /** Sheets are flushed in their order, so shared strings are numbered in the order a reader meets them. */
    private void flushSheets() {
        try {
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                workbook.getSheetAt(i).flushRows();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CellStyle fill(Fill fill) {
        return fills.get(fill);
    }

    /**
     * A bordered style with a number format, made on first use: a workbook that never uses it keeps the styles it
     * had, so the committed templates stay byte-for-byte what the writer produces.
     */
    CellStyle formatted(String format) {
        return formats.computeIfAbsent(format, f -> {
            CellStyle style = bordered();
            style.setDataFormat(workbook.createDataFormat().getFormat(f));
            return style;
        });
    }

    /** The workbook as .xlsx bytes (reproducible ones for a template). */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out);
            return reproducible ? reproducible(out.toByteArray()) : out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The workbook as a temporary .xlsx file, for an export whose file may not fit the heap (a million rows make about
     * 100 MB): SXSSF copies the sheets' rows from its own temporary files straight into it. Answer it with
     * {@link XlsxDownload#of(Path, String)}, which deletes it once the request is over.
     */
    public Path toTemporaryFile() {
        try {
            Path file = Files.createTempFile("shuangkong-export-", ".xlsx");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                write(out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(OutputStream out) throws IOException {
        var core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        core.setCreator("双控 Shuangkong");
        core.setCreated(java.util.Optional.of(java.util.Date.from(FIXED_TIME.toInstant(java.time.ZoneOffset.UTC))));
        core.setModified(java.util.Optional.of(java.util.Date.from(FIXED_TIME.toInstant(java.time.ZoneOffset.UTC))));
        flushSheets();
        workbook.write(out);
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same zip with every entry's time fixed, so equal content gives equal bytes. */
    private static byte[] reproducible(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get();
             ZipOutputStream rezipped = new ZipOutputStream(out)) {
            for (ZipArchiveEntry entry : java.util.Collections.list(in.getEntriesInPhysicalOrder())) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(FIXED_TIME);
                rezipped.putNextEntry(copy);
                try (var content = in.getInputStream(entry)) {
                    content.transferTo(rezipped);
                }
                rezipped.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private CellStyle bordered() {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    private static byte[] hex(String rgb) {
        return new byte[]{(byte) Integer.parseInt(rgb.substring(0, 2), 16), (byte) Integer.parseInt(rgb.substring(2, 4), 16),
                (byte) Integer.parseInt(rgb.substring(4, 6), 16)};
    }
}
