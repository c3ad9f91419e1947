package com.starcert.audit.planning;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.audit.Actor;
import com.starcert.audit.Audit;
import com.starcert.audit.AuditView;

@RestController
public class PlanningController {

    private final AuditPlanning planning;

    public PlanningController(AuditPlanning planning) {
        this.planning = planning;
    }

    @PostMapping("/api/audits")
    public ResponseEntity<AuditView> plan(@RequestBody PlanRequest request,
                                          @RequestHeader(value = Actor.HEADER, required = false) String user) {
        Audit audit = planning.plan(request, Actor.of(user));
        return ResponseEntity.created(URI.create("/api/audits/" + audit.id())).body(AuditView.of(audit));
    }
}
