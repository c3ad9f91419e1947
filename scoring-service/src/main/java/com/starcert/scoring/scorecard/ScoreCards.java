package com.starcert.scoring.scorecard;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    public ScoreCards(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Inserts the cards in one unordered bulk; a card whose id exists already (a concurrent consumer, a redelivery)
     * is left as it is. The ids of the cards inserted.
     */
    public Set<String> insertAllIfAbsent(List<ScoreCardDocument> batch) {
        Set<String> inserted = new HashSet<>();
        if (batch.isEmpty()) {
            return inserted;
        }
        batch.forEach(card -> inserted.add(card.id()));
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ScoreCardDocument.class).insert(batch).execute();
        } catch (BulkOperationException e) {
            if (!e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
            e.getErrors().forEach(error -> inserted.remove(batch.get(error.getIndex()).id()));
        }
        return inserted;
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
        return !returned(List.of(ScoreCardDocument.idOf(auditId, revision))).isEmpty();
    }

    /** Which of these card ids ({@code auditId:revision}) were returned for correction: one read. */
    public Set<String> returned(List<String> cardIds) {
        Set<String> returned = new HashSet<>();
        Query query = Query.query(Criteria.where("_id").in(cardIds));
        query.fields().include("_id");
        mongo.find(query, org.bson.Document.class, RETURNS).forEach(d -> returned.add(d.getString("_id")));
        return returned;
    }

    /** The highest revision already scored of each of these audits that has one: one read of revisions only. */
    public Map<String, Integer> latestRevisions(List<String> auditIds) {
        Map<String, Integer> latest = new HashMap<>();
        Query query = Query.query(Criteria.where("auditId").in(new HashSet<>(auditIds)));
        query.fields().include("auditId").include("revision");
        for (org.bson.Document d : mongo.find(query, org.bson.Document.class, collection())) {
            latest.merge(d.getString("auditId"), d.getInteger("revision"), Math::max);
        }
        return latest;
    }

    private String collection() {
        return mongo.getCollectionName(ScoreCardDocument.class);
    }

    private static Criteria byAudit(String auditId, String enterpriseId, boolean decidedOnly) {
        Criteria criteria = enterpriseId == null ? new Criteria() : Criteria.where("enterpriseId").is(enterpriseId);
        criteria = criteria.and("auditId").is(auditId);
        return decidedOnly ? criteria.and("decidedAt").ne(null) : criteria;
    }
}
