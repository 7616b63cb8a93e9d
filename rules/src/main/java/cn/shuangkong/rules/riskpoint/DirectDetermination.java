package cn.shuangkong.rules.riskpoint;

/** One direct-determination situation of one risk point: ties the flag to its point, so a batch can hold many points. */
public record DirectDetermination(RiskPointAssessment assessment, DirectFlag flag) {

    public RiskPointAssessment getAssessment() {
        return assessment;
    }

    public DirectFlag getFlag() {
        return flag;
    }
}
