package cn.shuangkong.service.enterprise;

/** Published inside the transaction that registers or changes an enterprise's record, for features that react (grading). */
public record EnterpriseChanged(long enterpriseId) {
}
