package cn.shuangkong.rules.majorhazard;

/** GB 18218-2018 Table 6: the level of a major hazard source by R. */
public enum MajorHazardLevel {
    LEVEL_1("一级"),
    LEVEL_2("二级"),
    LEVEL_3("三级"),
    LEVEL_4("四级");

    private final String label;

    MajorHazardLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
