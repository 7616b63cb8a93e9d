package cn.shuangkong.service.enterprise;

import static cn.shuangkong.schema.Tables.ENTERPRISE;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.shuangkong.schema.tables.records.EnterpriseRecord;
import cn.shuangkong.service.api.model.Enterprise;
import cn.shuangkong.service.api.model.EnterprisePage;
import cn.shuangkong.service.api.model.IndustryCategory;
import cn.shuangkong.service.api.model.Role;
import cn.shuangkong.service.api.model.StandardizationLevel;
import cn.shuangkong.service.region.RegionCodes;
import cn.shuangkong.service.region.RegionDirectory;
import cn.shuangkong.service.security.CurrentUser;
import cn.shuangkong.service.security.Jurisdiction;
import cn.shuangkong.service.web.ApiException;
import cn.shuangkong.service.web.ETags;
import cn.shuangkong.service.web.VersionedRows;
import cn.shuangkong.service.web.Times;

/** The enterprise registry (一企一档): every read and write within the caller's jurisdiction. */
@Service
@Transactional
public class EnterpriseRegistry {

    private static final Map<String, Field<?>> SORTABLE = Map.of(
            "name", ENTERPRISE.NAME,
            "uscc", ENTERPRISE.USCC,
            "regionCode", ENTERPRISE.REGION_CODE,
            "createdAt", ENTERPRISE.CREATED_AT,
            "updatedAt", ENTERPRISE.UPDATED_AT);

    private final DSLContext db;
    private final RegionDirectory regions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    EnterpriseRegistry(DSLContext db, RegionDirectory regions, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.db = db;
        this.regions = regions;
        this.clock = clock;
    }

    /** Whether an enterprise with this USCC is registered, whoever may see it. */
    @Transactional(readOnly = true)
    public boolean isRegistered(String uscc) {
        return db.fetchExists(ENTERPRISE, ENTERPRISE.USCC.eq(uscc));
    }

    /** The id of the enterprise {@code uscc} if the caller may see it; 404 otherwise. For every sub-resource of an enterprise. */
    @Transactional(readOnly = true)
    public long requireInScope(CurrentUser user, String uscc) {
        return db.select(ENTERPRISE.ID)
                .from(ENTERPRISE)
                .where(ENTERPRISE.USCC.eq(uscc))
                .and(Jurisdiction.enterprises(user))
                .fetchOptional(ENTERPRISE.ID)
                .orElseThrow(() -> ApiException.notFound("企业 " + uscc));
    }

    Enterprise register(CurrentUser user, String uscc, EnterpriseFields fields) {
        Uscc.violation(uscc).ifPresent(why -> {
            throw ApiException.invalidField("uscc", why);
        });
        requireLocality(fields.regionCode());
        if (!Jurisdiction.covers(user, fields.regionCode(), uscc)) {
            throw ApiException.forbidden("只能登记本辖区内的企业：" + regions.fullName(fields.regionCode()) + "不在管辖范围内");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            db.insertInto(ENTERPRISE)
                    .set(ENTERPRISE.USCC, uscc)
                    .set(columns(fields))
                    .set(ENTERPRISE.VERSION, 1)
                    .set(ENTERPRISE.CREATED_AT, now)
                    .set(ENTERPRISE.UPDATED_AT, now)
                    .execute();
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("统一社会信用代码 " + uscc + " 已登记");
        }
        events.publishEvent(new EnterpriseChanged(db.select(ENTERPRISE.ID).from(ENTERPRISE).where(ENTERPRISE.USCC.eq(uscc)).fetchSingle(ENTERPRISE.ID)));
        return find(user, uscc).orElseThrow();
    }

    @Transactional(readOnly = true)
    Optional<Enterprise> find(CurrentUser user, String uscc) {
        return db.selectFrom(ENTERPRISE)
                .where(ENTERPRISE.USCC.eq(uscc))
                .and(Jurisdiction.enterprises(user))
                .fetchOptional(this::toApi);
    }

    Enterprise update(CurrentUser user, String uscc, EnterpriseFields fields, String ifMatch) {
        EnterpriseRecord current = db.selectFrom(ENTERPRISE)
                .where(ENTERPRISE.USCC.eq(uscc))
                .and(Jurisdiction.enterprises(user))
                .fetchOptional()
                .orElseThrow(() -> ApiException.notFound("企业 " + uscc));
        OptionalInt expected = ETags.requireCurrent(ifMatch, current.getVersion());
        requireLocality(fields.regionCode());
        if (user.role() == Role.ENTERPRISE && !fields.regionCode().equals(current.getRegionCode())) {
            throw ApiException.forbidden("企业用户不能变更企业所在行政区划，请联系属地监管部门");
        }
        if (!Jurisdiction.covers(user, fields.regionCode(), uscc)) {
            throw ApiException.forbidden("不能将企业迁出本辖区：" + regions.fullName(fields.regionCode()) + "不在管辖范围内");
        }
        VersionedRows.update(db, ENTERPRISE, ENTERPRISE.ID, ENTERPRISE.VERSION, ENTERPRISE.UPDATED_AT, current.getId(), expected, columns(fields), LocalDateTime.now(clock));
        events.publishEvent(new EnterpriseChanged(current.getId()));
        return find(user, uscc).orElseThrow();
    }

