package cn.shuangkong.rules.checklist;

import java.util.List;
import java.util.Optional;

/**
 * An inspection checklist (统一检查表单): the items an inspector goes through, in order.
 *
 * @param code    {@code GENERAL}, {@code INDUSTRY_TRADE} or {@code CHEMICAL}
 * @param name    its Chinese name, e.g. {@code 工贸企业}
 * @param scope   whom it applies to and which standard it follows
 * @param version the SHA-256 of its resource file, so that a filled checklist names exactly what it was filled against
 * @param items   its items in the resource's order
 */
public record Checklist(String code, String name, String scope, String version, List<ChecklistItem> items) {

    public Checklist {
        items = List.copyOf(items);
    }

    public Optional<ChecklistItem> item(String code) {
        return items.stream().filter(item -> item.code().equals(code)).findFirst();
    }

    /** How many of its items are 重大事故隐患 items of a 判定标准. */
    public long majorCount() {
        return items.stream().filter(ChecklistItem::major).count();
    }
}
