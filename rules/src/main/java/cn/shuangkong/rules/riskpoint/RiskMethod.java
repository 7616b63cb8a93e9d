package cn.shuangkong.rules.riskpoint;

/** How a risk point is assessed. */
public enum RiskMethod {
    /** 作业条件危险性评价法: D = L × E × C. */
    LEC("作业条件危险性评价法（LEC）"),
    /** 风险矩阵法: R = L × S. */
    LS("风险矩阵法（LS）"),
    /** 直接判定为重大风险. */
    DIRECT("直接判定法");

    private final String label;

    RiskMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
