package com.starcert.audit;

/**
 * An audit's life in audit-service. It moves forward except for one loop: before a decision the CB may return a
 * submitted audit (RETURNED), which is corrected and submitted again as the next revision.
 */
public enum AuditStatus {
    PLANNED, IN_PROGRESS, SUBMITTED, RETURNED, SCORED, AWAITING_CORRECTIVE_ACTIONS, DECIDED;

    /** Findings, exclusions, deductions, the bonus and the team may be changed until the audit is submitted. */
    public boolean open() {
        return this == PLANNED || this == IN_PROGRESS || this == RETURNED;
    }

    /**
     * The CB may return the audit for correction before the decision: submitted, scored, or scored and held for
     * corrective actions (certificate-service holds that revision's decision until their verification is reported,
     * see {@link Audit#returnable()}).
     */
    public boolean returnable() {
        return this == SUBMITTED || this == SCORED || this == AWAITING_CORRECTIVE_ACTIONS;
    }

    /** Corrective actions are answered and verified between submission and decision. */
    public boolean correcting() {
        return this == SUBMITTED || this == SCORED || this == AWAITING_CORRECTIVE_ACTIONS;
    }
}
