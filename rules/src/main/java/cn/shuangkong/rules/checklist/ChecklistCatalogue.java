package cn.shuangkong.rules.checklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.shuangkong.rules.hiddendanger.DangerType;

/**
 * The inspection checklists, one tab-separated resource each, loaded once. The resources are the one source of
 * truth: the service, the Excel templates and the README read the items from here.
 *
 * <p>A resource is UTF-8: lines starting with {@code #} are comments (the first one names the sources), then the
 * header {@code code section text basis major dangerType} (tab-separated), then one item a line. Loading refuses a resource with
 * a wrong header, a line without six cells, a blank cell, a code used twice (in any checklist), a {@code major}
 * other than {@code Y}/{@code N}, an unknown danger type, or a major item whose basis names no clause
 * ({@code 第…条} or {@code 第…项}): the message names the file and the line.
 */
public final class ChecklistCatalogue {

    static final String PATH = "cn/shuangkong/rules/checklist/";
    static final String HEADER = "code\tsection\ttext\tbasis\tmajor\tdangerType";

    /** Where a checklist's items are and what the checklist is called. */
    record ChecklistResource(String code, String name, String scope, String resource) {
    }

    static final List<ChecklistResource> STANDARD = List.of(
            new ChecklistResource("GENERAL", "通用安全管理",
                    "适用于各类生产经营单位的日常安全检查，依据《中华人民共和国安全生产法》及相关法律、法规和规章，各项本身均不判定为重大事故隐患。",
                    PATH + "general.tsv"),
            new ChecklistResource("INDUSTRY_TRADE", "工贸企业",
                    "适用于冶金、有色、建材、机械等工贸企业及存在粉尘爆炸危险的工贸企业，依据《工贸企业重大事故隐患判定标准》（应急管理部令第10号）已取得原文的条款，各项均为重大事故隐患。",
                    PATH + "industry-trade.tsv"),
            new ChecklistResource("CHEMICAL", "危险化学品企业",
                    "适用于化工和危险化学品生产、经营单位，依据《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》（安监总管三〔2017〕121号）的20项重大事故隐患，另加危险化学品安全管理的一般检查项。",
                    PATH + "chemical.tsv"));

    private static final Pattern CODE = Pattern.compile("[A-Z]+(-[A-Z0-9]+)+");
    /** A clause: 第四条, 第四条（一）, 第十项. */
    private static final Pattern CLAUSE = Pattern.compile("第[一二三四五六七八九十百零〇0-9]+[条项]");

    private final List<Checklist> checklists;
    private final Map<String, Checklist> byCode = new LinkedHashMap<>();
    private final Map<String, ChecklistItem> itemsByCode = new HashMap<>();

    private ChecklistCatalogue(List<Checklist> checklists) {
        this.checklists = List.copyOf(checklists);
        for (Checklist checklist : checklists) {
            byCode.put(checklist.code(), checklist);
            checklist.items().forEach(item -> itemsByCode.put(item.code(), item));
        }
    }

    /** The three standard checklists, loaded on first use. */
    public static ChecklistCatalogue standard() {
        return Standard.CATALOGUE;
    }

    private static final class Standard {
        static final ChecklistCatalogue CATALOGUE = load(STANDARD);
    }

