package com.starcert.certificate.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.starcert.certificate.decision.Outcome;
import com.starcert.contracts.Band;

/**
 * One audit's effect on a certificate (issue, revision, maintenance, suspension, restore), kept in the certificate
 * itself. Written in the same single-document write as the change and the decision's event, it is how a redelivered
 * ScoreComputed recognises a change that was made (and published) but whose decision record was not yet written.
 */
public record CertificateChange(
        String auditId,
        int auditRevision,
        Outcome outcome,
        int certificateRevision,
        Band level,
        BigDecimal score,
        List<String> reasons,
        Instant at) {
}
