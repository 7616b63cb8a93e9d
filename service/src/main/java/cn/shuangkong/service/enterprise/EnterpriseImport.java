package cn.shuangkong.service.enterprise;

import static cn.shuangkong.schema.Tables.ENTERPRISE;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.RowN;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import cn.shuangkong.schema.tables.records.EnterpriseRecord;
import cn.shuangkong.service.api.model.ImportResult;
import cn.shuangkong.service.api.model.EnterpriseInput;
import cn.shuangkong.service.api.model.IndustryCategory;
import cn.shuangkong.service.api.model.SpreadsheetError;
import cn.shuangkong.service.api.model.StandardizationLevel;
import cn.shuangkong.service.database.LocalInfile;
import cn.shuangkong.service.database.Statements;
import cn.shuangkong.service.excel.CellParsing;
import cn.shuangkong.service.excel.CellValue;
import cn.shuangkong.service.excel.Headers;
import cn.shuangkong.service.excel.ReadLimits;
import cn.shuangkong.service.excel.RowValidator;
import cn.shuangkong.service.excel.SheetRow;
import cn.shuangkong.service.excel.SpreadsheetRejected;
import cn.shuangkong.service.excel.WorkbookReader;
import cn.shuangkong.service.imports.ImportJournal;
import cn.shuangkong.service.imports.SheetImports;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.security.Jurisdiction;
import cn.shuangkong.service.web.ApiException;
import jakarta.validation.ConstraintViolation;

/**
 * The registry import (一企一档): a sheet of enterprises, new ones registered and known ones updated by their
 * 统一社会信用代码, all or nothing. Every cell is checked against the same constraints as the API (the contract's bean
 * validation on {@link EnterpriseInput}) and the registry's rules (locality, jurisdiction); a row that carries the
 * 版本 an export gave it must still be current, so a re-imported export never overwrites a later change. Rows are
 * read streaming, checked against the registry a thousand at a time and written as they pass (new ones
 * {@value #LOAD_ROWS} a load on the server's bulk path where it has one, else a thousand a statement), in one
 * transaction. On the bulk path, rows without a version are first loaded as new without that check, and checked only
 * when a load finds a code already registered (see {@code Pass.flush}).
 */
@Service
class EnterpriseImport {

    /** Rows with content a registry sheet may have. */
    static final int MAX_ROWS = 200_000;
    private static final int BATCH = 1_000;
    /**
     * New enterprises a {@code LOAD DATA} at most (the first loads of rows believed new take fewer, see
     * {@code Inserter.uncheckedLoadRows}): each load costs the server a statement (and, for rows loaded before their
     * registry check, a savepoint) and Connector/J a buffer of 256 kB ({@link LocalInfile}); the rows' text is about
     * 1.2 MB per 5,000 rows, held in small blocks, and a load in the background holds its rows until it has run.
     */
    static final int LOAD_ROWS = 5_000;

    private final DSLContext db;
    private final EnterpriseRegistry registry;
    private final SheetImports imports;
    private final RowValidator validator;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    EnterpriseImport(DSLContext db, EnterpriseRegistry registry, SheetImports imports, RowValidator validator, Clock clock,
                     ApplicationEventPublisher events) {
        this.events = events;
        this.db = db;
        this.registry = registry;
        this.imports = imports;
        this.validator = validator;
        this.clock = clock;
    }

    record Row(int number, String uscc, EnterpriseFields fields, Integer version) {
    }

    ImportResult upload(CurrentUser user, MultipartFile file) {
        // One import per uploader and file: another user's upload of the same file is checked against that user's scope.
        return imports.runWhileReading(user, ImportJournal.ENTERPRISES, "user:" + user.username(), file, content -> importRows(user, content));
    }

