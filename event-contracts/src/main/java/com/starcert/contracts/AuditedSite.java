package com.starcert.contracts;

/**
 * A site of an audit's site plan: the central function ({@code central}, {@code outletId} null when the
 * enterprise registered no headquarters outlet) or a sampled outlet.
 */
public record AuditedSite(
        String siteId,
        String outletId,
        boolean central,
        String name,
        String regionCode,
        String addressLine) {
}
