package cn.shuangkong.service.hiddendanger;

import static cn.shuangkong.schema.Tables.ENTERPRISE;
import static cn.shuangkong.schema.Tables.HIDDEN_DANGER;
import static cn.shuangkong.schema.Tables.HIDDEN_DANGER_EVENT;
import static cn.shuangkong.schema.Tables.HIDDEN_DANGER_EXTENSION;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shuangkong.schema.tables.records.HiddenDangerExtensionRecord;
import cn.shuangkong.schema.tables.records.HiddenDangerRecord;
import cn.shuangkong.service.api.model.DangerClassification;
import cn.shuangkong.service.api.model.DangerType;
import cn.shuangkong.service.api.model.Extension;
import cn.shuangkong.service.api.model.GovernancePlan;
import cn.shuangkong.service.api.model.HiddenDanger;
import cn.shuangkong.service.api.model.HiddenDangerEvent;
import cn.shuangkong.service.api.model.HiddenDangerLevel;
import cn.shuangkong.service.api.model.HiddenDangerPage;
import cn.shuangkong.service.api.model.HiddenDangerSource;
import cn.shuangkong.service.api.model.HiddenDangerStatus;
import cn.shuangkong.service.api.model.ManageType;
import cn.shuangkong.service.api.model.SupervisionLevel;
import cn.shuangkong.service.database.SqlLiterals;
import cn.shuangkong.service.region.RegionCodes;
import cn.shuangkong.service.region.RegionDirectory;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.security.Jurisdiction;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.Times;

/**
 * Reading hidden dangers, always within the caller's jurisdiction. Overdue is derived here, from status and
 * deadline and today's date in China: a danger is overdue while it is still being rectified ({@code RECTIFYING})
 * after its deadline day. One awaiting acceptance is not: the enterprise has done its part, and the wait is the
 * acceptor's.
 */
@Component
@Transactional(readOnly = true)
public class HiddenDangerQueries {

    private final DSLContext db;
    private final RegionDirectory regions;
    private final Clock clock;

    HiddenDangerQueries(DSLContext db, RegionDirectory regions, Clock clock) {
        this.db = db;
        this.regions = regions;
        this.clock = clock;
    }

    /** The danger if the caller may see it; 404 otherwise. */
    HiddenDangerRecord require(CurrentUser user, long id) {
        return db.select(HIDDEN_DANGER.asterisk())
                .from(HIDDEN_DANGER)
                .join(ENTERPRISE).on(ENTERPRISE.ID.eq(HIDDEN_DANGER.ENTERPRISE_ID))
                .where(HIDDEN_DANGER.ID.eq(id))
                .and(Jurisdiction.enterprises(user))
                .fetchOptional(r -> r.into(HIDDEN_DANGER))
                .orElseThrow(() -> ApiException.notFound("隐患 " + id));
    }

    /** The danger as the API shows it, if the caller may see it; 404 otherwise. */
    public HiddenDanger find(CurrentUser user, long id) {
        require(user, id);
        return rows(HIDDEN_DANGER.ID.eq(id)).get(0);
    }

    /**
     * Still being rectified after its deadline day, as a condition over {@code hidden_danger}. Its values are inlined
     * (a constant and the day), so that it can stand in a statement whose only bind values are ids
     * ({@link cn.shuangkong.service.database.IdListQuery}).
     */
    public static Condition overdue(LocalDate today) {
        return HIDDEN_DANGER.STATUS.eq(DSL.inline(HiddenDangerStatus.RECTIFYING.getValue()))
                .and(HIDDEN_DANGER.DEADLINE.lt(SqlLiterals.date(today)));
    }

    /** Days past the deadline of a danger still being rectified; 0 for one that is not overdue. */
    static int daysOverdue(HiddenDangerStatus status, LocalDate deadline, LocalDate today) {
        return status == HiddenDangerStatus.RECTIFYING && deadline.isBefore(today) ? (int) ChronoUnit.DAYS.between(deadline, today) : 0;
    }

