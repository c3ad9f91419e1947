package com.starcert.outlet.infra;

import java.util.UUID;

/** The id that ties a request to the events it causes: the caller's {@code X-Correlation-Id}, else a new UUID. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    private static final int MAX_LENGTH = 128;

    private CorrelationId() {
    }

    public static String from(String header) {
        if (header == null || header.isBlank()) {
            return UUID.randomUUID().toString();
        }
        String id = header.strip();
        return id.length() > MAX_LENGTH ? id.substring(0, MAX_LENGTH) : id;
    }
}
