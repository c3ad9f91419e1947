package com.starcert.certificate.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import com.starcert.contracts.AuditType;
import com.starcert.contracts.Band;
import com.starcert.contracts.ScoreComputed;
import com.starcert.support.messaging.OutboxAggregate;
import com.starcert.support.messaging.OutboxMessage;

/**
 * The recorded certification decision on one audit revision, with its reasons: one document per (auditId,
 * revision), its id being that natural key. A refusal carries its CertificationRefused in {@code outbox} (same
 * write); every other final decision publishes through the certificate it changes or keeps (the certificate's
 * outbox, in the write that records the audit there). {@code heldOutcome}/{@code heldLevel} keep what a HELD decision becomes once the corrective actions are
 * verified; {@code held} keeps the scored audit so the decision can be taken again once {@code
 * CorrectiveActionsVerified} arrives, and {@code releasedAt} says when that happened (the outcome is then the final
 * one).
 */
@Document("decisions")
@CompoundIndex(name = "audit_revision_unique", def = "{'auditId': 1, 'auditRevision': -1, 'enterpriseId': 1}",
        unique = true)
@CompoundIndex(name = "enterprise_audit", def = "{'enterpriseId': 1, 'auditId': 1}")
@CompoundIndex(name = "certificate_outcome", def = "{'enterpriseId': 1, 'certificateNumber': 1, 'outcome': 1}")
public record Decision(
        @Id String id,
        String auditId,
        int auditRevision,
        String enterpriseId,
        AuditType auditType,
        Outcome outcome,
        List<String> reasons,
        String certificateNumber,
        BigDecimal score,
        Band band,
        Outcome heldOutcome,
        Band heldLevel,
        Instant decidedAt,
        String correlationId,
        List<OutboxMessage> outbox,
        ScoreComputed held,
        Instant releasedAt) implements OutboxAggregate {

    public Decision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** The issue-2 shape: a decision that was never held. */
    public Decision(String id, String auditId, int auditRevision, String enterpriseId, AuditType auditType,
                    Outcome outcome, List<String> reasons, String certificateNumber, BigDecimal score, Band band,
                    Outcome heldOutcome, Band heldLevel, Instant decidedAt, String correlationId,
                    List<OutboxMessage> outbox) {
        this(id, auditId, auditRevision, enterpriseId, auditType, outcome, reasons, certificateNumber, score, band,
                heldOutcome, heldLevel, decidedAt, correlationId, outbox, null, null);
    }

    public static String idOf(String auditId, int revision) {
        return auditId + "#" + revision;
    }
}
