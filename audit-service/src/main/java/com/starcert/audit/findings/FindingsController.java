package com.starcert.audit.findings;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.audit.Actor;
import com.starcert.audit.AuditView;

@RestController
public class FindingsController {

    private final AuditFindings findings;

    public FindingsController(AuditFindings findings) {
        this.findings = findings;
    }

    @PutMapping("/api/audits/{id}/findings")
    public AuditView record(@PathVariable String id, @RequestBody FindingsRequest request,
                            @RequestHeader(value = Actor.HEADER, required = false) String user) {
        return AuditView.of(findings.record(id, request, Actor.of(user)));
    }
}
