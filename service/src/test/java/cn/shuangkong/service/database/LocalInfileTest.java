package cn.shuangkong.service.database;

import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;

import cn.shuangkong.schema.tables.records.EnterpriseRecord;
import cn.shuangkong.service.Api;
import cn.shuangkong.service.DatabaseTest;
import cn.shuangkong.service.TestDatabase;

/**
 * The bulk path of registry imports: taken on MySQL/MariaDB (Connector/J, {@code local_infile} on), never on H2; rows
 * read back exactly as given, whatever tabs, line breaks, backslashes or nulls their text holds; a duplicate key fails
 * the load as an {@code INSERT} would fail; and the connection never sends a file from disk.
 */
@DatabaseTest
class LocalInfileTest {

    private static final List<Field<?>> COLUMNS = List.of(ENTERPRISE.USCC, ENTERPRISE.NAME, ENTERPRISE.REGION_CODE, ENTERPRISE.INDUSTRY_CATEGORY,
            ENTERPRISE.ADDRESS, ENTERPRISE.LONGITUDE, ENTERPRISE.EMPLOYEES, ENTERPRISE.VERSION);
    private static final LocalDateTime AT = LocalDateTime.of(2026, 12, 6, 10, 30, 15, 123_000_000);
    private static final Map<Field<?>, Object> EVERY_ROW = Map.of(ENTERPRISE.CREATED_AT, AT, ENTERPRISE.UPDATED_AT, AT);

    @Autowired
    DSLContext db;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theBulkPathIsTakenOnMySqlAndNeverOnH2() {
        assertThat(bulkPath()).isEqualTo(TestDatabase.MYSQL);
    }

    @Test
    void rowsReadBackExactlyAsGiven() {
        String tabs = Api.newUscc("330302");
        String plain = Api.newUscc("330302");
        String byJooq = Api.newUscc("330302");
        String[] read = inRolledBackTransaction(() -> {
            LocalInfile.Rows rows = new LocalInfile.Rows();
            rows.add(tabs, "名称\t含制表符\\N", "330302", "OTHER", "第一行\r\n第二行\\", new BigDecimal("120.123456"), 12, 1);
            rows.add(plain, "平常有限公司", "330302", "MACHINERY", null, null, null, 1);
            long loaded = bulk().load(ENTERPRISE, COLUMNS, rows, EVERY_ROW);
            // The same time written by jOOQ, as the rest of the service writes times.
            db.insertInto(ENTERPRISE).set(ENTERPRISE.USCC, byJooq).set(ENTERPRISE.NAME, "对照有限公司").set(ENTERPRISE.REGION_CODE, "330302")
                    .set(ENTERPRISE.INDUSTRY_CATEGORY, "OTHER").set(ENTERPRISE.VERSION, 1).set(ENTERPRISE.CREATED_AT, AT).set(ENTERPRISE.UPDATED_AT, AT)
                    .execute();
            EnterpriseRecord first = db.fetchOne(ENTERPRISE, ENTERPRISE.USCC.eq(tabs));
            EnterpriseRecord second = db.fetchOne(ENTERPRISE, ENTERPRISE.USCC.eq(plain));
            return new String[] {String.valueOf(loaded), first.getName(), first.getAddress(), first.getLongitude().toPlainString(),
                    String.valueOf(first.getEmployees()), String.valueOf(first.getCreatedAt().equals(db.fetchOne(ENTERPRISE, ENTERPRISE.USCC.eq(byJooq))
                            .getCreatedAt())), String.valueOf(second.getAddress()),
                    String.valueOf(second.getLongitude()), String.valueOf(second.getEmployees()), second.getIndustryCategory(),
                    String.valueOf(storedText(ENTERPRISE.UPDATED_AT, plain).equals(storedText(ENTERPRISE.UPDATED_AT, byJooq)))};
        });
        if (read == null) {
            assertThat(bulkPath()).isFalse(); // H2: no bulk path; its INSERTs are checked by the import's tests
            return;
        }
        assertThat(read).containsExactly("2", "名称\t含制表符\\N", "第一行\r\n第二行\\", "120.123456", "12", "true", "null",
                "null", "null", "MACHINERY", "true");
        assertThat(db.fetchCount(ENTERPRISE, ENTERPRISE.USCC.in(tabs, plain))).isZero();
    }