    /**
     * Reads, checks and writes the sheet in one pass, inside the import's transaction: the XML is parsed, and each row's
     * cells read and checked, on a second thread, while this one checks the rows against the registry every
     * {@value #BATCH} rows and writes them (new ones {@value #LOAD_ROWS} a load on the bulk path, where rows without a
     * version are loaded first and checked only if needed), as long as no problem has been found. Every problem of the
     * file is still collected (the cells' first; the registry's only when the cells have none, as before) and thrown at
     * the end, which rolls back whatever was written.
     */
    SheetImports.Counts importRows(CurrentUser user, byte[] content) {
        return db.connectionResult(connection -> {
            try (Pass pass = new Pass(user, connection)) {
                return pass.run(content);
            }
        });
    }

    /**
     * One import's pass over its sheet. The parsing thread owns the header, the cells' problems and the regions looked
     * up ({@link #cells}); this thread owns the rest ({@link #accept}, {@link #flush}): the codes seen, the rows waiting
     * for their registry check, what was written.
     */
    private final class Pass implements AutoCloseable {
        private final CurrentUser user;
        private final Inserter inserter;
        private final LocalDateTime now = LocalDateTime.now(clock);
        /** The cells' problems, in row order: the parsing thread's until the sheet is read. */
        private final List<SpreadsheetError> cellErrors = new ArrayList<>();
        /** Whether the parsing thread has found a problem in a cell: then nothing more is written. */
        private volatile boolean cellProblem;
        /** Codes given twice, in row order. */
        private final List<SpreadsheetError> duplicates = new ArrayList<>();
        private final List<SpreadsheetError> registryErrors = new ArrayList<>();
        private final Map<String, Integer> seen = new HashMap<>();
        /** A sheet names a few hundred regions at most: each is looked up once, not once a row. */
        private final Map<String, Optional<String>> localities = new HashMap<>();
        private final List<Row> waiting = new ArrayList<>(BATCH);
        private final List<String> changedUsccs = new ArrayList<>();
        /**
         * Whether rows without a version are still loaded as new without their registry check: on the bulk path, until
         * a load finds a code already registered or a row names a version (see {@link #flush}).
         */
        private boolean unchecked;
        private volatile Headers.Layout layout;
        private long rows;
        private long updated;
        private long unchanged;

        Pass(CurrentUser user, java.sql.Connection connection) {
            this.user = user;
            this.inserter = new Inserter(connection, now, true);
            this.unchecked = inserter.hasBulkPath();
        }

        SheetImports.Counts run(byte[] content) {
            WorkbookReader.readAhead(content, ReadLimits.rows(MAX_ROWS), this::cells, this::accept);
            if (layout == null) {
                throw SpreadsheetRejected.file("未找到企业信息表的表头行：须有“" + EnterpriseSheet.HEADERS.requiredHeaders() + "”等列（请使用系统下载的模板）");
            }
            flush();
            if (!cellProblem && duplicates.isEmpty()) {
                settle();
            }
            List<SpreadsheetError> errors = inRowOrder(cellErrors, duplicates);
            List<SpreadsheetError> problems = errors.isEmpty() ? registryErrors : errors;
            if (!problems.isEmpty()) {
                throw new SpreadsheetRejected("企业信息表有 " + problems.size() + " 处错误，未导入任何数据", problems);
            }
            if (rows == 0) {
                throw SpreadsheetRejected.file("企业信息表中没有企业");
            }
            long created = inserter.finish(changedUsccs);
            if (!changedUsccs.isEmpty()) {
                events.publishEvent(new EnterprisesImported(changedUsccs));
            }
            return new SheetImports.Counts(created, updated, unchanged);
        }

        /** On the parsing thread: the header row, then each row of its sheet read and checked; null for a row with a problem. */
        private Row cells(SheetRow r) {
            Headers.Layout found = layout;
            if (found == null) {
                layout = EnterpriseSheet.HEADERS.match(r).orElse(null);
                return null;
            }
            if (!r.sheet().equals(found.sheet())) {
                return null;
            }
            Row row = row(user, found, r, cellErrors, localities);
            if (row == null && !cellErrors.isEmpty()) {
                cellProblem = true;
            }
            return row;
        }

