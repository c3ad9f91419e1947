package com.starcert.audit.submission;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditView;
import com.starcert.audit.access.Precondition;
import com.starcert.support.security.Caller;
import com.starcert.support.security.Roles;
import com.starcert.support.web.IfMatch;

@RestController
public class SubmissionController {

    private final AuditSubmission submission;

    public SubmissionController(AuditSubmission submission) {
        this.submission = submission;
    }

    /**
     * By an auditor of the team; 202: scoring and the certification decision follow asynchronously. A state
     * change, so {@code If-Match} is checked when sent.
     */
    @PostMapping("/api/audits/{id}/submit")
    @RolesAllowed(Roles.AUDITOR)
    public ResponseEntity<AuditView> submit(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        Audit audit = submission.submit(id, Precondition.ifSent(ifMatch), caller);
        return ResponseEntity.status(HttpStatus.ACCEPTED).eTag(IfMatch.etag(audit.version()))
                .body(AuditView.of(audit, caller));
    }
}
