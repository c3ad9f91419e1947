package com.starcert.audit.programme;

import com.starcert.contracts.AuditType;

/** The audits of a certification cycle (认证周期): initial, two surveillances, recertification. */
public enum ProgrammeStep {
    INITIAL(AuditType.INITIAL),
    SURVEILLANCE_1(AuditType.SURVEILLANCE),
    SURVEILLANCE_2(AuditType.SURVEILLANCE),
    RECERTIFICATION(AuditType.RECERTIFICATION);

    private final AuditType auditType;

    ProgrammeStep(AuditType auditType) {
        this.auditType = auditType;
    }

    public AuditType auditType() {
        return auditType;
    }
}