        /** A row whose cells are right: a code given twice is a problem, the others wait for their registry check. */
        private void accept(Row row) {
            Integer first = seen.putIfAbsent(row.uscc(), row.number());
            if (first != null) {
                duplicates.add(WorkbookReader.error(layout.sheet(), row.number(), layout.index(EnterpriseSheet.USCC).orElseThrow(),
                        "统一社会信用代码 " + row.uscc() + " 重复：第 " + first + " 行已有"));
                return;
            }
            rows++;
            waiting.add(row);
            if (waiting.size() == BATCH) {
                flush();
            }
        }

        /**
         * The waiting rows, written while the file has shown no problem. On the bulk path, rows without a version (a
         * new registry's) are first loaded as new without their registry check: the unique code makes the server find
         * a code already registered, and then that load is rolled back and its rows, and every row after them, are
         * checked ({@link #check}). A registry of new enterprises is so loaded without a {@code SELECT} (a third of
         * the server's work in the import, measured); a sheet of known ones costs one load rolled back. Once a cell has
         * a problem nothing more is written.
         */
        private void flush() {
            if (waiting.isEmpty()) {
                return;
            }
            if (cellProblem || !duplicates.isEmpty()) {
                waiting.clear();
                return;
            }
            if (unchecked && waiting.stream().allMatch(row -> row.version() == null)) {
                recheck(inserter.addUnchecked(waiting));
            } else {
                settle();
                check(waiting);
            }
            waiting.clear();
        }

        /**
         * Ends the loading of rows without their registry check: what is left of them is loaded, and whatever a load
         * found already registered is checked.
         */
        private void settle() {
            if (unchecked) {
                unchecked = false;
                recheck(inserter.loadUnchecked());
            }
        }

        /**
         * Rows a load found codes of already registered (its rows rolled back to before it) and the rows after them:
         * checked against the registry, as every row is from then on.
         */
        private void recheck(List<Row> rows) {
            if (rows.isEmpty()) {
                return;
            }
            unchecked = false;
            for (int i = 0; i < rows.size(); i += BATCH) {
                check(rows.subList(i, Math.min(i + BATCH, rows.size())));
            }
        }

        /**
         * Rows against the registry, and written while the file has shown no problem. Known enterprises must be in the
         * caller's scope and, when the row names a version, still at it; those that changed are updated, each guarded by
         * its version; new ones go to the inserter. Once a cell has a problem the registry's are no longer reported, so
         * the rows are no longer checked against it either.
         */
        private void check(List<Row> batch) {
            if (cellProblem || !duplicates.isEmpty()) {
                return;
            }
            Map<String, Record> known = new HashMap<>();
            db.select(ENTERPRISE.fields()).select(DSL.field(Jurisdiction.enterprises(user)).as("visible"))
                    .from(ENTERPRISE)
                    .where(ENTERPRISE.USCC.in(batch.stream().map(Row::uscc).toList()))
                    .forEach(r -> known.put(r.get(ENTERPRISE.USCC), r));
            for (Row row : batch) {
                Record current = known.get(row.uscc());
                if (current == null) {
                    if (row.version() != null) {
                        registryErrors.add(WorkbookReader.error(layout.sheet(), row.number(), layout.index(EnterpriseSheet.USCC).orElseThrow(),
                                "统一社会信用代码 " + row.uscc() + " 未登记，不能按版本更新（新登记的企业请删去“版本”）"));
                    }
                } else if (!Boolean.TRUE.equals(current.get("visible", Boolean.class))) {
                    registryErrors.add(WorkbookReader.error(layout.sheet(), row.number(), layout.index(EnterpriseSheet.USCC).orElseThrow(),
                            "统一社会信用代码 " + row.uscc() + " 已登记在您的管辖范围之外"));
                } else if (row.version() != null && !row.version().equals(current.get(ENTERPRISE.VERSION))) {
                    registryErrors.add(WorkbookReader.error(layout.sheet(), row.number(), layout.index(EnterpriseSheet.VERSION).orElseThrow(),
                            "企业 " + row.uscc() + " 已被他人修改（当前版本 " + current.get(ENTERPRISE.VERSION) + "，本表为 " + row.version() + "），请重新导出后再修改"));
                }
            }
            if (registryErrors.isEmpty()) {
                write(batch, known);
            }
        }

