package com.starcert.audit.correction;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditStatus;
import com.starcert.audit.access.Precondition;
import com.starcert.support.security.Caller;
import com.starcert.support.security.Roles;
import com.starcert.support.web.IfMatch;

/**
 * Corrective actions are opened by submission (one per special deduction); the audited enterprise answers with
 * evidence and a CB reviewer who was not on the audit team verifies. The writes change the audit, so they check
 * {@code If-Match} against the audit's version when sent.
 */
@RestController
public class CorrectiveActionController {

    public record EvidenceRequest(String text, List<String> attachmentIds) {
    }

    /** The verifier is the caller; a name in the body would let anyone sign for someone else, so there is none. */
    public record VerifyRequest(String note) {
    }

    /** The audit's corrective actions (all revisions, superseded ones included) and where the audit stands. */
    public record CorrectiveActionsView(String auditId, int revision, AuditStatus auditStatus,
                                        Instant verifiedAt, List<CorrectiveAction> actions) {
        static CorrectiveActionsView of(Audit a) {
            return new CorrectiveActionsView(a.id(), a.revision(), a.status(), a.correctiveActionsVerifiedAt(),
                    a.correctiveActions());
        }
    }

    private final CorrectiveActionHandling handling;

    public CorrectiveActionController(CorrectiveActionHandling handling) {
        this.handling = handling;
    }

    /** With the audit's version as ETag, for {@code If-Match} on the answers and verifications. */
    @GetMapping("/api/audits/{id}/corrective-actions")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    public ResponseEntity<CorrectiveActionsView> list(@PathVariable String id, Caller caller) {
        Audit audit = handling.audit(id, caller);
        return ResponseEntity.ok().eTag(IfMatch.etag(audit.version())).body(CorrectiveActionsView.of(audit));
    }

    @PostMapping("/api/audits/{id}/corrective-actions/{actionId}/evidence")
    @RolesAllowed(Roles.ENTERPRISE)
    public ResponseEntity<CorrectiveAction> answer(@PathVariable String id, @PathVariable String actionId,
            @RequestBody EvidenceRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        Audit audit = handling.answer(id, actionId, request.text(), request.attachmentIds(),
                Precondition.ifSent(ifMatch), caller);
        return ResponseEntity.ok().eTag(IfMatch.etag(audit.version())).body(action(audit, actionId));
    }

    @PostMapping("/api/audits/{id}/corrective-actions/{actionId}/verify")
    @RolesAllowed(Roles.REVIEWER)
    public ResponseEntity<CorrectiveAction> verify(@PathVariable String id, @PathVariable String actionId,
            @RequestBody(required = false) VerifyRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        Audit audit = handling.verify(id, actionId, request == null ? null : request.note(),
                Precondition.ifSent(ifMatch), caller);
        return ResponseEntity.ok().eTag(IfMatch.etag(audit.version())).body(action(audit, actionId));
    }

    private static CorrectiveAction action(Audit audit, String actionId) {
        return CorrectiveActions.ofRevision(audit.correctiveActions(), audit.revision()).stream()
                .filter(a -> a.id().equals(actionId)).findFirst().orElseThrow();
    }
}
