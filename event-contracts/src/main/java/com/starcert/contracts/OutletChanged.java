package com.starcert.contracts;

import java.time.Instant;

/**
 * A service outlet (售后服务网点) was registered, updated, suspended or closed.
 * {@code version} grows with every change of the outlet so consumers can ignore stale or replayed events;
 * {@code openComplaints} (customer complaints not yet closed) makes the outlet a risk pick for audit sampling.
 */
public record OutletChanged(
        String enterpriseId,
        String outletId,
        Change change,
        long version,
        String name,
        OutletKind kind,
        OutletStatus status,
        String regionCode,
        String addressLine,
        Instant registeredAt,
        int openComplaints) implements IntegrationEvent {

    /** An outlet change that says nothing about complaints (none open). */
    public OutletChanged(String enterpriseId, String outletId, Change change, long version, String name,
                         OutletKind kind, OutletStatus status, String regionCode, String addressLine,
                         Instant registeredAt) {
        this(enterpriseId, outletId, change, version, name, kind, status, regionCode, addressLine, registeredAt, 0);
    }

    public enum Change { REGISTERED, UPDATED, SUSPENDED, CLOSED }

    /** HEADQUARTERS is the central function (总部); it never counts in the sample base. */
    public enum OutletKind { HEADQUARTERS, BRANCH, PARTNER }

    public enum OutletStatus { ACTIVE, SUSPENDED, CLOSED }

    @Override
    public String subject() {
        return outletId;
    }
}
