package com.starcert.audit.revision;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.audit.Actor;
import com.starcert.audit.Audit;
import com.starcert.audit.AuditView;
import com.starcert.audit.Preconditions;

@RestController
public class RevisionController {

    public record ReturnRequest(String reason) {
    }

    private final AuditReturn auditReturn;

    public RevisionController(AuditReturn auditReturn) {
        this.auditReturn = auditReturn;
    }

    @PostMapping("/api/audits/{id}/return")
    public ResponseEntity<AuditView> returnForCorrection(@PathVariable String id, @RequestBody ReturnRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(value = Actor.HEADER, required = false) String user) {
        Audit audit = auditReturn.returnForCorrection(id, request.reason(), Preconditions.version(ifMatch),
                Actor.of(user));
        return ResponseEntity.ok().eTag(Preconditions.etag(audit)).body(AuditView.of(audit));
    }
}
