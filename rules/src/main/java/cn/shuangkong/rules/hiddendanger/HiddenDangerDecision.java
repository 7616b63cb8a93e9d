package cn.shuangkong.rules.hiddendanger;

import java.time.LocalDate;
import java.util.List;

import cn.shuangkong.rules.Reason;

/**
 * What the {@code hiddendanger} rules decided for a finding.
 *
 * @param level            一般 or 重大
 * @param majorClause      the clause that makes it 重大 (the checklist item's or the reporter's), null for 一般
 * @param manageType       how it is dealt with (a 重大 danger is never 即查即改)
 * @param deadline         the rectification deadline (the last day it may be rectified on)
 * @param defaultDeadline  the table's default for this level, manage type and danger type
 * @param latestDeadline   the latest deadline allowed without a regulator
 * @param reasons          every rule that decided, with its clause
 * @param ruleSetVersion   SHA-256 of the rule files
 */
public record HiddenDangerDecision(HiddenDangerLevel level, String majorClause, ManageType manageType, LocalDate deadline,
                                   LocalDate defaultDeadline, LocalDate latestDeadline, List<Reason> reasons, String ruleSetVersion) {
}
