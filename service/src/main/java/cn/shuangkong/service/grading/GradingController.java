package cn.shuangkong.service.grading;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.shuangkong.rules.enterprise.EnterpriseGrading;
import cn.shuangkong.rules.hazardpoint.HazardPointGrading;
import cn.shuangkong.rules.majorhazard.MajorHazardGrading;
import cn.shuangkong.rules.riskpoint.RiskPointGrading;
import cn.shuangkong.service.api.GradingApi;
import cn.shuangkong.service.api.model.HazardPointAssessmentInput;
import cn.shuangkong.service.api.model.HazardPointGrade;
import cn.shuangkong.service.api.model.MajorHazardAssessmentInput;
import cn.shuangkong.service.api.model.MajorHazardGrade;
import cn.shuangkong.service.api.model.RiskAssessmentInput;
import cn.shuangkong.service.api.model.RiskPointGrade;
import cn.shuangkong.service.api.model.RuleSetInfo;

/** What-if grading: any authenticated user may ask; nothing is stored. */
@RestController
class GradingController implements GradingApi {

    private final RiskPointGrading riskPoints;
    private final MajorHazardGrading majorHazards;
    private final HazardPointGrading hazardPoints;

    private final RuleSetReleases enterpriseReleases;

    GradingController(RiskPointGrading riskPoints, MajorHazardGrading majorHazards, HazardPointGrading hazardPoints,
                      RuleSetReleases enterpriseReleases) {
        this.riskPoints = riskPoints;
        this.majorHazards = majorHazards;
        this.hazardPoints = hazardPoints;
        this.enterpriseReleases = enterpriseReleases;
    }

    @Override
    public ResponseEntity<RiskPointGrade> gradeRiskPoint(RiskAssessmentInput input) {
        return ResponseEntity.ok(GradeViews.view(Evaluations.evaluate("", () -> riskPoints.grade(GradeViews.facts(input)))));
    }

    @Override
    public ResponseEntity<MajorHazardGrade> gradeMajorHazard(MajorHazardAssessmentInput input) {
        return ResponseEntity.ok(GradeViews.view(Evaluations.evaluate("", () -> majorHazards.grade(GradeViews.facts(input)))));
    }

    @Override
    public ResponseEntity<HazardPointGrade> gradeHazardPoint(HazardPointAssessmentInput input) {
        return ResponseEntity.ok(GradeViews.view(Evaluations.evaluate("", () -> hazardPoints.grade(GradeViews.facts(input)))));
    }

    @Override
    public ResponseEntity<List<RuleSetInfo>> listRuleSets() {
        return ResponseEntity.ok(List.of(
                new RuleSetInfo(RiskPointGrading.NAME, "风险点分级：LEC、LS 风险矩阵、直接判定为重大风险", riskPoints.ruleSetVersion()),
                new RuleSetInfo(MajorHazardGrading.NAME, "危险化学品重大危险源辨识与分级（GB 18218-2018）", majorHazards.ruleSetVersion()),
                new RuleSetInfo(HazardPointGrading.NAME, "地质灾害隐患点险情分级", hazardPoints.ruleSetVersion()),
                new RuleSetInfo(EnterpriseGrading.NAME, "企业安全风险等级：指标计分、风险等级分界与升级规则（默认策略，可上传新版本）",
                        enterpriseReleases.currentVersion()).releases(enterpriseReleases.list())));
    }
}
