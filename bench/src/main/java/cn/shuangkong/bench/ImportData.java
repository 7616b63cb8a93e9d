package cn.shuangkong.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The import benchmark's enterprises, written twice from one pass: as the registry sheet an administrator uploads
 * (the template's layout: a title row, the header row, one enterprise a row; POI SXSSF, inline strings) and as a CSV of
 * the same rows in the {@code enterprise} table's column order (without {@code id}) for {@code LOAD DATA LOCAL INFILE}.
 *
 * <p>Deterministic: enterprise i of a file depends only on the seed and i. USCC {@code 91 + county code + BK +
 * 7-digit number + check character} (GB 32100, valid), so files with different first numbers never share a code;
 * region: the i-th (mod R) of the R counties given, in code order; the other columns from small word lists, with
 * about 10 % without 国民经济行业代码 and 25 % without 安全生产标准化等级, as real registries have gaps. The CSV holds
 * what the import stores: the category and level as codes, coordinates to six decimals, {@code \N} for empty cells.
 */
final class ImportData {

    /** The sheet's columns, as the service's template has them (EnterpriseSheet.IMPORTED). */
    static final List<String> HEADERS = List.of("统一社会信用代码", "企业名称", "行政区划代码", "行业类别", "国民经济行业代码", "地址", "经度", "纬度",
            "从业人员数", "安全生产标准化等级", "法定代表人", "联系电话");

    /** The CSV's columns, in the enterprise table's order. */
    static final List<String> COLUMNS = List.of("uscc", "name", "region_code", "industry_category", "industry_code", "address", "longitude",
            "latitude", "employees", "standardization_level", "legal_representative", "contact_phone", "version", "created_at", "updated_at");

    private static final String USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** 行业类别: the label the sheet carries and the code the table stores (the service's EnterpriseLabels). */
    private static final String[][] CATEGORIES = {
            {"危险化学品", "HAZARDOUS_CHEMICALS"}, {"矿山", "MINING"}, {"烟花爆竹", "FIREWORKS"}, {"冶金", "METALLURGY"}, {"有色", "NONFERROUS"},
            {"建材", "BUILDING_MATERIALS"}, {"机械", "MACHINERY"}, {"轻工", "LIGHT_INDUSTRY"}, {"纺织", "TEXTILE"}, {"烟草", "TOBACCO"},
            {"商贸", "COMMERCE"}, {"建筑施工", "CONSTRUCTION"}, {"交通运输", "TRANSPORT"}, {"其他", "OTHER"}};
    private static final String[][] LEVELS = {{"一级", "LEVEL_1"}, {"二级", "LEVEL_2"}, {"三级", "LEVEL_3"}, {"未达标", "NONE"}};
    private static final String[] INDUSTRY_CODES = {"C2614", "C2661", "C3311", "C3424", "C3891", "C1713", "C1810", "C3021", "B0610", "G5436",
            "F5162", "E4710", "C2927", "C3130", "2614", "C"};
    private static final String NAME_CHARS = "宏达永盛华东恒通金鼎瑞丰新安天和中诚嘉利鑫源汇泰博远兴隆富康明辉德昌光宇海鹏正大万顺合力";
    private static final String[] TRADES = {"化工", "机械制造", "纺织", "建材", "物流", "电器", "塑业", "五金", "食品", "鞋业", "精密铸造", "新材料",
            "包装", "印染", "汽车配件", "阀门"};
    private static final String[] FORMS = {"有限公司", "股份有限公司", "有限责任公司", "厂"};
    private static final String[] ROADS = {"人民路", "解放路", "工业大道", "滨江路", "东风路", "开发区大道", "环城北路", "经济技术开发区纬三路", "科技园路"};
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华平刚桂兰建国志红霞";

    /** The written files and their sizes. */
    record Written(Path xlsx, Path csv, int rows) {
        long xlsxBytes() throws IOException {
            return Files.size(xlsx);
        }

        long csvBytes() throws IOException {
            return Files.size(csv);
        }
    }

    /** One enterprise as the sheet has it (and, for the category and level, as the table stores it). */
    private record Enterprise(String uscc, String name, String regionCode, String categoryLabel, String categoryCode, String industryCode,
                              String address, BigDecimal longitude, BigDecimal latitude, int employees, String levelLabel, String levelCode,
                              String legalRepresentative, String contactPhone) {
    }

    private ImportData() {
    }

    /**
     * Writes enterprises {@code first} … {@code first + rows − 1} to {@code <dir>/<name>.xlsx} and {@code .csv};
     * {@code counties} are {code, name} pairs, {@code createdAt} the CSV's created_at and updated_at.
     */
    static Written write(Path dir, String name, int first, int rows, List<String[]> counties, String createdAt) throws IOException {
        Files.createDirectories(dir);
        Path xlsx = dir.resolve(name + ".xlsx");
        Path csv = dir.resolve(name + ".csv");
        try (SXSSFWorkbook book = new SXSSFWorkbook(200);
             BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            book.setCompressTempFiles(true);
            SXSSFSheet sheet = book.createSheet("企业信息");
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("企业信息导入表（一企一档）");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
            Row header = sheet.createRow(1);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            for (int i = 0; i < rows; i++) {
                Enterprise e = enterprise(first + i, counties);
                Row row = sheet.createRow(2 + i);
                text(row, 0, e.uscc());
                text(row, 1, e.name());
                text(row, 2, e.regionCode());
                text(row, 3, e.categoryLabel());
                text(row, 4, e.industryCode());
                text(row, 5, e.address());
                row.createCell(6).setCellValue(e.longitude().doubleValue());
                row.createCell(7).setCellValue(e.latitude().doubleValue());
                row.createCell(8).setCellValue(e.employees());
                text(row, 9, e.levelLabel());
                text(row, 10, e.legalRepresentative());
                text(row, 11, e.contactPhone());

                out.write(String.join(",", quoted(e.uscc()), quoted(e.name()), quoted(e.regionCode()), quoted(e.categoryCode()),
                        quoted(e.industryCode()), quoted(e.address()), e.longitude().toPlainString(), e.latitude().toPlainString(),
                        Integer.toString(e.employees()), quoted(e.levelCode()), quoted(e.legalRepresentative()), quoted(e.contactPhone()),
                        "1", quoted(createdAt), quoted(createdAt)));
                out.write('\n');
            }
            try (OutputStream file = Files.newOutputStream(xlsx)) {
                book.write(file);
            }
            book.dispose();
        }
        return new Written(xlsx, csv, rows);
    }

    private static Enterprise enterprise(int number, List<String[]> counties) {
        SplittableRandom random = new SplittableRandom(0x5EED_1DL * 1_000_003L + number);
        String[] county = counties.get(Math.floorMod(number, counties.size()));
        String first17 = "91" + county[0].substring(0, 6) + "BK" + String.format("%07d", number);
        String uscc = first17 + checkCharacter(first17);
        String name = pick(random, NAME_CHARS, 2) + pick(random, NAME_CHARS, 2) + TRADES[random.nextInt(TRADES.length)]
                + FORMS[random.nextInt(FORMS.length)];
        String[] category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String industryCode = random.nextInt(10) == 0 ? null : INDUSTRY_CODES[random.nextInt(INDUSTRY_CODES.length)];
        String address = "浙江省" + county[1] + ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(2000)) + "号"
                + (random.nextBoolean() ? (1 + random.nextInt(12)) + "幢" : "");
        BigDecimal longitude = BigDecimal.valueOf(118_000_000L + random.nextLong(5_000_000L), 6);
        BigDecimal latitude = BigDecimal.valueOf(27_000_000L + random.nextLong(4_000_000L), 6);
        int employees = random.nextInt(8) == 0 ? 1 + random.nextInt(5000) : 3 + random.nextInt(200);
        String[] level = random.nextInt(4) == 0 ? null : LEVELS[random.nextInt(LEVELS.length)];
        String person = pick(random, SURNAMES, 1) + pick(random, GIVEN, 1 + random.nextInt(2));
        String phone = random.nextBoolean()
                ? "05" + (70 + random.nextInt(10)) + "-" + (80_000_000 + random.nextInt(9_999_999))
                : "1" + (30 + random.nextInt(60)) + String.format("%08d", random.nextInt(100_000_000));
        return new Enterprise(uscc, name, county[0], category[0], category[1], industryCode, address, longitude, latitude, employees,
                level == null ? null : level[0], level == null ? null : level[1], person, phone);
    }

    /** GB 32100-2015: C18 = 31 − (Σ Ci × Wi mod 31), 31 written as 0 (as the service's Uscc). */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = USCC_CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("Not a USCC character: " + first17.charAt(i));
            }
            sum += value * USCC_WEIGHTS[i];
        }
        return USCC_CHARSET.charAt((31 - sum % 31) % 31);
    }

    private static String pick(SplittableRandom random, String chars, int count) {
        StringBuilder s = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return s.toString();
    }

    private static void text(Row row, int column, String value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
        }
    }

    /** A CSV field for {@code FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' ESCAPED BY '\\'}; null as {@code \N}. */
    private static String quoted(String value) {
        if (value == null) {
            return "\\N";
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
