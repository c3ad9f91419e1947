package com.starcert.audit;

/** An audit's life in audit-service; it only ever moves forward. */
public enum AuditStatus {
    PLANNED, IN_PROGRESS, SUBMITTED, SCORED, DECIDED;

    /** Findings may be captured until the audit is submitted. */
    public boolean open() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}
