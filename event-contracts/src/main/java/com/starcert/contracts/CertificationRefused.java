package com.starcert.contracts;

import java.math.BigDecimal;
import java.time.Instant;

/** The certification decision for an audit was negative (e.g. an initial audit scored below 70). */
public record CertificationRefused(
        String auditId,
        int auditRevision,
        String enterpriseId,
        BigDecimal score,
        Band band,
        String reason,
        Instant decidedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return auditId;
    }
}
