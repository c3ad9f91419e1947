package com.starcert.certificate.decision;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 证书编号 {@code GBT27922-<year>-<6-digit sequence>}, the sequence counting per calendar year from 1. */
public record CertificateNumber(int year, long sequence) {

    public static final String PREFIX = "GBT27922";
    public static final long MAX_SEQUENCE = 999_999;
    private static final Pattern FORMAT = Pattern.compile(PREFIX + "-(\\d{4})-(\\d{6})");

    public CertificateNumber {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have four digits: " + year);
        }
        // a seventh digit would break the published format; a CB issuing a million certificates a year needs a new one
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence must be 1.." + MAX_SEQUENCE + ": " + sequence);
        }
    }

    public static CertificateNumber parse(String value) {
        Matcher m = value == null ? null : FORMAT.matcher(value);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a certificate number: " + value);
        }
        return new CertificateNumber(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public String value() {
        return String.format("%s-%04d-%06d", PREFIX, year, sequence);
    }

    @Override
    public String toString() {
        return value();
    }
}
