package cn.shuangkong.service.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.xml.stream.XMLStreamException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

import com.github.pjfanning.xlsx.StreamingReader;

import cn.shuangkong.service.api.model.SpreadsheetError;

/**
 * The one reader every import uses. {@code .xlsx} is streamed (a StAX cursor over each worksheet's XML, see
 * {@link XlsxSheets}: one row in memory at a time); {@code .xls}, which cannot exceed 65,536 rows, is read with HSSF. Hostile files are
 * refused with a {@link SpreadsheetRejected} and never reach the importer: anything that is not an Excel workbook
 * (whatever its name), encrypted workbooks, zip bombs (POI's inflate-ratio and entry-size guards), XML with a DTD
 * (POI's parsers refuse external entities), more rows with content than the import allows, and cells longer than
 * Excel itself permits. Formulas are never evaluated: a formula cell gives the value Excel cached when it was saved,
 * so external links are never followed.
 */
public final class WorkbookReader {

    private static final Logger log = LoggerFactory.getLogger(WorkbookReader.class);

    /** The largest uncompressed part of an .xlsx accepted: far above a 100,000-row registry (about 50 MB of XML). */
    static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;
    /**
     * The shared-strings table is held in memory while a workbook is read, so it is bounded before opening: its XML
     * (a 100,000-row registry of distinct names and addresses needs about 20 MB) and its number of strings.
     */
    static final long MAX_SHARED_STRINGS_BYTES = 64L * 1024 * 1024;
    static final long MAX_SHARED_STRINGS = 1_000_000;

