package com.starcert.audit.attachments;

import java.time.Instant;

/**
 * Evidence (证据) stored with the audit: a photo or document in GridFS, optionally tied to a site and an indicator.
 * {@code id} is the GridFS file id; {@code uploadedBy} the {@code sub} of the auditor who uploaded it,
 * {@code uploadedByName} the name to show.
 */
public record Attachment(
        String id,
        String fileName,
        String contentType,
        long size,
        String sha256,
        String siteId,
        String indicator,
        String note,
        String uploadedBy,
        String uploadedByName,
        Instant uploadedAt) {

    public Attachment {
        uploadedByName = uploadedByName == null || uploadedByName.isBlank() ? uploadedBy : uploadedByName;
    }
}
