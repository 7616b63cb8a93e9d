package cn.shuangkong.service.enterpriserisk;

import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static cn.shuangkong.schema.Tables.ENTERPRISE_GRADE;

import java.net.URI;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.shuangkong.rules.enterprise.EnterpriseGrade;
import cn.shuangkong.service.api.EnterpriseRiskApi;
import cn.shuangkong.service.api.model.EnterpriseRiskGrade;
import cn.shuangkong.service.api.model.GradeHistoryPage;
import cn.shuangkong.service.api.model.RuleSetActivation;
import cn.shuangkong.service.api.model.RuleSetCandidate;
import cn.shuangkong.service.enterprise.EnterpriseRegistry;
import cn.shuangkong.service.excel.Upload;
import cn.shuangkong.service.excel.XlsxDownload;
import cn.shuangkong.service.grading.GradeHistory;
import cn.shuangkong.service.grading.RuleSetReleases;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ApiException;

/**
 * An enterprise's risk colour with its explanation and history (an enterprise user its own, regulators and inspectors
 * their jurisdiction: scoping comes from {@link EnterpriseRegistry#requireInScope}), and the administrator's changes of
 * the rule set (role checked in the security configuration).
 */
@RestController
class EnterpriseRiskController implements EnterpriseRiskApi {

    private final EnterpriseRegistry enterprises;
    private final EnterpriseGrader grader;
    private final GradeHistory history;
    private final RuleSetChange ruleSetChange;
    private final RuleSetReleases releases;
    private final DSLContext db;

    EnterpriseRiskController(EnterpriseRegistry enterprises, EnterpriseGrader grader, GradeHistory history, RuleSetChange ruleSetChange,
                             RuleSetReleases releases, DSLContext db) {
        this.enterprises = enterprises;
        this.grader = grader;
        this.history = history;
        this.ruleSetChange = ruleSetChange;
        this.releases = releases;
        this.db = db;
    }

    @Override
    public ResponseEntity<EnterpriseRiskGrade> getEnterpriseGrade(String uscc) {
        long id = enterprises.requireInScope(CurrentUser.get(), uscc);
        return ResponseEntity.ok(current(id));
    }

    @Override
    public ResponseEntity<EnterpriseRiskGrade> gradeEnterprise(String uscc) {
        CurrentUser user = CurrentUser.get();
        long id = enterprises.requireInScope(user, uscc);
        grader.grade(List.of(id), GradeHistory.Cause.ON_DEMAND, user.username());
        return ResponseEntity.ok(current(id));
    }

    @Override
    public ResponseEntity<GradeHistoryPage> getEnterpriseGradeHistory(String uscc, Integer page, Integer size) {
        long id = enterprises.requireInScope(CurrentUser.get(), uscc);
        long total = history.count(GradeHistory.Subject.ENTERPRISE, id);
        return ResponseEntity.ok(new GradeHistoryPage(history.page(GradeHistory.Subject.ENTERPRISE, id, page, size), page, size, total,
                (int) ((total + size - 1) / size)));
    }

    @Override
    public ResponseEntity<RuleSetCandidate> uploadEnterpriseRuleSetCandidate(MultipartFile file) {
        RuleSetCandidate candidate = ruleSetChange.upload(Upload.of(file), CurrentUser.get().username());
        return ResponseEntity.created(URI.create("/api/v1/rulesets/enterprise/candidates/" + candidate.getRelease().getId())).body(candidate);
    }

    @Override
    public ResponseEntity<RuleSetCandidate> getEnterpriseRuleSetCandidate(Long id) {
        return ResponseEntity.ok(ruleSetChange.find(id));
    }

    @Override
    public ResponseEntity<RuleSetActivation> activateEnterpriseRuleSetCandidate(Long id) {
        return ResponseEntity.ok(ruleSetChange.activate(id, CurrentUser.get().username()));
    }

    @Override
    public ResponseEntity<Resource> downloadEnterpriseRuleSetTable(Long id) {
        return XlsxDownload.of(releases.table(id), "企业风险计分表-" + releases.find(id).getVersion().substring(0, 12) + ".xlsx");
    }

    /**
     * The grade in force: its version, cause and time from {@code enterprise_grade}, its whole result from the newest
     * history row that has one, in one statement (a re-grade committed in between cannot pair one grade's version with
     * another's result).
     */
    private EnterpriseRiskGrade current(long enterpriseId) {
        Field<String> result = history.newestResult(GradeHistory.Subject.ENTERPRISE, ENTERPRISE_GRADE.ENTERPRISE_ID);
        return db.select(ENTERPRISE.NAME, ENTERPRISE_GRADE.GRADED_AT, ENTERPRISE_GRADE.CAUSE, ENTERPRISE_GRADE.RULE_SET_VERSION, result)
                .from(ENTERPRISE_GRADE).join(ENTERPRISE).on(ENTERPRISE.ID.eq(ENTERPRISE_GRADE.ENTERPRISE_ID))
                .where(ENTERPRISE_GRADE.ENTERPRISE_ID.eq(enterpriseId))
                .fetchOptional()
                .filter(r -> r.value5() != null)
                .map(r -> EnterpriseGradeViews.view(EnterpriseGradeViews.asComputedBy(history.result(r.value5(), EnterpriseGrade.class), r.value4()),
                        r.value1(), r.value2(), GradeHistory.Cause.valueOf(r.value3())))
                .orElseThrow(() -> ApiException.notFound("企业的安全风险等级（尚未评定，可 POST 本地址立即评定）"));
    }
}
