package com.starcert.audit.planning;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditView;
import com.starcert.audit.Who;
import com.starcert.support.security.Caller;
import com.starcert.support.security.Roles;

@RestController
public class PlanningController {

    private final AuditPlanning planning;

    public PlanningController(AuditPlanning planning) {
        this.planning = planning;
    }

    /** Planning, the team and the seed are the CB administrator's. */
    @PostMapping("/api/audits")
    @RolesAllowed(Roles.CB_ADMIN)
    public ResponseEntity<AuditView> plan(@RequestBody PlanRequest request, Caller caller) {
        Audit audit = planning.plan(request, Who.of(caller));
        return ResponseEntity.created(URI.create("/api/audits/" + audit.id())).body(AuditView.of(audit, caller));
    }
}
