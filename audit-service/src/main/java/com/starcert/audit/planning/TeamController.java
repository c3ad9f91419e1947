package com.starcert.audit.planning;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditView;
import com.starcert.audit.access.AuditAccess;
import com.starcert.audit.access.AuditAccess.Act;
import com.starcert.audit.access.Precondition;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.security.Caller;
import com.starcert.support.security.Roles;
import com.starcert.support.web.IfMatch;

/**
 * The audit team (审核组) is set by a CB administrator while the audit is open (planned, in progress or returned).
 * It replaces the whole team, so {@code If-Match} is required.
 */
@RestController
public class TeamController {

    private final AuditAccess access;

    public TeamController(AuditAccess access) {
        this.access = access;
    }

    @PutMapping("/api/audits/{id}/team")
    @RolesAllowed(Roles.CB_ADMIN)
    public ResponseEntity<AuditView> assign(@PathVariable String id, @RequestBody PlanRequest.TeamRequest team,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        Audit saved = access.command(id, caller, Act.ADMINISTER, Precondition.required(ifMatch), audit -> {
            var problems = team.problems("");
            if (!problems.isEmpty()) {
                throw new ApiProblemException.InvalidRequest(problems);
            }
            if (!audit.status().open()) {
                throw new ApiProblemException.Conflict("audit " + id + " is " + audit.status()
                        + "; the team can no longer be changed");
            }
            audit.assignTeam(team.toTeam());
        });
        return ResponseEntity.ok().eTag(IfMatch.etag(saved.version())).body(AuditView.of(saved, caller));
    }
}
