package com.starcert.audit.revision;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import com.starcert.audit.Audit;
import com.starcert.audit.Who;
import com.starcert.audit.access.AuditAccess;
import com.starcert.audit.access.AuditAccess.Act;
import com.starcert.audit.access.Precondition;
import com.starcert.contracts.AuditReturned;
import com.starcert.support.messaging.OutboxEvents;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FreeText;
import com.starcert.support.security.Caller;

/**
 * Before a decision a CB reviewer who was not on the audit team returns a submitted audit for correction (退回修改);
 * it is resubmitted as the next revision. The return and its {@code AuditReturned} event are one write, so scoring
 * and certificate service learn of it for certain: no decision is taken on the returned revision, and a decision
 * held for it is dropped. Outcomes of the returned revision arriving later no longer match the audit, except a
 * decision that changed a certificate before the return reached certificate-service: it stands, and the audit takes
 * it (see AuditOutcomes).
 */
@Service
public class AuditReturn {

    private final AuditAccess access;
    private final OutboxEvents outboxEvents;
    private final Clock clock;

    public AuditReturn(AuditAccess access, OutboxEvents outboxEvents, Clock clock) {
        this.access = access;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    public Audit returnForCorrection(String auditId, String reason, Precondition precondition, Caller caller) {
        return access.command(auditId, caller, Act.REVIEW, precondition, audit -> {
            if (reason == null || reason.isBlank()) {
                throw new ApiProblemException.InvalidRequest("reason", "is required: say what must be corrected");
            }
            FreeText.require("reason", reason);
            if (!audit.returnable()) {
                throw new ApiProblemException.Conflict("audit " + auditId + " is " + audit.status()
                        + "; an audit can be returned only before its decision (SUBMITTED, SCORED, or held for "
                        + "corrective actions whose verification was not yet reported)");
            }
            Instant now = clock.instant();
            int returned = audit.revision();
            audit.returnForCorrection(reason.trim(), now, Who.of(caller));
            audit.enqueue(outboxEvents.message(new AuditReturned(audit.id(), returned, audit.enterpriseId(),
                    reason.trim(), now), audit.correlationId()));
        });
    }
}
