package com.starcert.contracts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A certificate's status changed (suspended, restored, withdrawn, expired, cancelled, superseded) — by a decision
 * on an audit ({@code auditId} and {@code auditRevision} set), by a CB action, or by the lifecycle sweep. A decision
 * that keeps the certificate as it is (a surveillance that maintains it) is published too, with
 * {@code previousStatus == status}, so every audit decision is visible on a topic.
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
        int auditRevision,
        LocalDate effectiveOn,
        Instant changedAt) implements IntegrationEvent {

    /** A change that comes from no audit (a CB action or the lifecycle sweep), or without the audit's revision. */
    public CertificateStatusChanged(String certificateNumber, int certificateRevision, String enterpriseId,
                                    CertificateStatus previousStatus, CertificateStatus status, Band level,
                                    String reason, String auditId, LocalDate effectiveOn, Instant changedAt) {
        this(certificateNumber, certificateRevision, enterpriseId, previousStatus, status, level, reason, auditId, 0,
                effectiveOn, changedAt);
    }

    @Override
    public String subject() {
        return certificateNumber;
    }
}
