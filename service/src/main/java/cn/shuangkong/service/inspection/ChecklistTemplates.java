package cn.shuangkong.service.inspection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import cn.shuangkong.rules.checklist.Checklist;
import cn.shuangkong.rules.checklist.ChecklistItem;
import cn.shuangkong.service.api.model.HiddenDangerSource;
import cn.shuangkong.service.excel.SheetWriter;
import cn.shuangkong.service.excel.WorkbookWriter;
import cn.shuangkong.service.hiddendanger.HiddenDangerLabels;

/**
 * The Excel template of a checklist that an inspector fills in Excel or WPS: a header block, one row per item with a
 * 检查结果 dropdown, and a 填写说明 sheet. The same bytes every time for the same checklist (they are committed under
 * {@code templates/}), so each is drawn once and kept.
 */
@Component
class ChecklistTemplates {

    static final String SHEET = "检查表";
    static final String GUIDE_SHEET = "填写说明";
    static final int HEADER_ROW = 6;
    static final List<String> HEADERS = List.of(ChecklistSheet.NUMBER, ChecklistSheet.ITEM_CODE, ChecklistSheet.ITEM_TEXT, ChecklistSheet.BASIS,
            ChecklistSheet.MAJOR, ChecklistSheet.RESULT, ChecklistSheet.PROBLEM, ChecklistSheet.LOCATION, ChecklistSheet.DEADLINE);

    private final Map<String, byte[]> drawn = new ConcurrentHashMap<>();

    byte[] template(Checklist checklist) {
        return drawn.computeIfAbsent(checklist.code(), code -> draw(checklist)).clone();
    }

    /** The labels offered for 检查类型: every 排查 source, 监管检查 first. */
    static List<String> inspectionTypes() {
        List<String> labels = new ArrayList<>();
        labels.add(HiddenDangerLabels.of(HiddenDangerSource.SUPERVISION));
        Arrays.stream(HiddenDangerSource.values()).filter(s -> s != HiddenDangerSource.SUPERVISION).forEach(s -> labels.add(HiddenDangerLabels.of(s)));
        return labels;
    }

    static byte[] draw(Checklist checklist) {
        try (WorkbookWriter book = new WorkbookWriter(true)) {
            SheetWriter sheet = book.sheet(SHEET).widths(6, 12, 56, 30, 10, 12, 36, 18, 14);
            sheet.title(checklist.name() + "安全检查表", HEADERS.size());
            sheet.labelled(ChecklistSheet.USCC, null, ChecklistSheet.ENTERPRISE_NAME, null);
            sheet.labelled(ChecklistSheet.INSPECTED_ON, SheetWriter.DATE_INPUT, ChecklistSheet.INSPECTORS, null);
            sheet.labelled(ChecklistSheet.INSPECTION_TYPE, null, ChecklistSheet.CHECKLIST, checklist.code());
            sheet.dropdown(1, 4, 4, inspectionTypes(), "请从下拉列表选择检查类型");
            sheet.blank();
            sheet.header(HEADERS);
            int number = 0;
            for (ChecklistItem item : checklist.items()) {
                sheet.row(Arrays.asList(++number, item.code(), item.text(), item.basis(), item.major() ? "是" : "否", null, null, null,
                        SheetWriter.DATE_INPUT), true);
            }
            int first = HEADER_ROW + 1;
            int last = HEADER_ROW + checklist.items().size();
            sheet.dropdown(5, first, last, Outcomes.LABELS, "检查结果只能是：合格、不合格、不适用");
            sheet.freeze(3, HEADER_ROW);

            SheetWriter guide = book.sheet(GUIDE_SHEET).widths(6, 110);
            guide.title("填写说明", 2);
            List<String> lines = List.of(
                    "本表为" + checklist.name() + "安全检查表（" + checklist.code() + "，共 " + checklist.items().size() + " 项，其中重大事故隐患判定项 "
                            + checklist.majorCount() + " 项）。" + checklist.scope(),
                    "表头须填写：企业统一社会信用代码（18位）、检查日期、检查人员；企业名称供核对，以统一社会信用代码为准。",
                    "检查类型：监管部门和检查人员的检查按“监管检查”记录；企业自查请选择排查类型（日常排查、综合性排查等），不能选“监管检查”。",
                    "每行一个检查项，“检查项编号”请勿改动；本次未检查的项目可整行删除，但不要增加编号以外的项目。",
                    "“检查结果”请从下拉列表选择：合格、不合格、不适用。“不合格”的项目将生成一条隐患。",
                    "“重大隐患判定项”为“是”的项目不合格时，依据所列判定标准判定为重大事故隐患，须制定治理方案并挂牌督办。",
                    "“问题描述”写明现场发现的具体问题（不填则以检查内容作为隐患名称）；“隐患位置”写明车间、装置或部位。",
                    "“整改期限”可不填，按规则默认期限确定；填写时不得早于检查日期，企业填写的期限不得超过规则允许的最长期限。",
                    "日期请填写为日期格式，如 2026-11-20；也可写作 2026/11/20、2026.11.20 或 2026年11月20日。",
                    "上传：.xlsx 或 .xls（WPS 请保存为 Excel 格式），不超过 20 MB。文件有任何错误时整份不导入，系统返回错误清单和标注了出错单元格的错误报告。",
                    "同一文件重复上传不会重复导入，系统返回第一次导入的结果。",
                    "检查表版本：" + checklist.version().substring(0, 12) + "（检查项以系统中的检查表为准）。");
            int n = 0;
            for (String line : lines) {
                guide.row(List.of(++n, line), true);
            }
            return book.toBytes();
        }
    }
}
