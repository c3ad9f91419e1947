package com.starcert.certificate.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.starcert.contracts.AuditType;
import com.starcert.contracts.Band;

/** A decision as the API shows it (the HTTP contract; keep its fields as they are). */
public record DecisionView(
        String auditId,
        int auditRevision,
        String enterpriseId,
        AuditType auditType,
        Outcome outcome,
        List<String> reasons,
        String certificateNumber,
        BigDecimal score,
        Band band,
        Instant decidedAt,
        Outcome heldOutcome,
        Instant releasedAt) {

    static DecisionView of(Decision d) {
        return new DecisionView(d.auditId(), d.auditRevision(), d.enterpriseId(), d.auditType(), d.outcome(),
                d.reasons(), d.certificateNumber(), d.score(), d.band(), d.decidedAt(), d.heldOutcome(), d.releasedAt());
    }
}
