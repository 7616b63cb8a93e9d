package cn.shuangkong.service.enterprise;

import java.math.BigDecimal;
import java.math.RoundingMode;

import cn.shuangkong.service.api.model.EnterpriseInput;
import cn.shuangkong.service.api.model.EnterpriseUpdate;
import cn.shuangkong.service.api.model.IndustryCategory;
import cn.shuangkong.service.api.model.StandardizationLevel;

/** The editable part of an enterprise's registry record (一企一档), whichever request carried it. */
record EnterpriseFields(String name, String regionCode, IndustryCategory industryCategory, String industryCode,
                        String address, BigDecimal longitude, BigDecimal latitude, Integer employees,
                        StandardizationLevel standardizationLevel, String legalRepresentative, String contactPhone) {

    EnterpriseFields {
        name = name.strip();
        // Coordinates are stored to six decimals (about 0.1 m).
        longitude = longitude == null ? null : longitude.setScale(6, RoundingMode.HALF_UP);
        latitude = latitude == null ? null : latitude.setScale(6, RoundingMode.HALF_UP);
    }

    static EnterpriseFields of(EnterpriseInput in) {
        return new EnterpriseFields(in.getName(), in.getRegionCode(), in.getIndustryCategory(), in.getIndustryCode(),
                in.getAddress(), in.getLongitude(), in.getLatitude(), in.getEmployees(), in.getStandardizationLevel(),
                in.getLegalRepresentative(), in.getContactPhone());
    }

    static EnterpriseFields of(EnterpriseUpdate in) {
        return new EnterpriseFields(in.getName(), in.getRegionCode(), in.getIndustryCategory(), in.getIndustryCode(),
                in.getAddress(), in.getLongitude(), in.getLatitude(), in.getEmployees(), in.getStandardizationLevel(),
                in.getLegalRepresentative(), in.getContactPhone());
    }
}
