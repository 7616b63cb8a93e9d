package cn.shuangkong.service.riskpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.shuangkong.service.api.model.ControlLevel;
import cn.shuangkong.service.api.model.ControlMeasure;
import cn.shuangkong.service.api.model.DirectFlag;
import cn.shuangkong.service.api.model.RiskMethod;
import cn.shuangkong.service.api.model.RiskPointType;
import cn.shuangkong.service.excel.CellParsing;
import cn.shuangkong.service.excel.CellValue;
import cn.shuangkong.service.excel.Headers;
import cn.shuangkong.service.excel.Headers.Column;
import cn.shuangkong.service.grading.GradeViews;

/**
 * The 风险分级管控清单 as the export, the template and the import know it: one set of headers and one set of labels,
 * so that an exported list goes back in unchanged (its 序号, 风险值 and 风险等级, which the rules compute, are ignored on
 * the way in). One row per control measure under its risk event and risk point.
 */
final class RiskPointSheet {

    static final String NUMBER = "序号";
    static final String NAME = "风险点名称";
    static final String TYPE = "风险点类型";
    static final String LOCATION = "位置";
    static final String ANALYSIS_OBJECT = "分析对象";
    static final String ANALYSIS_UNIT = "分析单元";
    static final String EVENT = "风险事件";
    static final String MEASURE = "管控措施";
    static final String CLASSIFICATION = "措施类别";
    static final String DATA_SOURCE = "数据来源";
    static final String METHOD = "评价方法";
    static final String L = "L";
    static final String E = "E";
    static final String C = "C";
    static final String S = "S";
    static final String DIRECT_FLAGS = "直接判定情形";
    static final String SCORE = "风险值";
    static final String GRADE = "风险等级";
    static final String CONTROL_LEVEL = "管控层级";
    static final String DEPARTMENT = "责任部门";
    static final String PERSON = "责任人";

    /** The export's columns. */
    static final List<String> EXPORTED = List.of(NUMBER, NAME, TYPE, LOCATION, ANALYSIS_OBJECT, ANALYSIS_UNIT, EVENT, MEASURE, CLASSIFICATION,
            DATA_SOURCE, METHOD, L, E, C, S, DIRECT_FLAGS, SCORE, GRADE, CONTROL_LEVEL, DEPARTMENT, PERSON);

    /** The columns an import reads, in the template's order: the export's without those the rules compute. */
    static final List<String> IMPORTED = EXPORTED.stream().filter(h -> !List.of(NUMBER, SCORE, GRADE).contains(h)).toList();

    /** The cells that belong to the risk point rather than to one measure: taken from the point's first row. */
    static final List<String> POINT_LEVEL = List.of(TYPE, LOCATION, ANALYSIS_OBJECT, ANALYSIS_UNIT, METHOD, L, E, C, S, DIRECT_FLAGS,
            CONTROL_LEVEL, DEPARTMENT, PERSON);

    static final Headers HEADERS = new Headers(List.of(
            Column.required(NAME, NAME, "风险点", "风险点（危险源）名称"),
            Column.required(TYPE, TYPE, "类型", "风险点类别"),
            Column.optional(LOCATION, LOCATION, "所在位置", "区域位置"),
            Column.optional(ANALYSIS_OBJECT, ANALYSIS_OBJECT, "风险分析对象"),
            Column.optional(ANALYSIS_UNIT, ANALYSIS_UNIT, "安全风险分析单元", "风险分析单元"),
            Column.optional(EVENT, EVENT, "安全风险事件", "风险事件名称"),
            Column.optional(MEASURE, MEASURE, "风险管控措施", "管控措施内容"),
            Column.optional(CLASSIFICATION, CLASSIFICATION, "措施分类", "管控措施分类"),
            Column.optional(DATA_SOURCE, DATA_SOURCE),
            Column.required(METHOD, METHOD, "风险评价方法", "评估方法"),
            Column.optional(L, L),
            Column.optional(E, E),
            Column.optional(C, C),
            Column.optional(S, S),
            Column.optional(DIRECT_FLAGS, DIRECT_FLAGS, "直接判定", "重大风险判定情形"),
            Column.optional(CONTROL_LEVEL, CONTROL_LEVEL, "管控级别"),
            Column.optional(DEPARTMENT, DEPARTMENT, "管控责任部门"),
            Column.optional(PERSON, PERSON, "管控责任人")));

    /**
     * Flags are separated by semicolons or line breaks, not by 、: the flags' own texts contain 、
     * (“违反法律、法规及国家标准中强制性条款的”).
     */
    private static final Pattern FLAG_SEPARATORS = Pattern.compile("[;；\\r\\n]+");

    private RiskPointSheet() {
    }

    // ---- labels, the one place for the list's Chinese words

