package com.starcert.audit.revision;

import java.time.Clock;

import org.springframework.stereotype.Service;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditRepository;
import com.starcert.audit.Preconditions;
import com.starcert.support.problem.ApiProblemException;

/**
 * Before a decision the CB returns a submitted audit for correction (退回修改); it is resubmitted as the next
 * revision. Outcomes of the returned revision arriving later no longer match the audit (see AuditOutcomes).
 */
@Service
public class AuditReturn {

    private final AuditRepository audits;
    private final Clock clock;

    public AuditReturn(AuditRepository audits, Clock clock) {
        this.audits = audits;
        this.clock = clock;
    }

    public Audit returnForCorrection(String auditId, String reason, Long expectedVersion, String by) {
        if (reason == null || reason.isBlank()) {
            throw new ApiProblemException.InvalidRequest("reason", "is required: say what must be corrected");
        }
        Audit audit = audits.findById(auditId).orElseThrow(() -> new ApiProblemException.NotFound("audit", auditId));
        Preconditions.check(audit, expectedVersion);
        if (!audit.returnable()) {
            throw new ApiProblemException.Conflict("audit " + auditId + " is " + audit.status()
                    + "; an audit can be returned only before its decision (SUBMITTED, SCORED, or held for corrective"
                    + " actions whose verification was not yet reported)");
        }
        audit.returnForCorrection(reason.trim(), clock.instant(), by);
        return audits.save(audit);
    }
}
