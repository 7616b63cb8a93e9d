package cn.shuangkong.service.enterprise;

import cn.shuangkong.service.api.model.IndustryCategory;
import cn.shuangkong.service.api.model.StandardizationLevel;

/** The Chinese labels of the registry's enumerations, as the API returns them beside the codes. */
public final class EnterpriseLabels {

    private EnterpriseLabels() {
    }

    public static String of(IndustryCategory category) {
        return switch (category) {
            case HAZARDOUS_CHEMICALS -> "危险化学品";
            case MINING -> "矿山";
            case FIREWORKS -> "烟花爆竹";
            case METALLURGY -> "冶金";
            case NONFERROUS -> "有色";
            case BUILDING_MATERIALS -> "建材";
            case MACHINERY -> "机械";
            case LIGHT_INDUSTRY -> "轻工";
            case TEXTILE -> "纺织";
            case TOBACCO -> "烟草";
            case COMMERCE -> "商贸";
            case CONSTRUCTION -> "建筑施工";
            case TRANSPORT -> "交通运输";
            case OTHER -> "其他";
        };
    }

    public static String of(StandardizationLevel level) {
        return switch (level) {
            case LEVEL_1 -> "一级";
            case LEVEL_2 -> "二级";
            case LEVEL_3 -> "三级";
            case NONE -> "未达标";
        };
    }
}
