package cn.shuangkong.service.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.shuangkong.rules.Grade;

/** How {@link GradeHistory#recordAll} cuts rows into statements: by count, and by the JSON's bytes. */
class GradeHistoryChunkTest {

    private static final int MB = 1 << 20;

    @Test
    void smallRowsGoInStatementsOf250() {
        List<GradeHistory.Entry> rows = Collections.nCopies(600, entry(500, 2_400));

        assertThat(ends(rows)).containsExactly(250, 500, 600);
    }

    @Test
    void aStatementEndsWithTheRowThatBringsItsJsonToTheLimit() {
        // 1.5 MB a row: 3.0 MB after two rows, 4.5 MB after three, so three rows a statement.
        List<GradeHistory.Entry> rows = Collections.nCopies(7, entry(MB / 2, MB));

        assertThat(ends(rows)).containsExactly(3, 6, 7);
        assertThat(GradeHistory.BYTES_PER_STATEMENT).isEqualTo(4 * MB);
    }

    @Test
    void aRowLargerThanTheLimitIsAStatementOfItsOwn() {
        List<GradeHistory.Entry> rows = List.of(entry(100, 100), entry(5 * MB, 100), entry(100, 100));

        // The small first row does not reach the limit, so the large one joins it; the third starts anew.
        assertThat(ends(rows)).containsExactly(2, 3);
        assertThat(ends(List.of(entry(5 * MB, 100), entry(100, 100)))).containsExactly(1, 2);
    }

    @Test
    void aRowThatRepeatsThePreviousResultCountsItsInputsOnly() {
        // 1.5 MB of inputs and no result (the previous result under another version): three rows as above.
        List<GradeHistory.Entry> rows = Collections.nCopies(7, entry(3 * MB / 2, -1));

        assertThat(ends(rows)).containsExactly(3, 6, 7);
        assertThat(ends(Collections.nCopies(600, entry(500, -1)))).containsExactly(250, 500, 600);
    }

    @Test
    void noRowsNoStatement() {
        assertThat(ends(List.of())).isEmpty();
    }

    private static List<Integer> ends(List<GradeHistory.Entry> rows) {
        List<Integer> ends = new ArrayList<>();
        for (int from = 0; from < rows.size(); from = ends.get(ends.size() - 1)) {
            ends.add(GradeHistory.chunkEnd(rows, from));
        }
        return ends;
    }

    /** A row with JSON of these sizes; no result where {@code resultBytes} is negative. */
    private static GradeHistory.Entry entry(int inputBytes, int resultBytes) {
        return new GradeHistory.Entry(GradeHistory.Subject.ENTERPRISE, 1, "enterprise", "v", Grade.BLUE, BigDecimal.ONE, new byte[inputBytes],
                resultBytes < 0 ? null : new byte[resultBytes], GradeHistory.Cause.NIGHTLY, "system");
    }
}
