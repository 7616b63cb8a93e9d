package cn.shuangkong.service.riskpoint;

import static cn.shuangkong.schema.Tables.ENTERPRISE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import cn.shuangkong.service.api.model.ControlMeasure;
import cn.shuangkong.service.api.model.Grade;
import cn.shuangkong.service.api.model.RiskEvent;
import cn.shuangkong.service.api.model.RiskPoint;
import cn.shuangkong.service.excel.SheetWriter;
import cn.shuangkong.service.excel.WorkbookWriter;
import cn.shuangkong.service.security.CurrentUser;

/**
 * An enterprise's 风险分级管控清单 as Excel: one row per control measure, under its risk event and risk point (the
 * national chain 风险点 → 风险事件 → 管控措施), with the assessment, the grade filled in its colour, the control
 * level and who is responsible. A risk point without events still has its row.
 */
@Component
class RiskControlList {

    static final List<String> HEADERS = List.of("序号", "风险点名称", "风险点类型", "位置", "分析对象", "分析单元", "风险事件", "管控措施",
            "措施类别", "数据来源", "评价方法", "L", "E", "C", "S", "风险值", "风险等级", "管控层级", "责任部门", "责任人");
    private static final int GRADE_COLUMN = HEADERS.indexOf("风险等级");

    private final RiskPointRegister register;
    private final DSLContext db;

    RiskControlList(RiskPointRegister register, DSLContext db) {
        this.register = register;
        this.db = db;
    }

    byte[] export(CurrentUser user, String uscc) {
        List<RiskPoint> points = register.list(user, uscc, null); // 404 outside the caller's scope
        String enterpriseName = db.select(ENTERPRISE.NAME).from(ENTERPRISE).where(ENTERPRISE.USCC.eq(uscc)).fetchSingle(ENTERPRISE.NAME);
        try (WorkbookWriter book = new WorkbookWriter()) {
            SheetWriter sheet = book.sheet("风险分级管控清单").widths(6, 20, 10, 16, 18, 18, 24, 40, 10, 12, 10, 6, 6, 6, 6, 10, 10, 10, 12, 10);
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
                        lines.add(new Object[]{event.getName(), m.getDescription(), m.getClassification() == null ? null : classification(m.getClassification()),
                                m.getDataSource() == null ? null : dataSource(m.getDataSource())});
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
                            line[0], line[1], line[2], line[3], g.getMethodLabel(), a.getL(), a.getE(), a.getC(), a.getS(), g.getScore(),
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

    private static String classification(ControlMeasure.ClassificationEnum c) {
        return switch (c) {
            case ENGINEERING -> "工程技术";
            case MAINTENANCE -> "维护保养";
            case OPERATION -> "操作行为";
            case EMERGENCY -> "应急措施";
        };
    }

    private static String dataSource(ControlMeasure.DataSourceEnum s) {
        return switch (s) {
            case AUTOMATIC -> "自动化监控";
            case INSPECTION -> "隐患排查";
        };
    }
}
