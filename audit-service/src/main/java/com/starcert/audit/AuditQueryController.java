package com.starcert.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.audit.access.AuditAccess;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.security.Caller;
import com.starcert.support.security.Roles;
import com.starcert.support.web.IfMatch;

/** Audits for CB staff (all) and for the audited enterprise (its own; findings only once decided, see AuditView). */
@RestController
public class AuditQueryController {

    private final AuditRepository audits;
    private final AuditAccess access;

    public AuditQueryController(AuditRepository audits, AuditAccess access) {
        this.audits = audits;
        this.access = access;
    }

    /** With the version as ETag, for {@code If-Match} on the writes that accept it. */
    @GetMapping("/api/audits/{id}")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    public ResponseEntity<AuditView> audit(@PathVariable String id, Caller caller) {
        Audit audit = access.read(id, caller);
        return ResponseEntity.ok().eTag(IfMatch.etag(audit.version())).body(AuditView.of(audit, caller));
    }

    /**
     * Newest first. An ENTERPRISE caller gets only its own enterprise's audits: without {@code enterpriseId} its
     * own, with another enterprise's id an empty list (as for an enterprise without audits, so nothing is revealed).
     */
    @GetMapping("/api/audits")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    public List<AuditView> audits(@RequestParam(required = false) String enterpriseId, Caller caller) {
        String wanted = enterpriseId != null && !enterpriseId.isBlank() ? enterpriseId.trim()
                : caller.cbStaff() ? null : caller.enterpriseId();
        if (wanted == null) {
            throw new ApiProblemException.InvalidRequest("enterpriseId", "is required: whose audits to list");
        }
        if (!caller.sees(wanted)) {
            return List.of();
        }
        return audits.findByEnterpriseIdOrderByCreatedAtDesc(wanted).stream().map(a -> AuditView.of(a, caller))
                .toList();
    }
}
