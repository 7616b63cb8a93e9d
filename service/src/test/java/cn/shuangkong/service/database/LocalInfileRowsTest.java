package cn.shuangkong.service.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/** The rows' text, kept in fixed blocks, reads back byte for byte as MySQL's text format of the same rows. */
class LocalInfileRowsTest {

    @Test
    void rowsSpanningManyBlocksReadBackAsOneText() throws IOException {
        LocalInfile.Rows rows = new LocalInfile.Rows();
        StringBuilder expected = new StringBuilder();
        CSVPrinter printer = new CSVPrinter(expected, CSVFormat.MYSQL);
        for (int i = 0; i < 3_000; i++) {
            // Three-byte characters and escapes, so that blocks end inside a character and inside an escape.
            Object[] values = {"9133030" + i, "温州市鹿城区\t示例\\N化工有限公司" + i, null, new BigDecimal("120.6500"), i};
            rows.add(values);
            printer.printRecord("9133030" + i, "温州市鹿城区\t示例\\N化工有限公司" + i, null, "120.6500", i);
        }
        byte[] want = expected.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(want.length).as("several blocks").isGreaterThan(3 * LocalInfile.Rows.BLOCK);
        try (InputStream in = rows.toInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(want);
        }
        assertThat(rows.count()).isEqualTo(3_000);
    }

    @Test
    void longRowsAndCharactersOutsideTheBasicPlaneReadBackAsTheyWere() throws IOException {
        LocalInfile.Rows rows = new LocalInfile.Rows();
        StringBuilder expected = new StringBuilder();
        CSVPrinter printer = new CSVPrinter(expected, CSVFormat.MYSQL);
        // Rows far longer than the row buffer's first size, and four-byte characters (a surrogate pair in Java: 𠀋, 𡈽).
        for (int units : new int[] {1, 85, 86, 87, 1_000, 12_000, 2}) {
            String text = "鹿城\t𠀋\\".repeat(units) + "𡈽"; // six chars a unit (a tab and a backslash escaped): 512 … 72,002
            int length = text.length();
            rows.add("91330302" + length, text, null);
            printer.printRecord("91330302" + length, text, null);
        }
        try (InputStream in = rows.toInputStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        }
        assertThat(rows.count()).isEqualTo(7);
    }

    @Test
    void noRowsReadBackAsNothing() throws IOException {
        try (InputStream in = new LocalInfile.Rows().toInputStream()) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }
}
