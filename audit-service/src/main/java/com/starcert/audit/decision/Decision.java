package com.starcert.audit.decision;

import java.math.BigDecimal;
import java.time.Instant;

import com.starcert.contracts.Band;
import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.CertificateStatus;
import com.starcert.contracts.CertificateStatusChanged;
import com.starcert.contracts.CertificationRefused;

/**
 * The certification decision (认证决定) on an audit revision, as certificate-service reported it.
 *
 * @param certificateStatus the certificate's status after the decision (ACTIVE when one was issued, null when
 *                          certification was refused)
 * @param revision          the audit revision it was taken on: the audit's own, or an earlier one when a return
 *                          reached certificate-service only after it had decided (null in audits stored before it
 *                          was recorded)
 */
public record Decision(
        Outcome outcome,
        String certificateNumber,
        Band level,
        BigDecimal score,
        String reason,
        Instant decidedAt,
        CertificateStatus certificateStatus,
        Integer revision) {

    /**
     * ISSUED / REFUSED come from {@code certificate.issued} / {@code certificate.refused}; the others from
     * {@code certificate.status-changed}: MAINTAINED (维持, a surveillance keeps the certificate as it is),
     * SUSPENDED (暂停), RESTORED (恢复, a special audit lifts a suspension), STILL_SUSPENDED (the suspension stays)
     * and WITHDRAWN (撤销).
     */
    public enum Outcome {
        ISSUED, REFUSED, MAINTAINED, SUSPENDED, RESTORED, STILL_SUSPENDED, WITHDRAWN;

        /**
         * The outcome a status change on an audit decision stands for; null for EXPIRED and CANCELLED, which come
         * from the lifecycle sweep and the holder, not from an audit.
         */
        public static Outcome of(CertificateStatus previous, CertificateStatus status) {
            if (status == null) {
                return null;
            }
            return switch (status) {
                case ACTIVE -> previous == CertificateStatus.SUSPENDED ? RESTORED : MAINTAINED;
                case SUSPENDED -> previous == CertificateStatus.SUSPENDED ? STILL_SUSPENDED : SUSPENDED;
                case WITHDRAWN -> WITHDRAWN;
                case EXPIRED, CANCELLED -> null;
            };
        }
    }

    public static Decision of(CertificateIssued e) {
        return new Decision(Outcome.ISSUED, e.certificateNumber(), e.level(), e.score(), null, e.issuedAt(),
                CertificateStatus.ACTIVE, e.auditRevision());
    }

    public static Decision of(CertificationRefused e) {
        return new Decision(Outcome.REFUSED, null, e.band(), e.score(), e.reason(), e.decidedAt(), null,
                e.auditRevision());
    }

    /**
     * A decision that issued no certificate; null when the change is not one an audit decides.
     *
     * @param score the audit's score as audit-service holds it (the event carries none)
     */
    public static Decision of(CertificateStatusChanged e, BigDecimal score) {
        Outcome outcome = Outcome.of(e.previousStatus(), e.status());
        return outcome == null ? null : new Decision(outcome, e.certificateNumber(), e.level(), score, e.reason(),
                e.changedAt(), e.status(), e.auditRevision());
    }
}
