package cn.shuangkong.rules.enterprise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.rules.InvalidFactException;
import cn.shuangkong.rules.Reason;
import cn.shuangkong.rules.RuleSet;
import cn.shuangkong.rules.RuleSetCompilationException;
import cn.shuangkong.rules.RuleTableRejected;
import cn.shuangkong.rules.enterprise.EnterpriseGrade.Escalation;
import cn.shuangkong.rules.enterprise.EnterpriseGrade.FamilyScore;
import cn.shuangkong.rules.enterprise.EnterpriseGrade.IndicatorScore;

/**
 * The enterprise rule set: the points of {@code enterprise-points.drl.xlsx} (the one file an administrator may
 * replace), their sum ({@code enterprise-total.drl}), the colour of the total (the same table), and the escalations
 * no score can lower ({@code enterprise-escalations.drl}). Its version is the SHA-256 of all four files, so a grade
 * names exactly the table that produced it. Thread-safe; compile one per version and share it.
 */
public final class EnterpriseGrading {

    public static final String NAME = "enterprise";
    static final String PATH = "cn/shuangkong/rules/enterprise/";
    /** The editable decision table (points per indicator, colour per total). */
    public static final String TABLE = PATH + "enterprise-points.drl.xlsx";
    private static final String LICENCES = PATH + "required-licences.tsv";
    private static final List<String> FIXED_FILES = List.of(PATH + "enterprise-total.drl", PATH + "enterprise-escalations.drl", LICENCES);
    private static final Set<String> STANDARDIZATION = Set.copyOf(IndicatorCode.STANDARDIZATION.categories());

    private final RuleSet rules;
    private final RequiredLicences requiredLicences;

    private EnterpriseGrading(RuleSet rules, RequiredLicences requiredLicences) {
        this.rules = rules;
        this.requiredLicences = requiredLicences;
    }

    /** The rule set with the table shipped in this build. */
    public static EnterpriseGrading builtIn() {
        return withTable(builtInTable());
    }

    /** The bytes of the table shipped in this build. */
    public static byte[] builtInTable() {
        return RuleSet.read(TABLE);
    }

