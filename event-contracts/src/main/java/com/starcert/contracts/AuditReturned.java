package com.starcert.contracts;

import java.time.Instant;

/**
 * The CB returned an audit revision for correction (退回修改) before its decision: its score no longer stands, no
 * decision may be taken on it, and a decision held for its corrective actions is dropped. The audit comes back as
 * the next revision.
 *
 * @param revision the revision returned
 */
public record AuditReturned(
        String auditId,
        int revision,
        String enterpriseId,
        String reason,
        Instant returnedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return auditId;
    }
}
