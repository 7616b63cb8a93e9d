package cn.shuangkong.rules.riskpoint;

/**
 * The situations that make a risk point 重大风险 whatever its score (standards.md §3: the 《重大风险判定原则》
 * of chemical enterprises, items 1–9; applying them to every industry is a default policy, §0).
 */
public enum DirectFlag {
    VIOLATES_MANDATORY_PROVISION("违反法律、法规及国家标准中强制性条款的", "第1项"),
    PRIOR_ACCIDENT_CONDITIONS_REMAIN("发生过死亡、重伤、重大财产损失的事故，且现在发生事故的条件依然存在的", "第2项"),
    MAJOR_HAZARD_SOURCE("根据 GB 18218 评估为重大危险源的储存场所或构成重大危险源的危险化学品罐区", "第3、6项"),
    TEN_OR_MORE_WORKERS("作业现场（如运行装置界区内抢修作业）10 人及以上的", "第4项"),
    KEY_SUPERVISED_PROCESS("涉及重点监管危险化工工艺的", "第5项"),
    TRIAL_RUN_OR_START_STOP("建设项目试生产和化工装置开停车", "第7项"),
    HIGH_RISK_SPECIAL_WORK("一级以上动火作业、四级高处作业、受限空间作业、一级吊装作业等", "第8项"),
    H2S_WORKPLACE("易产生硫化氢的作业场所", "第9项");

    private final String label;
    private final String item;

    DirectFlag(String label, String item) {
        this.label = label;
        this.item = item;
    }

    public String getLabel() {
        return label;
    }

    /** The clause a reason cites. */
    public String getClause() {
        return "《重大风险判定原则》（化工企业）" + item + "；推广至各行业为默认策略";
    }
}
