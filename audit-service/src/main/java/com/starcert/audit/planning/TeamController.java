package com.starcert.audit.planning;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditRepository;
import com.starcert.audit.AuditView;
import com.starcert.audit.Preconditions;
import com.starcert.support.problem.ApiProblemException;

/** The audit team can be changed while the audit is open (planned, in progress or returned). */
@RestController
public class TeamController {

    private final AuditRepository audits;

    public TeamController(AuditRepository audits) {
        this.audits = audits;
    }

    @PutMapping("/api/audits/{id}/team")
    public ResponseEntity<AuditView> assign(@PathVariable String id, @RequestBody PlanRequest.TeamRequest team,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var problems = team.problems("");
        if (!problems.isEmpty()) {
            throw new ApiProblemException.InvalidRequest(problems);
        }
        Audit audit = audits.findById(id).orElseThrow(() -> new ApiProblemException.NotFound("audit", id));
        Preconditions.check(audit, Preconditions.version(ifMatch));
        if (!audit.status().open()) {
            throw new ApiProblemException.Conflict("audit " + id + " is " + audit.status()
                    + "; the team can no longer be changed");
        }
        audit.assignTeam(team.toTeam());
        Audit saved = audits.save(audit);
        return ResponseEntity.ok().eTag(Preconditions.etag(saved)).body(AuditView.of(saved));
    }
}
