package com.starcert.scoring.engine;

import java.util.List;

/** The audit cannot be scored as submitted (unknown indicator, missing or contradictory findings, nothing applicable). */
public class UnscorableAuditException extends RuntimeException {

    private final List<String> reasons;

    public UnscorableAuditException(List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
