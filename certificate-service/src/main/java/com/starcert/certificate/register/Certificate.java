package com.starcert.certificate.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.certificate.decision.CurrentCertificate;
import com.starcert.contracts.AuditedSite;
import com.starcert.contracts.Band;
import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.Holder;
import com.starcert.contracts.SchemeRef;
import com.starcert.support.messaging.OutboxAggregate;
import com.starcert.support.messaging.OutboxMessage;

/**
 * A certificate (证书), keyed by its number. {@code revision} counts its issues: 1 when issued, +1 each time a
 * surveillance revises its level. {@code auditId}/{@code auditRevision} name the audit behind the current revision
 * (its level and score); the unique index on {@code auditId} means one audit can never produce two certificates.
 * Existing certificates are only ever changed by targeted conditional updates, never replaced, so the outbox relay's
 * lease and pending messages are never overwritten.
 */
@Document("certificates")
@CompoundIndex(name = "enterprise_newest_first", def = "{'enterpriseId': 1, 'validFrom': -1, '_id': -1}")
@CompoundIndex(name = "enterprise_history_audit", def = "{'enterpriseId': 1, 'history.auditId': 1}")
public record Certificate(
        @Id String number,
        int revision,
        String enterpriseId,
        Holder holder,
        CertificateStatus status,
        Band level,
        BigDecimal score,
        LocalDate validFrom,
        LocalDate validUntil,
        SchemeRef scheme,
        @Indexed(name = "audit_unique", unique = true) String auditId,
        int auditRevision,
        String certificationBody,
        List<AuditedSite> sites,
        Instant issuedAt,
        String supersedes,
        String supersededBy,
        List<CertificateChange> history,
        List<OutboxMessage> outbox) implements OutboxAggregate {

    public Certificate {
        sites = sites == null ? List.of() : List.copyOf(sites);
        history = history == null ? List.of() : List.copyOf(history);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    public Optional<CertificateChange> changeBy(String audit) {
        return history.stream().filter(c -> c.auditId().equals(audit)).findFirst();
    }

    public CurrentCertificate asCurrent() {
        return new CurrentCertificate(number, status, level, validFrom, validUntil);
    }

    /** The event announcing this certificate as it stands at its current revision. */
    public CertificateIssued issuedEvent() {
        return new CertificateIssued(number, revision, auditId, auditRevision, enterpriseId, holder, scheme, level,
                score, validFrom, validUntil, sites, issuedAt);
    }
}
