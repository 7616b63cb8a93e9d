package cn.shuangkong.service.database;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConnectionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;

/**
 * New rows handed to MySQL or MariaDB with {@code LOAD DATA LOCAL INFILE}, the server's bulk path, from memory: the
 * rows in MySQL's own text format ({@link CSVFormat#MYSQL}: tab-separated, backslash escapes, {@code \N} for null)
 * are given to Connector/J as the "file", so nothing is written to disk and no file is ever read.
 *
 * <p>Where it applies: a Connector/J connection ({@link MySqlConnectionDefaults} sets an empty
 * {@code allowLoadLocalInfileInPath}, so the connection offers LOCAL INFILE to the server yet refuses to send any
 * file) to a server whose {@code local_infile} is on (MariaDB's default; MySQL 8 needs it switched on). Elsewhere (H2,
 * another driver, {@code local_infile} off) {@link #of} is empty and the caller writes with {@code INSERT}s.
 *
 * <p>Only while a load runs does the connection allow LOCAL INFILE at all, and then it sends the rows given, whatever
 * file name the server asks for. With {@code LOCAL} the server skips a row it cannot take (a duplicate key, a value
 * out of range) with a warning instead of failing, so {@link #load} fails on any warning itself (a duplicate key
 * first, as Spring's {@link org.springframework.dao.DuplicateKeyException}, as an {@code INSERT} would give), and
 * on a row count short of the rows given; the caller's transaction rolls back what was loaded. {@link #loadIfNew}
 * answers a duplicate key instead, for a caller that loads rows believed new inside a savepoint.
 */
public final class LocalInfile {

    private static final Logger log = LoggerFactory.getLogger(LocalInfile.class);
    /** Whether the server's local_infile being off has been logged: once a process is enough. */
    private static final AtomicBoolean OFF_LOGGED = new AtomicBoolean();

    /**
     * The packet limit while a load sends its rows. Connector/J sends the "file" in packets of at most its
     * {@code maxAllowedPacket} or about 1 MB, and allocates a fresh buffer of that size for every load
     * ({@code NativeProtocol.sendFileToServer}); 1 MB is a "humongous" object to G1 in a 256 MB heap (its regions are
     * 1 MB, and anything of half a region is humongous), each of which can start a concurrent marking cycle. With
     * the limit lowered during the load, the buffer stays a quarter of that; the server's own limit is unchanged
     * and the limit is restored as soon as the load has sent its rows.
     */
    static final int LOAD_PACKET = 256 * 1024;

    /** MySQL's and MariaDB's ER_DUP_ENTRY. */
    private static final int DUPLICATE_KEY = 1062;

    /** The caller's jOOQ, bound to the caller's connection: every statement of a load runs on that one connection. */
    private final DSLContext db;
    private final JdbcConnection connection;
    /**
     * The columns and values for every row last set in the connection's session variables, in the variables' order: the
     * loads of one import set them once (session variables outlive a rollback to a savepoint; this object lives no
     * longer than the caller's use of the connection, and nothing else sets these variables).
     */
    private List<Field<?>> sessionColumns;
    private List<Object> sessionValues;

    private LocalInfile(DSLContext db, JdbcConnection connection) {
        this.db = db;
        this.connection = connection;
    }

