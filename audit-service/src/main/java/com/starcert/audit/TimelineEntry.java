package com.starcert.audit;

import java.time.Instant;

/** A status the audit reached, when and by whom (a user for HTTP actions, the producing service for events). */
public record TimelineEntry(AuditStatus status, Instant at, String by) {
}
