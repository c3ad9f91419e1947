package com.starcert.audit.planning;

import java.math.BigDecimal;

/** Audit time (docs/domain.md §4): at least 0.5 auditor-day per fixed outlet visited, plus 0.5 for the central function. */
public final class AuditDays {

    private static final BigDecimal HALF_DAY = new BigDecimal("0.5");

    private AuditDays() {
    }

    public static BigDecimal minimum(int outletsVisited) {
        return HALF_DAY.multiply(BigDecimal.valueOf(outletsVisited + 1L));
    }
}
