package cn.shuangkong.rules.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.shuangkong.rules.enterprise.EnterpriseFacts.Accident;
import cn.shuangkong.rules.enterprise.EnterpriseFacts.Alarm;
import cn.shuangkong.rules.enterprise.EnterpriseFacts.EnforcementAction;
import cn.shuangkong.rules.enterprise.EnterpriseFacts.HiddenDangers;
import cn.shuangkong.rules.enterprise.EnterpriseFacts.Licence;
import cn.shuangkong.rules.enterprise.EnterpriseFacts.MajorHazards;
import cn.shuangkong.rules.enterprise.EnterpriseFacts.QualityFinding;
import cn.shuangkong.rules.enterprise.EnterpriseFacts.RiskPoints;
import cn.shuangkong.rules.enterprise.EnterpriseGrade.IndicatorScore;

/**
 * An enterprise as a test describes it: of industry OTHER (1 point, no licence required) with nothing else registered,
 * graded on {@link #AS_OF}; each test adds only what it is about.
 */
final class TestEnterprise {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    /** A day well inside 近12个月 and 近30日 of {@link #AS_OF}. */
    static final LocalDate RECENTLY = AS_OF.minusDays(1);

    private String uscc = "91330100MA2TEST001";
    private LocalDate asOf = AS_OF;
    private String industry = "OTHER";
    private Integer employees;
    private String standardization;
    private RiskPoints riskPoints = RiskPoints.NONE;
    private MajorHazards majorHazards = MajorHazards.NONE;
    private HiddenDangers hiddenDangers = HiddenDangers.NONE;
    private final List<Accident> accidents = new ArrayList<>();
    private final List<EnforcementAction> enforcementActions = new ArrayList<>();
    private final List<Licence> licences = new ArrayList<>();
    private final List<Alarm> alarms = new ArrayList<>();
    private final List<QualityFinding> qualityFindings = new ArrayList<>();

    private TestEnterprise() {
    }

    /** An enterprise of industry OTHER with nothing registered: 1 point. */
    static TestEnterprise other() {
        return new TestEnterprise();
    }

    static TestEnterprise of(String industry) {
        return new TestEnterprise().industry(industry);
    }

    TestEnterprise uscc(String uscc) {
        this.uscc = uscc;
        return this;
    }

    TestEnterprise asOf(LocalDate asOf) {
        this.asOf = asOf;
        return this;
    }

    TestEnterprise industry(String industry) {
        this.industry = industry;
        return this;
    }

    TestEnterprise employees(Integer employees) {
        this.employees = employees;
        return this;
    }

    TestEnterprise standardization(String level) {
        this.standardization = level;
        return this;
    }

    TestEnterprise riskPoints(int red, int orange, int yellow, int blue) {
        this.riskPoints = new RiskPoints(red, orange, yellow, blue);
        return this;
    }

    TestEnterprise majorHazards(int level1, int level2, int level3, int level4) {
        this.majorHazards = new MajorHazards(level1, level2, level3, level4);
        return this;
    }

    TestEnterprise hiddenDangers(int openGeneral, int openMajor, int overdueGeneral, int overdueMajor) {
        this.hiddenDangers = new HiddenDangers(openGeneral, openMajor, overdueGeneral, overdueMajor);
        return this;
    }

    TestEnterprise accident(LocalDate on, int deaths, int seriousInjuries) {
        accidents.add(new Accident(on, deaths, seriousInjuries, BigDecimal.ZERO));
        return this;
    }

    TestEnterprise enforcement(LocalDate on, String kind, String amountYuan) {
        enforcementActions.add(new EnforcementAction(on, kind, amountYuan == null ? null : new BigDecimal(amountYuan)));
        return this;
    }

    TestEnterprise licence(String kind, LocalDate validFrom, LocalDate validTo) {
        licences.add(new Licence(kind, validFrom, validTo));
        return this;
    }

    TestEnterprise alarms(int count, String level, LocalDateTime at, boolean cleared) {
        for (int i = 0; i < count; i++) {
            alarms.add(new Alarm(at, level, cleared));
        }
        return this;
    }

    TestEnterprise qualityFindings(int count, String kind, LocalDate on, boolean resolved) {
        for (int i = 0; i < count; i++) {
            qualityFindings.add(new QualityFinding(on, kind, resolved));
        }
        return this;
    }

    EnterpriseFacts facts() {
        return new EnterpriseFacts(uscc, asOf, industry, employees, standardization, riskPoints, majorHazards, hiddenDangers,
                accidents, enforcementActions, licences, alarms, qualityFindings);
    }

    /** The score of one indicator (and category) in a grade's explanation, if a row of the table scored it. */
    static Optional<IndicatorScore> score(EnterpriseGrade grade, IndicatorCode code, String category) {
        return grade.families().stream().flatMap(family -> family.indicators().stream())
                .filter(score -> score.code() == code && Objects.equals(score.category(), category))
                .findFirst();
    }
}
