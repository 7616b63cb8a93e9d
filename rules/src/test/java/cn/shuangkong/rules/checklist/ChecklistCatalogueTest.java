package cn.shuangkong.rules.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.shuangkong.rules.checklist.ChecklistCatalogue.ChecklistResource;
import cn.shuangkong.rules.hiddendanger.DangerType;

/** The inspection checklists (统一检查表单) against standards.md §4.1, §4.2 and §5. */
class ChecklistCatalogueTest {

    private static final ChecklistCatalogue CATALOGUE = ChecklistCatalogue.standard();
    private static final String ORDER_10 = "应急管理部令第10号 ";
    private static final String DOCUMENT_121 = "安监总管三〔2017〕121号 ";

    @ParameterizedTest(name = "{0} {1}: {2} items, {3} major")
    @CsvSource(delimiter = '|', value = {
            "GENERAL        | 通用安全管理   | 33 | 0",
            "INDUSTRY_TRADE | 工贸企业       | 28 | 28",
            "CHEMICAL       | 危险化学品企业 | 32 | 20",
    })
    void theThreeChecklistsWithTheirCounts(String code, String name, int items, long major) {
        Checklist checklist = checklist(code);
        assertThat(checklist.name()).isEqualTo(name);
        assertThat(checklist.scope()).isNotBlank();
        assertThat(checklist.items()).hasSize(items);
        assertThat(checklist.majorCount()).isEqualTo(major);
    }

    @Test
    void checklistsComeInTheirOrder() {
        assertThat(CATALOGUE.all()).extracting(Checklist::code).containsExactly("GENERAL", "INDUSTRY_TRADE", "CHEMICAL");
        assertThat(CATALOGUE.find("MINING")).isEmpty();
    }

