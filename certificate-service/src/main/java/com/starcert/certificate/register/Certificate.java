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

import com.starcert.certificate.decision.CertificateNumber;
import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.certificate.decision.CurrentCertificate;
import com.starcert.contracts.AuditedSite;
import com.starcert.contracts.Band;
import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.CertificateStatusChanged;
import com.starcert.contracts.Holder;
import com.starcert.contracts.SchemeRef;
import com.starcert.support.messaging.OutboxAggregate;
import com.starcert.support.messaging.OutboxMessage;

/**
 * A certificate (证书), keyed by its base number. {@code revision} counts its issues: 1 when issued, +1 each time a
 * surveillance revises its level or a special audit lowers it (also when it restores it below its level); the
 * printed number then carries {@code -R<revision>}. {@code auditId}/
 * {@code auditRevision} name the audit behind the current revision (its level and score); the unique index on
 * {@code auditId} means one audit can never produce two certificates. {@code version} grows with every change:
 * each change is a conditional update on it, so concurrent writers (several instances, the sweep, a CB action)
 * never apply a change twice. Existing certificates are only ever changed by targeted conditional updates, never
 * replaced, so the outbox relay's lease and pending messages are never overwritten.
 *
 * @param certifiedSince  since when the enterprise has been certified without interruption (carried over by a
 *                        recertification); the one-year rule for star levels counts from here
 * @param surveillanceDue the date by which the next surveillance (监督审核) must be decided; null when none is due
 *                        before the end of validity
 * @param suspendedOn     the day the current suspension began (null unless SUSPENDED)
 * @param signature       compact JWS (ES256) over the public fields of the current revision
 */
@Document("certificates")
@CompoundIndex(name = "enterprise_newest_first", def = "{'enterpriseId': 1, 'validFrom': -1, '_id': -1}")
@CompoundIndex(name = "enterprise_history_audit", def = "{'enterpriseId': 1, 'history.auditId': 1}")
@CompoundIndex(name = "holder_uscc", def = "{'holder.uscc': 1, 'enterpriseId': 1}")
@CompoundIndex(name = "status_surveillance_due", def = "{'status': 1, 'surveillanceDue': 1}")
@CompoundIndex(name = "status_valid_until", def = "{'status': 1, 'validUntil': 1}")
// the public search by part of the holder's name (HolderNameKeys, written into the document beside these fields)
@CompoundIndex(name = "holder_name_keys", def = "{'holderNameKeys': 1}")
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
        List<OutboxMessage> outbox,
        long version,
        LocalDate certifiedSince,
        LocalDate surveillanceDue,
        LocalDate suspendedOn,
        String statusReason,
        String signature,
        List<StatusTransition> transitions) implements OutboxAggregate {

    public Certificate {
        sites = sites == null ? List.of() : List.copyOf(sites);
        history = history == null ? List.of() : List.copyOf(history);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        transitions = transitions == null ? List.of() : List.copyOf(transitions);
    }

    /** The issue-2 shape: a certificate without lifecycle data (tests and crash-recovery fixtures). */
    public Certificate(String number, int revision, String enterpriseId, Holder holder, CertificateStatus status,
                       Band level, BigDecimal score, LocalDate validFrom, LocalDate validUntil, SchemeRef scheme,
                       String auditId, int auditRevision, String certificationBody, List<AuditedSite> sites,
                       Instant issuedAt, String supersedes, String supersededBy, List<CertificateChange> history,
                       List<OutboxMessage> outbox) {
        this(number, revision, enterpriseId, holder, status, level, score, validFrom, validUntil, scheme, auditId,
                auditRevision, certificationBody, sites, issuedAt, supersedes, supersededBy, history, outbox, 0L,
                validFrom, null, null, null, null, List.of());
    }

    public Optional<CertificateChange> changeBy(String audit) {
        return history.stream().filter(c -> audit.equals(c.auditId())).findFirst();
    }

    public CurrentCertificate asCurrent() {
        return new CurrentCertificate(number, status, level, validFrom, validUntil, certifiedSince);
    }

    /** The number printed on the current revision ({@code -R<n>} from the second revision on). */
    public String displayNumber() {
        return CertificateNumber.displayed(number, revision);
    }

    /** The event announcing this certificate as it stands at its current revision. */
    public CertificateIssued issuedEvent() {
        return new CertificateIssued(number, revision, auditId, auditRevision, enterpriseId, holder, scheme, level,
                score, validFrom, validUntil, sites, issuedAt);
    }

    /**
     * The event announcing a status change of this certificate (as it stands after the change: its revision and
     * level). {@code auditRevision} is the revision of the audit behind a decision's change ({@code t.auditId()}
     * set), 0 for a change that comes from no audit.
     */
    public CertificateStatusChanged statusChangedEvent(StatusTransition t, int auditRevision) {
        return new CertificateStatusChanged(number, revision, enterpriseId,
                com.starcert.contracts.CertificateStatus.valueOf(t.from().name()),
                com.starcert.contracts.CertificateStatus.valueOf(t.to().name()), level, t.reason(), t.auditId(),
                t.auditId() != null ? auditRevision : 0, t.effectiveOn(), t.at());
    }

    /**
     * The event announcing that a decision on an audit kept this certificate as it is (a maintained surveillance or
     * special audit): {@code previousStatus == status}, so the decision is visible on the topic.
     */
    public CertificateStatusChanged keptEvent(String reason, String byAuditId, int byAuditRevision,
                                              LocalDate effectiveOn, Instant at) {
        com.starcert.contracts.CertificateStatus unchanged = com.starcert.contracts.CertificateStatus.valueOf(
                status.name());
        return new CertificateStatusChanged(number, revision, enterpriseId, unchanged, unchanged, level, reason,
                byAuditId, byAuditRevision, effectiveOn, at);
    }

    public Certificate withSignature(String jws) {
        return new Certificate(number, revision, enterpriseId, holder, status, level, score, validFrom, validUntil,
                scheme, auditId, auditRevision, certificationBody, sites, issuedAt, supersedes, supersededBy, history,
                outbox, version, certifiedSince, surveillanceDue, suspendedOn, statusReason, jws, transitions);
    }

    public Certificate withOutbox(List<OutboxMessage> messages) {
        return new Certificate(number, revision, enterpriseId, holder, status, level, score, validFrom, validUntil,
                scheme, auditId, auditRevision, certificationBody, sites, issuedAt, supersedes, supersededBy, history,
                messages, version, certifiedSince, surveillanceDue, suspendedOn, statusReason, signature, transitions);
    }

    /**
     * This certificate revised by a surveillance or a special audit (level lowered, raised, or restored at a lower
     * level): next revision, new level and score, the audit behind it.
     */
    public Certificate revisedAt(Band newLevel, BigDecimal newScore, String newAuditId, int newAuditRevision,
                                 Instant at) {
        return new Certificate(number, revision + 1, enterpriseId, holder, status, newLevel, newScore, validFrom,
                validUntil, scheme, newAuditId, newAuditRevision, certificationBody, sites, at, supersedes,
                supersededBy, history, List.of(), version, certifiedSince, surveillanceDue, suspendedOn, statusReason,
                null, transitions);
    }

    /**
     * Valid on {@code day}: ACTIVE and {@code day} within the validity (both ends included, the last valid day being
     * the day before the third anniversary). What a tender asks of a certificate.
     */
    public boolean validOn(java.time.LocalDate day) {
        return status == CertificateStatus.ACTIVE && validFrom != null && validUntil != null
                && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
