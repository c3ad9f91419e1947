package com.starcert.audit.findings;

import java.time.Clock;

import org.springframework.stereotype.Service;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditRepository;
import com.starcert.audit.SchemeCatalog;
import com.starcert.audit.Preconditions;
import com.starcert.support.problem.ApiProblemException;

/** Captures findings site by site while the audit is open; the document's version guards concurrent edits. */
@Service
public class AuditFindings {

    private final AuditRepository audits;
    private final SchemeCatalog schemes;
    private final Clock clock;

    public AuditFindings(AuditRepository audits, SchemeCatalog schemes, Clock clock) {
        this.audits = audits;
        this.schemes = schemes;
        this.clock = clock;
    }

    public Audit record(String auditId, FindingsRequest request, Long expectedVersion, String by) {
        Audit audit = audits.findById(auditId).orElseThrow(() -> new ApiProblemException.NotFound("audit", auditId));
        Preconditions.check(audit, expectedVersion);
        if (!audit.status().open()) {
            throw new ApiProblemException.Conflict("audit " + auditId + " is " + audit.status()
                    + "; findings can no longer be changed");
        }
        FindingsRules.Checked checked = FindingsRules.check(request, audit.sites(), schemes.get(audit.scheme()));
        if (!checked.valid()) {
            throw new ApiProblemException.InvalidRequest(checked.problems());
        }
        audit.record(checked.update(), clock.instant(), by);
        return audits.save(audit);
    }
}
