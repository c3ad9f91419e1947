package com.starcert.audit;

import java.util.List;

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

    @GetMapping("/api/audits/{id}")
    public AuditView audit(@PathVariable String id) {
        return audits.findById(id).map(AuditView::of)
                .orElseThrow(() -> new ApiProblemException.NotFound("audit", id));
    }

    /** Newest first. */
    @GetMapping("/api/audits")
    public List<AuditView> audits(@RequestParam String enterpriseId) {
        return audits.findByEnterpriseIdOrderByCreatedAtDesc(enterpriseId).stream().map(AuditView::of).toList();
    }
}
