package cn.shuangkong.service.majorhazard;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.shuangkong.service.api.model.UnitType;
import cn.shuangkong.service.excel.CellParsing;
import cn.shuangkong.service.excel.CellValue;
import cn.shuangkong.service.excel.Headers;
import cn.shuangkong.service.excel.Headers.Column;
import cn.shuangkong.service.excel.SheetWriter;
import cn.shuangkong.service.excel.WorkbookWriter;

/**
 * The sheet of an enterprise's units and their hazardous chemicals (GB 18218-2018) as the template and the import know
 * it: one row per chemical, the unit's own cells (type, location, people outside the plant) repeated or given on its
 * first row only.
 */
final class UnitSheet {

    static final String UNIT_NAME = "单元名称";
    static final String UNIT_TYPE = "单元类型";
    static final String LOCATION = "单元位置";
    static final String EXPOSED_PEOPLE = "厂区边界外500米范围内人数";
    static final String CHEMICAL = "危险化学品名称";
    static final String CAS = "CAS号";
    static final String HAZARD_SYMBOLS = "危险性类别";
    static final String QUANTITY = "存在量（吨）";

    static final List<String> HEADERS = List.of(UNIT_NAME, UNIT_TYPE, LOCATION, EXPOSED_PEOPLE, CHEMICAL, CAS, HAZARD_SYMBOLS, QUANTITY);

    static final Headers COLUMNS = new Headers(List.of(
            Column.required(UNIT_NAME, UNIT_NAME, "单元", "生产储存单元名称"),
            Column.required(UNIT_TYPE, UNIT_TYPE),
            Column.optional(LOCATION, LOCATION, "位置", "所在位置"),
            Column.required(EXPOSED_PEOPLE, EXPOSED_PEOPLE, "厂区边界向外扩展500米范围内常住人口数量", "厂外可能暴露人员数量",
                    "厂外暴露人数", "500米范围内人数"),
            Column.required(CHEMICAL, CHEMICAL, "化学品名称", "品名", "危险化学品"),
            Column.optional(CAS, CAS, "CAS", "CAS号码"),
            Column.optional(HAZARD_SYMBOLS, HAZARD_SYMBOLS, "危险性类别符号", "类别符号"),
            Column.required(QUANTITY, QUANTITY, "实际存在量", "设计最大量", "最大存在量")));

    static final int TEMPLATE_ROWS = 2_000;

    private UnitSheet() {
    }

    static String label(UnitType type) {
        return cn.shuangkong.rules.majorhazard.UnitType.valueOf(type.getValue()).label();
    }

    static List<String> unitTypeLabels() {
        return Arrays.stream(UnitType.values()).map(UnitSheet::label).toList();
    }

    /** 储存单元 or STORAGE. */
    static Optional<UnitType> unitType(CellValue cell) {
        for (UnitType type : UnitType.values()) {
            if (CellParsing.choice(cell, List.of(label(type), type.getValue())).isPresent()) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    static byte[] template() {
        try (WorkbookWriter book = new WorkbookWriter(true)) {
            SheetWriter sheet = book.sheet("单元及危险化学品").widths(24, 12, 24, 16, 28, 16, 16, 14);
            sheet.title("生产/储存单元及危险化学品导入表（GB 18218-2018 危险化学品重大危险源辨识）", HEADERS.size());
            sheet.header(HEADERS);
            sheet.dropdown(1, 3, TEMPLATE_ROWS + 2, unitTypeLabels(), "请从下拉列表选择单元类型");
            sheet.freeze(1, 2);
            SheetWriter guide = book.sheet("填写说明").widths(6, 110);
            guide.title("填写说明", 2);
            List<String> lines = List.of(
                    "每行一种危险化学品。同一单元有几种危险化学品就填几行，单元名称相同的行合为一个单元；每行都须填写单元名称（请勿合并单元格）。",
                    "单元类型从下拉列表选择：" + String.join("、", unitTypeLabels()) + "（GB 18218-2018 第3.5、3.6条）。",
                    "单元类型、单元位置和厂区边界外500米范围内人数是单元的属性：可只填在该单元的第一行；各行都填的，须填写一致。",
                    "厂区边界外500米范围内人数：厂区边界向外扩展500米范围内的常住人口数量（表5，用于确定校正系数α），填整数，无人填 0。",
                    "危险化学品名称填写GB 18218-2018表1中的名称或别名（如 液氯、液氨、甲醇），也可只填CAS号；表1以外的危险化学品按表2确定临界量，须填写危险性类别。",
                    "危险性类别填写GB 18218-2018表2的符号 J1～J5、W1.1～W11（如 W5.1），多个以“、”或逗号分隔；表1中的危险化学品除表3所列毒性气体外也须填写，用于按表4确定校正系数β。",
                    "存在量（吨）按储罐、容器、设备或仓储区的设计最大量填写（第4.2.2条）。",
                    "本企业已有同名单元的，以本表整体替换该单元（其危险化学品以本表为准）并重新辨识分级；没有的新增；本表未列出的单元不受影响。",
                    "上传：.xlsx 或 .xls，不超过 20 MB。有任何错误时整份不导入，系统返回错误清单和标注了出错单元格的错误报告；同一文件重复上传不会重复导入。");
            int n = 0;
            for (String line : lines) {
                guide.row(List.of(++n, line), true);
            }
            return book.toBytes();
        }
    }
}
