package com.starcert.audit.correction;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.stereotype.Service;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditRepository;
import com.starcert.support.messaging.OutboxEvents;
import com.starcert.support.problem.ApiProblemException;

/**
 * Answers and verifications of corrective actions. When the last one of the current revision is verified, the
 * CorrectiveActionsVerified event is appended to the audit's outbox in the same save (once per revision).
 */
@Service
public class CorrectiveActionHandling {

    private final AuditRepository audits;
    private final OutboxEvents outboxEvents;
    private final Clock clock;

    public CorrectiveActionHandling(AuditRepository audits, OutboxEvents outboxEvents, Clock clock) {
        this.audits = audits;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    public Audit audit(String auditId) {
        return audits.findById(auditId).orElseThrow(() -> new ApiProblemException.NotFound("audit", auditId));
    }

    public Audit answer(String auditId, String actionId, String text, List<String> attachmentIds, String by) {
        if (text == null || text.isBlank()) {
            throw new ApiProblemException.InvalidRequest("text", "is required: describe what was corrected");
        }
        Audit audit = audit(auditId);
        List<String> ids = attachmentIds == null ? List.of() : attachmentIds;
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null || !audit.hasAttachment(ids.get(i))) {
                throw new ApiProblemException.InvalidRequest("attachmentIds[" + i + "]",
                        "'" + ids.get(i) + "' is not an attachment of audit " + auditId);
            }
        }
        try {
            audit.answerCorrectiveAction(actionId, new Evidence(text.trim(), ids, by, clock.instant()));
        } catch (NoSuchElementException e) {
            throw new ApiProblemException.NotFound("corrective action", actionId);
        } catch (IllegalStateException e) {
            throw new ApiProblemException.Conflict(e.getMessage());
        }
        return audits.save(audit);
    }

    public Audit verify(String auditId, String actionId, String verifiedBy, String note) {
        if (verifiedBy == null || verifiedBy.isBlank()) {
            throw new ApiProblemException.InvalidRequest("verifiedBy", "is required: who at the CB verified it");
        }
        Audit audit = audit(auditId);
        try {
            audit.verifyCorrectiveAction(actionId, verifiedBy.trim(), note == null ? null : note.trim(),
                    clock.instant()).ifPresent(v -> audit.enqueue(outboxEvents.message(v, audit.correlationId())));
        } catch (NoSuchElementException e) {
            throw new ApiProblemException.NotFound("corrective action", actionId);
        } catch (IllegalStateException e) {
            throw new ApiProblemException.Conflict(e.getMessage());
        }
        return audits.save(audit);
    }
}
