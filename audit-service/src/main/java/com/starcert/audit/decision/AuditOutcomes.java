package com.starcert.audit.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditStatus;
import com.starcert.audit.TimelineEntry;
import com.starcert.audit.correction.CorrectiveActionStatus;
import com.starcert.contracts.Band;
import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.CertificateStatusChanged;
import com.starcert.contracts.CertificationRefused;
import com.starcert.contracts.ScoreComputed;

/**
 * Follows what scoring and certification made of an audit with conditional single-document updates: each matches
 * only the audit's current revision in a status it may move on from, so a redelivered or stale event matches
 * nothing and the status never goes backwards (a late score or refusal of an older revision included: the revision
 * no longer matches; a late decision that changed a certificate is the exception, see decidedBeforeReturn). A score with special deductions whose corrective actions are still open holds the audit in
 * AWAITING_CORRECTIVE_ACTIONS until the decision. Score and decision travel on different topics, so the decision may
 * come first; the late score is then stored without touching the status. A decision that issues no certificate
 * (a surveillance that maintains or suspends it, a special audit that restores it) arrives on
 * {@code certificate.status-changed} and moves the audit to DECIDED the same way.
 */
@Component
public class AuditOutcomes {

    private final MongoTemplate mongo;

    public AuditOutcomes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One conditional update of one audit; the updates of one event are applied in order (see {@link #apply}). */
    public record Change(Query query, Update update) {
    }

    /**
     * The updates a score makes, tried in order; their conditions exclude each other once one has matched, so at
     * most one changes the audit: held for corrective actions, scored, or a late score for a decision that came
     * first.
     */
    public List<Change> scoredChanges(ScoreComputed e, String by, Instant at) {
        List<Change> changes = new java.util.ArrayList<>(3);
        if (e.specialDeductions() > 0) {
            // special deductions with corrective actions still open: certificate-service holds the decision
            Query held = current(e.auditId(), e.revision())
                    .addCriteria(Criteria.where("status").is(AuditStatus.SUBMITTED))
                    .addCriteria(Criteria.where("correctiveActions").elemMatch(Criteria.where("revision")
                            .is(e.revision()).and("status").in(List.of(CorrectiveActionStatus.OPEN.name(),
                                    CorrectiveActionStatus.ANSWERED.name()))));
            Update toAwaiting = new Update()
                    .set("status", AuditStatus.AWAITING_CORRECTIVE_ACTIONS)
                    .set("score", e.score())
                    .set("band", e.band())
                    .push("timeline").each(new TimelineEntry(AuditStatus.SCORED, at, by, "revision " + e.revision()),
                            new TimelineEntry(AuditStatus.AWAITING_CORRECTIVE_ACTIONS, at, by,
                                    e.specialDeductions() + " special deduction(s): decision held until the "
                                            + "corrective actions are verified"))
                    .inc("version", 1);
            changes.add(new Change(held, toAwaiting));
        }
        Query submitted = current(e.auditId(), e.revision())
                .addCriteria(Criteria.where("status").is(AuditStatus.SUBMITTED));
        Update toScored = new Update()
                .set("status", AuditStatus.SCORED)
                .set("score", e.score())
                .set("band", e.band())
                .push("timeline", new TimelineEntry(AuditStatus.SCORED, at, by, "revision " + e.revision()))
                .inc("version", 1);
        changes.add(new Change(submitted, toScored));
        Query decidedWithoutScore = current(e.auditId(), e.revision())
                .addCriteria(Criteria.where("status").is(AuditStatus.DECIDED).and("score").is(null));
        // a decision from certificate.status-changed carries no score of its own: it gets the late one too
        Update lateScore = new Update().set("score", e.score()).set("band", e.band()).set("decision.score", e.score())
                .inc("version", 1);
        changes.add(new Change(decidedWithoutScore, lateScore));
        return changes;
    }

    /**
     * Applies the changes in order: one update, or one ordered bulk for several (a poll of events). How many
     * audits changed.
     */
    public long apply(List<Change> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        if (changes.size() == 1) {
            return mongo.updateFirst(changes.get(0).query(), changes.get(0).update(), Audit.class)
                    .getModifiedCount();
        }
        org.springframework.data.mongodb.core.BulkOperations bulk = mongo.bulkOps(
                org.springframework.data.mongodb.core.BulkOperations.BulkMode.ORDERED, Audit.class);
        changes.forEach(c -> bulk.updateOne(c.query(), c.update()));
        return bulk.execute().getModifiedCount();
    }

    /** Decided by the issue: the revision it was taken on, or (a return came too late) the audit's later one. */
    public List<Change> issuedChanges(CertificateIssued e, String by, Instant at) {
        Decision decision = Decision.of(e);
        return List.of(decided(e.auditId(), e.auditRevision(), decision, by, at, null),
                decidedBeforeReturn(e.auditId(), e.auditRevision(), decision, e.score(), e.level(), by, at));
    }

    public List<Change> refusedChanges(CertificationRefused e, String by, Instant at) {
        return List.of(decided(e.auditId(), e.auditRevision(), Decision.of(e), by, at, null));
    }

    /**
     * A decision that issued no certificate (maintained, suspended, restored…), reported on
     * {@code certificate.status-changed} with the audit and its revision. Changes from CB actions and the lifecycle
     * sweep (no audit id) are not decisions on an audit and change nothing here.
     */
    public boolean statusChanged(CertificateStatusChanged e, String by, Instant at) {
        if (e.auditId() == null || e.auditId().isBlank() || e.auditRevision() < 1) {
            return false;
        }
        Audit audit = mongo.findById(e.auditId(), Audit.class);
        if (audit == null || audit.revision() < e.auditRevision()) {
            return false;
        }
        Decision decision = Decision.of(e, audit.revision() == e.auditRevision() ? audit.score() : null);
        if (decision == null) {
            return false;
        }
        return apply(List.of(decided(e.auditId(), e.auditRevision(), decision, by, at, "certificate "
                + e.certificateNumber() + " " + e.previousStatus() + " → " + e.status() + ": "
                + decision.outcome()),
                decidedBeforeReturn(e.auditId(), e.auditRevision(), decision, null, null, by, at))) > 0;
    }

    /**
     * A decision that changed a certificate (issued one, or changed its status) on a revision the CB returned
     * meanwhile: the return reached certificate-service only after it had decided, and a decision that changed a
     * certificate stands there (re-deciding would take a certificate revision or withdrawal the CB decides, not
     * automation), so no later revision of this audit will be decided. The audit takes that decision instead of
     * waiting for ever, with a timeline note saying which revision it was taken on. A refusal changes no certificate
     * and does not stand in the way: the later revision is decided normally, so a late refusal is ignored.
     */
    private Change decidedBeforeReturn(String auditId, int decidedRevision, Decision decision, BigDecimal score,
                                       Band band, String by, Instant at) {
        // returned and being corrected (still that revision), or resubmitted as a later one and not decided
        Query returnedMeanwhile = Query.query(Criteria.where("_id").is(auditId).orOperator(
                Criteria.where("revision").is(decidedRevision).and("status").is(AuditStatus.RETURNED),
                Criteria.where("revision").gt(decidedRevision).and("status").ne(AuditStatus.DECIDED)));
        Update toDecided = new Update()
                .set("status", AuditStatus.DECIDED)
                .set("certificateNumber", decision.certificateNumber())
                .set("decision", decision)
                .push("timeline", new TimelineEntry(AuditStatus.DECIDED, at, by, "revision " + decidedRevision
                        + " had already been decided (" + decision.outcome() + ", certificate "
                        + decision.certificateNumber() + ") when its return reached certificate-service; that "
                        + "decision stands and later revisions of this audit are not decided"))
                .inc("version", 1);
        if (score != null) {
            toDecided.set("score", score).set("band", band);
        }
        return new Change(returnedMeanwhile, toDecided);
    }

    private Change decided(String auditId, int revision, Decision decision, String by, Instant at, String note) {
        Query open = current(auditId, revision)
                .addCriteria(Criteria.where("status").in(List.of(AuditStatus.SUBMITTED, AuditStatus.SCORED,
                        AuditStatus.AWAITING_CORRECTIVE_ACTIONS)));
        Update toDecided = new Update()
                .set("status", AuditStatus.DECIDED)
                .set("certificateNumber", decision.certificateNumber())
                .set("decision", decision)
                .push("timeline", new TimelineEntry(AuditStatus.DECIDED, at, by, note))
                .inc("version", 1);
        return new Change(open, toDecided);
    }

    private static Query current(String auditId, int revision) {
        return Query.query(Criteria.where("_id").is(auditId).and("revision").is(revision));
    }
}
