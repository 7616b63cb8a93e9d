package cn.shuangkong.service.inspection;

import java.util.List;

import cn.shuangkong.service.api.model.InspectionOutcome;

/** 检查结果 as inspectors write it. */
final class Outcomes {

    static final List<String> LABELS = List.of("合格", "不合格", "不适用");

    private Outcomes() {
    }

    static String label(InspectionOutcome outcome) {
        return switch (outcome) {
            case PASS -> "合格";
            case FAIL -> "不合格";
            case NOT_APPLICABLE -> "不适用";
        };
    }

    static InspectionOutcome of(String label) {
        return switch (label) {
            case "合格" -> InspectionOutcome.PASS;
            case "不合格" -> InspectionOutcome.FAIL;
            case "不适用" -> InspectionOutcome.NOT_APPLICABLE;
            default -> throw new IllegalArgumentException(label);
        };
    }
}
