package com.starcert.audit.findings;

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
import com.starcert.audit.access.Precondition;
import com.starcert.support.security.Caller;
import com.starcert.support.security.Roles;
import com.starcert.support.web.IfMatch;

@RestController
public class FindingsController {

    private final AuditFindings findings;

    public FindingsController(AuditFindings findings) {
        this.findings = findings;
    }

    /**
     * A partial save by an auditor of the team: findings merge by (site, indicator); {@code If-Match} checked when
     * sent (412 when stale).
     */
    @PutMapping("/api/audits/{id}/findings")
    @RolesAllowed(Roles.AUDITOR)
    public ResponseEntity<AuditView> record(@PathVariable String id, @RequestBody FindingsRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        Audit audit = findings.record(id, request, Precondition.ifSent(ifMatch), caller);
        return ResponseEntity.ok().eTag(IfMatch.etag(audit.version())).body(AuditView.of(audit, caller));
    }
}
