package com.starcert.certificate.register;

import java.time.Instant;
import java.time.LocalDate;

import com.starcert.certificate.decision.CertificateStatus;

/**
 * One status change of a certificate, kept in the certificate with its reason.
 *
 * @param by      who changed it: {@code AUDIT} (a certification decision, {@code auditId} set), {@code CB} (a CB
 *                action), {@code SWEEP} (the lifecycle sweep: overdue surveillance, 6 months suspended, end of
 *                validity), {@code RECERTIFICATION} (superseded by a new certificate)
 * @param actor   for a CB action, who took it (from their access token); null for the other kinds
 */
public record StatusTransition(
        CertificateStatus from,
        CertificateStatus to,
        String reason,
        String by,
        String auditId,
        LocalDate effectiveOn,
        Instant at,
        Actor actor) {

    /** A change nobody in particular made: a decision, the sweep, a recertification. */
    public StatusTransition(CertificateStatus from, CertificateStatus to, String reason, String by, String auditId,
                            LocalDate effectiveOn, Instant at) {
        this(from, to, reason, by, auditId, effectiveOn, at, null);
    }
}
