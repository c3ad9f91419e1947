package com.starcert.audit;

import java.time.Instant;

/**
 * A status the audit reached, when and by whom (a user for HTTP actions, the producing service for events), with
 * an optional note (the reason an audit was returned, the revision a score was for).
 */
public record TimelineEntry(AuditStatus status, Instant at, String by, String note) {

    public TimelineEntry(AuditStatus status, Instant at, String by) {
        this(status, at, by, null);
    }
}
