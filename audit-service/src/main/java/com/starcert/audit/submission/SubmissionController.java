package com.starcert.audit.submission;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.audit.Actor;
import com.starcert.audit.Audit;
import com.starcert.audit.AuditView;
import com.starcert.audit.Preconditions;

@RestController
public class SubmissionController {

    private final AuditSubmission submission;

    public SubmissionController(AuditSubmission submission) {
        this.submission = submission;
    }

    /** 202: scoring and the certification decision follow asynchronously. */
    @PostMapping("/api/audits/{id}/submit")
    public ResponseEntity<AuditView> submit(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(value = Actor.HEADER, required = false) String user) {
        Audit audit = submission.submit(id, Preconditions.version(ifMatch), Actor.of(user));
        return ResponseEntity.status(HttpStatus.ACCEPTED).eTag(Preconditions.etag(audit)).body(AuditView.of(audit));
    }
}
