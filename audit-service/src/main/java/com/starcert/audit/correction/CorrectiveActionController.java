package com.starcert.audit.correction;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.audit.Actor;
import com.starcert.audit.Audit;
import com.starcert.audit.AuditStatus;

/**
 * Corrective actions are opened by submission (one per special deduction); the enterprise answers with evidence and
 * the CB verifies.
 */
@RestController
public class CorrectiveActionController {

    public record EvidenceRequest(String text, List<String> attachmentIds) {
    }

    public record VerifyRequest(String verifiedBy, String note) {
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

    @GetMapping("/api/audits/{id}/corrective-actions")
    public CorrectiveActionsView list(@PathVariable String id) {
        return CorrectiveActionsView.of(handling.audit(id));
    }

    @PostMapping("/api/audits/{id}/corrective-actions/{actionId}/evidence")
    public CorrectiveAction answer(@PathVariable String id, @PathVariable String actionId,
                                   @RequestBody EvidenceRequest request,
                                   @RequestHeader(value = Actor.HEADER, required = false) String user) {
        return action(handling.answer(id, actionId, request.text(), request.attachmentIds(), Actor.of(user)),
                actionId);
    }

    @PostMapping("/api/audits/{id}/corrective-actions/{actionId}/verify")
    public CorrectiveAction verify(@PathVariable String id, @PathVariable String actionId,
                                   @RequestBody VerifyRequest request,
                                   @RequestHeader(value = Actor.HEADER, required = false) String user) {
        String verifiedBy = request.verifiedBy() != null && !request.verifiedBy().isBlank() ? request.verifiedBy()
                : user;
        return action(handling.verify(id, actionId, verifiedBy, request.note()), actionId);
    }

    private static CorrectiveAction action(Audit audit, String actionId) {
        return CorrectiveActions.ofRevision(audit.correctiveActions(), audit.revision()).stream()
                .filter(a -> a.id().equals(actionId)).findFirst().orElseThrow();
    }
}
