package cn.shuangkong.service.riskpoint;

import static cn.shuangkong.schema.Tables.ENTERPRISE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import cn.shuangkong.service.api.model.ControlMeasure;
import cn.shuangkong.service.api.model.DirectFlag;
import cn.shuangkong.service.api.model.Grade;
import cn.shuangkong.service.api.model.RiskEvent;
import cn.shuangkong.service.api.model.RiskPoint;
import cn.shuangkong.service.enterprise.EnterpriseRegistry;
import cn.shuangkong.service.excel.SheetWriter;
import cn.shuangkong.service.excel.WorkbookWriter;
import cn.shuangkong.service.grading.GradeViews;
import cn.shuangkong.service.security.CurrentUser;

/**
 * An enterprise's 风险分级管控清单 as Excel: one row per control measure, under its risk event and risk point (the
 * national chain 风险点 → 风险事件 → 管控措施), with the assessment, the grade filled in its colour, the control
 * level and who is responsible. A risk point without events still has its row. Its columns ({@link RiskPointSheet}) are
 * those the import reads, plus 序号, 风险值 and 风险等级, so an exported list can be edited and imported again; the
 * import template is the same list without them.
 */
@Component
class RiskControlList {

    static final List<String> HEADERS = RiskPointSheet.EXPORTED;
    private static final int GRADE_COLUMN = HEADERS.indexOf(RiskPointSheet.GRADE);
    /** Rows of the template that offer the dropdowns. */
    static final int TEMPLATE_ROWS = 2_000;

    private static final byte[] TEMPLATE = drawTemplate();

    private final RiskPointRegister register;
    private final EnterpriseRegistry enterprises;
    private final DSLContext db;

    RiskControlList(RiskPointRegister register, EnterpriseRegistry enterprises, DSLContext db) {
        this.register = register;
        this.enterprises = enterprises;
        this.db = db;
    }

    /** The import template, for an enterprise in the caller's scope (404 outside it, as for everything under its path). */
    byte[] template(CurrentUser user, String uscc) {
        enterprises.requireInScope(user, uscc);
        return TEMPLATE.clone();
    }

    byte[] export(CurrentUser user, String uscc) {
        List<RiskPoint> points = register.list(user, uscc, null); // 404 outside the caller's scope
        String enterpriseName = db.select(ENTERPRISE.NAME).from(ENTERPRISE).where(ENTERPRISE.USCC.eq(uscc)).fetchSingle(ENTERPRISE.NAME);
        try (WorkbookWriter book = new WorkbookWriter()) {
            SheetWriter sheet = book.sheet("风险分级管控清单").widths(6, 20, 10, 16, 18, 18, 24, 40, 10, 12, 10, 6, 6, 6, 6, 24, 10, 10, 10, 12, 10);
            sheet.title(enterpriseName + " 安全风险分级管控清单（" + uscc + "，风险点 " + points.size() + " 个）", HEADERS.size());
            sheet.header(HEADERS);
            int n = 0;
            for (RiskPoint point : points) {
                List<Object[]> lines = new ArrayList<>();
                for (RiskEvent event : point.getEvents()) {
                    List<ControlMeasure> measures = event.getControlMeasures() == null ? List.of() : event.getControlMeasures();
                    if (measures.isEmpty()) {
                        lines.add(new Object[]{event.getName(), null, null, null});
                    }
                    for (ControlMeasure m : measures) {
                        lines.add(new Object[]{event.getName(), m.getDescription(), m.getClassification() == null ? null : RiskPointSheet.label(m.getClassification()),
                                m.getDataSource() == null ? null : RiskPointSheet.label(m.getDataSource())});
                    }
                }
                if (lines.isEmpty()) {
                    lines.add(new Object[]{null, null, null, null});
                }
                n++;
                for (Object[] line : lines) {
                    var a = point.getAssessment();
                    var g = point.getGrade();
                    sheet.row(Arrays.asList(n, point.getName(), point.getTypeLabel(), point.getLocation(), point.getAnalysisObject(), point.getAnalysisUnit(),
                            line[0], line[1], line[2], line[3], g.getMethodLabel(), a.getL(), a.getE(), a.getC(), a.getS(), blankToNull(RiskPointSheet.flagsText(a.getDirectFlags())), g.getScore(),
                            g.getGradeLabel(), point.getControlLevelLabel(), point.getResponsibleDepartment(), point.getResponsiblePerson()), true);
                    sheet.fill(GRADE_COLUMN, fill(g.getGrade()));
                }
            }
            sheet.freeze(2, 2).autoFilter(2, HEADERS.size());
            return book.toBytes();
        }
    }

