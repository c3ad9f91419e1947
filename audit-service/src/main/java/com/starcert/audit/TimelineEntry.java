package com.starcert.audit;

import java.time.Instant;

/**
 * A status the audit reached, when and by whom, with an optional note (the reason an audit was returned, the
 * revision a score was for). {@code by} is the token's {@code sub} for HTTP actions and the producing service for
 * events; {@code byName} is the name to show (the {@code sub} itself when none is known).
 */
public record TimelineEntry(AuditStatus status, Instant at, String by, String byName, String note) {

    public TimelineEntry {
        byName = byName == null || byName.isBlank() ? by : byName;
    }

    public TimelineEntry(AuditStatus status, Instant at, Who who, String note) {
        this(status, at, who.sub(), who.name(), note);
    }

    public TimelineEntry(AuditStatus status, Instant at, Who who) {
        this(status, at, who.sub(), who.name(), null);
    }

    /** An entry written on an event: the producing service is the actor. */
    public TimelineEntry(AuditStatus status, Instant at, String service, String note) {
        this(status, at, service, service, note);
    }
}
