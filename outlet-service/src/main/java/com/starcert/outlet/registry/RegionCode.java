package com.starcert.outlet.registry;

import java.util.regex.Pattern;

/** Administrative division code (行政区划代码, GB/T 2260): six digits, the first two name the province. */
public record RegionCode(String value) {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    public RegionCode {
        if (value == null) {
            throw new InvalidValueException("is required");
        }
        if (!SIX_DIGITS.matcher(value).matches()) {
            throw new InvalidValueException("must be six digits (GB/T 2260), e.g. 350100");
        }
        if (Province.ofCode(value.substring(0, 2)).isEmpty()) {
            throw new InvalidValueException("'" + value.substring(0, 2) + "' is not a province code");
        }
    }

    public static RegionCode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("is required");
        }
        return new RegionCode(raw.strip());
    }

    public Province province() {
        return Province.ofCode(value.substring(0, 2)).orElseThrow();
    }

    @Override
    public String toString() {
        return value;
    }
}
