package cn.shuangkong.service.enterprise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.shuangkong.service.api.model.IndustryCategory;
import cn.shuangkong.service.api.model.StandardizationLevel;
import cn.shuangkong.service.excel.CellValue;
import cn.shuangkong.service.excel.Headers;
import cn.shuangkong.service.excel.Headers.Column;

/**
 * The registry sheet (一企一档) as the template, the export and the import know it: one set of headers, so that an
 * exported sheet goes back in unchanged (the export's extra columns, 所属区域 and the like, are ignored on the way in).
 */
final class EnterpriseSheet {

    static final String USCC = "统一社会信用代码";
    static final String NAME = "企业名称";
    static final String REGION_CODE = "行政区划代码";
    static final String INDUSTRY_CATEGORY = "行业类别";
    static final String INDUSTRY_CODE = "国民经济行业代码";
    static final String ADDRESS = "地址";
    static final String LONGITUDE = "经度";
    static final String LATITUDE = "纬度";
    static final String EMPLOYEES = "从业人员数";
    static final String STANDARDIZATION = "安全生产标准化等级";
    static final String LEGAL_REPRESENTATIVE = "法定代表人";
    static final String CONTACT_PHONE = "联系电话";
    static final String VERSION = "版本";
    /** Columns only the export has: the import ignores them. */
    static final String TOP_RISK_POINT_GRADE = "最高风险点等级";
    static final String ENTERPRISE_RISK_GRADE = "企业风险等级";

    /** The columns an import reads, in the template's order. */
    static final List<String> IMPORTED = List.of(USCC, NAME, REGION_CODE, INDUSTRY_CATEGORY, INDUSTRY_CODE, ADDRESS, LONGITUDE, LATITUDE,
            EMPLOYEES, STANDARDIZATION, LEGAL_REPRESENTATIVE, CONTACT_PHONE);

    static final Headers HEADERS = new Headers(List.of(
            Column.required(USCC, USCC, "企业统一社会信用代码", "社会信用代码"),
            Column.required(NAME, NAME, "单位名称"),
            Column.required(REGION_CODE, REGION_CODE, "区划代码", "所在地区划代码"),
            Column.required(INDUSTRY_CATEGORY, INDUSTRY_CATEGORY, "行业"),
            Column.optional(INDUSTRY_CODE, INDUSTRY_CODE, "行业代码"),
            Column.optional(ADDRESS, ADDRESS, "企业地址", "生产经营地址"),
            Column.optional(LONGITUDE, LONGITUDE),
            Column.optional(LATITUDE, LATITUDE),
            Column.optional(EMPLOYEES, EMPLOYEES, "从业人数", "职工人数"),
            Column.optional(STANDARDIZATION, STANDARDIZATION, "标准化等级"),
            Column.optional(LEGAL_REPRESENTATIVE, LEGAL_REPRESENTATIVE, "法人代表"),
            Column.optional(CONTACT_PHONE, CONTACT_PHONE, "电话"),
            Column.optional(VERSION, VERSION)));

    private EnterpriseSheet() {
    }

    static List<String> industryLabels() {
        return Arrays.stream(IndustryCategory.values()).map(EnterpriseLabels::of).toList();
    }

    static List<String> standardizationLabels() {
        return Arrays.stream(StandardizationLevel.values()).map(EnterpriseLabels::of).toList();
    }

    /** Each category by its label and its code, as {@link Headers#normalize} writes them: normalized once, read per row. */
    private static final Map<String, IndustryCategory> INDUSTRIES = new HashMap<>();
    private static final Map<String, StandardizationLevel> LEVELS = new HashMap<>();

    static {
        for (IndustryCategory c : IndustryCategory.values()) {
            INDUSTRIES.put(Headers.normalize(EnterpriseLabels.of(c)), c);
            INDUSTRIES.put(Headers.normalize(c.getValue()), c);
        }
        for (StandardizationLevel l : StandardizationLevel.values()) {
            LEVELS.put(Headers.normalize(EnterpriseLabels.of(l)), l);
            LEVELS.put(Headers.normalize(l.getValue()), l);
        }
    }

    /** 危险化学品 or HAZARDOUS_CHEMICALS. */
    static Optional<IndustryCategory> industry(CellValue cell) {
        return Optional.ofNullable(INDUSTRIES.get(Headers.normalize(cell.text())));
    }

    /** 二级 or LEVEL_2. */
    static Optional<StandardizationLevel> standardization(CellValue cell) {
        return Optional.ofNullable(LEVELS.get(Headers.normalize(cell.text())));
    }

    static List<String> exportHeaders() {
        List<String> headers = new ArrayList<>(IMPORTED);
        headers.add(2, "所属区域");
        headers.add(TOP_RISK_POINT_GRADE);
        headers.add(VERSION);
        headers.add("更新时间");
        // After 更新时间, so the columns of earlier exports keep their letters (版本 stays O).
        headers.add(ENTERPRISE_RISK_GRADE);
        headers.add("风险分值");
        headers.add("评定时间");
        return headers;
    }
}
