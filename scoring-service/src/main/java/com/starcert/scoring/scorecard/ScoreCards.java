package com.starcert.scoring.scorecard;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Stored score cards. Every read is by audit and can be narrowed to one enterprise (pass {@code enterpriseId};
 * null = not narrowed) on the index {@code enterpriseId, auditId, revision}.
 */
@Repository
public class ScoreCards {

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
        Query query = Query.query(byAudit(auditId, enterpriseId)).with(Sort.by(Sort.Direction.DESC, "revision"))
                .limit(1);
        return Optional.ofNullable(mongo.findOne(query, ScoreCardDocument.class));
    }

    public List<ScoreCardDocument> revisions(String auditId, String enterpriseId) {
        Query query = Query.query(byAudit(auditId, enterpriseId)).with(Sort.by(Sort.Direction.ASC, "revision"));
        return mongo.find(query, ScoreCardDocument.class);
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
        Criteria criteria = enterpriseId == null ? new Criteria() : Criteria.where("enterpriseId").is(enterpriseId);
        return criteria.and("auditId").is(auditId);
    }
}
