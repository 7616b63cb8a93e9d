package cn.shuangkong.service.inspection;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.shuangkong.service.api.model.InspectionOutcome;
import cn.shuangkong.service.excel.CellValue;
import cn.shuangkong.service.excel.Headers;

/** 检查结果 as inspectors write it: the template's three words, and the marks paper checklists use. */
final class Outcomes {

    static final List<String> LABELS = List.of("合格", "不合格", "不适用");

    /** What a filled form may say instead: ticks and crosses, 符合/不符合, 不涉及 and a slash for not applicable. */
    private static final Map<String, InspectionOutcome> WRITTEN = Map.ofEntries(
            Map.entry("合格", InspectionOutcome.PASS), Map.entry("符合", InspectionOutcome.PASS),
            Map.entry("√", InspectionOutcome.PASS), Map.entry("✓", InspectionOutcome.PASS), Map.entry("✔", InspectionOutcome.PASS),
            Map.entry("不合格", InspectionOutcome.FAIL), Map.entry("不符合", InspectionOutcome.FAIL),
            Map.entry("×", InspectionOutcome.FAIL), Map.entry("✗", InspectionOutcome.FAIL), Map.entry("✘", InspectionOutcome.FAIL),
            Map.entry("X", InspectionOutcome.FAIL),
            Map.entry("不适用", InspectionOutcome.NOT_APPLICABLE), Map.entry("不涉及", InspectionOutcome.NOT_APPLICABLE),
            Map.entry("/", InspectionOutcome.NOT_APPLICABLE), Map.entry("N/A", InspectionOutcome.NOT_APPLICABLE));

    /** The outcome a 检查结果 cell names (compared as headers are: widths, spaces and a trailing hint ignored). */
    static Optional<InspectionOutcome> read(CellValue cell) {
        String written = Headers.normalize(cell.text()).toUpperCase(java.util.Locale.ROOT);
        return WRITTEN.entrySet().stream().filter(e -> Headers.normalize(e.getKey()).equals(written)).map(Map.Entry::getValue).findFirst();
    }

    private Outcomes() {
    }

    static String label(InspectionOutcome outcome) {
        return switch (outcome) {
            case PASS -> "合格";
            case FAIL -> "不合格";
            case NOT_APPLICABLE -> "不适用";
        };
    }
}
