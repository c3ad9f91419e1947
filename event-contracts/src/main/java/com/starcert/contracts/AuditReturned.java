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

    /** This event when it names what every consumer needs; otherwise it is malformed (dead-lettered, not retried). */
    public AuditReturned requireComplete() {
        if (auditId == null || auditId.isBlank() || revision < 1 || enterpriseId == null || enterpriseId.isBlank()) {
            throw new MalformedEventException("AuditReturned: auditId, revision >= 1 and enterpriseId are required");
        }
        return this;
    }
}
