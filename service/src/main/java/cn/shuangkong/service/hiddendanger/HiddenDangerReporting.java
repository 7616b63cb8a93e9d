package cn.shuangkong.service.hiddendanger;

import static cn.shuangkong.schema.Tables.HIDDEN_DANGER;
import static cn.shuangkong.schema.Tables.RISK_POINT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shuangkong.rules.checklist.ChecklistCatalogue;
import cn.shuangkong.rules.checklist.ChecklistItem;
import cn.shuangkong.rules.hiddendanger.FindingInput;
import cn.shuangkong.rules.hiddendanger.HiddenDangerClassification;
import cn.shuangkong.rules.hiddendanger.HiddenDangerDecision;
import cn.shuangkong.service.api.model.GovernancePlan;
import cn.shuangkong.service.api.model.HiddenDanger;
import cn.shuangkong.service.api.model.HiddenDangerEvent;
import cn.shuangkong.service.api.model.HiddenDangerInput;
import cn.shuangkong.service.api.model.HiddenDangerSource;
import cn.shuangkong.service.api.model.HiddenDangerStatus;
import cn.shuangkong.service.api.model.Reason;
import cn.shuangkong.service.api.model.Role;
import cn.shuangkong.service.api.model.SupervisionLevel;
import cn.shuangkong.service.enterprise.EnterpriseRegistry;
import cn.shuangkong.service.grading.Evaluations;
import cn.shuangkong.service.region.RegionDirectory;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.Times;

/**
 * Reporting a hidden danger: its level and deadline decided by the {@code hiddendanger} rule set, a 重大隐患
 * 挂牌督办 at the level of whoever lists it, and the first audit event, in one transaction.
 */
@Service
@Transactional
public class HiddenDangerReporting {

    private final DSLContext db;
    private final EnterpriseRegistry enterprises;
    private final RegionDirectory regions;
    private final HiddenDangerClassification classification;
    private final HiddenDangerQueries queries;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ChecklistCatalogue checklists;
    private final Clock clock;

