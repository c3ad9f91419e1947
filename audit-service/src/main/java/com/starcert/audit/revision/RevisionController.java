package com.starcert.audit.revision;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
public class RevisionController {

    public record ReturnRequest(String reason) {
    }

    private final AuditReturn auditReturn;

    public RevisionController(AuditReturn auditReturn) {
        this.auditReturn = auditReturn;
    }

    /** By a reviewer not on the audit team; a state change, so {@code If-Match} is checked when sent. */
    @PostMapping("/api/audits/{id}/return")
    @RolesAllowed(Roles.REVIEWER)
    public ResponseEntity<AuditView> returnForCorrection(@PathVariable String id, @RequestBody ReturnRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        Audit audit = auditReturn.returnForCorrection(id, request.reason(), Precondition.ifSent(ifMatch), caller);
        return ResponseEntity.ok().eTag(IfMatch.etag(audit.version())).body(AuditView.of(audit, caller));
    }
}
