package com.starcert.outlet.registry;

import java.util.regex.Pattern;

/**
 * A contact phone number in mainland China: a mobile number ({@code 1[3-9]} and nine more digits) or a landline
 * with its area code and a hyphen — three-digit area codes (010, 02x) take eight-digit numbers, four-digit ones
 * seven or eight ({@code 010-12345678}, {@code 0371-1234567}).
 */
public record Phone(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("(?:0(?:10|2\\d)-\\d{8})|(?:0[3-9]\\d{2}-\\d{7,8})");

    public Phone {
        if (value == null) {
            throw new InvalidValueException("is required");
        }
        if (!MOBILE.matcher(value).matches() && !LANDLINE.matcher(value).matches()) {
            throw new InvalidValueException("must be a mobile number (e.g. 13912345678) or a landline with area "
                    + "code (e.g. 010-12345678, 0371-1234567)");
        }
    }

    public static Phone parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("is required");
        }
        return new Phone(raw.strip());
    }

    public boolean mobile() {
        return MOBILE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
