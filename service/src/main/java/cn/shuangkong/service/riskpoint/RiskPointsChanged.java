package cn.shuangkong.service.riskpoint;

/** Published inside the transaction that adds or changes one of an enterprise's risk points (its grade may have changed). */
public record RiskPointsChanged(long enterpriseId) {
}
