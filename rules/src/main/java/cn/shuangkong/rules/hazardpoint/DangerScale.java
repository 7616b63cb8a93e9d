package cn.shuangkong.rules.hazardpoint;

/** 险情等级 of a geological hazard (standards.md §6.2), largest first. */
public enum DangerScale {
    HUGE("特大型"),
    LARGE("大型"),
    MEDIUM("中型"),
    SMALL("小型");

    private final String label;

    DangerScale(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
