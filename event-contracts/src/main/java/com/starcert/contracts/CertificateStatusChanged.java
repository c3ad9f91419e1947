package com.starcert.contracts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A certificate's status changed (suspended, restored, withdrawn, expired, cancelled, superseded) — by a decision
 * on an audit ({@code auditId} set), by a CB action, or by the lifecycle sweep.
 */
public record CertificateStatusChanged(
        String certificateNumber,
        int certificateRevision,
        String enterpriseId,
        CertificateStatus previousStatus,
        CertificateStatus status,
        Band level,
        String reason,
        String auditId,
        LocalDate effectiveOn,
        Instant changedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return certificateNumber;
    }
}
