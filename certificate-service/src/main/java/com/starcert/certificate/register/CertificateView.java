package com.starcert.certificate.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.contracts.AuditedSite;
import com.starcert.contracts.Band;
import com.starcert.contracts.Holder;
import com.starcert.contracts.SchemeRef;

/** A certificate as the API shows it (the HTTP contract; keep its fields as they are). */
public record CertificateView(
        String number,
        int revision,
        String enterpriseId,
        Holder holder,
        CertificateStatus status,
        Band level,
        BigDecimal score,
        LocalDate validFrom,
        LocalDate validUntil,
        SchemeRef scheme,
        String auditId,
        String certificationBody,
        List<AuditedSite> sites,
        Instant issuedAt,
        String displayNumber,
        String statusReason,
        LocalDate certifiedSince,
        LocalDate surveillanceDue,
        LocalDate suspendedOn,
        String supersedes,
        String supersededBy,
        String signature,
        List<StatusTransition> transitions) {

    public static CertificateView of(Certificate c) {
        return new CertificateView(c.number(), c.revision(), c.enterpriseId(), c.holder(), c.status(), c.level(),
                c.score(), c.validFrom(), c.validUntil(), c.scheme(), c.auditId(), c.certificationBody(), c.sites(),
                c.issuedAt(), c.displayNumber(), c.statusReason(), c.certifiedSince(), c.surveillanceDue(),
                c.suspendedOn(), c.supersedes(), c.supersededBy(), c.signature(), c.transitions());
    }
}
