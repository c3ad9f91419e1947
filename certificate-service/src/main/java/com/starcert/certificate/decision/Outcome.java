package com.starcert.certificate.decision;

/** What a certification decision (认证决定) on one scored audit revision came to. */
public enum Outcome {
    /** A certificate was issued (initial audit, or a new cycle after recertification). */
    ISSUED,
    /** No certificate: score below 70, or nothing the audit could act on. */
    REFUSED,
    /** Positive on the score, but open special deductions wait for the CB to verify the corrective actions (整改). */
    HELD,
    /**
     * Surveillance (监督审核) or a special audit (特殊审核) confirmed an ACTIVE certificate at its current level; it
     * stays as it is.
     */
    MAINTAINED,
    /** Surveillance earned a higher level and the enterprise is eligible: revised certificate, next revision. */
    RAISED,
    /**
     * Surveillance or a special audit earned a lower level: the certificate is revised (same number, next revision).
     */
    LOWERED,
    /** Surveillance or a special audit scored below 70: the certificate is suspended (暂停). */
    SUSPENDED,
    /**
     * A special audit (特殊审核) on a SUSPENDED certificate scored at least 70: the certificate is restored (恢复) to
     * ACTIVE, revised at the band if that is below its level.
     */
    RESTORED,
    /**
     * Not a decision: the audit revision was returned for correction (退回修改) while its decision was HELD; the held
     * outcome is dropped and the next revision is decided.
     */
    RETURNED
}
