package com.starcert.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A certificate was issued for an audit; {@code level} is never above the band the score earned. */
public record CertificateIssued(
        String certificateNumber,
        int certificateRevision,
        String auditId,
        int auditRevision,
        String enterpriseId,
        Holder holder,
        SchemeRef scheme,
        Band level,
        BigDecimal score,
        LocalDate validFrom,
        LocalDate validUntil,
        List<AuditedSite> sites,
        Instant issuedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return certificateNumber;
    }
}
