package cn.shuangkong.service.riskmap;

import java.util.Arrays;
import java.util.List;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.service.api.model.RiskMapColourCount;
import cn.shuangkong.service.api.model.RiskMapCounts;
import cn.shuangkong.service.grading.GradeViews;

/** Enterprises counted by colour, RED to BLUE, and those not yet graded. */
final class ColourTally {

    private static final int UNGRADED = Grade.values().length;

    private final long[] counts = new long[UNGRADED + 1];

    /** Adds {@code enterprises} of {@code grade}, null for ungraded ones. */
    void add(Grade grade, long enterprises) {
        counts[grade == null ? UNGRADED : grade.ordinal()] += enterprises;
    }

    /** The four grades, always all four, each with its label and colour. */
    List<RiskMapColourCount> colours() {
        return Arrays.stream(Grade.values())
                .map(g -> new RiskMapColourCount(GradeViews.grade(g), g.label(), g.colour(), counts[g.ordinal()]))
                .toList();
    }

    long ungraded() {
        return counts[UNGRADED];
    }

    long total() {
        return Arrays.stream(counts).sum();
    }

    RiskMapCounts counts() {
        return new RiskMapCounts(colours(), ungraded(), total());
    }
}
