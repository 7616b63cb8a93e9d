package cn.shuangkong.rules.hiddendanger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.utils.KieHelper;

/**
 * How a regulator differs per danger type: a row naming the type, with 优先级 10, wins over the any-type row of the
 * same level and manage type, which then does not fire at all. The shipped table has no such row (standards.md §0
 * gives every type the same days), so this test adds one to an in-memory copy of the table and builds its own kbase
 * from it and the rule files; the committed table stays as it is.
 */
class HiddenDangerDeadlineTableTest {

    private static final String TABLE = HiddenDangerClassification.PATH + "hidden-danger-deadlines.drl.xlsx";
    private static final String GENERAL_ROW = "General danger with a deadline is due in 15 days, at most 30";
    private static final String FIRE_ROW = "General fire danger with a deadline is due in 10 days, at most 20";
    private static final LocalDate FOUND = LocalDate.of(2026, 3, 10);

    private static KieBase withFireRow;

    @BeforeAll
    static void buildTheRulesWithAFireRow() throws IOException {
        KieHelper helper = new KieHelper();
        for (String resource : HiddenDangerClassification.RESOURCES) {
            if (resource.equals(TABLE)) {
                helper.addResource(ResourceFactory.newByteArrayResource(tableWithFireRow()).setSourcePath(TABLE), ResourceType.DTABLE);
            } else {
                helper.addResource(ResourceFactory.newClassPathResource(resource, HiddenDangerDeadlineTableTest.class), ResourceType.DRL);
            }
        }
        withFireRow = helper.build();
    }

    /** The shipped table plus, right after its last row, a copy of the 一般隐患 限期整改 row for 消防 only, 10 and 20 days. */
    private static byte[] tableWithFireRow() throws IOException {
        try (InputStream in = HiddenDangerDeadlineTableTest.class.getClassLoader().getResourceAsStream(TABLE);
             Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Map<String, Integer> columns = columnsByLabel(sheet);
            Row general = StreamSupport.stream(sheet.spliterator(), false)
                    .filter(row -> GENERAL_ROW.equals(text(row.getCell(0)))).findFirst().orElseThrow();
            Row fire = sheet.createRow(sheet.getLastRowNum() + 1);
            for (Cell cell : general) {
                Cell copy = fire.createCell(cell.getColumnIndex());
                if (cell.getCellType() == CellType.NUMERIC) {
                    copy.setCellValue(cell.getNumericCellValue());
                } else {
                    copy.setCellValue(cell.getStringCellValue());
                }
            }
            fire.getCell(0).setCellValue(FIRE_ROW);
            fire.createCell(columns.get("隐患类型（空=任意）")).setCellValue("FIRE");
            fire.getCell(columns.get("优先级")).setCellValue(10);
            fire.getCell(columns.get("默认整改天数")).setCellValue(10);
            fire.getCell(columns.get("最长整改天数（未经监管部门）")).setCellValue(20);
            fire.getCell(columns.get("说明")).setCellValue("消防类一般隐患限期整改：默认 10 天（{$a.defaultDeadline}），最长 20 天（{$a.latestDeadline}）");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** A fire danger takes the fire row's terms, and only that row fires; other types keep the any-type row. */
    @ParameterizedTest(name = "{0} → {1}: default {2}, latest {3}")
    @CsvSource(delimiter = ';', value = {
            "FIRE;       " + FIRE_ROW + ";    2026-03-20; 2026-03-30",
            "SAFETY;     " + GENERAL_ROW + "; 2026-03-25; 2026-04-09",
            "ELECTRICAL; " + GENERAL_ROW + "; 2026-03-25; 2026-04-09",
    })
    void aDangerTypeRowWinsOverTheAnyTypeRow(DangerType type, String row, LocalDate defaultDeadline, LocalDate latest) {
        HiddenDangerAssessment assessment = new HiddenDangerAssessment(
                new FindingInput(false, null, false, null, ManageType.DEADLINE, type, FOUND, null, false));
        List<String> fired = new ArrayList<>();
        StatelessKieSession session = withFireRow.newStatelessKieSession();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });

        session.execute(List.of(assessment));

        assertThat(assessment.getDefaultDeadline()).isEqualTo(defaultDeadline);
        assertThat(assessment.getLatestDeadline()).isEqualTo(latest);
        assertThat(assessment.getDeadline()).isEqualTo(defaultDeadline);
        assertThat(fired).containsExactly(
                "A danger neither its checklist item nor its reporter marks major is general", row,
                "Without a requested deadline the default deadline applies");
    }

    private static Map<String, Integer> columnsByLabel(Sheet sheet) {
        Row labels = StreamSupport.stream(sheet.spliterator(), false)
                .filter(row -> "规则名称".equals(text(row.getCell(0)))).findFirst().orElseThrow();
        return StreamSupport.stream(labels.spliterator(), false)
                .collect(Collectors.toMap(HiddenDangerDeadlineTableTest::text, Cell::getColumnIndex));
    }

    private static String text(Cell cell) {
        return cell == null || cell.getCellType() != CellType.STRING ? null : cell.getStringCellValue();
    }
}