        private void write(List<Row> batch, Map<String, Record> known) {
            for (Row row : batch) {
                Record found = known.get(row.uscc());
                if (found == null) {
                    inserter.add(row);
                    continue;
                }
                EnterpriseRecord current = found.into(ENTERPRISE);
                Map<Field<?>, Object> columns = EnterpriseRegistry.columnsOf(row.fields());
                boolean same = columns.entrySet().stream().allMatch(e -> java.util.Objects.equals(normalize(current.get(e.getKey())), normalize(e.getValue())));
                if (same) {
                    unchanged++;
                    continue;
                }
                int expected = row.version() != null ? row.version() : current.getVersion();
                int changed = db.update(ENTERPRISE)
                        .set(columns)
                        .set(ENTERPRISE.VERSION, expected + 1)
                        .set(ENTERPRISE.UPDATED_AT, now)
                        .where(ENTERPRISE.ID.eq(current.getId()))
                        .and(ENTERPRISE.VERSION.eq(expected))
                        .execute();
                if (changed != 1) {
                    throw ApiException.conflict("企业 " + row.uscc() + " 在导入期间被他人修改，未导入任何数据，请重新上传");
                }
                changedUsccs.add(row.uscc());
                updated++;
            }
        }

        @Override
        public void close() throws SQLException {
            inserter.close();
        }
    }

    private Row row(CurrentUser user, Headers.Layout layout, SheetRow r, List<SpreadsheetError> errors, Map<String, Optional<String>> localities) {
        if (isBlank(layout, r)) {
            return null; // a note under the table
        }
        int before = errors.size();
        String uscc = CellParsing.code(layout.cell(r, EnterpriseSheet.USCC));
        EnterpriseInput in = new EnterpriseInput(uscc, layout.cell(r, EnterpriseSheet.NAME).text(), CellParsing.code(layout.cell(r, EnterpriseSheet.REGION_CODE)), null);
        CellValue industry = layout.cell(r, EnterpriseSheet.INDUSTRY_CATEGORY);
        Optional<IndustryCategory> category = EnterpriseSheet.industry(industry);
        if (industry.isBlank()) {
            errors.add(error(layout, r, EnterpriseSheet.INDUSTRY_CATEGORY, "行业类别不能为空"));
        } else if (category.isEmpty()) {
            errors.add(error(layout, r, EnterpriseSheet.INDUSTRY_CATEGORY, "行业类别“" + industry.text() + "”不在可选范围内：" + String.join("、", EnterpriseSheet.industryLabels())));
        }
        in.industryCategory(category.orElse(IndustryCategory.OTHER));
        String industryCode = CellParsing.code(layout.cell(r, EnterpriseSheet.INDUSTRY_CODE));
        in.industryCode(industryCode.isEmpty() ? null : industryCode);
        in.address(blankToNull(layout.cell(r, EnterpriseSheet.ADDRESS).text()));
        in.longitude(layout.number(r, EnterpriseSheet.LONGITUDE, errors));
        in.latitude(layout.number(r, EnterpriseSheet.LATITUDE, errors));
        in.employees(layout.integer(r, EnterpriseSheet.EMPLOYEES, errors));
        CellValue level = layout.cell(r, EnterpriseSheet.STANDARDIZATION);
        Optional<StandardizationLevel> standardization = EnterpriseSheet.standardization(level);
        if (!level.isBlank() && standardization.isEmpty()) {
            errors.add(error(layout, r, EnterpriseSheet.STANDARDIZATION, "安全生产标准化等级“" + level.text() + "”不在可选范围内：" + String.join("、", EnterpriseSheet.standardizationLabels())));
        }
        in.standardizationLevel(standardization.orElse(null));
        in.legalRepresentative(blankToNull(layout.cell(r, EnterpriseSheet.LEGAL_REPRESENTATIVE).text()));
        in.contactPhone(blankToNull(layout.cell(r, EnterpriseSheet.CONTACT_PHONE).text()));
        for (ConstraintViolation<EnterpriseInput> v : validator.validate(in)) {
            String property = v.getPropertyPath().toString();
            String header = HEADER_OF.getOrDefault(property, EnterpriseSheet.USCC);
            errors.add(error(layout, r, header, header + (layout.cell(r, header).isBlank() ? "不能为空" : "：" + v.getMessage())));
        }
        if (!uscc.isEmpty()) {
            Uscc.violation(uscc).ifPresent(why -> errors.add(error(layout, r, EnterpriseSheet.USCC, "统一社会信用代码 " + uscc + " 无效：" + why)));
        }
        if (!in.getRegionCode().isEmpty()) {
            Optional<String> locality = localities.computeIfAbsent(in.getRegionCode(), registry::localityProblem);
            locality.ifPresent(why -> errors.add(error(layout, r, EnterpriseSheet.REGION_CODE, why)));
            if (locality.isEmpty() && !Jurisdiction.covers(user, in.getRegionCode(), uscc)) {
                errors.add(error(layout, r, EnterpriseSheet.REGION_CODE, "行政区划 " + in.getRegionCode() + " 不在您的管辖范围内"));
            }
        }
        Integer version = layout.integer(r, EnterpriseSheet.VERSION, errors);
        return errors.size() > before ? null : new Row(r.number(), uscc, EnterpriseFields.of(in), version);
    }

