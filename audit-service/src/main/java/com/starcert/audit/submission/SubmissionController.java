package com.starcert.audit.submission;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.audit.Actor;
import com.starcert.audit.AuditView;

@RestController
public class SubmissionController {

    private final AuditSubmission submission;

    public SubmissionController(AuditSubmission submission) {
        this.submission = submission;
    }

    /** 202: scoring and the certification decision follow asynchronously. */
    @PostMapping("/api/audits/{id}/submit")
    public ResponseEntity<AuditView> submit(@PathVariable String id,
                                            @RequestHeader(value = Actor.HEADER, required = false) String user) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(AuditView.of(submission.submit(id, Actor.of(user))));
    }
}