    /**
     * The rule set with {@code table} in place of the built-in table: checked ({@link EnterpriseRuleTable}), then
     * compiled.
     *
     * @throws RuleTableRejected naming each problem's sheet, row and column, or Drools' message when it does not compile
     */
    public static EnterpriseGrading withTable(byte[] table) {
        List<RuleTableRejected.Problem> problems = EnterpriseRuleTable.check(table);
        if (!problems.isEmpty()) {
            throw new RuleTableRejected(problems);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(TABLE, table);
        FIXED_FILES.forEach(file -> files.put(file, RuleSet.read(file)));
        try {
            return new EnterpriseGrading(RuleSet.compile(NAME, files), RequiredLicences.parse(files.get(LICENCES)));
        } catch (RuleSetCompilationException e) {
            throw new RuleTableRejected(e.messages().stream()
                    .map(message -> new RuleTableRejected.Problem("", 0, "", "规则表无法编译：" + message)).toList());
        } catch (RuntimeException e) {
            // Drools' own parsing of a table can fail past what EnterpriseRuleTable checks; still a refusal, never a 500.
            throw new RuleTableRejected(List.of(new RuleTableRejected.Problem("", 0, "", "规则表无法解析：" + e.getMessage())));
        }
    }

    public String ruleSetVersion() {
        return rules.version();
    }

    public EnterpriseGrade grade(EnterpriseFacts facts) {
        return gradeAll(List.of(facts)).get(0);
    }

    /**
     * Grades a batch in one stateless session: the way to grade many enterprises (the nightly run, an impact
     * preview). The first invalid input refuses the whole batch.
     */
    public List<EnterpriseGrade> gradeAll(List<EnterpriseFacts> batch) {
        List<EnterpriseAssessment> assessments = new ArrayList<>(batch.size());
        List<Object> facts = new ArrayList<>(batch.size() * 8);
        for (EnterpriseFacts input : batch) {
            validate(input);
            EnterpriseAssessment assessment = new EnterpriseAssessment(input, requiredLicences);
            assessments.add(assessment);
            facts.add(assessment);
            facts.addAll(assessment.indicators());
        }
        Map<EnterpriseAssessment, List<RuleSet.Fired>> fired = rules.evaluateMatches(EnterpriseGrading::subjectOf, facts);
        List<EnterpriseGrade> grades = new ArrayList<>(assessments.size());
        for (EnterpriseAssessment assessment : assessments) {
            grades.add(result(assessment, fired.getOrDefault(assessment, List.of())));
        }
        return grades;
    }

    private static EnterpriseAssessment subjectOf(Object fact) {
        if (fact instanceof EnterpriseAssessment assessment) {
            return assessment;
        }
        if (fact instanceof Indicator indicator) {
            return indicator.getAssessment();
        }
        return fact instanceof TotalScore total ? total.getAssessment() : null;
    }

    private EnterpriseGrade result(EnterpriseAssessment assessment, List<RuleSet.Fired> fired) {
        if (assessment.getScoreGrade() == null) {
            throw new IllegalStateException("No row of the colour table matched the total " + assessment.getTotalScore()
                    + " of " + assessment.getUscc());
        }
        Map<Indicator, Reason> scoredBy = new IdentityHashMap<>();
        Reason scoreReason = null;
        Reason totalReason = null;
        List<Escalation> escalations = new ArrayList<>();
        for (RuleSet.Fired f : fired) {
            boolean indicatorSeen = false;
            boolean totalSeen = false;
            for (Object fact : f.facts()) {
                if (fact instanceof Indicator indicator && !indicatorSeen) {
                    scoredBy.put(indicator, f.reason());
                    indicatorSeen = true;
                } else if (fact instanceof TotalScore) {
                    scoreReason = f.reason();
                    totalSeen = true;
                }
            }
            Grade floor = assessment.escalations().get(f.reason().rule());
            if (floor != null) {
                escalations.add(new Escalation(f.reason().rule(), floor, f.reason().message(), f.reason().clause()));
            } else if (!indicatorSeen && !totalSeen) {
                // The sum is the one rule that matches the assessment alone without escalating (enterprise-total.drl);
                // the grade's reasons() lists it with the others, so another such rule would vanish from the explanation.
                if (totalReason != null) {
                    throw new IllegalStateException("Two rules of the enterprise rule set concluded neither points, a colour nor an escalation: "
                            + totalReason.rule() + ", " + f.reason().rule());
                }
                totalReason = f.reason();
            }
        }
        List<FamilyScore> families = new ArrayList<>();
        for (IndicatorFamily family : IndicatorFamily.values()) {
            List<IndicatorScore> scores = new ArrayList<>();
            BigDecimal points = BigDecimal.ZERO;
            for (Indicator indicator : assessment.indicators()) {
                Reason reason = scoredBy.get(indicator);
                if (indicator.code().family() == family && reason != null) {
                    BigDecimal scored = indicator.getPoints();
                    scores.add(new IndicatorScore(indicator.code(), indicator.getCategory(), Indicator.plain(indicator.getValue()), scored,
                            reason.rule(), reason.message(), reason.clause()));
                    points = points.add(scored);
                }
            }
            families.add(new FamilyScore(family, Indicator.plain(points), List.copyOf(scores)));
        }
        Grade grade = assessment.getScoreGrade();
        for (Escalation escalation : escalations) {
            grade = grade.atLeast(escalation.floor());
        }
        return new EnterpriseGrade(assessment.getUscc(), assessment.facts().asOf(), grade, assessment.getTotalScore(),
                assessment.getScoreGrade(), scoreReason, List.copyOf(families), List.copyOf(escalations), totalReason, rules.version());
    }

    private static void validate(EnterpriseFacts facts) {
        if (facts.asOf() == null) {
            throw new InvalidFactException("asOf", "评定日期不能为空");
        }
        // Each code is tested for null first: the categories are List.of(…), whose contains(null) throws.
        if (facts.industryCategory() == null || !IndicatorCode.INDUSTRY.categories().contains(facts.industryCategory())) {
            throw new InvalidFactException("industryCategory", "行业类别不能为空，可选：" + String.join("、", IndicatorCode.INDUSTRY.categories()));
        }
        if (facts.standardizationLevel() != null && !STANDARDIZATION.contains(facts.standardizationLevel())) {
            throw new InvalidFactException("standardizationLevel", "安全生产标准化等级须为 LEVEL_1、LEVEL_2、LEVEL_3 或 NONE");
        }
        if (facts.employees() != null && facts.employees() < 0) {
            throw new InvalidFactException("employees", "从业人员数不能为负数");
        }
        if (facts.riskPoints() == null || facts.majorHazards() == null || facts.hiddenDangers() == null) {
            throw new InvalidFactException("riskPoints", "风险点、重大危险源和隐患的数量不能为空（没有即为 0）");
        }
        EnterpriseFacts.RiskPoints p = facts.riskPoints();
        EnterpriseFacts.MajorHazards m = facts.majorHazards();
        EnterpriseFacts.HiddenDangers d = facts.hiddenDangers();
        if (java.util.stream.IntStream.of(p.red(), p.orange(), p.yellow(), p.blue(), m.level1(), m.level2(), m.level3(), m.level4(),
                d.openGeneral(), d.openMajor(), d.overdueGeneral(), d.overdueMajor()).anyMatch(n -> n < 0)) {
            throw new InvalidFactException("riskPoints", "风险点、重大危险源和隐患的数量不能为负数");
        }
        for (EnterpriseFacts.Accident accident : facts.accidents()) {
            if (accident.occurredOn() == null || accident.deaths() < 0 || accident.seriousInjuries() < 0) {
                throw new InvalidFactException("accidents", "事故须有发生日期，死亡和重伤人数不能为负数");
            }
        }
        for (EnterpriseFacts.EnforcementAction action : facts.enforcementActions()) {
            if (action.decidedOn() == null || action.kind() == null || !IndicatorCode.ENFORCEMENT_ACTIONS_12M.categories().contains(action.kind())) {
                throw new InvalidFactException("enforcementActions", "行政处罚须有决定日期和处罚种类");
            }
            if (action.amountYuan() != null && action.amountYuan().signum() < 0) {
                throw new InvalidFactException("enforcementActions", "罚款金额不能为负数");
            }
        }
        for (EnterpriseFacts.Licence licence : facts.licences()) {
            if (licence.kind() == null || licence.validFrom() == null || licence.validTo() == null) {
                throw new InvalidFactException("licences", "许可证须有种类和有效期");
            }
        }
        for (EnterpriseFacts.Alarm alarm : facts.alarms()) {
            if (alarm.occurredAt() == null || alarm.level() == null || !IndicatorCode.UNCLEARED_ALARMS.categories().contains(alarm.level())) {
                throw new InvalidFactException("alarms", "监测报警须有发生时间和报警级别（LEVEL_1、LEVEL_2）");
            }
        }
        for (EnterpriseFacts.QualityFinding finding : facts.qualityFindings()) {
            if (finding.foundOn() == null || finding.kind() == null || !IndicatorCode.UNRESOLVED_QUALITY_FINDINGS.categories().contains(finding.kind())) {
                throw new InvalidFactException("qualityFindings", "质量检测问题须有发现日期和问题类型");
            }
        }
    }
}
