package cn.shuangkong.service.hiddendanger;

/** Published after a hidden danger is reported or changes state, for features that react (enterprise grading). */
public record HiddenDangerChanged(long hiddenDangerId, String uscc) {
}
