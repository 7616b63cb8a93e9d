package cn.shuangkong.rules.hiddendanger;

import java.time.LocalDate;

/**
 * A finding to classify: a failed checklist item or a reported danger.
 *
 * @param checklistItemMajor  its checklist item is a 重大事故隐患 item of a 判定标准
 * @param checklistItemClause that item's clause, e.g. {@code 应急管理部令第10号 第四条（一）}; required when the item is major
 * @param reportedMajor       the reporter marks it 重大事故隐患
 * @param reportedMajorClause the clause the reporter gives for that; required when {@code reportedMajor}
 * @param manageType          即查即改 or 限期整改 as reported (null means 限期整改)
 * @param dangerType          隐患类型
 * @param foundOn             the day it was found (China time)
 * @param requestedDeadline   a deadline the reporter sets, or null for the table's default
 * @param setByRegulator      the deadline is set by a regulator, who may go past the table's maximum
 */
public record FindingInput(boolean checklistItemMajor, String checklistItemClause, boolean reportedMajor, String reportedMajorClause,
                           ManageType manageType, DangerType dangerType, LocalDate foundOn, LocalDate requestedDeadline,
                           boolean setByRegulator) {
}
