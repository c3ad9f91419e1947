package com.starcert.audit.planning;

import java.time.Instant;
import java.util.Set;

/**
 * What earlier audits tell the planner.
 *
 * @param lastAuditAt       when the enterprise's previous audit was planned ("new since the last audit")
 * @param visitedLastTime   outlets visited at the previous surveillance (or, without one, at the previous audit)
 * @param fromSurveillance  whether {@code visitedLastTime} comes from a surveillance
 * @param avoid             outlets the plan avoids where the network allows: the first surveillance's outlets when
 *                          planning the second surveillance of a cycle
 */
public record AuditHistory(Instant lastAuditAt, Set<String> visitedLastTime, boolean fromSurveillance,
                           Set<String> avoid) {

    public AuditHistory {
        visitedLastTime = visitedLastTime == null ? Set.of() : Set.copyOf(visitedLastTime);
        avoid = avoid == null ? Set.of() : Set.copyOf(avoid);
    }

    public AuditHistory(Instant lastAuditAt, Set<String> visitedLastTime) {
        this(lastAuditAt, visitedLastTime, false, Set.of());
    }

    public static AuditHistory none() {
        return new AuditHistory(null, Set.of());
    }

    boolean newSinceLastAudit(Instant registeredAt) {
        return lastAuditAt != null && registeredAt != null && registeredAt.isAfter(lastAuditAt);
    }

    boolean visitedLastTime(String outletId) {
        return visitedLastTime.contains(outletId);
    }

    /** Not visited at the previous surveillance (or audit), when there was one. */
    boolean notVisitedPreviously(String outletId) {
        return lastAuditAt != null && !visitedLastTime.contains(outletId);
    }

    boolean avoided(String outletId) {
        return avoid.contains(outletId);
    }

    String previous() {
        return fromSurveillance ? "the previous surveillance" : "the last audit";
    }
}
