package com.starcert.audit.planning;

import com.starcert.contracts.AuditedSite;

/**
 * One site of an audit's site plan (抽样方案). {@code siteId} is {@code CENTRAL} for the central function
 * ({@code outletId} null when no headquarters outlet is registered) and {@code S01}, {@code S02}… for outlets.
 */
public record PlannedSite(
        String siteId,
        String outletId,
        boolean central,
        Selection selection,
        String reason,
        String name,
        String regionCode,
        String addressLine) {

    public static final String CENTRAL_SITE_ID = "CENTRAL";

    public AuditedSite audited() {
        return new AuditedSite(siteId, outletId, central, name, regionCode, addressLine);
    }
}
