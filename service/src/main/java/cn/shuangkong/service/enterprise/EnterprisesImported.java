package cn.shuangkong.service.enterprise;

import java.util.List;

/** Published inside the transaction of a registry import, naming every enterprise it registered or changed. */
public record EnterprisesImported(List<String> usccs) {

    public EnterprisesImported {
        usccs = List.copyOf(usccs);
    }
}
