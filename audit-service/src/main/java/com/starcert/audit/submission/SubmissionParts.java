package com.starcert.audit.submission;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import com.starcert.contracts.AuditSubmitted;
import com.starcert.support.messaging.OutboxMessage;

/**
 * The events a submission goes out as: one, or — when that one would be larger than {@code maxBytes} — the fewest
 * parts ({@link AuditSubmitted#split}) of which none is. An audit of thousands of sites with long reasons thus never
 * meets the broker's message limit; scoring-service assembles the parts.
 */
final class SubmissionParts {

    private SubmissionParts() {
    }

    static List<OutboxMessage> of(AuditSubmitted submitted, long maxBytes, Function<AuditSubmitted, OutboxMessage> message) {
        OutboxMessage whole = message.apply(submitted);
        long size = bytes(whole);
        if (size <= maxBytes) {
            return List.of(whole);
        }
        int items = Math.max(1, submitted.sites().size() + submitted.findings().size());
        int count = (int) Math.min(items, Math.max(2, (size + maxBytes - 1) / (maxBytes * 3 / 4)));
        while (true) {
            List<OutboxMessage> parts = submitted.split(count).stream().map(message).toList();
            if (parts.stream().allMatch(p -> bytes(p) <= maxBytes)) {
                return parts;
            }
            if (count >= items) {
                throw new IllegalStateException("audit " + submitted.auditId() + " cannot be sent in parts of at most "
                        + maxBytes + " bytes (starcert.audit.submission-part-size is too small for one site)");
            }
            count = Math.min(items, count * 2);
        }
    }

    private static long bytes(OutboxMessage message) {
        return message.payload().getBytes(StandardCharsets.UTF_8).length;
    }
}
