package com.starcert.audit;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.support.problem.ApiProblemException;

@RestController
public class AuditQueryController {

    private final AuditRepository audits;

    public AuditQueryController(AuditRepository audits) {
        this.audits = audits;
    }

    /** With the version as ETag, for {@code If-Match} on the writes that accept it. */
    @GetMapping("/api/audits/{id}")
    public ResponseEntity<AuditView> audit(@PathVariable String id) {
        Audit audit = audits.findById(id).orElseThrow(() -> new ApiProblemException.NotFound("audit", id));
        return ResponseEntity.ok().eTag(Preconditions.etag(audit)).body(AuditView.of(audit));
    }

    /** Newest first. */
    @GetMapping("/api/audits")
    public List<AuditView> audits(@RequestParam String enterpriseId) {
        return audits.findByEnterpriseIdOrderByCreatedAtDesc(enterpriseId).stream().map(AuditView::of).toList();
    }
}
