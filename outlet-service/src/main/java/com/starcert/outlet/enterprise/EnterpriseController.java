package com.starcert.outlet.enterprise;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.outlet.infra.CorrelationId;
import com.starcert.support.security.Caller;
import com.starcert.support.security.Roles;
import com.starcert.support.web.IfMatch;

/**
 * Enterprises (企业). The CB administrator registers and edits them; CB staff read them all; an enterprise
 * principal reads its own record and may edit its contact details. Another enterprise's record is "not found",
 * exactly as an unknown id, so that its existence is not revealed.
 */
@RestController
@RequestMapping("/api/enterprises")
class EnterpriseController {

    private final EnterpriseRegistry registry;

    EnterpriseController(EnterpriseRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    @RolesAllowed(Roles.CB_ADMIN)
    ResponseEntity<EnterpriseView> register(@RequestBody EnterpriseForm form,
            @RequestHeader(name = CorrelationId.HEADER, required = false) String correlationId) {
        Enterprise enterprise = registry.register(form, CorrelationId.from(correlationId));
        return ResponseEntity.created(URI.create("/api/enterprises/" + enterprise.id()))
                .eTag(IfMatch.etag(enterprise.version()))
                .body(EnterpriseView.of(enterprise));
    }

    @GetMapping("/{id}")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    ResponseEntity<EnterpriseView> get(@PathVariable String id, Caller caller) {
        caller.requireSees(id, "enterprise", id);
        Enterprise enterprise = registry.get(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(enterprise.version())).body(EnterpriseView.of(enterprise));
    }

    /**
     * Replaces the editable profile; {@code If-Match} with the ETag read is required (428 without, 412 stale).
     * The enterprise itself may change its contact details only: anything else it changes is a 403 naming the
     * fields (AUDITOR and REVIEWER read but never edit: 403).
     */
    @PutMapping("/{id}")
    @RolesAllowed({Roles.CB_ADMIN, Roles.ENTERPRISE})
    ResponseEntity<EnterpriseView> update(@PathVariable String id,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @RequestBody EnterpriseForm form,
            @RequestHeader(name = CorrelationId.HEADER, required = false) String correlationId,
            Caller caller) {
        caller.requireSees(id, "enterprise", id);
        boolean contactDetailsOnly = !caller.has(Roles.CB_ADMIN);
        Enterprise enterprise = registry.update(id, ifMatch, form, contactDetailsOnly,
                CorrelationId.from(correlationId));
        return ResponseEntity.ok().eTag(IfMatch.etag(enterprise.version())).body(EnterpriseView.of(enterprise));
    }

    /**
     * Look-up by USCC: an array of zero or one enterprise, holding only what the caller may see (an enterprise
     * principal asking for another's code gets an empty list, as if it were not registered).
     */
    @GetMapping
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    List<EnterpriseView> findByUscc(@RequestParam String uscc, Caller caller) {
        return registry.findByUscc(uscc).filter(e -> caller.sees(e.id())).map(EnterpriseView::of).stream()
                .toList();
    }
}