    /** The regulator's filters; any of them may be null. */
    record Filter(String regionCode, String uscc, HiddenDangerLevel level, HiddenDangerStatus status, Boolean overdue,
                  HiddenDangerSource source, SupervisionLevel supervisionLevel, LocalDate foundFrom, LocalDate foundTo, String q) {

        /** Whether no filter at all was given (blank texts count as none). */
        boolean isEmpty() {
            return isBlank(regionCode) && isBlank(uscc) && level == null && status == null && overdue == null && source == null
                    && supervisionLevel == null && foundFrom == null && foundTo == null && isBlank(q);
        }

        static Filter overdueOnly() {
            return new Filter(null, null, null, null, true, null, null, null, null, null);
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }

    /**
     * The caller's scope and the filters, as one condition over {@code hidden_danger} joined with {@code enterprise}:
     * what the list pages through and the export writes out.
     */
    Condition where(CurrentUser user, Filter f, LocalDate today) {
        Condition where = Jurisdiction.enterprises(user);
        if (f.regionCode() != null && !f.regionCode().isBlank()) {
            if (!regions.exists(f.regionCode())) {
                throw ApiException.invalidField("regionCode", "行政区划代码 " + f.regionCode() + " 不存在");
            }
            where = where.and(RegionCodes.within(ENTERPRISE.REGION_CODE, f.regionCode()));
        }
        if (f.uscc() != null && !f.uscc().isBlank()) {
            where = where.and(ENTERPRISE.USCC.eq(f.uscc().strip()));
        }
        if (f.level() != null) {
            where = where.and(HIDDEN_DANGER.DANGER_LEVEL.eq(f.level().getValue()));
        }
        if (f.status() != null) {
            where = where.and(HIDDEN_DANGER.STATUS.eq(f.status().getValue()));
        }
        if (f.overdue() != null) {
            where = where.and(f.overdue() ? overdue(today) : DSL.not(overdue(today)));
        }
        if (f.source() != null) {
            where = where.and(HIDDEN_DANGER.SOURCE.eq(f.source().getValue()));
        }
        if (f.supervisionLevel() != null) {
            where = where.and(HIDDEN_DANGER.SUPERVISION_LEVEL.eq(f.supervisionLevel().getValue()));
        }
        if (f.foundFrom() != null) {
            where = where.and(HIDDEN_DANGER.FOUND_AT.ge(Times.startOfChinaDay(f.foundFrom())));
        }
        if (f.foundTo() != null) {
            where = where.and(HIDDEN_DANGER.FOUND_AT.lt(Times.startOfChinaDay(f.foundTo().plusDays(1))));
        }
        if (f.q() != null && !f.q().isBlank()) {
            String term = "%" + DSL.escape(f.q().strip(), '!') + "%";
            where = where.and(HIDDEN_DANGER.NAME.like(term, '!').or(HIDDEN_DANGER.DESCRIPTION.like(term, '!')).or(ENTERPRISE.NAME.like(term, '!')));
        }
        return where;
    }

    HiddenDangerPage list(CurrentUser user, Filter f, String sort, int pageNumber, int size) {
        LocalDate today = Times.today(clock);
        Condition where = where(user, f, today);
        // The page in two steps: its ids first, sorted on what the index (enterprise_id, status, deadline, …) holds, so
        // the sort never carries whole rows with their long texts; then those rows. One step took seconds at 10M rows.
        // The total rides along as COUNT(*) OVER (): one pass over the matching index entries instead of two.
        var total = DSL.count().over().as("total");
        var page = db.select(HIDDEN_DANGER.ID, total)
                .from(HIDDEN_DANGER)
                .join(ENTERPRISE).on(ENTERPRISE.ID.eq(HIDDEN_DANGER.ENTERPRISE_ID))
                .where(where)
                .orderBy(order(sort, today))
                .limit(size)
                .offset((long) pageNumber * size)
                .fetch();
        List<Long> ids = page.getValues(HIDDEN_DANGER.ID);
        // Past the last page there is no row to carry the total: count on its own (a plain COUNT, since jOOQ's
        // fetchCount(select) derives a table with a column list, which MariaDB does not accept).
        long totalElements = page.isEmpty()
                ? (pageNumber == 0 ? 0 : db.selectCount().from(HIDDEN_DANGER).join(ENTERPRISE).on(ENTERPRISE.ID.eq(HIDDEN_DANGER.ENTERPRISE_ID))
                        .where(where).fetchSingle().value1())
                : page.get(0).get(total);
        Map<Long, HiddenDanger> rows = new HashMap<>();
        rows(HIDDEN_DANGER.ID.in(ids)).forEach(d -> rows.put(d.getId(), d));
        List<HiddenDanger> content = ids.stream().map(rows::get).toList();
        return new HiddenDangerPage(content, pageNumber, size, totalElements, (int) ((totalElements + size - 1) / size));
    }

    List<HiddenDangerEvent> events(CurrentUser user, long id) {
        require(user, id);
        return db.selectFrom(HIDDEN_DANGER_EVENT)
                .where(HIDDEN_DANGER_EVENT.HIDDEN_DANGER_ID.eq(id))
                .orderBy(HIDDEN_DANGER_EVENT.ID)
                .fetch(e -> {
                    var type = HiddenDangerEvent.TypeEnum.fromValue(e.getEventType());
                    return new HiddenDangerEvent(type, HiddenDangerLabels.of(type), e.getActor(), Times.toApi(e.getOccurredAt()))
                            .fromStatus(e.getFromStatus() == null ? null : HiddenDangerStatus.fromValue(e.getFromStatus()))
                            .toStatus(e.getToStatus() == null ? null : HiddenDangerStatus.fromValue(e.getToStatus()))
                            .comment(e.getNote());
                });
    }

    List<Extension> extensions(CurrentUser user, long id) {
        require(user, id);
        return db.selectFrom(HIDDEN_DANGER_EXTENSION)
                .where(HIDDEN_DANGER_EXTENSION.HIDDEN_DANGER_ID.eq(id))
                .orderBy(HIDDEN_DANGER_EXTENSION.ID)
                .fetch(HiddenDangerQueries::toApi);
    }

    static Extension toApi(HiddenDangerExtensionRecord e) {
        var status = Extension.StatusEnum.fromValue(e.getStatus());
        return new Extension(e.getId(), e.getPreviousDeadline(), e.getRequestedDeadline(), e.getReason(), e.getRequestedBy(),
                Times.toApi(e.getRequestedAt()), status, switch (status) {
                    case PENDING -> "待审批";
                    case APPROVED -> "已同意";
                    case REFUSED -> "未同意";
                })
                .decidedBy(e.getDecidedBy())
                .decidedAt(Times.toApi(e.getDecidedAt()))
                .decisionComment(e.getDecisionComment());
    }

    private List<HiddenDanger> rows(Condition condition) {
        LocalDate today = Times.today(clock);
        return db.select(HIDDEN_DANGER.asterisk(), ENTERPRISE.USCC, ENTERPRISE.NAME, ENTERPRISE.REGION_CODE)
                .from(HIDDEN_DANGER)
                .join(ENTERPRISE).on(ENTERPRISE.ID.eq(HIDDEN_DANGER.ENTERPRISE_ID))
                .where(condition)
                .fetch(r -> toApi(r, today));
    }

    /** The list's sort, {@code deadline,asc} by default; ties broken by id. */
    static SortField<?>[] order(String sort, LocalDate today) {
        String[] parts = sort == null || sort.isBlank() ? new String[]{"deadline"} : sort.split(",", -1);
        String direction = parts.length > 1 ? parts[1].strip().toLowerCase() : "asc";
        boolean asc = direction.equals("asc");
        if (parts.length > 2 || !(asc || direction.equals("desc"))) {
            throw ApiException.invalidField("sort", "排序应为“字段,asc|desc”，字段可选：deadline、daysOverdue、foundAt");
        }
        return switch (parts[0].strip()) {
            case "deadline" -> new SortField<?>[]{asc ? HIDDEN_DANGER.DEADLINE.asc() : HIDDEN_DANGER.DEADLINE.desc(), HIDDEN_DANGER.ID.asc()};
            case "foundAt" -> new SortField<?>[]{asc ? HIDDEN_DANGER.FOUND_AT.asc() : HIDDEN_DANGER.FOUND_AT.desc(), HIDDEN_DANGER.ID.asc()};
            // Days overdue grow as the deadline recedes; dangers that are not overdue count as 0 days.
            case "daysOverdue" -> {
                var isOverdue = DSL.when(overdue(today), DSL.inline(1)).otherwise(DSL.inline(0));
                yield asc
                        ? new SortField<?>[]{isOverdue.asc(), HIDDEN_DANGER.DEADLINE.desc(), HIDDEN_DANGER.ID.asc()}
                        : new SortField<?>[]{isOverdue.desc(), HIDDEN_DANGER.DEADLINE.asc(), HIDDEN_DANGER.ID.asc()};
            }
            default -> throw ApiException.invalidField("sort", "排序应为“字段,asc|desc”，字段可选：deadline、daysOverdue、foundAt");
        };
    }

    private HiddenDanger toApi(Record r, LocalDate today) {
        HiddenDangerRecord d = r.into(HIDDEN_DANGER);
        HiddenDangerStatus status = HiddenDangerStatus.fromValue(d.getStatus());
        HiddenDangerLevel level = HiddenDangerLevel.fromValue(d.getDangerLevel());
        ManageType manageType = ManageType.fromValue(d.getManageType());
        HiddenDangerSource source = HiddenDangerSource.fromValue(d.getSource());
        DangerType dangerType = DangerType.fromValue(d.getDangerType());
        int daysOverdue = daysOverdue(status, d.getDeadline(), today);
        String regionCode = r.get(ENTERPRISE.REGION_CODE);
        HiddenDanger view = new HiddenDanger(d.getId(), r.get(ENTERPRISE.USCC), r.get(ENTERPRISE.NAME), regionCode, regions.fullName(regionCode),
                d.getName(), level, HiddenDangerLabels.of(level), manageType, HiddenDangerLabels.of(manageType), source, HiddenDangerLabels.of(source),
                dangerType, HiddenDangerLabels.of(dangerType), Times.toApi(d.getFoundAt()), d.getReportedBy(), d.getDeadline(), d.getOriginalDeadline(),
                status, HiddenDangerLabels.of(status), daysOverdue > 0, daysOverdue, d.getVersion())
                .riskPointId(d.getRiskPointId())
                .checklistItemCode(d.getChecklistItemCode())
                .description(d.getDescription())
                .location(d.getLocation())
                .majorClause(d.getMajorClause())
                .responsiblePerson(d.getResponsiblePerson())
                .rectificationMeasures(d.getRectificationMeasures())
                .cost(d.getCost())
                .nationalState(HiddenDangerLabels.nationalState(status))
                .evidence(d.getEvidence())
                .acceptedBy(d.getAcceptedBy())
                .acceptedAt(Times.toApi(d.getAcceptedAt()))
                .acceptanceComment(d.getAcceptanceComment())
                .closedAt(Times.toApi(d.getClosedAt()))
                .cancelReason(d.getCancelReason())
                .ruleSetVersion(d.getRuleSetVersion());
        if (d.getClassification() != null) {
            DangerClassification classification = DangerClassification.fromValue(d.getClassification());
            view.classification(classification).classificationLabel(HiddenDangerLabels.of(classification));
        }
        if (d.getSupervisionLevel() != null) {
            SupervisionLevel supervision = SupervisionLevel.fromValue(d.getSupervisionLevel());
            view.supervisionLevel(supervision).supervisionLevelLabel(HiddenDangerLabels.of(supervision));
        }
        if (d.getPlanGoals() != null) {
            view.governancePlan(new GovernancePlan(d.getPlanGoals(), d.getPlanMethods(), d.getPlanFunding(), d.getPlanOrganization(),
                    d.getPlanSchedule(), d.getPlanSafety()));
        }
        return view;
    }
}
