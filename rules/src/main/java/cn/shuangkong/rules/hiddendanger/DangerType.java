package cn.shuangkong.rules.hiddendanger;

/** 隐患类型 of the national interface: 1 安全, 2 工艺, 3 电气, 4 仪表, 5 消防, 6 总图, 7 设备, 8 其他. */
public enum DangerType {
    SAFETY("安全"),
    PROCESS("工艺"),
    ELECTRICAL("电气"),
    INSTRUMENT("仪表"),
    FIRE("消防"),
    LAYOUT("总图"),
    EQUIPMENT("设备"),
    OTHER("其他");

    private final String label;

    DangerType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
