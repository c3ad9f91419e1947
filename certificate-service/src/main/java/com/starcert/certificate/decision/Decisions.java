package com.starcert.certificate.decision;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The decision record. */
@Repository
public class Decisions {

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
