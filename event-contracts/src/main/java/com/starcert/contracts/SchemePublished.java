package com.starcert.contracts;

import java.time.Instant;

/**
 * A CB administrator published a scoring scheme version (immutable from then on). Audit-service learns which
 * indicators to capture; audits keep the version they were planned with. Keyed by scheme id, not by enterprise.
 */
public record SchemePublished(Scheme scheme, Instant publishedAt) implements IntegrationEvent {

    /** Not about one enterprise. */
    @Override
    public String enterpriseId() {
        return null;
    }

    @Override
    public String partitionKey() {
        return scheme.id();
    }

    @Override
    public String subject() {
        return scheme.id() + "/" + scheme.version();
    }
}