    static WorkbookWriter.Fill fill(Grade grade) {
        return switch (grade) {
            case RED -> WorkbookWriter.Fill.RED;
            case ORANGE -> WorkbookWriter.Fill.ORANGE;
            case YELLOW -> WorkbookWriter.Fill.YELLOW;
            case BLUE -> WorkbookWriter.Fill.BLUE;
        };
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /**
     * The 风险辨识评估清单 import template: the list's columns without those the rules compute, dropdowns where a column
     * has a closed set of values, and a sheet explaining how rows become risk points, events and measures.
     */
    static byte[] drawTemplate() {
        List<String> headers = RiskPointSheet.IMPORTED;
        try (WorkbookWriter book = new WorkbookWriter(true)) {
            SheetWriter sheet = book.sheet("风险辨识评估清单").widths(20, 10, 16, 18, 18, 24, 40, 10, 12, 10, 6, 6, 6, 6, 30, 10, 12, 10);
            sheet.title("风险辨识评估清单导入表（每行一条管控措施，填写前请阅读“填写说明”）", headers.size());
            sheet.header(headers);
            int last = TEMPLATE_ROWS + 2;
            sheet.dropdown(headers.indexOf(RiskPointSheet.TYPE), 3, last, RiskPointSheet.typeLabels(), "请从下拉列表选择风险点类型");
            sheet.dropdown(headers.indexOf(RiskPointSheet.CLASSIFICATION), 3, last, RiskPointSheet.classificationLabels(), "请从下拉列表选择措施类别");
            sheet.dropdown(headers.indexOf(RiskPointSheet.DATA_SOURCE), 3, last, RiskPointSheet.dataSourceLabels(), "请从下拉列表选择数据来源");
            sheet.dropdown(headers.indexOf(RiskPointSheet.METHOD), 3, last, RiskPointSheet.methodLabels(), "请从下拉列表选择评价方法");
            sheet.dropdown(headers.indexOf(RiskPointSheet.CONTROL_LEVEL), 3, last, RiskPointSheet.controlLevelLabels(), "请从下拉列表选择管控层级");
            sheet.freeze(1, 2);
            SheetWriter guide = book.sheet("填写说明").widths(6, 110);
            guide.title("填写说明", 2);
            List<String> lines = new ArrayList<>(List.of(
                    "每行一条管控措施。风险点名称相同的各行属于同一个风险点；其下风险事件相同的各行属于同一个风险事件（风险点 → 风险事件 → 管控措施）。每行都须填写风险点名称，请勿合并单元格。",
                    "风险点类型、位置、分析对象、分析单元、评价方法、L、E、C、S、直接判定情形、管控层级、责任部门、责任人属于风险点，以该风险点的第一行为准：后续各行可留空，填写的须与第一行一致，否则报错。",
                    "风险点名称、风险点类型（" + String.join("/", RiskPointSheet.typeLabels()) + "）、评价方法（" + String.join("/", RiskPointSheet.methodLabels()) + "）必填。",
                    "LEC（作业条件危险性评价法，D = L × E × C）须填 L、E、C：L 取 10、6、3、1、0.5、0.2、0.1；E 取 10、6、3、2、1、0.5；C 取 100、40、15、7、3、1。",
                    "LS（风险矩阵法，R = L × S）须填 L、S，均为 1～5 的整数。",
                    "直接判定须填“直接判定情形”。情形也可与 LEC、LS 同填，有任一情形即为重大风险（红）。多个情形用分号（；）或换行分隔（情形本身含顿号，不能用顿号分隔），每个情形填下表中的文字或代码。",
                    "风险值、风险等级由系统按评价规则计算，无须填写；从系统导出的风险分级管控清单中的“序号”“风险值”“风险等级”列导入时忽略。",
                    "管控层级可不填，默认按风险等级确定（" + String.join("、", Arrays.stream(cn.shuangkong.rules.Grade.values())
                            .map(g -> g.label() + " " + GradeViews.label(GradeViews.defaultControlLevel(g))).toList()) + "）；只能比默认更高，不能更低。",
                    "风险事件可不填（风险点暂无事件）；填写了管控措施、措施类别或数据来源的行须填写风险事件。措施类别（" + String.join("/", RiskPointSheet.classificationLabels())
                            + "）、数据来源（" + String.join("/", RiskPointSheet.dataSourceLabels()) + "）选填。",
                    "本企业已有同名风险点的，导入时整体替换（风险事件、管控措施以本表为准），重新评级并记入评级历史；内容未变的不作改动。未有的新增。",
                    "从系统导出的风险分级管控清单可直接修改后上传。导出的清单在风险点的每一行都列出其信息：修改时请改该风险点的所有行（或清空后续各行）。"
                            + "导出的管控层级按原风险等级确定，修改使风险等级升高时，请同时提高或清空管控层级。",
                    "上传：.xlsx 或 .xls，不超过 20 MB。有任何错误时整份不导入，系统返回错误清单和标注了出错单元格的错误报告；同一文件重复上传不会重复导入。"));
            int n = 0;
            for (String line : lines) {
                guide.row(List.of(++n, line), true);
            }
            guide.blank();
            guide.header(List.of("代码", "直接判定情形（《重大风险判定原则》）"));
            for (DirectFlag flag : DirectFlag.values()) {
                guide.row(List.of(flag.getValue(), RiskPointSheet.label(flag)), true);
            }
            return book.toBytes();
        }
    }
}
