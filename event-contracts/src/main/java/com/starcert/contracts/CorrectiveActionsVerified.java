package com.starcert.contracts;

import java.time.Instant;

/**
 * Every corrective action (整改) opened by an audit revision's special deductions has been verified by the CB;
 * certificate-service releases the decision it held for that revision.
 */
public record CorrectiveActionsVerified(
        String auditId,
        int revision,
        String enterpriseId,
        int actions,
        Instant verifiedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return auditId;
    }
}
