package com.starcert.scoring.scorecard;

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

/**
 * Stored score cards. Every read is by audit and can be narrowed to one enterprise (pass {@code enterpriseId};
 * null = not narrowed) on the index {@code enterpriseId, auditId, revision}, and to the revisions already decided.
 */
@Repository
public class ScoreCards {

    static final String RETURNS = "returned_revisions";

    private final MongoTemplate mongo;

    public ScoreCards(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts the card unless one with the same id exists; false when it already did. */
    public boolean insertIfAbsent(ScoreCardDocument card) {
        try {
            mongo.insert(card);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<ScoreCardDocument> latest(String auditId, String enterpriseId) {
        return latest(auditId, enterpriseId, false);
    }

    /** The highest revision; with {@code decidedOnly} the highest revision already decided. */
    public Optional<ScoreCardDocument> latest(String auditId, String enterpriseId, boolean decidedOnly) {
        Query query = Query.query(byAudit(auditId, enterpriseId, decidedOnly))
                .with(Sort.by(Sort.Direction.DESC, "revision")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, ScoreCardDocument.class));
    }

    public List<ScoreCardDocument> revisions(String auditId, String enterpriseId) {
        return revisions(auditId, enterpriseId, false);
    }

    /** Every revision oldest first; with {@code decidedOnly} only those already decided. */
    public List<ScoreCardDocument> revisions(String auditId, String enterpriseId, boolean decidedOnly) {
        Query query = Query.query(byAudit(auditId, enterpriseId, decidedOnly))
                .with(Sort.by(Sort.Direction.ASC, "revision"));
        return mongo.find(query, ScoreCardDocument.class);
    }

    /**
     * Marks the card of (auditId, revision) of {@code enterpriseId} decided, once: the update only matches a card
     * not yet decided, so a redelivered or replayed decision keeps the first time. False when nothing changed (already
     * decided, or no such card of that enterprise).
     */
    public boolean markDecided(String auditId, int revision, String enterpriseId, Instant decidedAt) {
        Query query = Query.query(Criteria.where("_id").is(ScoreCardDocument.idOf(auditId, revision))
                .and("enterpriseId").is(enterpriseId).and("decidedAt").is(null));
        return mongo.updateFirst(query, new Update().set("decidedAt", decidedAt), ScoreCardDocument.class)
                .getModifiedCount() == 1;
    }

    /**
     * The CB returned (auditId, revision) for correction: remembered (so that its submission, should it arrive only
     * now, is not scored) and its card, if scored, marked returned. Idempotent.
     */
    public void markReturned(String auditId, int revision, String enterpriseId, Instant returnedAt) {
        String id = ScoreCardDocument.idOf(auditId, revision);
        try {
            mongo.insert(new org.bson.Document("_id", id).append("enterpriseId", enterpriseId)
                    .append("returnedAt", java.util.Date.from(returnedAt)), RETURNS);
        } catch (DuplicateKeyException alreadyRecorded) {
            // a redelivery
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("returnedAt").is(null)),
                new Update().set("returnedAt", returnedAt), ScoreCardDocument.class);
    }

    /** Whether (auditId, revision) was returned for correction. */
    public boolean returned(String auditId, int revision) {
        return mongo.exists(Query.query(Criteria.where("_id").is(ScoreCardDocument.idOf(auditId, revision))),
                RETURNS);
    }

    /** The highest revision of the audit already scored, if any (only the revision is read). */
    public Optional<Integer> latestRevision(String auditId, String enterpriseId) {
        Query query = Query.query(byAudit(auditId, enterpriseId)).with(Sort.by(Sort.Direction.DESC, "revision"))
                .limit(1);
        query.fields().include("revision");
        return Optional.ofNullable(mongo.findOne(query, org.bson.Document.class, collection()))
                .map(d -> d.getInteger("revision"));
    }

    private String collection() {
        return mongo.getCollectionName(ScoreCardDocument.class);
    }

    private static Criteria byAudit(String auditId, String enterpriseId) {
        return byAudit(auditId, enterpriseId, false);
    }

    private static Criteria byAudit(String auditId, String enterpriseId, boolean decidedOnly) {
        Criteria criteria = enterpriseId == null ? new Criteria() : Criteria.where("enterpriseId").is(enterpriseId);
        criteria = criteria.and("auditId").is(auditId);
        return decidedOnly ? criteria.and("decidedAt").ne(null) : criteria;
    }
}
