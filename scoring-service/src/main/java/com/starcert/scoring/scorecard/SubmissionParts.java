package com.starcert.scoring.scorecard;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;

/**
 * The parts of submissions too large for one event (see {@link AuditSubmitted}), kept until the last one arrives:
 * then the whole submission is scored and its parts removed. A part delivered again is stored once.
 */
@Repository
class SubmissionParts {

    /** One part, with its CloudEvent as it arrived. */
    @Document("submissionParts")
    @CompoundIndex(name = "audit_revision", def = "{'auditId': 1, 'revision': 1}")
    record Part(@Id String id, String auditId, int revision, int part, int parts, String event, Instant receivedAt) {
    }

    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final Clock clock;

    SubmissionParts(MongoTemplate mongo, EventCodec codec, Clock clock) {
        this.mongo = mongo;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * Keeps {@code part} (of the submission in {@code event}); the whole submission once every part is here,
     * else empty.
     */
    Optional<AuditSubmitted> add(CloudEvent event, AuditSubmitted part) {
        String id = part.auditId() + ":" + part.revision() + ":" + part.part();
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update()
                .setOnInsert("auditId", part.auditId()).setOnInsert("revision", part.revision())
                .setOnInsert("part", part.part()).setOnInsert("parts", part.parts())
                .setOnInsert("event", codec.write(event)).setOnInsert("receivedAt", clock.instant()), Part.class);
        Query ofSubmission = Query.query(Criteria.where("auditId").is(part.auditId())
                .and("revision").is(part.revision()));
        // counted first: the parts themselves (up to the part size each) are read once, when all are here
        if (mongo.count(ofSubmission, Part.class) < part.parts()) {
            return Optional.empty();
        }
        List<Part> stored = mongo.find(ofSubmission, Part.class);
        return Optional.of(AuditSubmitted.assemble(stored.stream()
                .map(p -> codec.data(codec.read(p.event()), AuditSubmitted.class)).toList()));
    }

    /** The submission was scored (or will never be): its parts go. */
    void remove(String auditId, int revision) {
        mongo.remove(Query.query(Criteria.where("auditId").is(auditId).and("revision").is(revision)), Part.class);
    }
}
