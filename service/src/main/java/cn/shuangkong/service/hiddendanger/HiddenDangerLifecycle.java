package cn.shuangkong.service.hiddendanger;

import static cn.shuangkong.schema.Tables.HIDDEN_DANGER;
import static cn.shuangkong.schema.Tables.HIDDEN_DANGER_EXTENSION;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shuangkong.schema.tables.records.HiddenDangerExtensionRecord;
import cn.shuangkong.schema.tables.records.HiddenDangerRecord;
import cn.shuangkong.service.api.model.Extension;
import cn.shuangkong.service.api.model.ExtensionDecision;
import cn.shuangkong.service.api.model.ExtensionRequest;
import cn.shuangkong.service.api.model.GovernancePlan;
import cn.shuangkong.service.api.model.HiddenDanger;
import cn.shuangkong.service.api.model.HiddenDangerEvent.TypeEnum;
import cn.shuangkong.service.api.model.HiddenDangerLevel;
import cn.shuangkong.service.api.model.HiddenDangerStatus;
import cn.shuangkong.service.api.model.HiddenDangerTransition;
import cn.shuangkong.service.api.model.Role;
import cn.shuangkong.service.api.model.SupervisionChange;
import cn.shuangkong.service.api.model.SupervisionLevel;
import cn.shuangkong.service.region.RegionDirectory;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.ETags;
import cn.shuangkong.service.web.VersionedRows;

/**
 * The closed loop: 整改中 → 待验收 → 已验收（销号）, 待验收 → 整改中 on rejection, 撤销 by a regulator; the 治理方案,
 * 挂牌督办 and 延期. Every change is checked (who, from which state), versioned, and audited in one transaction.
 */
@Service
@Transactional
class HiddenDangerLifecycle {

    private static final Set<HiddenDangerStatus> OPEN = Set.of(HiddenDangerStatus.RECTIFYING, HiddenDangerStatus.PENDING_ACCEPTANCE);