    @Transactional(readOnly = true)
    EnterprisePage list(CurrentUser user, String regionCode, IndustryCategory industryCategory, String q, int page, int size, String sort) {
        Condition where = Jurisdiction.enterprises(user);
        if (regionCode != null && !regionCode.isBlank()) {
            if (!regions.exists(regionCode)) {
                throw ApiException.invalidField("regionCode", "行政区划代码 " + regionCode + " 不存在");
            }
            where = where.and(RegionCodes.within(ENTERPRISE.REGION_CODE, regionCode));
        }
        if (industryCategory != null) {
            where = where.and(ENTERPRISE.INDUSTRY_CATEGORY.eq(industryCategory.getValue()));
        }
        if (q != null && !q.isBlank()) {
            String term = DSL.escape(q.strip(), '!');
            where = where.and(ENTERPRISE.NAME.like("%" + term + "%", '!').or(ENTERPRISE.USCC.like(term.toUpperCase() + "%", '!')));
        }
        long total = db.fetchCount(ENTERPRISE, where);
        var content = db.selectFrom(ENTERPRISE)
                .where(where)
                .orderBy(order(sort), ENTERPRISE.USCC.asc())
                .limit(size)
                .offset((long) page * size)
                .fetch(this::toApi);
        return new EnterprisePage(content, page, size, total, (int) ((total + size - 1) / size));
    }

    private static SortField<?> order(String sort) {
        if (sort == null || sort.isBlank()) {
            return ENTERPRISE.NAME.asc();
        }
        String[] parts = sort.split(",", -1);
        Field<?> field = SORTABLE.get(parts[0].strip());
        String direction = parts.length > 1 ? parts[1].strip().toLowerCase() : "asc";
        if (field == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            throw ApiException.invalidField("sort", "排序应为“字段,asc|desc”，字段可选：name、uscc、regionCode、createdAt、updatedAt");
        }
        return direction.equals("asc") ? field.asc() : field.desc();
    }

    private void requireLocality(String regionCode) {
        localityProblem(regionCode).ifPresent(why -> {
            throw ApiException.invalidField("regionCode", why);
        });
    }

    /**
     * Why {@code regionCode} cannot be where an enterprise is, if it cannot. Asks only the region tree in memory, so
     * it joins no transaction: an import calls it for every row (a transaction a row cost 100,000 commits, see README).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    Optional<String> localityProblem(String regionCode) {
        if (!regions.exists(regionCode)) {
            return Optional.of("行政区划代码 " + regionCode + " 不存在");
        }
        if (!regions.isLocality(regionCode)) {
            return Optional.of("企业所在地应为县级或乡级行政区划，" + regions.fullName(regionCode) + "是上级区划");
        }
        return Optional.empty();
    }

    static Map<Field<?>, Object> columnsOf(EnterpriseFields f) {
        return columns(f);
    }

    /** The registry's columns of an enterprise's fields, in the order of {@link #valuesOf}. */
    static final List<Field<?>> COLUMNS = List.of(ENTERPRISE.NAME, ENTERPRISE.REGION_CODE, ENTERPRISE.INDUSTRY_CATEGORY,
            ENTERPRISE.INDUSTRY_CODE, ENTERPRISE.ADDRESS, ENTERPRISE.LONGITUDE, ENTERPRISE.LATITUDE, ENTERPRISE.EMPLOYEES,
            ENTERPRISE.STANDARDIZATION_LEVEL, ENTERPRISE.LEGAL_REPRESENTATIVE, ENTERPRISE.CONTACT_PHONE);

    /**
     * The values of {@link #COLUMNS} for these fields, in their order: the one mapping of an enterprise's fields to
     * columns (an import takes them so for each of its rows, without a map).
     */
    static Object[] valuesOf(EnterpriseFields f) {
        return new Object[] {f.name(), f.regionCode(), f.industryCategory().getValue(), f.industryCode(), f.address(),
                f.longitude(), f.latitude(), f.employees(), f.standardizationLevel() == null ? null : f.standardizationLevel().getValue(),
                f.legalRepresentative(), f.contactPhone()};
    }

    private static Map<Field<?>, Object> columns(EnterpriseFields f) {
        Object[] values = valuesOf(f);
        Map<Field<?>, Object> columns = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            columns.put(COLUMNS.get(i), values[i]);
        }
        return columns;
    }

    private Enterprise toApi(EnterpriseRecord r) {
        IndustryCategory category = IndustryCategory.fromValue(r.getIndustryCategory());
        StandardizationLevel level = r.getStandardizationLevel() == null ? null : StandardizationLevel.fromValue(r.getStandardizationLevel());
        return new Enterprise(r.getUscc(), r.getName(), r.getRegionCode(), regions.fullName(r.getRegionCode()), category,
                EnterpriseLabels.of(category), r.getVersion(), Times.toApi(r.getCreatedAt()), Times.toApi(r.getUpdatedAt()))
                .industryCode(r.getIndustryCode())
                .address(r.getAddress())
                .longitude(r.getLongitude())
                .latitude(r.getLatitude())
                .employees(r.getEmployees())
                .standardizationLevel(level)
                .standardizationLevelLabel(level == null ? null : EnterpriseLabels.of(level))
                .legalRepresentative(r.getLegalRepresentative())
                .contactPhone(r.getContactPhone());
    }
}