    /** This connection's bulk path, or empty where it has none. */
    public static Optional<LocalInfile> of(DSLContext db, Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        JdbcConnection mysql = connection.unwrap(JdbcConnection.class);
        if (!mysql.getPropertySet().getStringProperty(PropertyKey.allowLoadLocalInfileInPath).isExplicitlySet()
                && !mysql.getPropertySet().getBooleanProperty(PropertyKey.allowLoadLocalInfile).getValue()) {
            return Optional.empty(); // the connection did not offer LOCAL INFILE to the server
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT @@local_infile")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                if (OFF_LOGGED.compareAndSet(false, true)) {
                    log.info("The database server's local_infile is off: registry imports write with INSERTs, not LOAD DATA LOCAL INFILE "
                            + "(SET PERSIST local_infile = ON to let them use the bulk path)");
                }
                return Optional.empty();
            }
        }
        // The session variables a load sets must be on the connection that loads, whatever db's own provider would give.
        DSLContext onThisConnection = db.configuration().derive(new DefaultConnectionProvider(connection)).dsl();
        return Optional.of(new LocalInfile(onThisConnection, mysql));
    }

    @SuppressWarnings("unchecked")
    private static <T> Field<T> value(Field<T> column, Object value) {
        return DSL.val((T) value, column);
    }

    /**
     * Rows in the text format {@link #load} takes, in the order of its columns, kept as UTF-8 in blocks of
     * {@value #BLOCK} bytes and handed to the driver as they are. Ten thousand rows are a few MB: as one string (and
     * its copy as bytes), or in a buffer that doubles as it grows (commons-io's), they would be "humongous" objects in
     * a 256 MB heap, each of which can start a G1 marking cycle.
     */
    public static final class Rows {
        static final int BLOCK = 64 * 1024;
        private final Blocks bytes = new Blocks();
        private final Writer text = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        /**
         * The row being printed, handed to {@link #text} whole: the printer appends each value and separator on its
         * own, and the encoder wraps every piece it is given in a buffer of its own.
         */
        private final StringBuilder line = new StringBuilder(512);
        private char[] chars = new char[512];
        private final CSVPrinter printer;
        private int count;

        public Rows() {
            try {
                printer = new CSVPrinter(line, CSVFormat.MYSQL);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * One row: strings, numbers or null, in the order of the columns. Not times: their text would bypass the driver's
         * time-zone conversion; a time the same for every row goes to {@link #load}'s {@code everyRow}.
         */
        public void add(Object... values) {
            try {
                for (Object value : values) {
                    if (value instanceof java.time.temporal.Temporal) {
                        throw new IllegalArgumentException("a time in a row's text would bypass the driver's time-zone conversion: " + value);
                    }
                    printer.print(value instanceof BigDecimal d ? d.toPlainString() : value);
                }
                printer.println();
                if (chars.length < line.length()) {
                    chars = new char[Math.max(line.length(), chars.length * 2)];
                }
                line.getChars(0, line.length(), chars, 0);
                text.write(chars, 0, line.length());
                line.setLength(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
        }

        public int count() {
            return count;
        }

        /** The rows' UTF-8, read from the blocks written (no copy). */
        InputStream toInputStream() {
            try {
                text.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toInputStream();
        }
    }

    /** Bytes in blocks of {@value Rows#BLOCK}, read back in order without a copy. */
    static final class Blocks extends OutputStream {
        private final List<byte[]> full = new ArrayList<>();
        private byte[] current = new byte[Rows.BLOCK];
        private int used;

        @Override
        public void write(int b) {
            if (used == current.length) {
                next();
            }
            current[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (used == current.length) {
                    next();
                }
                int n = Math.min(len, current.length - used);
                System.arraycopy(b, off, current, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        private void next() {
            full.add(current);
            current = new byte[Rows.BLOCK];
            used = 0;
        }

        InputStream toInputStream() {
            List<InputStream> parts = new ArrayList<>();
            full.forEach(block -> parts.add(new ByteArrayInputStream(block)));
            parts.add(new ByteArrayInputStream(current, 0, used));
            return new SequenceInputStream(Collections.enumeration(parts));
        }
    }

    /**
     * Loads {@code rows} into {@code columns} of {@code table}, and into each column of {@code everyRow} its value; the
     * number of rows loaded, all of them or an exception. The values for every row are bound as any statement's values
     * are (a time goes through the driver's time-zone conversion, as when jOOQ binds it), set once in session variables
     * on the connection and assigned to each row by the server.
     */
    public long load(Table<?> table, List<? extends Field<?>> columns, Rows rows, Map<? extends Field<?>, ?> everyRow) {
        Sent sent = send(table, columns, rows, everyRow);
        if (sent.warning() != null) {
            throw Statements.translated(db, sent.warning(), "bulk load", sent.sql());
        }
        return sent.loaded();
    }

    /**
     * As {@link #load}, for rows believed new: empty when the server found some of their keys already taken (it skips
     * such rows with a warning and loads the others), so that the caller can roll back to a savepoint taken before and
     * check the rows one by one instead. Any other warning fails the load as in {@link #load}.
     */
    public OptionalLong loadIfNew(Table<?> table, List<? extends Field<?>> columns, Rows rows, Map<? extends Field<?>, ?> everyRow) {
        Sent sent = send(table, columns, rows, everyRow);
        if (sent.warning() != null) {
            if (sent.warning().getErrorCode() == DUPLICATE_KEY) {
                return OptionalLong.empty();
            }
            throw Statements.translated(db, sent.warning(), "bulk load", sent.sql());
        }
        return OptionalLong.of(sent.loaded());
    }

    /** A load that has run: its statement, the rows loaded, and its first warning (a duplicate key first) or null. */
    private record Sent(String sql, long loaded, SQLWarning warning) {
    }

    private Sent send(Table<?> table, List<? extends Field<?>> columns, Rows rows, Map<? extends Field<?>, ?> everyRow) {
        List<Field<?>> constant = List.copyOf(everyRow.keySet());
        List<Object> constantValues = Arrays.asList(constant.stream().map(everyRow::get).toArray());
        if (!constant.isEmpty() && !(constant.equals(sessionColumns) && constantValues.equals(sessionValues))) {
            List<String> assignments = new ArrayList<>();
            List<QueryPart> values = new ArrayList<>();
            for (int i = 0; i < constant.size(); i++) {
                assignments.add("@shuangkong_load_" + i + " = {" + i + "}");
                // Cast to the column's own type: a session variable keeps no type of its own.
                values.add(DSL.cast(value(constant.get(i), constantValues.get(i)), constant.get(i).getDataType()));
            }
            db.query("SET " + String.join(", ", assignments), values.toArray(QueryPart[]::new)).execute();
            sessionColumns = constant;
            sessionValues = constantValues;
        }
        List<String> set = new ArrayList<>();
        for (int i = 0; i < constant.size(); i++) {
            set.add(db.render(constant.get(i).getUnqualifiedName()) + " = @shuangkong_load_" + i);
        }
        String sql = "LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE " + db.render(table)
                + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                + columns.stream().map(c -> db.render(c.getUnqualifiedName())).collect(Collectors.joining(", ")) + ")"
                + (set.isEmpty() ? "" : " SET " + String.join(", ", set));
        RuntimeProperty<Boolean> allowed = connection.getPropertySet().getBooleanProperty(PropertyKey.allowLoadLocalInfile);
        RuntimeProperty<Integer> packet = connection.getPropertySet().getIntegerProperty(PropertyKey.maxAllowedPacket);
        boolean before = allowed.getValue();
        int packetBefore = packet.getValue();
        allowed.setValue(true);
        try (Statement statement = connection.createStatement()) {
            JdbcStatement mysql = statement.unwrap(JdbcStatement.class);
            long loaded;
            try {
                mysql.setLocalInfileInputStream(rows.toInputStream());
                packet.setValue(Math.min(packetBefore, LOAD_PACKET));
                loaded = statement.executeLargeUpdate(sql);
            } finally {
                packet.setValue(packetBefore);
                // The driver keeps the stream for the connection: the rows (names, phone numbers) must not stay with a pooled connection.
                mysql.setLocalInfileInputStream(null);
            }
            SQLWarning warning = firstWarning(statement.getWarnings());
            if (warning == null && loaded != rows.count()) {
                throw new DataIntegrityViolationException("LOAD DATA took " + loaded + " of " + rows.count() + " rows into " + table.getName());
            }
            return new Sent(sql, loaded, warning);
        } catch (SQLException e) {
            throw Statements.translated(db, e, "bulk load", sql);
        } finally {
            allowed.setValue(before);
        }
    }

    /** The warning a load fails with: a duplicate key if there is one (the import answers 409 for it), else the first. */
    private static SQLWarning firstWarning(SQLWarning warnings) {
        for (SQLWarning w = warnings; w != null; w = w.getNextWarning()) {
            if (w.getErrorCode() == DUPLICATE_KEY) {
                return w;
            }
        }
        return warnings;
    }
}
