package cn.shuangkong.service.enterpriserisk;

import java.time.LocalDateTime;

import cn.shuangkong.rules.enterprise.EnterpriseGrade;
import cn.shuangkong.service.api.model.EnterpriseRiskGrade;
import cn.shuangkong.service.api.model.GradeEscalation;
import cn.shuangkong.service.api.model.IndicatorFamilyScore;
import cn.shuangkong.service.api.model.IndicatorScore;
import cn.shuangkong.service.grading.GradeHistory;
import cn.shuangkong.service.grading.GradeViews;
import cn.shuangkong.service.web.Times;

/** An enterprise grade as it is stored and as the API shows it. */
final class EnterpriseGradeViews {

    private EnterpriseGradeViews() {
    }

    /**
     * The result as stored: without the day it was computed for, so that the same outcome on another day compares
     * equal and is not recorded as a change (the history's inputs keep the day).
     */
    static EnterpriseGrade stored(EnterpriseGrade g) {
        return new EnterpriseGrade(g.uscc(), null, g.grade(), g.totalScore(), g.scoreGrade(), g.scoreReason(), g.families(), g.escalations(), g.totalReason(),
                g.ruleSetVersion());
    }

    static EnterpriseRiskGrade view(EnterpriseGrade g, String name, LocalDateTime gradedAt, GradeHistory.Cause cause) {
        return new EnterpriseRiskGrade(g.uscc(), name, GradeViews.grade(g.grade()), g.grade().label(), g.grade().colour(), g.totalScore(),
                GradeViews.grade(g.scoreGrade()), g.scoreGrade().label(),
                g.families().stream().map(EnterpriseGradeViews::family).toList(),
                g.escalations().stream().map(e -> new GradeEscalation(e.rule(), GradeViews.grade(e.floor()), e.floor().label(), e.message(),
                        e.clause())).toList(),
                GradeViews.reasons(g.reasons()), g.ruleSetVersion(), Times.chinaDate(gradedAt), Times.toApi(gradedAt), cause.name(),
                cause.label());
    }

    private static IndicatorFamilyScore family(EnterpriseGrade.FamilyScore f) {
        return new IndicatorFamilyScore(IndicatorFamilyScore.FamilyEnum.fromValue(f.family().name()), f.label(), f.points(),
                f.indicators().stream().map(i -> new IndicatorScore(i.code().name(), i.label(), i.value(), i.points(), i.rule(), i.message(),
                        i.clause()).category(i.category())).toList());
    }
}
