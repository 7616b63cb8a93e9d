package cn.shuangkong.rules.enterprise;

import java.util.List;

/**
 * Every indicator the points table may score, with its family and, for an indicator counted per category, the
 * categories it takes. An indicator whose value is 0 is not a fact at all, so no row of the table can score it.
 */
public enum IndicatorCode {
    INDUSTRY(IndicatorFamily.BASIC, "行业类别", "", List.of("HAZARDOUS_CHEMICALS", "MINING", "FIREWORKS", "METALLURGY", "NONFERROUS",
            "BUILDING_MATERIALS", "MACHINERY", "LIGHT_INDUSTRY", "TEXTILE", "TOBACCO", "COMMERCE", "CONSTRUCTION", "TRANSPORT", "OTHER")),
    EMPLOYEES(IndicatorFamily.BASIC, "从业人员数", "人", List.of()),
    STANDARDIZATION(IndicatorFamily.BASIC, "安全生产标准化等级", "", List.of("LEVEL_1", "LEVEL_2", "LEVEL_3", "NONE")),
    RISK_POINTS(IndicatorFamily.RISK, "风险点（按风险等级）", "个", List.of("RED", "ORANGE", "YELLOW", "BLUE")),
    MAJOR_HAZARD_SOURCES(IndicatorFamily.RISK, "重大危险源（按级别）", "个", List.of("LEVEL_1", "LEVEL_2", "LEVEL_3", "LEVEL_4")),
    OPEN_HIDDEN_DANGERS(IndicatorFamily.HIDDEN_DANGER, "未销号隐患（按隐患级别）", "项", List.of("GENERAL", "MAJOR")),
    OVERDUE_HIDDEN_DANGERS(IndicatorFamily.HIDDEN_DANGER, "逾期未整改隐患（按隐患级别）", "项", List.of("GENERAL", "MAJOR")),
    ACCIDENTS_12M(IndicatorFamily.ACCIDENT, "近12个月生产安全事故起数", "起", List.of()),
    ACCIDENT_DEATHS_12M(IndicatorFamily.ACCIDENT, "近12个月事故死亡人数", "人", List.of()),
    ACCIDENT_SERIOUS_INJURIES_12M(IndicatorFamily.ACCIDENT, "近12个月事故重伤人数", "人", List.of()),
    ACCIDENT_DEATHS_13_36M(IndicatorFamily.ACCIDENT, "此前13至36个月事故死亡人数", "人", List.of()),
    ENFORCEMENT_ACTIONS_12M(IndicatorFamily.ENFORCEMENT, "近12个月行政处罚（按处罚种类）", "次", List.of("WARNING", "FINE", "CONFISCATION",
            "SUSPENSION", "LICENCE_SUSPENSION", "LICENCE_REVOCATION", "CLOSURE", "DETENTION", "OTHER")),
    FINES_12M_YUAN(IndicatorFamily.ENFORCEMENT, "近12个月罚款金额", "元", List.of()),
    REQUIRED_LICENCES_MISSING(IndicatorFamily.LICENCE, "应取得而未登记的许可证", "项", List.of()),
    REQUIRED_LICENCES_EXPIRED(IndicatorFamily.LICENCE, "应取得但已过期或尚未生效的许可证", "项", List.of()),
    UNCLEARED_ALARMS(IndicatorFamily.MONITORING, "未消除的监测报警（按报警级别）", "次", List.of("LEVEL_1", "LEVEL_2")),
    ALARMS_30D(IndicatorFamily.MONITORING, "近30日监测报警（按报警级别）", "次", List.of("LEVEL_1", "LEVEL_2")),
    UNRESOLVED_QUALITY_FINDINGS(IndicatorFamily.QUALITY, "未整改的质量检测问题（按问题类型）", "项", List.of("SPECIAL_EQUIPMENT_OVERDUE",
            "SPECIAL_EQUIPMENT_FAILED", "SAFETY_ACCESSORY_OVERDUE", "SAFETY_ACCESSORY_FAILED", "PRODUCT_SAMPLING_FAILED", "OTHER"));

    private final IndicatorFamily family;
    private final String label;
    private final String unit;
    private final List<String> categories;

    IndicatorCode(IndicatorFamily family, String label, String unit, List<String> categories) {
        this.family = family;
        this.label = label;
        this.unit = unit;
        this.categories = categories;
    }

    public IndicatorFamily family() {
        return family;
    }

    public String label() {
        return label;
    }

    /** 个, 项, 人, 元 … or empty for a category marker (value 1). */
    public String unit() {
        return unit;
    }

    /** The categories of an indicator counted per category; empty for a plain number. */
    public List<String> categories() {
        return categories;
    }

    public boolean categorised() {
        return !categories.isEmpty();
    }
}
