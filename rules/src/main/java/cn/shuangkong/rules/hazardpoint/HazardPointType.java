package cn.shuangkong.rules.hazardpoint;

/** Kinds of 地质灾害隐患点 (《地质灾害防治条例》 第二条, plus 不稳定斜坡 as surveys record it). */
public enum HazardPointType {
    LANDSLIDE("滑坡"),
    COLLAPSE("崩塌"),
    DEBRIS_FLOW("泥石流"),
    GROUND_SUBSIDENCE("地面塌陷"),
    GROUND_FISSURE("地裂缝"),
    LAND_SUBSIDENCE("地面沉降"),
    UNSTABLE_SLOPE("不稳定斜坡"),
    OTHER("其他");

    private final String label;

    HazardPointType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
