package com.starcert.audit.correction;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.stereotype.Service;

import com.starcert.audit.Audit;
import com.starcert.audit.Who;
import com.starcert.audit.access.AuditAccess;
import com.starcert.audit.access.AuditAccess.Act;
import com.starcert.audit.access.Precondition;
import com.starcert.support.messaging.OutboxEvents;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FreeText;
import com.starcert.support.security.Caller;

/**
 * Answers (by the audited enterprise) and verifications (by a CB reviewer who was not on the audit team) of
 * corrective actions. When the last one of the current revision is verified, the CorrectiveActionsVerified event is
 * appended to the audit's outbox in the same save (once per revision).
 */
@Service
public class CorrectiveActionHandling {

    private final AuditAccess access;
    private final OutboxEvents outboxEvents;
    private final Clock clock;

    public CorrectiveActionHandling(AuditAccess access, OutboxEvents outboxEvents, Clock clock) {
        this.access = access;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    public Audit audit(String auditId, Caller caller) {
        return access.read(auditId, caller);
    }

    public Audit answer(String auditId, String actionId, String text, List<String> attachmentIds,
                        Precondition precondition, Caller caller) {
        return access.command(auditId, caller, Act.ANSWER, precondition, audit -> {
            if (text == null || text.isBlank()) {
                throw new ApiProblemException.InvalidRequest("text", "is required: describe what was corrected");
            }
            FreeText.require("text", text);
            List<String> ids = attachmentIds == null ? List.of() : attachmentIds;
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i) == null || !audit.hasAttachment(ids.get(i))) {
                    throw new ApiProblemException.InvalidRequest("attachmentIds[" + i + "]",
                            "'" + ids.get(i) + "' is not an attachment of audit " + auditId);
                }
            }
            try {
                audit.answerCorrectiveAction(actionId, new Evidence(text.trim(), ids, Who.of(caller),
                        clock.instant()));
            } catch (NoSuchElementException e) {
                throw new ApiProblemException.NotFound("corrective action", actionId);
            } catch (IllegalStateException e) {
                throw new ApiProblemException.Conflict(e.getMessage());
            }
        });
    }

    public Audit verify(String auditId, String actionId, String note, Precondition precondition, Caller caller) {
        return access.command(auditId, caller, Act.REVIEW, precondition, audit -> {
            FreeText.require("note", note);
            try {
                audit.verifyCorrectiveAction(actionId, Who.of(caller), note == null ? null : note.trim(),
                        clock.instant()).ifPresent(v -> audit.enqueue(outboxEvents.message(v, audit.correlationId())));
            } catch (NoSuchElementException e) {
                throw new ApiProblemException.NotFound("corrective action", actionId);
            } catch (IllegalStateException e) {
                throw new ApiProblemException.Conflict(e.getMessage());
            }
        });
    }
}
