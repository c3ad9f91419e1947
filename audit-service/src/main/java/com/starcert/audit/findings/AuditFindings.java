package com.starcert.audit.findings;

import java.time.Clock;

import org.springframework.stereotype.Service;

import com.starcert.audit.Audit;
import com.starcert.audit.SchemeCatalog;
import com.starcert.audit.Who;
import com.starcert.audit.access.AuditAccess;
import com.starcert.audit.access.AuditAccess.Act;
import com.starcert.audit.access.Precondition;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.security.Caller;

/**
 * Captures findings site by site while the audit is open, by the auditors of its team; the document's version
 * guards concurrent edits.
 */
@Service
public class AuditFindings {

    private final AuditAccess access;
    private final SchemeCatalog schemes;
    private final Clock clock;

    public AuditFindings(AuditAccess access, SchemeCatalog schemes, Clock clock) {
        this.access = access;
        this.schemes = schemes;
        this.clock = clock;
    }

    public Audit record(String auditId, FindingsRequest request, Precondition precondition, Caller caller) {
        return access.command(auditId, caller, Act.AUDIT, precondition, audit -> {
            if (!audit.status().open()) {
                throw new ApiProblemException.Conflict("audit " + auditId + " is " + audit.status()
                        + "; findings can no longer be changed");
            }
            FindingsRules.Checked checked = FindingsRules.check(request, audit.sites(), schemes.get(audit.scheme()));
            if (!checked.valid()) {
                throw new ApiProblemException.InvalidRequest(checked.problems());
            }
            audit.record(checked.update(), clock.instant(), Who.of(caller));
        });
    }
}
