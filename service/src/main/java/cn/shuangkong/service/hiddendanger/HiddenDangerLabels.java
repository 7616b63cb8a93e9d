package cn.shuangkong.service.hiddendanger;

import cn.shuangkong.service.api.model.DangerClassification;
import cn.shuangkong.service.api.model.DangerType;
import cn.shuangkong.service.api.model.HiddenDangerEvent;
import cn.shuangkong.service.api.model.HiddenDangerLevel;
import cn.shuangkong.service.api.model.HiddenDangerSource;
import cn.shuangkong.service.api.model.HiddenDangerStatus;
import cn.shuangkong.service.api.model.ManageType;
import cn.shuangkong.service.api.model.SupervisionLevel;

/** The Chinese labels of the hidden-danger enumerations, and the national interface's codes. */
public final class HiddenDangerLabels {

    private HiddenDangerLabels() {
    }

    public static String of(HiddenDangerLevel level) {
        return level == HiddenDangerLevel.MAJOR ? "重大隐患" : "一般隐患";
    }

    public static String of(ManageType type) {
        return type == ManageType.IMMEDIATE ? "即查即改" : "限期整改";
    }

    public static String of(HiddenDangerStatus status) {
        return switch (status) {
            case RECTIFYING -> "整改中";
            case PENDING_ACCEPTANCE -> "待验收";
            case CLOSED -> "已验收（销号）";
            case CANCELLED -> "已撤销";
        };
    }

    /** The national interface's state: 0 整改中, 1 待验收, 9 已验收; a cancelled danger has none. */
    static Integer nationalState(HiddenDangerStatus status) {
        return switch (status) {
            case RECTIFYING -> 0;
            case PENDING_ACCEPTANCE -> 1;
            case CLOSED -> 9;
            case CANCELLED -> null;
        };
    }

    public static String of(HiddenDangerSource source) {
        return switch (source) {
            case DAILY -> "日常排查";
            case COMPREHENSIVE -> "综合性排查";
            case SPECIALIZED -> "专业性排查";
            case SEASONAL -> "季节性排查";
            case KEY_PERIOD -> "重点时段及节假日前排查";
            case ACCIDENT_ANALOGY -> "事故类比排查";
            case RESUMPTION -> "复产复工前排查";
            case EXPERT -> "外聘专家诊断式排查";
            case CONTROL_FAILURE -> "管控措施失效";
            case OTHER -> "其他";
            case SUPERVISION -> "监管检查";
        };
    }

    public static String of(DangerType type) {
        return switch (type) {
            case SAFETY -> "安全";
            case PROCESS -> "工艺";
            case ELECTRICAL -> "电气";
            case INSTRUMENT -> "仪表";
            case FIRE -> "消防";
            case LAYOUT -> "总图";
            case EQUIPMENT -> "设备";
            case OTHER -> "其他";
        };
    }

    public static String of(DangerClassification classification) {
        return switch (classification) {
            case UNSAFE_ACT -> "人的不安全行为";
            case UNSAFE_CONDITION -> "物的不安全状态";
            case MANAGEMENT_DEFECT -> "管理上的缺陷";
        };
    }

    public static String of(SupervisionLevel level) {
        return switch (level) {
            case PROVINCE -> "省级挂牌督办";
            case CITY -> "市级挂牌督办";
            case COUNTY -> "县级挂牌督办";
            case TOWNSHIP -> "乡镇级挂牌督办";
        };
    }

    public static String of(HiddenDangerEvent.TypeEnum type) {
        return switch (type) {
            case REPORTED -> "上报";
            case SUBMITTED -> "整改完成，提交验收";
            case ACCEPTED -> "验收通过（销号）";
            case REJECTED -> "验收不通过，退回整改";
            case CANCELLED -> "撤销";
            case PLAN_SET -> "制定治理方案";
            case SUPERVISION_RAISED -> "提级挂牌督办";
            case EXTENSION_REQUESTED -> "申请延期";
            case EXTENSION_APPROVED -> "同意延期";
            case EXTENSION_REFUSED -> "不同意延期";
            case OVERDUE -> "逾期未整改";
            case DETAILS_UPDATED -> "修改隐患信息";
        };
    }
}
