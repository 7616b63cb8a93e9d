package cn.shuangkong.rules.majorhazard;

/** GB 18218-2018 §3.2: a unit is a production unit (§3.5) or a storage unit (§3.6). */
public enum UnitType {
    PRODUCTION("生产单元"),
    STORAGE("储存单元");

    private final String label;

    UnitType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
