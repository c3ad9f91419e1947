package com.starcert.certificate.decision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import com.starcert.contracts.AuditType;
import com.starcert.support.messaging.OutboxMessage;

/** The decision record. */
@Repository
public class Decisions {

    static final String VERIFICATIONS = "corrective_action_verifications";
    static final String RETURNS = "returned_revisions";

    private final MongoTemplate mongo;

    public Decisions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The decision on the audit's highest decided revision. */
    public Optional<Decision> latest(String auditId) {
        Query query = Query.query(Criteria.where("auditId").is(auditId))
                .with(Sort.by(Sort.Direction.DESC, "auditRevision")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Decision.class));
    }

    public Optional<Decision> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Decision.class));
    }

    /**
     * Turns a HELD decision into its final outcome, once: the update only matches while the decision is still HELD.
     * True when this call released it.
     */
    public boolean release(String id, Outcome outcome, List<String> reasons, String certificateNumber,
                           Instant releasedAt, List<OutboxMessage> outbox) {
        Update update = new Update().set("outcome", outcome).set("reasons", reasons)
                .set("certificateNumber", certificateNumber).set("releasedAt", releasedAt);
        if (!outbox.isEmpty()) {
            update.push("outbox").each(outbox.toArray());
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("outcome").is(Outcome.HELD)), update,
                Decision.class).getModifiedCount() == 1;
    }

    /**
     * True while a surveillance decision on this certificate is HELD for corrective actions: the surveillance was
     * carried out in time. A held special audit (特殊审核) does not count: it is not the programme's surveillance.
     */
    public boolean heldFor(String enterpriseId, String certificateNumber) {
        return mongo.exists(Query.query(Criteria.where("enterpriseId").is(enterpriseId)
                .and("certificateNumber").is(certificateNumber)
                .and("outcome").is(Outcome.HELD)
                .and("auditType").ne(AuditType.SPECIAL)), Decision.class);
    }

    /** Records that the corrective actions of (auditId, revision) were verified; insert-if-absent. */
    public void recordVerification(String id, String enterpriseId, Instant verifiedAt) {
        try {
            mongo.insert(new org.bson.Document("_id", id).append("enterpriseId", enterpriseId)
                    .append("verifiedAt", java.util.Date.from(verifiedAt)), VERIFICATIONS);
        } catch (DuplicateKeyException alreadyRecorded) {
            // a redelivery
        }
    }

    /** When the corrective actions of (auditId, revision) were verified, if they were. */
    public Optional<Instant> verifiedAt(String id) {
        org.bson.Document doc = mongo.findById(id, org.bson.Document.class, VERIFICATIONS);
        return Optional.ofNullable(doc).map(d -> d.getDate("verifiedAt").toInstant());
    }

    /** Records that (auditId, revision) was returned for correction; insert-if-absent. */
    public void recordReturn(String id, String enterpriseId, Instant returnedAt) {
        try {
            mongo.insert(new org.bson.Document("_id", id).append("enterpriseId", enterpriseId)
                    .append("returnedAt", java.util.Date.from(returnedAt)), RETURNS);
        } catch (DuplicateKeyException alreadyRecorded) {
            // a redelivery
        }
    }

    /** Every decision on these audits: one read. */
    public List<Decision> ofAudits(java.util.Collection<String> auditIds) {
        return mongo.find(Query.query(Criteria.where("auditId").in(auditIds)), Decision.class);
    }

    /** Whether (auditId, revision) was returned for correction: no decision may be taken on it. */
    public boolean returned(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), RETURNS);
    }

    /**
     * Drops a HELD decision whose revision was returned: it becomes RETURNED, once (the update only matches while it
     * is HELD). True when this call dropped it.
     */
    public boolean dropHeld(String id, String reason, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("outcome").is(Outcome.HELD)),
                new Update().set("outcome", Outcome.RETURNED).set("reasons", List.of(reason)).set("releasedAt", at),
                Decision.class).getModifiedCount() == 1;
    }

    /** Insert-if-absent: true when this call recorded it, false when the (auditId, revision) was already decided. */
    public boolean record(Decision decision) {
        try {
            mongo.insert(decision);
            return true;
        } catch (DuplicateKeyException alreadyDecided) {
            return false;
        }
    }
}
