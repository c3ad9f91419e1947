package com.starcert.audit.network;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.security.Roles;

/**
 * What audit-service knows of an enterprise's network, for planning: CB staff only. The enterprise has its own
 * network in outlet-service; sample sizes and the planning view are the CB's.
 */
@RestController
public class AuditScopeController {

    private final NetworkStore network;

    public AuditScopeController(NetworkStore network) {
        this.network = network;
    }

    @GetMapping("/api/enterprises/{enterpriseId}/audit-scope")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER})
    public AuditScope auditScope(@PathVariable String enterpriseId) {
        return network.network(enterpriseId)
                .map(AuditScope::of)
                .orElseThrow(() -> new ApiProblemException.NotFound("enterprise", enterpriseId));
    }
}