    /** A general item is major only under an industry's 判定标准, never on its own. */
    @Test
    void generalHasAtLeast20ItemsNoneMajorNumberedInOrder() {
        List<ChecklistItem> items = checklist("GENERAL").items();
        assertThat(items).hasSizeGreaterThanOrEqualTo(20).noneMatch(ChecklistItem::major);
        assertThat(items).extracting(ChecklistItem::code)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, items.size()).mapToObj(n -> "GEN-%02d".formatted(n)).toList());
    }

    /**
     * 《安全生产法》 articles are cited only where the 2021 revision's number was checked (standards.md §5.2 for
     * 第四十一条; the others against copies of the 2021 text). Any other citation of the law names no article.
     */
    @Test
    void theSafetyLawIsCitedOnlyByCheckedArticles() {
        Set<String> checked = Set.of("四", "二十一", "二十四", "二十七", "二十八", "三十", "三十一", "三十五", "四十", "四十一", "四十二",
                "四十三", "四十五", "四十九", "八十一", "八十三");
        Pattern law = Pattern.compile("《中华人民共和国安全生产法》([^；]*)");
        Pattern article = Pattern.compile("第([一二三四五六七八九十百]+)条");
        List<String> cited = CATALOGUE.all().stream().flatMap(checklist -> checklist.items().stream())
                .flatMap(item -> law.matcher(item.basis()).results().map(m -> m.group(1)))
                .flatMap(articles -> article.matcher(articles).results().map(m -> m.group(1)))
                .toList();
        assertThat(cited).isNotEmpty().allMatch(checked::contains);
    }

    @Test
    void chemicalHasExactlyThe20MajorItemsOf121() {
        List<ChecklistItem> major = checklist("CHEMICAL").items().stream().filter(ChecklistItem::major).toList();
        assertThat(major).extracting(ChecklistItem::code)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(n -> "CH-%02d".formatted(n)).toList());
        for (ChecklistItem item : major) {
            int number = Integer.parseInt(item.code().substring(3));
            assertThat(item.basis()).as(item.code()).isEqualTo(DOCUMENT_121 + "第" + chinese(number) + "项");
            assertThat(item.section()).isEqualTo("重大生产安全事故隐患");
        }
    }

    @Test
    void chemicalGeneralItemsAreNotMajorAndFollowTheMajorOnes() {
        List<ChecklistItem> items = checklist("CHEMICAL").items();
        List<ChecklistItem> general = items.subList(20, items.size());
        assertThat(general).hasSizeGreaterThanOrEqualTo(8).noneMatch(ChecklistItem::major).allMatch(item -> item.section().equals("一般检查项"));
        assertThat(general).extracting(ChecklistItem::code)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, general.size()).mapToObj(n -> "CH-G%02d".formatted(n)).toList());
    }

    /** 安监总管三〔2017〕121号, wording as in standards.md §4.2. */
    @ParameterizedTest(name = "第{0}项")
    @CsvSource(delimiter = '|', value = {
            "1  | 危险化学品生产、经营单位主要负责人和安全生产管理人员未依法经考核合格。",
            "2  | 特种作业人员未持证上岗。",
            "16 | 未建立与岗位相匹配的全员安全生产责任制或者未制定实施生产安全事故隐患排查治理制度。",
            "20 | 未按国家标准分区分类储存危险化学品，超量、超品种储存危险化学品，相互禁配物质混放混存。",
    })
    void chemicalMajorItemWordingIsTheStandards(int number, String text) {
        assertThat(item("CH-%02d".formatted(number)).text()).isEqualTo(text);
    }

    /** 应急管理部令第10号: the items standards.md §4.1 retrieved, article by article, with the article's section. */
    @Test
    void industryTradeHasTheRetrievedItemsOfEachArticle() {
        Map<Integer, List<ChecklistItem>> byArticle = checklist("INDUSTRY_TRADE").items().stream()
                .collect(Collectors.groupingBy(item -> Integer.parseInt(item.code().substring(3, 5)), TreeMap::new, Collectors.toList()));
        assertThat(byArticle).extractingFromEntries(Map.Entry::getKey, entry -> entry.getValue().size()).containsExactly(
                tuple(3, 3), tuple(4, 4), tuple(5, 1), tuple(6, 8), tuple(7, 2), tuple(11, 9), tuple(14, 1));
        Map<Integer, String> sections = Map.of(3, "通用", 4, "冶金", 5, "有色", 6, "建材", 7, "机械", 11, "粉尘爆炸", 14, "设施设备");
        byArticle.forEach((article, items) -> assertThat(items).extracting(ChecklistItem::section).containsOnly(sections.get(article)));
    }

    /** IT-aa-ii cites 第aa条（ii）; IT-14-00 cites 第十四条, which has no items. */
    @Test
    void industryTradeItemsAreMajorAndCiteTheClauseTheirCodeNames() {
        Pattern code = Pattern.compile("IT-(\\d{2})-(\\d{2})");
        for (ChecklistItem item : checklist("INDUSTRY_TRADE").items()) {
            Matcher m = code.matcher(item.code());
            assertThat(m.matches()).as(item.code()).isTrue();
            int article = Integer.parseInt(m.group(1));
            int number = Integer.parseInt(m.group(2));
            String clause = ORDER_10 + "第" + chinese(article) + "条" + (number == 0 ? "" : "（" + chinese(number) + "）");
            assertThat(item.major()).as(item.code()).isTrue();
            assertThat(item.basis()).as(item.code()).isEqualTo(clause);
        }
    }

    /** Where the retrieved text breaks off it still does, marked ……; nothing else is cut. */
    @Test
    void onlyTheTruncatedItemsEndWithAnEllipsis() {
        assertThat(CATALOGUE.all().stream().flatMap(checklist -> checklist.items().stream()).filter(item -> item.text().endsWith("……")))
                .extracting(ChecklistItem::code).containsExactly("IT-04-04", "IT-11-09");
        assertThat(item("IT-04-04").text()).endsWith("电极自动断电和升……");
        assertThat(item("IT-11-09").text()).endsWith("或者干式收集、堆放、……");
    }

    @Test
    void codesAreUniqueAcrossChecklists() {
        List<String> codes = CATALOGUE.all().stream().flatMap(checklist -> checklist.items().stream()).map(ChecklistItem::code).toList();
        assertThat(codes).doesNotHaveDuplicates().hasSize(33 + 28 + 32);
        codes.forEach(code -> assertThat(CATALOGUE.item(code)).isPresent());
        assertThat(CATALOGUE.item("GEN-99")).isEmpty();
    }

    /** Stored hidden dangers name these codes: each keeps its checklist, clause and danger type. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "GEN-06   | GENERAL        | 《中华人民共和国安全生产法》第三十条               | SAFETY",
            "GEN-10   | GENERAL        | 《中华人民共和国安全生产法》第四十一条             | SAFETY",
            "GEN-20   | GENERAL        | 《中华人民共和国特种设备安全法》第四十条           | EQUIPMENT",
            "IT-03-02 | INDUSTRY_TRADE | 应急管理部令第10号 第三条（二）                    | SAFETY",
            "IT-04-01 | INDUSTRY_TRADE | 应急管理部令第10号 第四条（一）                    | LAYOUT",
            "IT-11-07 | INDUSTRY_TRADE | 应急管理部令第10号 第十一条（七）                  | ELECTRICAL",
            "IT-14-00 | INDUSTRY_TRADE | 应急管理部令第10号 第十四条                        | EQUIPMENT",
            "CH-05    | CHEMICAL       | 安监总管三〔2017〕121号 第五项                     | INSTRUMENT",
            "CH-20    | CHEMICAL       | 安监总管三〔2017〕121号 第二十项                   | SAFETY",
            "CH-G08   | CHEMICAL       | GB 30871-2022《危险化学品企业特殊作业安全规范》    | SAFETY",
    })
    void codesAreStable(String code, String checklist, String basis, DangerType dangerType) {
        ChecklistItem item = checklist(checklist).item(code).orElseThrow();
        assertThat(item.basis()).isEqualTo(basis);
        assertThat(item.dangerType()).isEqualTo(dangerType);
        assertThat(CATALOGUE.item(code)).containsSame(item);
    }

    @Test
    void versionIsTheSha256OfTheResourceFile() {
        for (ChecklistResource resource : ChecklistCatalogue.STANDARD) {
            String version = checklist(resource.code()).version();
            assertThat(version).matches("[0-9a-f]{64}").isEqualTo(sha256(bytesOf(resource.resource())));
        }
        assertThat(CATALOGUE.all()).extracting(Checklist::version).doesNotHaveDuplicates();
    }

    @Test
    void versionChangesWhenTheContentChanges() {
        ChecklistResource general = ChecklistCatalogue.STANDARD.get(0);
        byte[] original = bytesOf(general.resource());
        byte[] edited = new String(original, StandardCharsets.UTF_8).replaceFirst("劳动防护用品", "劳动防护用具").getBytes(StandardCharsets.UTF_8);

        Checklist reread = ChecklistCatalogue.parse(general, original, new HashMap<>());
        Checklist changed = ChecklistCatalogue.parse(general, edited, new HashMap<>());

        assertThat(reread.version()).isEqualTo(checklist("GENERAL").version());
        assertThat(changed.version()).isNotEqualTo(reread.version()).isEqualTo(sha256(edited));
        assertThat(changed.item("GEN-33").orElseThrow().text()).contains("劳动防护用具");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong-header.tsv         | 2 | expected the header",
            "five-cells.tsv           | 4 | expected 6 tab-separated cells, found 5",
            "blank-text.tsv           | 3 | text is blank",
            "major-without-clause.tsv | 3 | major item TST-01 must cite its clause",
            "major-flag.tsv           | 3 | major must be Y or N, not 是",
            "unknown-danger-type.tsv  | 3 | unknown dangerType FIRE_SAFETY",
            "duplicate-code.tsv       | 4 | code TST-01 is already used at cn/shuangkong/rules/checklist/malformed/duplicate-code.tsv line 3",
            "bad-code.tsv             | 3 | code tst 1 is not",
    })
    void aMalformedResourceFailsNamingFileAndLine(String file, int line, String problem) {
        String resource = ChecklistCatalogue.PATH + "malformed/" + file;
        assertThatThrownBy(() -> ChecklistCatalogue.load(List.of(new ChecklistResource("TEST", "测试", "测试用", resource))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(resource + " line " + line + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void aCodeUsedInAnEarlierChecklistIsRefused() {
        String resource = ChecklistCatalogue.PATH + "malformed/reuses-general-code.tsv";
        List<ChecklistResource> resources = List.of(ChecklistCatalogue.STANDARD.get(0), new ChecklistResource("TEST", "测试", "测试用", resource));
        assertThatThrownBy(() -> ChecklistCatalogue.load(resources))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(resource + " line 3: code GEN-01 is already used at " + ChecklistCatalogue.PATH + "general.tsv line 3");
    }

    @Test
    void theCatalogueIsLoadedOnceAndCannotBeChanged() {
        assertThat(IntStream.range(0, 8).parallel().mapToObj(i -> ChecklistCatalogue.standard()).collect(Collectors.toSet()))
                .containsExactly(CATALOGUE);
        assertThatThrownBy(() -> CATALOGUE.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> checklist("GENERAL").items().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static Checklist checklist(String code) {
        return CATALOGUE.find(code).orElseThrow();
    }

    private static ChecklistItem item(String code) {
        return CATALOGUE.item(code).orElseThrow();
    }

    /** 1 → 一, 10 → 十, 14 → 十四, 20 → 二十: how the standards number their articles and items. */
    private static String chinese(int n) {
        String[] digits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n < 10) {
            return digits[n];
        }
        return (n < 20 ? "" : digits[n / 10]) + "十" + digits[n % 10];
    }

    private static byte[] bytesOf(String resource) {
        try (InputStream in = ChecklistCatalogueTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
