package cn.shuangkong.service.hiddendanger;

import java.time.LocalDate;

/** Published once, the first time a hidden danger is still being rectified after its deadline day. */
public record HiddenDangerOverdue(long hiddenDangerId, String uscc, LocalDate deadline) {
}