    HiddenDangerReporting(DSLContext db, EnterpriseRegistry enterprises, RegionDirectory regions, HiddenDangerClassification classification,
                          ChecklistCatalogue checklists, HiddenDangerQueries queries, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.checklists = checklists;
        this.db = db;
        this.enterprises = enterprises;
        this.regions = regions;
        this.classification = classification;
        this.queries = queries;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What reporting {@code in} would decide (enterprise, time found, source, level and deadline), without writing
     * anything; the same refusals as {@link #report} (400 naming the field, 404 for an enterprise out of scope).
     * An inspection import checks every failed item this way before it writes any of them.
     */
    public Checked check(CurrentUser user, HiddenDangerInput in) {
        long enterpriseId = enterprises.requireInScope(user, in.getUscc());
        if (in.getRiskPointId() != null && !db.fetchExists(RISK_POINT, RISK_POINT.ID.eq(in.getRiskPointId()).and(RISK_POINT.ENTERPRISE_ID.eq(enterpriseId)))) {
            throw ApiException.invalidField("riskPointId", "风险点 " + in.getRiskPointId() + " 不属于该企业");
        }
        ChecklistItem item = in.getChecklistItemCode() == null ? null : checklists.item(in.getChecklistItemCode().strip())
                .orElseThrow(() -> ApiException.invalidField("checklistItemCode", "检查项 " + in.getChecklistItemCode() + " 不在任何检查表中"));
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime foundAt = in.getFoundAt() == null ? now : in.getFoundAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        if (foundAt.isAfter(now)) {
            throw ApiException.invalidField("foundAt", "发现时间不能晚于当前时间");
        }
        LocalDate today = Times.today(clock);
        boolean regulatorStaff = user.role() != Role.ENTERPRISE;
        if (in.getDeadline() != null && in.getDeadline().isBefore(today) && !regulatorStaff) {
            throw ApiException.invalidField("deadline", "整改期限不能早于今天；补录历史隐患请由检查人员或监管部门办理");
        }
        HiddenDangerSource source = source(user, in.getSource());
        boolean itemMajor = item != null && item.major();
        HiddenDangerDecision decision = Evaluations.evaluate("", () -> classification.decide(new FindingInput(itemMajor,
                itemMajor ? itemClause(item) : null,
                Boolean.TRUE.equals(in.getMajor()), in.getMajorClause(),
                in.getManageType() == null ? null : cn.shuangkong.rules.hiddendanger.ManageType.valueOf(in.getManageType().getValue()),
                in.getDangerType() == null ? null : cn.shuangkong.rules.hiddendanger.DangerType.valueOf(in.getDangerType().getValue()),
                Times.chinaDate(foundAt), in.getDeadline(), user.role() == Role.REGULATOR || user.role() == Role.ADMIN)));
        return new Checked(enterpriseId, foundAt, source, decision, now);
    }

    /** What {@link #check} decided, for {@link #report} to write. */
    public record Checked(long enterpriseId, LocalDateTime foundAt, HiddenDangerSource source, HiddenDangerDecision decision, LocalDateTime now) {
    }

    /** A checklist item's clause as the hidden danger cites it: the standard with the item, e.g. 安监总管三〔2017〕121号 第二项. */
    private static String itemClause(ChecklistItem item) {
        return item.basis() + "（检查项 " + item.code() + "）";
    }

    public HiddenDanger report(CurrentUser user, HiddenDangerInput in) {
        Checked checked = check(user, in);
        long enterpriseId = checked.enterpriseId();
        LocalDateTime foundAt = checked.foundAt();
        LocalDateTime now = checked.now();
        HiddenDangerSource source = checked.source();
        HiddenDangerDecision decision = checked.decision();
        boolean major = decision.level() == cn.shuangkong.rules.hiddendanger.HiddenDangerLevel.MAJOR;

        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(HIDDEN_DANGER.ENTERPRISE_ID, enterpriseId);
        columns.put(HIDDEN_DANGER.RISK_POINT_ID, in.getRiskPointId());
        columns.put(HIDDEN_DANGER.CHECKLIST_ITEM_CODE, in.getChecklistItemCode() == null ? null : in.getChecklistItemCode().strip());
        columns.put(HIDDEN_DANGER.NAME, in.getName().strip());
        columns.put(HIDDEN_DANGER.DESCRIPTION, in.getDescription());
        columns.put(HIDDEN_DANGER.LOCATION, in.getLocation());
        columns.put(HIDDEN_DANGER.DANGER_LEVEL, decision.level().name());
        columns.put(HIDDEN_DANGER.MAJOR_CLAUSE, decision.majorClause());
        columns.put(HIDDEN_DANGER.MANAGE_TYPE, decision.manageType().name());
        columns.put(HIDDEN_DANGER.SOURCE, source.getValue());
        columns.put(HIDDEN_DANGER.DANGER_TYPE, in.getDangerType().getValue());
        columns.put(HIDDEN_DANGER.CLASSIFICATION, in.getClassification() == null ? null : in.getClassification().getValue());
        columns.put(HIDDEN_DANGER.FOUND_AT, foundAt);
        columns.put(HIDDEN_DANGER.REPORTED_BY, user.username());
        columns.put(HIDDEN_DANGER.DEADLINE, decision.deadline());
        columns.put(HIDDEN_DANGER.ORIGINAL_DEADLINE, decision.deadline());
        columns.put(HIDDEN_DANGER.RESPONSIBLE_PERSON, in.getResponsiblePerson());
        columns.put(HIDDEN_DANGER.RECTIFICATION_MEASURES, in.getRectificationMeasures());
        columns.put(HIDDEN_DANGER.COST, in.getCost());
        columns.put(HIDDEN_DANGER.STATUS, HiddenDangerStatus.RECTIFYING.getValue());
        columns.put(HIDDEN_DANGER.SUPERVISION_LEVEL, major ? supervisionLevel(user).getValue() : null);
        columns.putAll(planColumns(in.getGovernancePlan()));
        columns.put(HIDDEN_DANGER.RULE_SET_VERSION, decision.ruleSetVersion());
        columns.put(HIDDEN_DANGER.VERSION, 1);
        columns.put(HIDDEN_DANGER.CREATED_AT, now);
        columns.put(HIDDEN_DANGER.UPDATED_AT, now);
        long id = db.insertInto(HIDDEN_DANGER).set(columns).returningResult(HIDDEN_DANGER.ID).fetchSingle(HIDDEN_DANGER.ID);

        audit.append(id, HiddenDangerEvent.TypeEnum.REPORTED, null, HiddenDangerStatus.RECTIFYING, user.username(),
                decision.level().label() + "，" + decision.manageType().label() + "，整改期限 " + decision.deadline());
        events.publishEvent(new HiddenDangerChanged(id, in.getUscc()));
        return queries.find(user, id)
                .reasons(decision.reasons().stream().map(r -> new Reason(r.rule(), r.message(), r.clause())).toList());
    }

    /** The columns of a 治理方案, or nulls. */
    static Map<Field<?>, Object> planColumns(GovernancePlan plan) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(HIDDEN_DANGER.PLAN_GOALS, plan == null ? null : plan.getGoalsAndTasks());
        columns.put(HIDDEN_DANGER.PLAN_METHODS, plan == null ? null : plan.getMethodsAndMeasures());
        columns.put(HIDDEN_DANGER.PLAN_FUNDING, plan == null ? null : plan.getFundsAndMaterials());
        columns.put(HIDDEN_DANGER.PLAN_ORGANIZATION, plan == null ? null : plan.getOrganizationAndPersonnel());
        columns.put(HIDDEN_DANGER.PLAN_SCHEDULE, plan == null ? null : plan.getTimeLimitAndRequirements());
        columns.put(HIDDEN_DANGER.PLAN_SAFETY, plan == null ? null : plan.getSafetyMeasuresAndEmergencyPlan());
        return columns;
    }

    /** An enterprise reports its own 排查 (日常排查 by default); a regulator's or inspector's finding is 监管检查 unless they say otherwise. */
    private static HiddenDangerSource source(CurrentUser user, HiddenDangerSource requested) {
        if (user.role() == Role.ENTERPRISE) {
            if (requested == HiddenDangerSource.SUPERVISION) {
                throw ApiException.invalidField("source", "企业自查上报的隐患来源不能为“监管检查”");
            }
            return requested == null ? HiddenDangerSource.DAILY : requested;
        }
        return requested == null ? HiddenDangerSource.SUPERVISION : requested;
    }

    /**
     * A 重大隐患 is 挂牌督办 at the level of the regulator (or inspector) who lists it; one an enterprise reports
     * itself, at the level of its county (the 属地 regulator), until a regulator raises it.
     */
    private SupervisionLevel supervisionLevel(CurrentUser user) {
        if (user.role() == Role.REGULATOR || user.role() == Role.INSPECTOR) {
            return levelOf(regions, user.regionCode());
        }
        return SupervisionLevel.COUNTY;
    }

    /** The 挂牌督办 level of a region: 省级, 市级, 县级 or 乡镇级. */
    static SupervisionLevel levelOf(RegionDirectory regions, String regionCode) {
        return regions.find(regionCode).map(r -> switch (r.level()) {
            case PROVINCE -> SupervisionLevel.PROVINCE;
            case PREFECTURE -> SupervisionLevel.CITY;
            case COUNTY -> SupervisionLevel.COUNTY;
            case TOWNSHIP -> SupervisionLevel.TOWNSHIP;
        }).orElse(SupervisionLevel.COUNTY);
    }
}