    /** A time in the rows' text would be stored as written, not converted by the driver as every other time is. */
    @Test
    void aTimeIsNeverWrittenIntoTheRowsText() {
        assertThatThrownBy(() -> new LocalInfile.Rows().add(Api.newUscc("330302"), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time-zone");
    }

    /** With LOCAL the server would skip the duplicate with a warning; the load fails instead, as an INSERT does. */
    @Test
    void aDuplicateKeyFailsTheLoadAsAnInsertWould() {
        String taken = db.select(ENTERPRISE.USCC).from(ENTERPRISE).limit(1).fetchSingle(ENTERPRISE.USCC);
        String fresh = Api.newUscc("330302");
        if (!TestDatabase.MYSQL) {
            assertThat(bulkPath()).isFalse();
            return;
        }
        assertThatThrownBy(() -> inRolledBackTransaction(() -> {
            LocalInfile.Rows rows = new LocalInfile.Rows();
            rows.add(fresh, "新登记有限公司", "330302", "OTHER", null, null, null, 1);
            rows.add(taken, "重复登记有限公司", "330302", "OTHER", null, null, null, 1);
            return bulk().load(ENTERPRISE, COLUMNS, rows, EVERY_ROW);
        })).isInstanceOf(DuplicateKeyException.class).hasMessageContaining(taken);
        assertThat(db.fetchCount(ENTERPRISE, ENTERPRISE.USCC.eq(fresh))).isZero();
    }

    /**
     * The server names the file; the service's connections send none from disk, before or after a load (the driver's
     * path check refuses it), and a loaded row's time was set on the loading connection itself (no Spring transaction
     * here to tie jOOQ to it).
     */
    @Test
    void noFileFromDiskIsEverSent() {
        if (!TestDatabase.MYSQL) {
            assertThat(bulkPath()).isFalse();
            return;
        }
        String fromDisk = "LOAD DATA LOCAL INFILE '/etc/hostname' INTO TABLE enterprise (uscc)";
        String uscc = Api.newUscc("330302");
        db.connection(c -> {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    assertThatThrownBy(() -> s.executeUpdate(fromDisk)).isInstanceOf(SQLException.class).hasMessageContaining("allowLoadLocalInfileInPath");
                }
                LocalInfile.Rows rows = new LocalInfile.Rows();
                rows.add(uscc, "一次性有限公司", "330302", "OTHER", null, null, null, 1);
                assertThat(LocalInfile.of(db, c).orElseThrow().load(ENTERPRISE, COLUMNS, rows, EVERY_ROW)).isEqualTo(1);
                try (Statement s = c.createStatement();
                     java.sql.ResultSet loaded = s.executeQuery("SELECT created_at IS NOT NULL FROM enterprise WHERE uscc = '" + uscc + "'")) {
                    assertThat(loaded.next()).isTrue();
                    assertThat(loaded.getBoolean(1)).isTrue();
                }
                try (Statement s = c.createStatement()) {
                    assertThatThrownBy(() -> s.executeUpdate(fromDisk)).isInstanceOf(SQLException.class).hasMessageContaining("allowLoadLocalInfileInPath");
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        });
    }

    /** Rows believed new: a duplicate key makes the load say so (the caller rolls back to its savepoint), else it counts them. */
    @Test
    void aLoadOfRowsBelievedNewTellsWhetherACodeWasTaken() {
        String taken = db.select(ENTERPRISE.USCC).from(ENTERPRISE).limit(1).fetchSingle(ENTERPRISE.USCC);
        String fresh = Api.newUscc("330302");
        String other = Api.newUscc("330302");
        if (!TestDatabase.MYSQL) {
            assertThat(bulkPath()).isFalse();
            return;
        }
        String outcome = inRolledBackTransaction(() -> {
            LocalInfile.Rows clash = new LocalInfile.Rows();
            clash.add(fresh, "新登记有限公司", "330302", "OTHER", null, null, null, 1);
            clash.add(taken, "重复登记有限公司", "330302", "OTHER", null, null, null, 1);
            LocalInfile.Rows clean = new LocalInfile.Rows();
            clean.add(other, "另一新登记有限公司", "330302", "OTHER", null, null, null, 1);
            return bulk().loadIfNew(ENTERPRISE, COLUMNS, clash, EVERY_ROW) + " " + bulk().loadIfNew(ENTERPRISE, COLUMNS, clean, EVERY_ROW);
        });
        assertThat(outcome).isEqualTo("OptionalLong.empty OptionalLong[1]");
    }

    /**
     * The values for every row are set in the connection's session once and set again only when they change: loads on
     * one bulk path with the same values, with other values, and with the columns named in another order each give
     * every row the values given for its own load.
     */
    @Test
    void eachLoadsRowsGetTheirOwnLoadsValuesForEveryRow() {
        LocalDateTime at = LocalDateTime.of(2026, 12, 7, 9, 0); // whole seconds: compared as read back
        LocalDateTime later = at.plusHours(3);
        Map<Field<?>, Object> same = Map.of(ENTERPRISE.CREATED_AT, at, ENTERPRISE.UPDATED_AT, at);
        Map<Field<?>, Object> reversed = new java.util.LinkedHashMap<>();
        reversed.put(ENTERPRISE.UPDATED_AT, later);
        reversed.put(ENTERPRISE.CREATED_AT, at);
        Map<Field<?>, Object> inOrder = new java.util.LinkedHashMap<>(); // equal to reversed, its columns in the other order
        inOrder.put(ENTERPRISE.CREATED_AT, at);
        inOrder.put(ENTERPRISE.UPDATED_AT, later);
        List<Map<Field<?>, Object>> everyRow = List.of(same, same, reversed, inOrder, reversed, same);
        List<String> usccs = new java.util.ArrayList<>();
        String read = inRolledBackTransaction(() -> {
            LocalInfile bulk = bulk();
            for (Map<Field<?>, Object> values : everyRow) {
                LocalInfile.Rows rows = new LocalInfile.Rows();
                String uscc = Api.newUscc("330302");
                usccs.add(uscc);
                rows.add(uscc, "分次有限公司", "330302", "OTHER", null, null, null, 1);
                bulk.load(ENTERPRISE, COLUMNS, rows, values);
            }
            return usccs.stream().map(uscc -> db.fetchOne(ENTERPRISE, ENTERPRISE.USCC.eq(uscc)))
                    .map(r -> r.getCreatedAt().equals(at) + "/" + r.getUpdatedAt().equals(later)).toList().toString();
        });
        if (read == null) {
            assertThat(bulkPath()).isFalse();
            return;
        }
        assertThat(read).isEqualTo("[true/false, true/false, true/true, true/true, true/true, true/false]");
    }

    /**
     * The rows go in packets of at most {@link LocalInfile#LOAD_PACKET} (Connector/J's buffer for them then stays out of
     * G1's humongous sizes), several for a load larger than that, and the connection's own limit is back afterwards.
     */
    @Test
    void theRowsGoInSmallPacketsAndTheConnectionsLimitIsRestored() {
        if (!TestDatabase.MYSQL) {
            assertThat(bulkPath()).isFalse();
            return;
        }
        db.connection(c -> {
            RuntimeProperty<Integer> limit = c.unwrap(JdbcConnection.class).getPropertySet().getIntegerProperty(PropertyKey.maxAllowedPacket);
            int before = limit.getValue();
            assertThat(before).as("the server's max_allowed_packet").isGreaterThan(LocalInfile.LOAD_PACKET);
            c.setAutoCommit(false);
            try {
                LocalInfile.Rows rows = new LocalInfile.Rows();
                String address = "浙江省温州市鹿城区五马街道解放街".repeat(8); // about 380 bytes a row
                for (int i = 0; i < 2_000; i++) {
                    rows.add(Api.newUscc("330302"), "分包有限公司" + i, "330302", "OTHER", address, null, null, 1);
                }
                assertThat(LocalInfile.of(db, c).orElseThrow().load(ENTERPRISE, COLUMNS, rows, EVERY_ROW)).isEqualTo(2_000);
                assertThat(limit.getValue()).isEqualTo(before);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        });
    }

    /** A column's value as the server keeps it, without the driver's time-zone conversion of what it reads. */
    private String storedText(Field<?> column, String uscc) {
        return db.select(DSL.field("CAST({0} AS CHAR)", String.class, column)).from(ENTERPRISE).where(ENTERPRISE.USCC.eq(uscc)).fetchSingle().value1();
    }

    private boolean bulkPath() {
        Optional<LocalInfile> bulk = db.connectionResult(c -> LocalInfile.of(db, c));
        return bulk.isPresent();
    }

    /** The bulk path of the current transaction's connection (only inside a transaction does that connection outlive the call). */
    private LocalInfile bulk() {
        return db.connectionResult(c -> LocalInfile.of(db, c)).orElseThrow();
    }

    /** Runs {@code work} in a transaction that is rolled back; null on H2, which has no bulk path. */
    private <T> T inRolledBackTransaction(java.util.function.Supplier<T> work) {
        if (!TestDatabase.MYSQL) {
            return null;
        }
        return new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }
}
