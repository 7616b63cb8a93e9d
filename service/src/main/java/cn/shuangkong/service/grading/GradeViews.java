package cn.shuangkong.service.grading;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.hazardpoint.HazardPointGrade;
import cn.shuangkong.rules.hazardpoint.HazardPointInput;
import cn.shuangkong.rules.hazardpoint.HazardPointType;
import cn.shuangkong.rules.majorhazard.ChemicalInput;
import cn.shuangkong.rules.majorhazard.MajorHazardInput;
import cn.shuangkong.rules.majorhazard.MajorHazardResult;
import cn.shuangkong.rules.majorhazard.UnitType;
import cn.shuangkong.rules.riskpoint.DirectFlag;
import cn.shuangkong.rules.riskpoint.RiskMethod;
import cn.shuangkong.rules.riskpoint.RiskPointGrade;
import cn.shuangkong.rules.riskpoint.RiskPointInput;
import cn.shuangkong.service.api.model.ChemicalFigures;
import cn.shuangkong.service.api.model.ControlLevel;
import cn.shuangkong.service.api.model.DangerScale;
import cn.shuangkong.service.api.model.HazardPointAssessmentInput;
import cn.shuangkong.service.api.model.MajorHazardAssessmentInput;
import cn.shuangkong.service.api.model.MajorHazardLevel;
import cn.shuangkong.service.api.model.Reason;
import cn.shuangkong.service.api.model.RiskAssessmentInput;

/**
 * Between the API and the rule sets: requests into facts, results into responses with their Chinese labels.
 * The one place that turns a grade into its label and colour for the API.
 */
public final class GradeViews {

    private GradeViews() {
    }

    public static cn.shuangkong.service.api.model.Grade grade(Grade grade) {
        return cn.shuangkong.service.api.model.Grade.fromValue(grade.name());
    }

    /** The control level (管控层级) a grade calls for: RED 公司, ORANGE 部门, YELLOW 班组, BLUE 岗位. */
    public static ControlLevel defaultControlLevel(Grade grade) {
        return switch (grade) {
            case RED -> ControlLevel.COMPANY;
            case ORANGE -> ControlLevel.DEPARTMENT;
            case YELLOW -> ControlLevel.TEAM;
            case BLUE -> ControlLevel.POST;
        };
    }

    public static String label(ControlLevel level) {
        return switch (level) {
            case COMPANY -> "公司级";
            case DEPARTMENT -> "部门级";
            case TEAM -> "班组级";
            case POST -> "岗位级";
        };
    }

    // ---- risk points

    public static RiskPointInput facts(RiskAssessmentInput in) {
        Set<DirectFlag> flags = EnumSet.noneOf(DirectFlag.class);
        if (in.getDirectFlags() != null) {
            in.getDirectFlags().forEach(f -> flags.add(DirectFlag.valueOf(f.getValue())));
        }
        return new RiskPointInput(in.getMethod() == null ? null : RiskMethod.valueOf(in.getMethod().getValue()),
                in.getL(), in.getE(), in.getC(), in.getS(), flags);
    }

    public static cn.shuangkong.service.api.model.RiskPointGrade view(RiskPointGrade g) {
        ControlLevel level = defaultControlLevel(g.grade());
        return new cn.shuangkong.service.api.model.RiskPointGrade(
                cn.shuangkong.service.api.model.RiskMethod.fromValue(g.method().name()), g.method().label(),
                grade(g.grade()), g.grade().label(), g.grade().colour(), level, label(level), reasons(g.reasons()), g.ruleSetVersion())
                .score(g.score());
    }

    // ---- major hazard sources

    public static MajorHazardInput facts(MajorHazardAssessmentInput in) {
        return new MajorHazardInput(in.getUnitType() == null ? null : UnitType.valueOf(in.getUnitType().getValue()),
                in.getExposedPeople(), chemicals(in.getChemicals()));
    }

    public static List<ChemicalInput> chemicals(List<cn.shuangkong.service.api.model.ChemicalInput> chemicals) {
        return chemicals == null ? List.of() : chemicals.stream()
                .map(c -> new ChemicalInput(c.getName(), c.getCas(), c.getHazardSymbols(), c.getQuantityTonnes()))
                .toList();
    }

    public static cn.shuangkong.service.api.model.MajorHazardGrade view(MajorHazardResult r) {
        List<ChemicalFigures> chemicals = r.chemicals().stream()
                .map(c -> new ChemicalFigures(c.name(), c.quantityTonnes(), c.criticalQuantityTonnes(), c.ratio(), c.beta(), c.betaSource())
                        .cas(c.cas())
                        .tableOneRow(c.tableOneRow())
                        .hazardSymbol(c.hazardSymbol()))
                .toList();
        return new cn.shuangkong.service.api.model.MajorHazardGrade(
                cn.shuangkong.service.api.model.UnitType.fromValue(r.unitType().name()), r.unitType().label(),
                r.majorHazardSource(), r.s(), r.alpha(), r.r(), grade(r.grade()), r.grade().label(), r.grade().colour(),
                chemicals, reasons(r.reasons()), r.ruleSetVersion())
                .level(r.level() == null ? null : MajorHazardLevel.fromValue(r.level().name()))
                .levelLabel(r.level() == null ? null : r.level().label());
    }

    // ---- geological hazard points

    public static HazardPointInput facts(HazardPointAssessmentInput in) {
        return new HazardPointInput(in.getType() == null ? null : HazardPointType.valueOf(in.getType().getValue()),
                in.getThreatenedPeople(), in.getPotentialLossYuan());
    }

    public static cn.shuangkong.service.api.model.HazardPointGrade view(HazardPointGrade g) {
        return new cn.shuangkong.service.api.model.HazardPointGrade(
                cn.shuangkong.service.api.model.HazardPointType.fromValue(g.type().name()), g.type().label(),
                DangerScale.fromValue(g.scale().name()), g.scale().label(),
                DangerScale.fromValue(g.peopleScale().name()), DangerScale.fromValue(g.lossScale().name()),
                grade(g.grade()), g.grade().label(), g.grade().colour(), reasons(g.reasons()), g.ruleSetVersion());
    }

    public static List<Reason> reasons(List<cn.shuangkong.rules.Reason> reasons) {
        return reasons.stream().map(r -> new Reason(r.rule(), r.message(), r.clause())).toList();
    }
}
