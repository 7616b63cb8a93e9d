package cn.shuangkong.service.enterpriserisk;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import cn.shuangkong.rules.RuleTableRejected;
import cn.shuangkong.rules.enterprise.EnterpriseGrade;
import cn.shuangkong.rules.enterprise.EnterpriseGrading;
import cn.shuangkong.service.api.model.ColourChange;
import cn.shuangkong.service.api.model.RuleSetActivation;
import cn.shuangkong.service.api.model.RuleSetCandidate;
import cn.shuangkong.service.api.model.RuleSetImpact;
import cn.shuangkong.service.api.model.SpreadsheetError;
import cn.shuangkong.service.excel.SpreadsheetRejected;
import cn.shuangkong.service.excel.Upload;
import cn.shuangkong.service.grading.GradeHistory.Cause;
import cn.shuangkong.service.grading.GradeViews;
import cn.shuangkong.service.grading.RuleSetReleases;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changing the enterprise rule set: an uploaded table becomes a candidate after a dry run over the whole registry that
 * lists whose colour it would change and why; activating it makes it the version in force and re-grades everyone.
 */
@Component
class RuleSetChange {

    /** At most this many changes are listed (and stored) per preview; the counts cover all. */
    static final int LISTED_CHANGES = 10_000;

    private final RuleSetReleases releases;
    private final EnterpriseGrader grader;
    private final JsonMapper json;

    RuleSetChange(RuleSetReleases releases, EnterpriseGrader grader, JsonMapper json) {
        this.releases = releases;
        this.grader = grader;
        this.json = json;
    }

    /**
     * @throws SpreadsheetRejected (422) naming the sheet, row and column of each problem of the table
     */
    RuleSetCandidate upload(Upload upload, String uploadedBy) {
        RuleSetReleases.Candidate candidate;
        try {
            candidate = releases.upload(upload.fileName(), upload.content(), uploadedBy);
        } catch (RuleTableRejected e) {
            throw new SpreadsheetRejected("规则表有误，未保存", e.problems().stream()
                    .map(p -> {
                        SpreadsheetError error = new SpreadsheetError(p.message());
                        if (!p.sheet().isEmpty()) {
                            error.sheet(p.sheet());
                        }
                        if (p.row() > 0) {
                            error.row(p.row()).column(p.column());
                        }
                        return error;
                    }).toList());
        }
        RuleSetImpact impact = preview(releases.currentVersion(), releases.current(), candidate.grading());
        releases.saveImpact(candidate.id(), json.writeValueAsString(impact));
        return new RuleSetCandidate(releases.find(candidate.id()), impact);
    }

    RuleSetCandidate find(long id) {
        RuleSetImpact impact = releases.impact(id)
                .map(stored -> json.readValue(stored, RuleSetImpact.class))
                .orElseGet(() -> preview(releases.currentVersion(), releases.current(), releases.engine(id)));
        return new RuleSetCandidate(releases.find(id), impact);
    }

    RuleSetActivation activate(long id, String activatedBy) {
        RuleSetReleases.Activation activation = releases.activate(id, activatedBy);
        EnterpriseGrader.Outcome outcome = grader.gradeAll(DSL.trueCondition(), Cause.RULE_SET_ACTIVATED, activatedBy);
        return new RuleSetActivation(activation.activated(), outcome.graded(), outcome.recoloured()).retired(activation.retired());
    }

    /** Both versions on the same facts of every enterprise (an administrator's scope is the whole registry). */
    private RuleSetImpact preview(String currentVersion, EnterpriseGrading current, EnterpriseGrading candidate) {
        // The first LISTED_CHANGES by USCC, kept as they come: a change of every enterprise never sits in memory whole.
        TreeMap<String, ColourChange> changes = new TreeMap<>();
        int[] counts = new int[2];
        grader.compare(DSL.trueCondition(), current, candidate, (subject, before, after) -> {
            counts[0]++;
            if (before.grade() != after.grade()) {
                counts[1]++;
                if (changes.size() < LISTED_CHANGES || subject.uscc().compareTo(changes.lastKey()) < 0) {
                    changes.put(subject.uscc(), new ColourChange(subject.uscc(), subject.name(), subject.regionCode(),
                            GradeViews.grade(before.grade()), before.grade().label(), before.totalScore(), GradeViews.grade(after.grade()),
                            after.grade().label(), after.totalScore(), reasons(after)));
                    if (changes.size() > LISTED_CHANGES) {
                        changes.pollLastEntry();
                    }
                }
            }
        });
        return new RuleSetImpact(currentVersion, counts[0], counts[1], new ArrayList<>(changes.values()), counts[1] > LISTED_CHANGES);
    }

    /** Why the candidate gives its colour: the band of the total, then every escalation. */
    private static List<String> reasons(EnterpriseGrade grade) {
        List<String> reasons = new ArrayList<>();
        reasons.add(grade.scoreReason().message());
        grade.escalations().forEach(e -> reasons.add(e.message()));
        return reasons;
    }
}
