package com.starcert.audit.findings;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.audit.Actor;
import com.starcert.audit.Audit;
import com.starcert.audit.AuditView;
import com.starcert.audit.Preconditions;

@RestController
public class FindingsController {

    private final AuditFindings findings;

    public FindingsController(AuditFindings findings) {
        this.findings = findings;
    }

    /** A partial save: findings merge by (site, indicator); {@code If-Match} optional (412 when stale). */
    @PutMapping("/api/audits/{id}/findings")
    public ResponseEntity<AuditView> record(@PathVariable String id, @RequestBody FindingsRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(value = Actor.HEADER, required = false) String user) {
        Audit audit = findings.record(id, request, Preconditions.version(ifMatch), Actor.of(user));
        return ResponseEntity.ok().eTag(Preconditions.etag(audit)).body(AuditView.of(audit));
    }
}
