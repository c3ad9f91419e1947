package com.starcert.audit.revision;

import java.time.Clock;

import org.springframework.stereotype.Service;

import com.starcert.audit.Audit;
import com.starcert.audit.Who;
import com.starcert.audit.access.AuditAccess;
import com.starcert.audit.access.AuditAccess.Act;
import com.starcert.audit.access.Precondition;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.security.Caller;

/**
 * Before a decision a CB reviewer who was not on the audit team returns a submitted audit for correction (退回修改);
 * it is resubmitted as the next revision. Outcomes of the returned revision arriving later no longer match the audit
 * (see AuditOutcomes).
 */
@Service
public class AuditReturn {

    private final AuditAccess access;
    private final Clock clock;

    public AuditReturn(AuditAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    public Audit returnForCorrection(String auditId, String reason, Precondition precondition, Caller caller) {
        return access.command(auditId, caller, Act.REVIEW, precondition, audit -> {
            if (reason == null || reason.isBlank()) {
                throw new ApiProblemException.InvalidRequest("reason", "is required: say what must be corrected");
            }
            if (!audit.returnable()) {
                throw new ApiProblemException.Conflict("audit " + auditId + " is " + audit.status()
                        + "; an audit can be returned only before its decision (SUBMITTED, SCORED, or held for "
                        + "corrective actions whose verification was not yet reported)");
            }
            audit.returnForCorrection(reason.trim(), clock.instant(), Who.of(caller));
        });
    }
}
