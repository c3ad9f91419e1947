package com.starcert.outlet.registry;

import java.util.Arrays;
import java.util.Optional;

/** Provincial-level divisions (省级行政区) by the first two digits of a GB/T 2260 region code. */
public enum Province {
    BEIJING("11", "北京"), TIANJIN("12", "天津"), HEBEI("13", "河北"), SHANXI("14", "山西"),
    INNER_MONGOLIA("15", "内蒙古"), LIAONING("21", "辽宁"), JILIN("22", "吉林"), HEILONGJIANG("23", "黑龙江"),
    SHANGHAI("31", "上海"), JIANGSU("32", "江苏"), ZHEJIANG("33", "浙江"), ANHUI("34", "安徽"),
    FUJIAN("35", "福建"), JIANGXI("36", "江西"), SHANDONG("37", "山东"), HENAN("41", "河南"),
    HUBEI("42", "湖北"), HUNAN("43", "湖南"), GUANGDONG("44", "广东"), GUANGXI("45", "广西"),
    HAINAN("46", "海南"), CHONGQING("50", "重庆"), SICHUAN("51", "四川"), GUIZHOU("52", "贵州"),
    YUNNAN("53", "云南"), TIBET("54", "西藏"), SHAANXI("61", "陕西"), GANSU("62", "甘肃"),
    QINGHAI("63", "青海"), NINGXIA("64", "宁夏"), XINJIANG("65", "新疆"), TAIWAN("71", "台湾"),
    HONG_KONG("81", "香港"), MACAO("82", "澳门");

    private final String code;
    private final String chineseName;

    Province(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    public static Optional<Province> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    /** A two-digit province code as used in query filters. */
    public static Province parse(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException("is required");
        }
        return ofCode(code.strip()).orElseThrow(
                () -> new InvalidValueException("'" + code.strip() + "' is not a province code (two digits, e.g. 35)"));
    }
}
