package com.starcert.certificate.decision;

import java.math.BigDecimal;
import java.util.Objects;

import com.starcert.contracts.AuditType;
import com.starcert.contracts.Band;
import com.starcert.contracts.ScoreComputed;

/**
 * What the decision needs to know about a scored audit revision.
 *
 * @param score             the shown score (already rounded down to one decimal by scoring)
 * @param specialDeductions open special deductions (特别扣分项), each awaiting a verified corrective action
 * @param outstanding       the CB marked the audit as outstanding (成绩特别显著)
 */
public record AuditResult(AuditType type, BigDecimal score, int specialDeductions, boolean outstanding) {

    public AuditResult {
        Objects.requireNonNull(type, "audit type");
        Objects.requireNonNull(score, "score");
        if (specialDeductions < 0) {
            throw new IllegalArgumentException("special deductions cannot be negative");
        }
    }

    public static AuditResult of(ScoreComputed event) {
        return new AuditResult(event.auditType(), event.score(), event.specialDeductions(), event.outstanding());
    }

    /** The band follows the shown score, so a displayed score never reaches a threshold the real one did not. */
    public Band band() {
        return Band.of(score);
    }

    public boolean passed() {
        return band().certifiable();
    }
}
