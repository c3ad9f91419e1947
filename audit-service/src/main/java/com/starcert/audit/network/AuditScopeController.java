package com.starcert.audit.network;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.support.problem.ApiProblemException;

@RestController
public class AuditScopeController {

    private final NetworkStore network;

    public AuditScopeController(NetworkStore network) {
        this.network = network;
    }

    @GetMapping("/api/enterprises/{enterpriseId}/audit-scope")
    public AuditScope auditScope(@PathVariable String enterpriseId) {
        return network.network(enterpriseId)
                .map(AuditScope::of)
                .orElseThrow(() -> new ApiProblemException.NotFound("enterprise", enterpriseId));
    }
}