    static {
        // Process-wide POI guards; set once here, where every upload passes. The inflate ratio stays at POI's 1 %.
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private WorkbookReader() {
    }

    /**
     * Reads every sheet in order, handing each row that has content to {@code rows}. What {@code rows} throws reaches
     * the caller as it was thrown; only what reading the file throws becomes a refusal of the file.
     */
    public static void read(byte[] content, ReadLimits limits, Consumer<SheetRow> rows) {
        Consumer<SheetRow> guarded = row -> {
            try {
                rows.accept(row);
            } catch (RuntimeException e) {
                throw new ConsumerFailure(e);
            }
        };
        try {
            switch (magic(content)) {
                case OOXML -> readXlsx(content, limits, guarded);
                case OLE2 -> {
                    try (Workbook workbook = openOle2(content)) {
                        for (Sheet sheet : workbook) {
                            readSheet(sheet, limits, guarded);
                        }
                    }
                }
                default -> throw notAWorkbook();
            }
        } catch (ConsumerFailure e) {
            throw e.cause;
        } catch (SpreadsheetRejected e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw encrypted();
        } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    /**
     * Rows parsed ahead of the consumer: a few of an import's 1,000-row chunks, so that parsing goes on while the
     * consumer waits for the database with a chunk, and the consumer does not wait for the next chunk to be parsed
     * (with one chunk's room the two took turns); few enough to weigh little (a few MB).
     */
    static final int READ_AHEAD_ROWS = 4_000;

    /**
     * As {@link #read}, with the file parsed on a thread of its own while the calling thread handles the rows (in the
     * same order, each once): for an import whose checks of a row cost about as much as parsing it. At most
     * {@value #READ_AHEAD_ROWS} rows wait between the two. What reading throws (a refusal of the file) reaches the caller
     * after the rows read before it, as with {@link #read}; what {@code rows} throws stops the parsing and reaches the
     * caller as it was thrown. The parsing thread has ended when this returns.
     */
    public static void readAhead(byte[] content, ReadLimits limits, Consumer<SheetRow> rows) {
        readAhead(content, limits, Function.identity(), rows);
    }

    /**
     * As {@link #readAhead(byte[], ReadLimits, Consumer)}, with each row first turned by {@code prepare} on the parsing
     * thread into what the calling thread's {@code rows} takes (a null is handed on to no one): the work of a row that
     * needs nothing of the caller's thread (its cells read and checked) is done while the caller writes the rows before
     * it. {@code prepare} runs for the rows in order, on one thread, in the caller's locale ({@link LocaleContextHolder}:
     * the messages of bean validation are in the request's language, Chinese, not the JVM's); what it throws reaches the
     * caller as it was thrown, after the rows prepared before it.
     */
    public static <T> void readAhead(byte[] content, ReadLimits limits, Function<SheetRow, T> prepare, Consumer<T> rows) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(READ_AHEAD_ROWS);
        Object end = new Object();
        LocaleContext locale = LocaleContextHolder.getLocaleContext();
        Thread parser = new Thread(() -> {
            LocaleContextHolder.setLocaleContext(locale);
            Object last = end;
            try {
                read(content, limits, row -> {
                    T prepared = prepare.apply(row);
                    if (prepared == null) {
                        return;
                    }
                    try {
                        queue.put(new Prepared<>(prepared));
                    } catch (InterruptedException e) {
                        throw new Stopped();
                    }
                });
            } catch (Stopped e) {
                return;
            } catch (RuntimeException | Error e) {
                last = e;
            }
            try {
                queue.put(last);
            } catch (InterruptedException e) {
                // the consumer has stopped
            }
        }, "workbook-read-ahead");
        parser.setDaemon(true);
        parser.start();
        boolean done = false;
        try {
            while (true) {
                Object next = queue.take();
                if (next instanceof Prepared<?> prepared) {
                    @SuppressWarnings("unchecked")
                    T row = (T) prepared.value();
                    rows.accept(row);
                } else if (next == end) {
                    done = true;
                    return;
                } else {
                    done = true;
                    if (next instanceof Error e) {
                        throw e;
                    }
                    throw (RuntimeException) next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a workbook", e);
        } finally {
            if (!done) {
                parser.interrupt();
            }
            joinUninterruptibly(parser);
        }
    }

    /** A row on its way from the parsing thread (wrapped: the rows may be of any type, the queue's markers too). */
    private record Prepared<T>(T value) {
    }

    /** The consumer of a read-ahead stopped: the parsing thread unwinds without reporting anything. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Carries an exception of the row consumer past the reader's own handling. */
    private static final class ConsumerFailure extends RuntimeException {
        final RuntimeException cause;

        ConsumerFailure(RuntimeException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    private static FileMagic magic(byte[] content) {
        try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(content))) {
            return FileMagic.valueOf(in);
        } catch (IOException e) {
            throw notAWorkbook();
        }
    }

    /**
     * An .xlsx, from a temporary copy (POI's zip guards work on a file, and its parts are then inflated one at a time
     * as they are read, never all at once): with {@link XlsxSheets}, or, for the rare workbook saved as Strict Open XML,
     * with excel-streaming-reader, which translates that format.
     */
    private static void readXlsx(byte[] content, ReadLimits limits, Consumer<SheetRow> rows)
            throws IOException, OpenXML4JException, XMLStreamException {
        boundedSharedStrings(content);
        Path copy = Files.createTempFile("shuangkong-upload-", ".xlsx");
        try {
            Files.write(copy, content);
            boolean strict;
            OPCPackage pkg = OPCPackage.open(copy.toFile(), PackageAccess.READ);
            try {
                strict = pkg.isStrictOoxmlFormat();
                if (!strict) {
                    new XlsxSheets(pkg).read(limits, rows);
                }
            } finally {
                pkg.revert();
            }
            if (strict) {
                try (Workbook workbook = StreamingReader.builder().rowCacheSize(100).bufferSize(64 * 1024).setReadComments(false)
                        .setReadHyperlinks(false).setReadShapes(false).setReadCoreProperties(false).open(copy.toFile())) {
                    for (Sheet sheet : workbook) {
                        readSheet(sheet, limits, rows);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** Refuses a workbook whose shared strings would not fit the bounds, before the reader loads them. */
    private static void boundedSharedStrings(byte[] content) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            for (ZipArchiveEntry entry : java.util.Collections.list(zip.getEntries())) {
                if (!entry.getName().toLowerCase(java.util.Locale.ROOT).endsWith("sharedstrings.xml")) {
                    continue;
                }
                long bytes = 0;
                long strings = 0;
                int matched = 0;
                byte[] pattern = "<si".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                byte[] buffer = new byte[64 * 1024];
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        bytes += n;
                        for (int i = 0; i < n; i++) {
                            matched = buffer[i] == pattern[matched] ? matched + 1 : (buffer[i] == pattern[0] ? 1 : 0);
                            if (matched == pattern.length) {
                                strings++;
                                matched = 0;
                            }
                        }
                        if (bytes > MAX_SHARED_STRINGS_BYTES || strings > MAX_SHARED_STRINGS) {
                            throw SpreadsheetRejected.file("工作簿的共享文本超过上限（" + (MAX_SHARED_STRINGS_BYTES >> 20) + " MB 或 " + MAX_SHARED_STRINGS
                                    + " 条），已拒绝");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof SpreadsheetRejected rejected) {
                throw rejected;
            }
            throw unreadable(e);
        }
    }

    /** An OLE2 file is an .xls, or an encrypted .xlsx (which Office wraps in OLE2), or another Office document. */
    private static Workbook openOle2(byte[] content) throws IOException {
        POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content));
        if (fs.getRoot().hasEntryCaseInsensitive(Decryptor.DEFAULT_POIFS_ENTRY)) {
            fs.close();
            throw encrypted();
        }
        if (!fs.getRoot().hasEntryCaseInsensitive("Workbook") && !fs.getRoot().hasEntryCaseInsensitive("Book")) {
            fs.close();
            throw notAWorkbook();
        }
        return new HSSFWorkbook(fs.getRoot(), false);
    }

    /** A sheet through POI's model: an .xls (HSSF) or a Strict Open XML .xlsx (excel-streaming-reader). */
    private static void readSheet(Sheet sheet, ReadLimits limits, Consumer<SheetRow> rows) {
        RowCollector collector = new RowCollector(sheet.getSheetName(), limits, rows);
        for (Row row : sheet) {
            collector.start(row.getRowNum() + 1);
            for (Cell cell : row) {
                collector.cell(cell.getColumnIndex(), value(cell));
            }
            collector.end();
        }
    }

    /**
     * One sheet's rows as they are read, a cell at a time in column order: cells beyond the limit's columns ignored, a
     * cell longer than the limit refused at its address, blanks between cells filled and trailing ones trimmed; a row
     * with content handed on, and the file refused at the first row with content past the limit.
     */
    static final class RowCollector {
        private final String sheet;
        private final ReadLimits limits;
        private final Consumer<SheetRow> rows;
        private final List<CellValue> cells = new ArrayList<>();
        private int number;
        private int withContent;

        RowCollector(String sheet, ReadLimits limits, Consumer<SheetRow> rows) {
            this.sheet = sheet;
            this.limits = limits;
            this.rows = rows;
        }

        /** A row begins: its number counted from 1. */
        void start(int number) {
            this.number = number;
            cells.clear();
        }

        void cell(int column, CellValue value) {
            if (column < 0 || column >= limits.maxColumns()) {
                return;
            }
            if (value.text().length() > limits.maxCellChars()) {
                throw new SpreadsheetRejected("单元格内容过长", List.of(error(sheet, number, column,
                        "单元格内容有 " + value.text().length() + " 个字符，超过上限 " + limits.maxCellChars() + " 个字符")));
            }
            while (cells.size() < column) {
                cells.add(CellValue.EMPTY);
            }
            if (column < cells.size()) {
                cells.set(column, value);
            } else {
                cells.add(value);
            }
        }

        /** The row ends; returns its number. */
        int end() {
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
                cells.remove(cells.size() - 1);
            }
            if (!cells.isEmpty()) {
                if (++withContent > limits.maxRowsPerSheet()) {
                    throw SpreadsheetRejected.file("工作表“" + sheet + "”的数据超过 " + limits.maxRowsPerSheet() + " 行，超出本类导入允许的行数");
                }
                rows.accept(new SheetRow(sheet, number, cells));
            }
            return number;
        }
    }

    private static CellValue value(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> CellValue.text(cell.getStringCellValue());
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(cell.getNumericCellValue())) {
                    var date = cell.getLocalDateTimeCellValue().toLocalDate();
                    yield new CellValue(date.toString(), null, date);
                }
                BigDecimal number = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
                if (number.scale() < 0) {
                    number = number.setScale(0);
                }
                yield new CellValue(number.toPlainString(), number, null);
            }
            case BOOLEAN -> CellValue.text(cell.getBooleanCellValue() ? "TRUE" : "FALSE");
            case ERROR -> CellValue.text(FormulaError.forInt(cell.getErrorCellValue()).getString());
            default -> CellValue.EMPTY;
        };
    }

    /** A problem at one cell, with the column as Excel names it ("F"). */
    public static SpreadsheetError error(String sheet, int row, int column, String message) {
        return new SpreadsheetError(message).sheet(sheet).row(row).column(CellReference.convertNumToColString(column));
    }

    private static SpreadsheetRejected notAWorkbook() {
        return SpreadsheetRejected.file("文件不是 Excel 工作簿：请上传 .xlsx 或 .xls 文件（WPS 请另存为 Excel 格式）");
    }

    private static SpreadsheetRejected encrypted() {
        return SpreadsheetRejected.file("工作簿已加密：请取消密码保护后再上传");
    }

    private static SpreadsheetRejected unreadable(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (e.getCause() != null) {
            message += " / " + e.getCause().getMessage();
        }
        log.info("Refused an unreadable workbook: {}", message);
        if (message.contains("Zip bomb") || message.contains("zip bomb") || message.contains("MaxEntrySize")) {
            return SpreadsheetRejected.file("文件解压后体积异常（疑似压缩炸弹），已拒绝");
        }
        if (message.contains("DOCTYPE") || message.contains("DTD")) {
            return SpreadsheetRejected.file("工作簿含有不允许的 XML 声明（外部实体），已拒绝");
        }
        return SpreadsheetRejected.file("无法读取该工作簿：文件已损坏或格式不受支持");
    }
}
