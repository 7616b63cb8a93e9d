package cn.shuangkong.service.majorhazard;

/** Published inside the transaction that adds or changes one of an enterprise's units (whether it is a major hazard source, its level). */
public record UnitsChanged(long enterpriseId) {
}
