package cn.shuangkong.service.hazardpoint;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.shuangkong.service.api.model.HazardPointType;
import cn.shuangkong.service.excel.CellParsing;
import cn.shuangkong.service.excel.CellValue;
import cn.shuangkong.service.excel.Headers;
import cn.shuangkong.service.excel.Headers.Column;
import cn.shuangkong.service.excel.SheetWriter;
import cn.shuangkong.service.excel.WorkbookWriter;

/** The sheet of geological hazard points (地质灾害隐患点) as the template and the import know it: one row per point. */
final class HazardPointSheet {

    static final String NAME = "隐患点名称";
    static final String REGION_CODE = "行政区划代码";
    static final String TYPE = "灾害类型";
    static final String LOCATION = "位置";
    static final String LONGITUDE = "经度";
    static final String LATITUDE = "纬度";
    static final String THREATENED_PEOPLE = "受威胁人数";
    static final String POTENTIAL_LOSS = "潜在经济损失（元）";
    static final String MONITORING_PERSON = "群测群防监测员";

    static final List<String> HEADERS = List.of(NAME, REGION_CODE, TYPE, LOCATION, LONGITUDE, LATITUDE, THREATENED_PEOPLE, POTENTIAL_LOSS,
            MONITORING_PERSON);

    /**
     * Header matching drops a trailing parenthesised hint, so 潜在经济损失（万元） finds this column too: the import reads
     * the header itself to know the unit.
     */
    static final Headers COLUMNS = new Headers(List.of(
            Column.required(NAME, NAME, "名称", "隐患点", "灾害点名称"),
            Column.required(REGION_CODE, REGION_CODE, "区划代码", "所在地区划代码"),
            Column.required(TYPE, TYPE, "隐患点类型", "灾害种类", "灾种", "类型"),
            Column.optional(LOCATION, LOCATION, "地理位置", "具体位置", "地点"),
            Column.optional(LONGITUDE, LONGITUDE),
            Column.optional(LATITUDE, LATITUDE),
            Column.required(THREATENED_PEOPLE, THREATENED_PEOPLE, "威胁人数", "受威胁需搬迁转移人数", "威胁人口"),
            Column.required(POTENTIAL_LOSS, POTENTIAL_LOSS, "威胁财产", "潜在损失"),
            Column.optional(MONITORING_PERSON, MONITORING_PERSON, "监测员", "监测人", "群测群防员")));

    static final int TEMPLATE_ROWS = 5_000;

    private HazardPointSheet() {
    }

    static String label(HazardPointType type) {
        return cn.shuangkong.rules.hazardpoint.HazardPointType.valueOf(type.getValue()).label();
    }

    static List<String> typeLabels() {
        return Arrays.stream(HazardPointType.values()).map(HazardPointSheet::label).toList();
    }

    /** 滑坡 or LANDSLIDE. */
    static Optional<HazardPointType> type(CellValue cell) {
        for (HazardPointType type : HazardPointType.values()) {
            if (CellParsing.choice(cell, List.of(label(type), type.getValue())).isPresent()) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    static byte[] template() {
        try (WorkbookWriter book = new WorkbookWriter(true)) {
            SheetWriter sheet = book.sheet("地质灾害隐患点").widths(32, 14, 12, 30, 12, 12, 12, 18, 14);
            sheet.title("地质灾害隐患点导入表", HEADERS.size());
            sheet.header(HEADERS);
            sheet.dropdown(2, 3, TEMPLATE_ROWS + 2, typeLabels(), "请从下拉列表选择灾害类型");
            sheet.freeze(1, 2);
            SheetWriter guide = book.sheet("填写说明").widths(6, 110);
            guide.title("填写说明", 2);
            List<String> lines = List.of(
                    "每行一处隐患点。隐患点名称、行政区划代码、灾害类型、受威胁人数、潜在经济损失必填，其余选填。",
                    "行政区划代码填写隐患点所在县级（6位）或乡镇级（9位）代码（GB/T 2260），须在您的管辖范围内。",
                    "同一行政区划内已有同名在册隐患点的，按本表更新并重新确定险情等级；没有的新增；已核销的隐患点不能通过导入修改。",
                    "灾害类型从下拉列表选择：" + String.join("、", typeLabels()) + "。",
                    "受威胁人数填受威胁需搬迁转移人数（整数，无人填 0）；潜在经济损失以元为单位（无损失填 0；列名写作“潜在经济损失（万元）”的按万元读取）。"
                            + "系统按两者确定险情等级（特大型、大型、中型、小型，取其中较高者）及颜色。",
                    "经度、纬度填写十进制度数（如 120.4231、28.1102）。",
                    "上传：.xlsx 或 .xls，不超过 20 MB。有任何错误时整份不导入，系统返回错误清单和标注了出错单元格的错误报告；同一文件重复上传不会重复导入。");
            int n = 0;
            for (String line : lines) {
                guide.row(List.of(++n, line), true);
            }
            return book.toBytes();
        }
    }
}
