package com.starcert.audit;

/** Who did an HTTP action: header {@code X-StarCert-User}, "unknown" when absent. */
public final class Actor {

    public static final String HEADER = "X-StarCert-User";

    private Actor() {
    }

    public static String of(String header) {
        return header == null || header.isBlank() ? "unknown" : header.trim();
    }
}
