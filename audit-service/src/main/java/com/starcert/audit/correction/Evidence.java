package com.starcert.audit.correction;

import java.time.Instant;
import java.util.List;

import com.starcert.audit.Who;

/**
 * What the enterprise sent to show a corrective action was taken: a text and optionally attachments of the audit;
 * {@code by} is the {@code sub} of the enterprise user who sent it, {@code byName} the name to show.
 */
public record Evidence(String text, List<String> attachmentIds, String by, String byName, Instant at) {

    public Evidence {
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
        byName = byName == null || byName.isBlank() ? by : byName;
    }

    public Evidence(String text, List<String> attachmentIds, Who by, Instant at) {
        this(text, attachmentIds, by.sub(), by.name(), at);
    }
}
