package com.starcert.audit.correction;

import java.time.Instant;
import java.util.List;

/** What the enterprise sent to show a corrective action was taken: a text and optionally attachments of the audit. */
public record Evidence(String text, List<String> attachmentIds, String by, Instant at) {

    public Evidence {
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }
}
