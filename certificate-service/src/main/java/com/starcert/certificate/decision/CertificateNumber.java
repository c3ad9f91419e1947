package com.starcert.certificate.decision;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 证书编号 {@code GBT27922-<year>-<6-digit sequence>}, the sequence counting per calendar year from 1. */
public record CertificateNumber(int year, long sequence) {

    public static final String PREFIX = "GBT27922";
    public static final long MAX_SEQUENCE = 999_999;
    private static final Pattern FORMAT = Pattern.compile(PREFIX + "-(\\d{4})-(\\d{6})");
    /** A revised certificate shows its revision after the number: {@code GBT27922-2026-000123-R2}. */
    private static final Pattern REVISED = Pattern.compile("(" + PREFIX + "-\\d{4}-\\d{6})(?:-R(\\d{1,4}))?");

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

    /**
     * The number as printed on a certificate at {@code revision}: the base number for the first issue, the base
     * number with {@code -R<revision>} for every revised issue, so a revised certificate is told apart from the
     * earlier ones (docs/domain.md §5). The base number stays the certificate's identity.
     */
    public static String displayed(String baseNumber, int revision) {
        return revision <= 1 ? baseNumber : baseNumber + "-R" + revision;
    }

    /** The base number and the revision (0 when none was given) of a number in either form; empty if malformed. */
    public static java.util.Optional<Revised> parseRevised(String value) {
        Matcher m = value == null ? null : REVISED.matcher(value.trim());
        if (m == null || !m.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Revised(m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
    }

    /** A number as written on a certificate: base number and revision (0 = not stated). */
    public record Revised(String base, int revision) {
    }

    public String value() {
        return String.format("%s-%04d-%06d", PREFIX, year, sequence);
    }

    @Override
    public String toString() {
        return value();
    }
}
