package cn.shuangkong.service.enterpriserisk;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.regex.Pattern;

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

    /** A rule-set version: the SHA-256 of its table, in hex. */
    private static final Pattern VERSION = Pattern.compile("[0-9a-f]{64}");

    private EnterpriseGradeViews() {
    }

    /**
     * The result as compared and digested: without the day it was computed for, so that the same outcome on another day
     * compares equal and is not recorded as a change (the history's inputs keep the day), and without the rule-set
     * version, so that a new version that changes nothing for an enterprise is told apart from one that does (the
     * history row and {@code enterprise_grade} hold the version in a column). {@link #withVersion} makes the stored
     * result of it.
     */
    static EnterpriseGrade withoutVersion(EnterpriseGrade g) {
        return new EnterpriseGrade(g.uscc(), null, g.grade(), g.totalScore(), g.scoreGrade(), g.scoreReason(), g.families(), g.escalations(), g.totalReason(),
                null);
    }

    /**
     * The stored result: the JSON of {@link #withoutVersion} with {@code "ruleSetVersion"} added as its last member,
     * byte for byte what the mapper writes of the whole result (the version is the last component, and a SHA-256 in hex
     * needs no escaping), without encoding the result a second time.
     */
    static byte[] withVersion(byte[] versionlessJson, String ruleSetVersion) {
        if (!VERSION.matcher(ruleSetVersion).matches() || versionlessJson.length < 2 || versionlessJson[versionlessJson.length - 1] != '}') {
            throw new IllegalArgumentException("not a result's JSON object and a rule-set version: " + ruleSetVersion);
        }
        byte[] member = (",\"ruleSetVersion\":\"" + ruleSetVersion + "\"}").getBytes(StandardCharsets.US_ASCII);
        byte[] stored = Arrays.copyOf(versionlessJson, versionlessJson.length - 1 + member.length);
        System.arraycopy(member, 0, stored, versionlessJson.length - 1, member.length);
        return stored;
    }

    /** The grade as stored in an earlier history row, computed again by {@code ruleSetVersion} with the same result. */
    static EnterpriseGrade asComputedBy(EnterpriseGrade g, String ruleSetVersion) {
        return new EnterpriseGrade(g.uscc(), g.asOf(), g.grade(), g.totalScore(), g.scoreGrade(), g.scoreReason(), g.families(), g.escalations(),
                g.totalReason(), ruleSetVersion);
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