    /** Whether the row has none of the columns imported (a loop, not a stream: it runs for every row). */
    private static boolean isBlank(Headers.Layout layout, SheetRow r) {
        for (String key : EnterpriseSheet.IMPORTED) {
            if (!layout.cell(r, key).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static final Map<String, String> HEADER_OF = Map.ofEntries(
            Map.entry("uscc", EnterpriseSheet.USCC), Map.entry("name", EnterpriseSheet.NAME), Map.entry("regionCode", EnterpriseSheet.REGION_CODE),
            Map.entry("industryCode", EnterpriseSheet.INDUSTRY_CODE), Map.entry("address", EnterpriseSheet.ADDRESS),
            Map.entry("longitude", EnterpriseSheet.LONGITUDE), Map.entry("latitude", EnterpriseSheet.LATITUDE),
            Map.entry("employees", EnterpriseSheet.EMPLOYEES), Map.entry("legalRepresentative", EnterpriseSheet.LEGAL_REPRESENTATIVE),
            Map.entry("contactPhone", EnterpriseSheet.CONTACT_PHONE));

    /**
     * New enterprises. On MySQL or MariaDB with {@code local_infile} on they go through the server's bulk path,
     * {@code LOAD DATA LOCAL INFILE} from memory ({@link LocalInfile}), as an operator would load a CSV,
     * {@value #LOAD_ROWS} rows a load, each row turned into the load's text as it comes. Elsewhere (H2, or the server's
     * {@code local_infile} off) they go in multi-row {@code INSERT}s prepared once (and once more for the last, shorter
     * one) and executed with each {@value #BATCH} rows' values. Either way the time is bound, never written into the
     * statement's or the rows' text, so that the driver converts it as it converts every other time the service writes;
     * and a code registered meanwhile is a
     * {@link org.springframework.dao.DuplicateKeyException} ({@link Statements#translated}), and the import answers 409.
     */
    private final class Inserter implements AutoCloseable {
        private final java.sql.Connection connection;
        private final LocalDateTime now;
        /** What every loaded row gets besides its text: the time, bound once per load. */
        private final Map<Field<?>, Object> everyRow;
        /** The bulk path, or null where the connection has none. */
        private final LocalInfile bulk;
        /** The bulk path's rows not yet loaded. */
        private LocalInfile.Rows loading;
        /** Rows loaded without their registry check ({@link #addUnchecked}), not yet loaded: as text, and as rows. */
        private LocalInfile.Rows uncheckedText;
        private List<Row> uncheckedRows = new ArrayList<>();
        /** The load of rows believed new running on {@link #loader}'s thread, on this connection, or null. */
        private Future<Loaded> running;
        /**
         * The rows of the next load of rows believed new: the first loads are smaller, so that the server starts on the
         * rows while the sheet's first rows are still being read, and the sizes double up to {@value #LOAD_ROWS}.
         */
        private int uncheckedLoadRows = BATCH;
        private ExecutorService loader;
        private Object[] loadValues;
        private final List<Row> buffer = new ArrayList<>(BATCH);
        private final List<String> inserted = new ArrayList<>();
        /** The statement's columns: EnterpriseRegistry's of an enterprise's fields (the one mapping of the fields to columns). */
        private final List<Field<?>> columns = EnterpriseRegistry.COLUMNS;
        private final List<Field<?>> fields = new ArrayList<>(List.of(ENTERPRISE.USCC, ENTERPRISE.VERSION, ENTERPRISE.CREATED_AT, ENTERPRISE.UPDATED_AT));
        /** The columns in LOAD DATA's rows: the code, the version and the enterprise's fields (the time is set for all). */
        private final List<Field<?>> loadedFields = new ArrayList<>(List.of(ENTERPRISE.USCC, ENTERPRISE.VERSION));
        private final RowN placeholders;
        private final int[] sqlTypes;
        private PreparedStatement full;
        private String fullSql;
        private long created;

        /** With {@code bulkPath} the server's bulk path where the connection has one, else {@code INSERT}s. */
        Inserter(java.sql.Connection connection, LocalDateTime now, boolean bulkPath) {
            this.connection = connection;
            this.now = now;
            this.everyRow = Map.of(ENTERPRISE.CREATED_AT, now, ENTERPRISE.UPDATED_AT, now);
            try {
                this.bulk = bulkPath ? LocalInfile.of(db, connection).orElse(null) : null;
            } catch (SQLException e) {
                throw Statements.translated(db, e, "registry import", "SELECT @@local_infile");
            }
            fields.addAll(columns);
            loadedFields.addAll(columns);
            List<Field<?>> values = new ArrayList<>(List.of(DSL.val(null, ENTERPRISE.USCC), DSL.inline(1, ENTERPRISE.VERSION),
                    DSL.val(null, ENTERPRISE.CREATED_AT), DSL.val(null, ENTERPRISE.UPDATED_AT)));
            columns.forEach(column -> values.add(DSL.val(null, column)));
            placeholders = DSL.row(values);
            sqlTypes = columns.stream().mapToInt(column -> column.getDataType().getSQLType()).toArray();
        }

        void add(Row row) {
            if (bulk != null) {
                if (loading == null) {
                    loading = new LocalInfile.Rows();
                }
                loading.add(loadValues(row));
                inserted.add(row.uscc());
                if (loading.count() == LOAD_ROWS) {
                    load();
                }
                return;
            }
            buffer.add(row);
            if (buffer.size() == BATCH) {
                flush();
            }
        }

        boolean hasBulkPath() {
            return bulk != null;
        }

        /**
         * Rows believed new, on the bulk path: loaded without a registry check first ({@value #BATCH} rows the first load,
         * twice as many each next one, {@value #LOAD_ROWS} at most), each load
         * inside a savepoint and on a thread of its own, while the caller goes on with the next rows (the connection is
         * the loads' alone meanwhile: the caller runs no statement until {@link #loadUnchecked}). When a load finds codes
         * already registered, it is rolled back to its savepoint and its rows, with every row given after them, are
         * returned, to be checked and written as any other row; else nothing is returned.
         */
        List<Row> addUnchecked(List<Row> rows) {
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                if (uncheckedText == null) {
                    uncheckedText = new LocalInfile.Rows();
                }
                uncheckedText.add(loadValues(row));
                uncheckedRows.add(row);
                if (uncheckedRows.size() == uncheckedLoadRows) {
                    List<Row> back = awaitUnchecked();
                    if (!back.isEmpty()) {
                        List<Row> all = new ArrayList<>(back);
                        all.addAll(rows.subList(i + 1, rows.size()));
                        return all;
                    }
                    List<Row> chunk = uncheckedRows;
                    LocalInfile.Rows text = uncheckedText;
                    uncheckedRows = new ArrayList<>();
                    uncheckedText = null;
                    if (loader == null) {
                        loader = Executors.newSingleThreadExecutor(task -> {
                            Thread thread = new Thread(task, "enterprise-import-load");
                            thread.setDaemon(true);
                            return thread;
                        });
                    }
                    running = loader.submit(() -> loadIfNew(chunk, text));
                    uncheckedLoadRows = Math.min(LOAD_ROWS, uncheckedLoadRows * 2);
                }
            }
            return List.of();
        }

        /**
         * Loads the rows {@link #addUnchecked} still holds, after the load in the background; the rows to check, if a load
         * found a code registered: its own and every row after them.
         */
        List<Row> loadUnchecked() {
            List<Row> back = awaitUnchecked();
            if (!back.isEmpty() || uncheckedRows.isEmpty()) {
                return back;
            }
            List<Row> chunk = uncheckedRows;
            LocalInfile.Rows text = uncheckedText;
            uncheckedRows = new ArrayList<>();
            uncheckedText = null;
            return settled(loadIfNew(chunk, text));
        }

        /** Waits for the load in the background, if one runs; the rows to check, as {@link #loadUnchecked} returns them. */
        private List<Row> awaitUnchecked() {
            Future<Loaded> load = running;
            if (load == null) {
                return List.of();
            }
            try {
                Loaded loaded = load.get();
                running = null;
                List<Row> back = settled(loaded);
                if (back.isEmpty()) {
                    return back;
                }
                List<Row> all = new ArrayList<>(back);
                all.addAll(uncheckedRows);
                uncheckedRows = new ArrayList<>();
                uncheckedText = null;
                return all;
            } catch (ExecutionException e) {
                running = null;
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("loading new enterprises failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the load may still run: close() waits for it
                throw new IllegalStateException("interrupted while loading new enterprises", e);
            }
        }

        /** A load of rows believed new: the rows loaded, or, when a code was registered, the rows to check instead. */
        private record Loaded(List<Row> rows, boolean taken) {
        }

        /** The loaded rows counted as inserted; the rows to check if a code was registered. */
        private List<Row> settled(Loaded loaded) {
            if (loaded.taken()) {
                return loaded.rows();
            }
            created += loaded.rows().size();
            loaded.rows().forEach(row -> inserted.add(row.uscc()));
            return List.of();
        }

        /** One load of rows believed new, inside a savepoint; rolled back to it if a code was registered. */
        private Loaded loadIfNew(List<Row> rows, LocalInfile.Rows text) {
            try {
                Savepoint before = connection.setSavepoint();
                OptionalLong loaded = bulk.loadIfNew(ENTERPRISE, loadedFields, text, everyRow);
                if (loaded.isEmpty()) {
                    connection.rollback(before);
                    return new Loaded(rows, true);
                }
                connection.releaseSavepoint(before);
                return new Loaded(rows, false);
            } catch (SQLException e) {
                throw Statements.translated(db, e, "registry import", "SAVEPOINT around LOAD DATA");
            }
        }

        /** Inserts what is left; adds the USCCs of every enterprise inserted to {@code usccs}; the number inserted. */
        long finish(List<String> usccs) {
            flush();
            usccs.addAll(inserted);
            return created;
        }

        private void flush() {
            if (bulk != null) {
                if (loading != null) {
                    load();
                }
                return;
            }
            if (buffer.isEmpty()) {
                return;
            }
            insert();
            buffer.forEach(row -> inserted.add(row.uscc()));
            buffer.clear();
        }

        /** A row in LOAD DATA's order: the code, version 1 and the columns (the time is bound, once for all). */
        private Object[] loadValues(Row row) {
            if (loadValues == null) {
                loadValues = new Object[loadedFields.size()];
            }
            Object[] values = EnterpriseRegistry.valuesOf(row.fields());
            loadValues[0] = row.uscc();
            loadValues[1] = 1;
            System.arraycopy(values, 0, loadValues, 2, values.length);
            return loadValues;
        }

        private void load() {
            created += bulk.load(ENTERPRISE, loadedFields, loading, everyRow);
            loading = null;
        }

        private void insert() {
            String sql = buffer.size() == BATCH ? fullSql : null;
            try {
                if (buffer.size() == BATCH) {
                    if (full == null) {
                        fullSql = sql = render(BATCH);
                        full = connection.prepareStatement(sql);
                    }
                    execute(full);
                } else {
                    sql = render(buffer.size());
                    try (PreparedStatement last = connection.prepareStatement(sql)) {
                        execute(last);
                    }
                }
            } catch (SQLException e) {
                throw Statements.translated(db, e, "registry import", sql);
            }
        }

        private String render(int rows) {
            return db.render(db.insertInto(ENTERPRISE, fields).valuesOfRows(Collections.nCopies(rows, placeholders)));
        }

        private void execute(PreparedStatement statement) throws SQLException {
            int i = 1;
            // The time bound as jOOQ binds a LocalDateTime, so that the driver converts it as it converts every other
            // statement's (in the SQL text it would be taken as it is: hours off with connectionTimeZone=UTC and a JVM in
            // China's zone).
            java.sql.Timestamp time = java.sql.Timestamp.valueOf(now);
            for (Row row : buffer) {
                Object[] values = EnterpriseRegistry.valuesOf(row.fields());
                statement.setString(i++, row.uscc());
                statement.setTimestamp(i++, time);
                statement.setTimestamp(i++, time);
                for (int c = 0; c < columns.size(); c++) {
                    Object value = values[c];
                    if (value == null) {
                        statement.setNull(i++, sqlTypes[c]);
                    } else {
                        statement.setObject(i++, value);
                    }
                }
            }
            created += statement.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            // A load still running (only when the import has failed: its outcome no longer matters) is waited for, so
            // that the connection is idle when the transaction rolls back.
            boolean interrupted = false;
            while (running != null) {
                try {
                    running.get();
                    running = null;
                } catch (ExecutionException e) {
                    running = null;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (loader != null) {
                loader.shutdown();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (full != null) {
                full.close();
            }
        }
    }

    /**
     * Inserts new enterprises as an import does, in the caller's transaction; the number inserted. Without
     * {@code bulkPath}, with {@code INSERT}s whatever the connection offers, as on a server whose {@code local_infile}
     * is off (MySQL 8's default).
     */
    long insert(List<Row> fresh, LocalDateTime now, boolean bulkPath) {
        return db.connectionResult(connection -> {
            try (Inserter inserter = new Inserter(connection, now, bulkPath)) {
                fresh.forEach(inserter::add);
                return inserter.finish(new ArrayList<>());
            }
        });
    }

    /** Two lists of problems, each in row order, as one (no row has problems in both). */
    private static List<SpreadsheetError> inRowOrder(List<SpreadsheetError> a, List<SpreadsheetError> b) {
        List<SpreadsheetError> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(java.util.Comparator.comparingInt(SpreadsheetError::getRow)); // stable: a row's own problems keep their order
        return all;
    }

    private static Object normalize(Object value) {
        return value instanceof BigDecimal d ? d.stripTrailingZeros() : value;
    }

    private static SpreadsheetError error(Headers.Layout layout, SheetRow r, String header, String message) {
        int column = layout.index(header).orElse(layout.index(EnterpriseSheet.USCC).orElse(0));
        return WorkbookReader.error(layout.sheet(), r.number(), column, message);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
