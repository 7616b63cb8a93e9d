package cn.shuangkong.rules.hiddendanger;

/** 《安全生产事故隐患排查治理暂行规定》(总局令第16号) 第三条: 一般事故隐患 and 重大事故隐患. National code 0 / 1. */
public enum HiddenDangerLevel {
    GENERAL("一般隐患"),
    MAJOR("重大隐患");

    private final String label;

    HiddenDangerLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
