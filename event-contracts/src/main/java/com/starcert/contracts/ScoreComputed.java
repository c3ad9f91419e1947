package com.starcert.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An audit revision was scored. {@code score} is the shown score (rounded down to one decimal) and
 * {@code band} follows it. {@code specialDeductions} counts the open corrective actions behind the score.
 */
public record ScoreComputed(
        String auditId,
        int revision,
        String enterpriseId,
        Holder holder,
        AuditType auditType,
        SchemeRef scheme,
        BigDecimal score,
        Band band,
        List<AuditedSite> sites,
        int specialDeductions,
        boolean outstanding,
        Instant computedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return auditId;
    }
}
