package cn.shuangkong.rules.checklist;

import cn.shuangkong.rules.hiddendanger.DangerType;

/**
 * One item of an inspection checklist (统一检查表单), worded as the deficiency the inspector looks for.
 *
 * @param code       stable and never reused: a hidden danger found against this item stores it
 * @param section    the Chinese heading the item is grouped under, e.g. {@code 安全生产责任制}, {@code 粉尘爆炸}
 * @param text       the item in Chinese, worded as the deficiency, e.g. {@code 特种作业人员未持证上岗。}
 * @param basis      the 法规依据, with the clause where it is known, e.g. {@code 应急管理部令第10号 第四条（一）}
 * @param major      the item is a 重大事故隐患 item of a 判定标准: a danger found against it is major
 * @param dangerType the 隐患类型 a danger found against it is reported with
 */
public record ChecklistItem(String code, String section, String text, String basis, boolean major, DangerType dangerType) {
}
