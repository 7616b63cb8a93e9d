package cn.shuangkong.rules.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.shuangkong.rules.hiddendanger.DangerType;

/** A region's own checklists beside the standard ones, read from a directory the deployment names. */
class LocalChecklistsTest {

    static final String HEADER = "code\tsection\ttext\tbasis\tmajor\tdangerType\n";

    @Test
    void aLocalChecklistIsReadWithItsNameAndScopeAfterTheStandardOnes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("zj-dust.tsv"), """
                # code: ZJ-DUST
                # name: 粉尘涉爆企业（地方）
                # scope: 本地区粉尘涉爆企业专项检查。
                """ + HEADER + """
                ZJ-DUST-01	除尘系统	干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施的	应急管理部令第10号 第十一条（三）	Y	EQUIPMENT
                ZJ-DUST-02	清扫制度	未建立粉尘清扫制度的	地方规定	N	SAFETY
                """);
        ChecklistCatalogue catalogue = ChecklistCatalogue.withLocal(dir);
        assertThat(catalogue.all()).extracting(Checklist::code).containsExactly("GENERAL", "INDUSTRY_TRADE", "CHEMICAL", "ZJ-DUST");
        Checklist local = catalogue.find("ZJ-DUST").orElseThrow();
        assertThat(local.name()).isEqualTo("粉尘涉爆企业（地方）");
        assertThat(local.items()).hasSize(2);
        assertThat(local.version()).hasSize(64);
        assertThat(catalogue.item("ZJ-DUST-01").orElseThrow().major()).isTrue();
        assertThat(catalogue.item("ZJ-DUST-02").orElseThrow().dangerType()).isEqualTo(DangerType.SAFETY);
        assertThat(catalogue.item("CH-01")).isPresent();
    }

    @Test
    void aLocalFileWithoutItsNameOrReusingACodeIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path nameless = Files.writeString(dir.resolve("a.tsv"), "# code: ZJ-A\n# scope: x\n" + HEADER + "ZJ-A-01\tx\ty\tz\tN\tSAFETY\n");
        assertThatThrownBy(() -> ChecklistCatalogue.withLocal(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(nameless.toString()).hasMessageContaining("# name");
        Files.writeString(nameless, "# code: ZJ-A\n# name: 甲\n# scope: x\n" + HEADER + "CH-01\tx\ty\tz\tN\tSAFETY\n");
        assertThatThrownBy(() -> ChecklistCatalogue.withLocal(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("code CH-01 is already used");
        Files.writeString(nameless, "# code: CHEMICAL\n# name: 甲\n# scope: x\n" + HEADER + "ZJ-A-01\tx\ty\tz\tN\tSAFETY\n");
        assertThatThrownBy(() -> ChecklistCatalogue.withLocal(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("checklist code CHEMICAL is already used");
    }
}
