package cn.shuangkong.rules.hiddendanger;

/** How a hidden danger is dealt with (national interface: 0 即查即改, 1 限期整改). */
public enum ManageType {
    IMMEDIATE("即查即改"),
    DEADLINE("限期整改");

    private final String label;

    ManageType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