    private final DSLContext db;
    private final HiddenDangerQueries queries;
    private final RegionDirectory regions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HiddenDangerLifecycle(DSLContext db, HiddenDangerQueries queries, RegionDirectory regions, AuditTrail audit,
                          ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.queries = queries;
        this.regions = regions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    HiddenDanger transition(CurrentUser user, long id, HiddenDangerTransition t, String ifMatch) {
        HiddenDangerRecord danger = queries.require(user, id);
        OptionalInt expected = ETags.requireCurrent(ifMatch, danger.getVersion());
        HiddenDangerStatus from = HiddenDangerStatus.fromValue(danger.getStatus());
        boolean major = HiddenDangerLevel.MAJOR.getValue().equals(danger.getDangerLevel());
        String comment = t.getComment() == null ? null : t.getComment().strip();
        LocalDateTime now = LocalDateTime.now(clock);
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        HiddenDangerStatus to;
        TypeEnum event;
        switch (t.getAction()) {
            case SUBMIT -> {
                requireRole(user, "整改完成提交验收须由企业或检查人员办理", Role.ENTERPRISE, Role.INSPECTOR, Role.ADMIN);
                requireState(from, Set.of(HiddenDangerStatus.RECTIFYING), "提交验收");
                requireText(comment, "提交验收须说明整改情况（整改证据）");
                if (major && danger.getPlanGoals() == null) {
                    throw ApiException.conflict("重大隐患须先制定治理方案（总局令第16号），方可提交验收");
                }
                to = HiddenDangerStatus.PENDING_ACCEPTANCE;
                event = TypeEnum.SUBMITTED;
                columns.put(HIDDEN_DANGER.EVIDENCE, comment);
            }
            case ACCEPT -> {
                if (major) {
                    requireRole(user, "重大隐患须由监管部门验收销号", Role.REGULATOR, Role.ADMIN);
                } else {
                    requireRole(user, "验收须由检查人员或监管部门办理", Role.INSPECTOR, Role.REGULATOR, Role.ADMIN);
                }
                requireState(from, Set.of(HiddenDangerStatus.PENDING_ACCEPTANCE), "验收");
                to = HiddenDangerStatus.CLOSED;
                event = TypeEnum.ACCEPTED;
                columns.put(HIDDEN_DANGER.ACCEPTED_BY, user.username());
                columns.put(HIDDEN_DANGER.ACCEPTED_AT, now);
                columns.put(HIDDEN_DANGER.ACCEPTANCE_COMMENT, comment);
                columns.put(HIDDEN_DANGER.CLOSED_AT, now);
            }
            case REJECT -> {
                if (major) {
                    requireRole(user, "重大隐患须由监管部门验收", Role.REGULATOR, Role.ADMIN);
                } else {
                    requireRole(user, "验收须由检查人员或监管部门办理", Role.INSPECTOR, Role.REGULATOR, Role.ADMIN);
                }
                requireState(from, Set.of(HiddenDangerStatus.PENDING_ACCEPTANCE), "退回整改");
                requireText(comment, "退回整改须说明理由");
                to = HiddenDangerStatus.RECTIFYING;
                event = TypeEnum.REJECTED;
            }
            case CANCEL -> {
                requireRole(user, "撤销隐患须由监管部门办理", Role.REGULATOR, Role.ADMIN);
                requireState(from, OPEN, "撤销");
                requireText(comment, "撤销须说明理由");
                to = HiddenDangerStatus.CANCELLED;
                event = TypeEnum.CANCELLED;
                columns.put(HIDDEN_DANGER.CANCEL_REASON, comment);
            }
            default -> throw new IllegalStateException(t.getAction().toString());
        }
        columns.put(HIDDEN_DANGER.STATUS, to.getValue());
        VersionedRows.update(db, HIDDEN_DANGER, HIDDEN_DANGER.ID, HIDDEN_DANGER.VERSION, HIDDEN_DANGER.UPDATED_AT, id, expected,
                HIDDEN_DANGER.STATUS.eq(from.getValue()), "隐患状态已被他人改变，请重新读取", columns, now);
        audit.append(id, event, from, to, user.username(), comment);
        HiddenDanger changed = queries.find(user, id);
        events.publishEvent(new HiddenDangerChanged(id, changed.getUscc()));
        return changed;
    }

    HiddenDanger setPlan(CurrentUser user, long id, GovernancePlan plan, String ifMatch) {
        HiddenDangerRecord danger = queries.require(user, id);
        OptionalInt expected = ETags.requireCurrent(ifMatch, danger.getVersion());
        HiddenDangerStatus status = HiddenDangerStatus.fromValue(danger.getStatus());
        requireState(status, Set.of(HiddenDangerStatus.RECTIFYING), "制定治理方案");
        VersionedRows.update(db, HIDDEN_DANGER, HIDDEN_DANGER.ID, HIDDEN_DANGER.VERSION, HIDDEN_DANGER.UPDATED_AT, id, expected,
                HiddenDangerReporting.planColumns(plan), LocalDateTime.now(clock));
        audit.append(id, TypeEnum.PLAN_SET, status, status, user.username(), plan.getTimeLimitAndRequirements());
        return queries.find(user, id);
    }

    HiddenDanger raiseSupervision(CurrentUser user, long id, SupervisionChange change, String ifMatch) {
        HiddenDangerRecord danger = queries.require(user, id);
        OptionalInt expected = ETags.requireCurrent(ifMatch, danger.getVersion());
        HiddenDangerStatus status = HiddenDangerStatus.fromValue(danger.getStatus());
        requireState(status, OPEN, "挂牌督办");
        if (!HiddenDangerLevel.MAJOR.getValue().equals(danger.getDangerLevel())) {
            throw ApiException.conflict("只有重大隐患实行挂牌督办");
        }
        SupervisionLevel current = SupervisionLevel.fromValue(danger.getSupervisionLevel());
        SupervisionLevel requested = change.getLevel();
        if (requested.ordinal() >= current.ordinal()) {
            throw ApiException.invalidField("level", "挂牌督办只能提级：当前为" + HiddenDangerLabels.of(current));
        }
        if (user.role() == Role.REGULATOR && requested.ordinal() < HiddenDangerReporting.levelOf(regions, user.regionCode()).ordinal()) {
            throw ApiException.forbidden("不能高于本部门的级别挂牌督办");
        }
        Map<Field<?>, Object> columns = Map.of(HIDDEN_DANGER.SUPERVISION_LEVEL, requested.getValue());
        VersionedRows.update(db, HIDDEN_DANGER, HIDDEN_DANGER.ID, HIDDEN_DANGER.VERSION, HIDDEN_DANGER.UPDATED_AT, id, expected,
                columns, LocalDateTime.now(clock));
        audit.append(id, TypeEnum.SUPERVISION_RAISED, status, status, user.username(),
                HiddenDangerLabels.of(current) + " → " + HiddenDangerLabels.of(requested) + (change.getComment() == null ? "" : "：" + change.getComment()));
        return queries.find(user, id);
    }

    Extension requestExtension(CurrentUser user, long id, ExtensionRequest request) {
        HiddenDangerRecord danger = queries.require(user, id);
        requireRole(user, "延期由企业申请", Role.ENTERPRISE, Role.ADMIN);
        HiddenDangerStatus status = HiddenDangerStatus.fromValue(danger.getStatus());
        requireState(status, Set.of(HiddenDangerStatus.RECTIFYING), "申请延期");
        if (!request.getRequestedDeadline().isAfter(danger.getDeadline())) {
            throw ApiException.invalidField("requestedDeadline", "延期后的整改期限应晚于当前期限 " + danger.getDeadline());
        }
        if (db.fetchExists(HIDDEN_DANGER_EXTENSION, HIDDEN_DANGER_EXTENSION.HIDDEN_DANGER_ID.eq(id).and(HIDDEN_DANGER_EXTENSION.STATUS.eq("PENDING")))) {
            throw ApiException.conflict("已有待审批的延期申请");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        HiddenDangerExtensionRecord extension = db.insertInto(HIDDEN_DANGER_EXTENSION)
                .set(HIDDEN_DANGER_EXTENSION.HIDDEN_DANGER_ID, id)
                .set(HIDDEN_DANGER_EXTENSION.PREVIOUS_DEADLINE, danger.getDeadline())
                .set(HIDDEN_DANGER_EXTENSION.REQUESTED_DEADLINE, request.getRequestedDeadline())
                .set(HIDDEN_DANGER_EXTENSION.REASON, request.getReason().strip())
                .set(HIDDEN_DANGER_EXTENSION.REQUESTED_BY, user.username())
                .set(HIDDEN_DANGER_EXTENSION.REQUESTED_AT, now)
                .set(HIDDEN_DANGER_EXTENSION.STATUS, "PENDING")
                .returning()
                .fetchSingle();
        audit.append(id, TypeEnum.EXTENSION_REQUESTED, status, status, user.username(),
                danger.getDeadline() + " → " + request.getRequestedDeadline() + "：" + request.getReason().strip());
        return HiddenDangerQueries.toApi(extension);
    }

    Extension decideExtension(CurrentUser user, long id, long extensionId, ExtensionDecision decision) {
        HiddenDangerRecord danger = queries.require(user, id);
        HiddenDangerExtensionRecord extension = db.selectFrom(HIDDEN_DANGER_EXTENSION)
                .where(HIDDEN_DANGER_EXTENSION.ID.eq(extensionId)).and(HIDDEN_DANGER_EXTENSION.HIDDEN_DANGER_ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> ApiException.notFound("延期申请 " + extensionId));
        if (!"PENDING".equals(extension.getStatus())) {
            throw ApiException.conflict("该延期申请已审批");
        }
        HiddenDangerStatus status = HiddenDangerStatus.fromValue(danger.getStatus());
        LocalDateTime now = LocalDateTime.now(clock);
        boolean approve = decision.getApprove();
        if (approve) {
            requireState(status, Set.of(HiddenDangerStatus.RECTIFYING), "延期");
            VersionedRows.update(db, HIDDEN_DANGER, HIDDEN_DANGER.ID, HIDDEN_DANGER.VERSION, HIDDEN_DANGER.UPDATED_AT, id, OptionalInt.empty(),
                    HIDDEN_DANGER.STATUS.eq(HiddenDangerStatus.RECTIFYING.getValue()), "隐患状态已被他人改变，请重新读取",
                    Map.of(HIDDEN_DANGER.DEADLINE, extension.getRequestedDeadline()), now);
        }
        int decided = db.update(HIDDEN_DANGER_EXTENSION)
                .set(HIDDEN_DANGER_EXTENSION.STATUS, approve ? "APPROVED" : "REFUSED")
                .set(HIDDEN_DANGER_EXTENSION.DECIDED_BY, user.username())
                .set(HIDDEN_DANGER_EXTENSION.DECIDED_AT, now)
                .set(HIDDEN_DANGER_EXTENSION.DECISION_COMMENT, decision.getComment())
                .where(HIDDEN_DANGER_EXTENSION.ID.eq(extensionId))
                .and(HIDDEN_DANGER_EXTENSION.STATUS.eq("PENDING"))
                .execute();
        if (decided == 0) {
            throw ApiException.conflict("该延期申请已审批");
        }
        audit.append(id, approve ? TypeEnum.EXTENSION_APPROVED : TypeEnum.EXTENSION_REFUSED, status, status, user.username(),
                extension.getPreviousDeadline() + " → " + extension.getRequestedDeadline() + (decision.getComment() == null ? "" : "：" + decision.getComment()));
        events.publishEvent(new HiddenDangerChanged(id, uscc(user, id)));
        return HiddenDangerQueries.toApi(db.selectFrom(HIDDEN_DANGER_EXTENSION).where(HIDDEN_DANGER_EXTENSION.ID.eq(extensionId)).fetchSingle());
    }

    private String uscc(CurrentUser user, long id) {
        return queries.find(user, id).getUscc();
    }

    private static void requireRole(CurrentUser user, String why, Role... roles) {
        for (Role role : roles) {
            if (user.role() == role) {
                return;
            }
        }
        throw ApiException.forbidden(why);
    }

    private static void requireState(HiddenDangerStatus current, Set<HiddenDangerStatus> allowed, String action) {
        if (!allowed.contains(current)) {
            throw ApiException.conflict("当前状态为“" + HiddenDangerLabels.of(current) + "”，不能" + action);
        }
    }

    private static void requireText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalidField("comment", message);
        }
    }
}
