package com.starcert.audit.planning;

import java.time.Instant;
import java.util.Set;

/** What the previous audit of the enterprise tells the planner: when it was planned and which outlets it visited. */
public record AuditHistory(Instant lastAuditAt, Set<String> visitedLastTime) {

    public static AuditHistory none() {
        return new AuditHistory(null, Set.of());
    }

    boolean newSinceLastAudit(Instant registeredAt) {
        return lastAuditAt != null && registeredAt != null && registeredAt.isAfter(lastAuditAt);
    }

    boolean visitedLastTime(String outletId) {
        return visitedLastTime.contains(outletId);
    }
}