    static String label(ControlMeasure.ClassificationEnum c) {
        return switch (c) {
            case ENGINEERING -> "工程技术";
            case MAINTENANCE -> "维护保养";
            case OPERATION -> "操作行为";
            case EMERGENCY -> "应急措施";
        };
    }

    static String label(ControlMeasure.DataSourceEnum s) {
        return switch (s) {
            case AUTOMATIC -> "自动化监控";
            case INSPECTION -> "隐患排查";
        };
    }

    /** The short name the template's dropdown offers (the export writes the method's full label, which is accepted too). */
    static String shortLabel(RiskMethod method) {
        return switch (method) {
            case LEC -> "LEC";
            case LS -> "LS";
            case DIRECT -> "直接判定";
        };
    }

    /** The situation as 《重大风险判定原则》 words it (the rules' label). */
    static String label(DirectFlag flag) {
        return cn.shuangkong.rules.riskpoint.DirectFlag.valueOf(flag.getValue()).getLabel();
    }

    static String flagsText(Collection<DirectFlag> flags) {
        return flags == null ? "" : String.join("；", flags.stream().sorted().map(RiskPointSheet::label).toList());
    }

    static List<String> typeLabels() {
        return Arrays.stream(RiskPointType.values()).map(RiskPointRegister::label).toList();
    }

    static List<String> methodLabels() {
        return Arrays.stream(RiskMethod.values()).map(RiskPointSheet::shortLabel).toList();
    }

    static List<String> classificationLabels() {
        return Arrays.stream(ControlMeasure.ClassificationEnum.values()).map(RiskPointSheet::label).toList();
    }

    static List<String> dataSourceLabels() {
        return Arrays.stream(ControlMeasure.DataSourceEnum.values()).map(RiskPointSheet::label).toList();
    }

    static List<String> controlLevelLabels() {
        return Arrays.stream(ControlLevel.values()).map(GradeViews::label).toList();
    }

    // ---- reading a cell: a label, a code, or (for the method and level) the export's longer wording

    /** 场所 or PLACE. */
    static Optional<RiskPointType> type(CellValue cell) {
        return Arrays.stream(RiskPointType.values())
                .filter(t -> CellParsing.choice(cell, List.of(RiskPointRegister.label(t), t.getValue())).isPresent()).findFirst();
    }

    /** LEC, 作业条件危险性评价法（LEC） or 作业条件危险性评价法; 直接判定, 直接判定法 or DIRECT. */
    static Optional<RiskMethod> method(CellValue cell) {
        return Arrays.stream(RiskMethod.values()).filter(m -> {
            String full = cn.shuangkong.rules.riskpoint.RiskMethod.valueOf(m.getValue()).label();
            return CellParsing.choice(cell, List.of(shortLabel(m), full, m.getValue())).isPresent()
                    || CellParsing.choice(CellValue.text(CellParsing.code(cell)), List.of(m.getValue())).isPresent();
        }).findFirst();
    }

    /** 公司级, 公司 or COMPANY. */
    static Optional<ControlLevel> controlLevel(CellValue cell) {
        return Arrays.stream(ControlLevel.values()).filter(l -> {
            String label = GradeViews.label(l);
            return CellParsing.choice(cell, List.of(label, label.substring(0, label.length() - 1), l.getValue())).isPresent();
        }).findFirst();
    }

    static Optional<ControlMeasure.ClassificationEnum> classification(CellValue cell) {
        return Arrays.stream(ControlMeasure.ClassificationEnum.values())
                .filter(c -> CellParsing.choice(cell, List.of(label(c), c.getValue())).isPresent()).findFirst();
    }

    static Optional<ControlMeasure.DataSourceEnum> dataSource(CellValue cell) {
        return Arrays.stream(ControlMeasure.DataSourceEnum.values())
                .filter(s -> CellParsing.choice(cell, List.of(label(s), s.getValue())).isPresent()).findFirst();
    }

    /** The flags the cell names, each by its text or its code; the parts it could not read in {@code unknown}. */
    static List<DirectFlag> flags(CellValue cell, List<String> unknown) {
        List<DirectFlag> flags = new ArrayList<>();
        for (String part : FLAG_SEPARATORS.split(cell.text())) {
            if (part.isBlank()) {
                continue;
            }
            CellValue one = CellValue.text(part);
            Optional<DirectFlag> flag = Arrays.stream(DirectFlag.values())
                    .filter(f -> CellParsing.choice(one, List.of(label(f), f.getValue())).isPresent()).findFirst();
            if (flag.isPresent()) {
                if (!flags.contains(flag.get())) {
                    flags.add(flag.get());
                }
            } else {
                unknown.add(part.strip());
            }
        }
        return flags;
    }
}
