package cn.shuangkong.rules.enterprise;

/**
 * The indicator families of the enterprise risk colour: the six the seeds name (行政许可, 行政执法, 风险监测, 隐患排查治理,
 * 质量检测, 历史事故) and the two the registry already holds (基本情况, 风险辨识管控).
 */
public enum IndicatorFamily {
    BASIC("基本情况"),
    RISK("风险辨识管控"),
    HIDDEN_DANGER("隐患排查治理"),
    ACCIDENT("历史事故"),
    ENFORCEMENT("行政执法"),
    LICENCE("行政许可"),
    MONITORING("风险监测"),
    QUALITY("质量检测");

    private final String label;

    IndicatorFamily(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
