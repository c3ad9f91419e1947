package com.starcert.audit.decision;

import java.math.BigDecimal;
import java.time.Instant;

import com.starcert.contracts.Band;
import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.CertificationRefused;

/** The certification decision (认证决定) on an audit revision, as certificate-service reported it. */
public record Decision(
        Outcome outcome,
        String certificateNumber,
        Band level,
        BigDecimal score,
        String reason,
        Instant decidedAt) {

    public enum Outcome { ISSUED, REFUSED }

    public static Decision of(CertificateIssued e) {
        return new Decision(Outcome.ISSUED, e.certificateNumber(), e.level(), e.score(), null, e.issuedAt());
    }

    public static Decision of(CertificationRefused e) {
        return new Decision(Outcome.REFUSED, null, e.band(), e.score(), e.reason(), e.decidedAt());
    }
}