    /**
     * The standard checklists and a region's own (a province's or county's 检查表), one {@code *.tsv} each in
     * {@code directory}, in file-name order. A local file has the standard files' columns and, above its header,
     * three comment lines naming it: {@code # code: ZJ-DUST}, {@code # name: 浙江省粉尘涉爆企业}, {@code # scope: …}.
     * Its item codes must differ from every other checklist's; a malformed file is refused naming file and line.
     */
    public static ChecklistCatalogue withLocal(Path directory) {
        Map<String, String> whereCodes = new HashMap<>();
        List<Checklist> checklists = new ArrayList<>();
        for (ChecklistResource resource : STANDARD) {
            checklists.add(parse(resource, bytesOf(resource.resource()), whereCodes));
        }
        List<Path> files;
        try (var listing = Files.list(directory)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".tsv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list local checklists in " + directory, e);
        }
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            Map<String, String> meta = new HashMap<>();
            for (String line : utf8(file.toString(), bytes).split("\r?\n")) {
                Matcher m = META.matcher(line);
                if (m.matches()) {
                    meta.putIfAbsent(m.group(1), m.group(2).strip());
                }
            }
            for (String key : List.of("code", "name", "scope")) {
                if (meta.getOrDefault(key, "").isEmpty()) {
                    throw new IllegalStateException(file + ": no \"# " + key + ": …\" line above the header");
                }
            }
            String code = meta.get("code");
            if (!CODE.matcher(code).matches() && !code.matches("[A-Z]+")) {
                throw new IllegalStateException(file + ": checklist code \"" + code + "\" is not upper-case letters and digits joined by -");
            }
            if (checklists.stream().anyMatch(c -> c.code().equals(code))) {
                throw new IllegalStateException(file + ": checklist code " + code + " is already used");
            }
            checklists.add(parse(new ChecklistResource(code, meta.get("name"), meta.get("scope"), file.toString()), bytes, whereCodes));
        }
        return new ChecklistCatalogue(checklists);
    }

    private static final Pattern META = Pattern.compile("#\\s*(code|name|scope)\\s*[:：]\\s*(.*)");

    /** Every checklist: 通用安全管理, 工贸企业, 危险化学品企业, then any local ones. */
    public List<Checklist> all() {
        return checklists;
    }

    public Optional<Checklist> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** An item of any checklist: codes are unique across them. */
    public Optional<ChecklistItem> item(String code) {
        return Optional.ofNullable(itemsByCode.get(code));
    }

    static ChecklistCatalogue load(List<ChecklistResource> resources) {
        Map<String, String> whereCodes = new HashMap<>();
        List<Checklist> checklists = new ArrayList<>();
        for (ChecklistResource resource : resources) {
            checklists.add(parse(resource, bytesOf(resource.resource()), whereCodes));
        }
        return new ChecklistCatalogue(checklists);
    }

    /**
     * Reads one checklist from its resource's bytes; {@code whereCodes} holds the codes already read (code → file
     * and line), so that a code used in an earlier checklist is refused too.
     */
    static Checklist parse(ChecklistResource resource, byte[] bytes, Map<String, String> whereCodes) {
        String file = resource.resource();
        String[] lines = utf8(file, bytes).split("\r?\n", -1);
        List<ChecklistItem> items = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String at = file + " line " + (i + 1);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.equals(HEADER)) {
                    throw new IllegalStateException(at + ": expected the header \"" + HEADER.replace("\t", "\\t") + "\"");
                }
                headerSeen = true;
                continue;
            }
            ChecklistItem item = item(line, at);
            String earlier = whereCodes.putIfAbsent(item.code(), at);
            if (earlier != null) {
                throw new IllegalStateException(at + ": code " + item.code() + " is already used at " + earlier);
            }
            items.add(item);
        }
        if (!headerSeen) {
            throw new IllegalStateException(file + ": no header line");
        }
        if (items.isEmpty()) {
            throw new IllegalStateException(file + ": no items");
        }
        return new Checklist(resource.code(), resource.name(), resource.scope(), sha256(bytes), items);
    }

    private static ChecklistItem item(String line, String at) {
        String[] cells = line.split("\t", -1);
        if (cells.length != 6) {
            throw new IllegalStateException(at + ": expected 6 tab-separated cells, found " + cells.length);
        }
        String[] names = HEADER.split("\t");
        for (int c = 0; c < cells.length; c++) {
            cells[c] = cells[c].strip();
            if (cells[c].isEmpty()) {
                throw new IllegalStateException(at + ": " + names[c] + " is blank");
            }
        }
        String code = cells[0];
        String basis = cells[3];
        if (!CODE.matcher(code).matches()) {
            throw new IllegalStateException(at + ": code " + code + " is not upper-case letters and digits joined by '-'");
        }
        boolean major = switch (cells[4]) {
            case "Y" -> true;
            case "N" -> false;
            default -> throw new IllegalStateException(at + ": major must be Y or N, not " + cells[4]);
        };
        if (major && !CLAUSE.matcher(basis).find()) {
            throw new IllegalStateException(at + ": major item " + code + " must cite its clause (第…条 or 第…项), not " + basis);
        }
        DangerType dangerType;
        try {
            dangerType = DangerType.valueOf(cells[5]);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(at + ": unknown dangerType " + cells[5]);
        }
        return new ChecklistItem(code, cells[1], cells[2], basis, major, dangerType);
    }

    private static byte[] bytesOf(String resource) {
        try (InputStream in = ChecklistCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Checklist resource not found: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Strict: a file that is not UTF-8 is refused rather than read with replacement characters. */
    private static String utf8(String file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(file + ": not UTF-8", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
