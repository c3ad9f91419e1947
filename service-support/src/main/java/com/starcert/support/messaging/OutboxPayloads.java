package com.starcert.support.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Payloads of large events kept beside their aggregate, in the collection {@code outboxPayloads}, while the
 * aggregate's outbox holds only the event's reference (an {@link OutboxMessage} without payload). A submission of an
 * audit of thousands of sites goes out as several megabytes of events: inside the audit's document they would double
 * its size, and a MongoDB document holds at most 16 MB.
 *
 * <p>Without multi-document transactions the order of writes keeps it safe: the payloads are stored first, then the
 * aggregate's write puts the references in its outbox. Should that write fail, the payloads are orphans no outbox
 * names, which {@link #sweepOrphans} removes an hour later; the relay removes a payload once its event is
 * acknowledged, and leaves it while the event is parked (it is sent again from here).
 */
public class OutboxPayloads {

    public static final String COLLECTION = "outboxPayloads";
    /** Payloads older than this that no outbox names are orphans of a failed aggregate write. */
    static final Duration ORPHANED_AFTER = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(OutboxPayloads.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AtomicBoolean indexed = new AtomicBoolean();

    public OutboxPayloads(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Stores these events' payloads beside document {@code documentId} of {@code collection} and returns the
     * references to put in its outbox (same id, topic, key and time; no payload). Call before writing the aggregate.
     */
    public List<OutboxMessage> storeBeside(String collection, Object documentId, List<OutboxMessage> messages) {
        ensureIndex();
        for (OutboxMessage message : messages) {
            mongo.save(new Document("_id", message.eventId())
                    .append("payload", message.payload())
                    .append("collection", collection)
                    .append("documentId", documentId)
                    .append("createdAt", Date.from(clock.instant())), COLLECTION);
        }
        return messages.stream()
                .map(m -> new OutboxMessage(m.eventId(), m.topic(), m.key(), null, m.createdAt()))
                .toList();
    }

    /** The stored payloads of these events, by event id (one look-up by primary key). */
    Map<String, String> load(Collection<String> eventIds) {
        Map<String, String> payloads = new HashMap<>();
        if (eventIds.isEmpty()) {
            return payloads;
        }
        for (Document stored : mongo.find(Query.query(Criteria.where("_id").in(eventIds)), Document.class,
                COLLECTION)) {
            payloads.put(stored.getString("_id"), stored.getString("payload"));
        }
        return payloads;
    }

    /** Removes the payloads of events the broker acknowledged. */
    void remove(Collection<String> eventIds) {
        if (!eventIds.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(eventIds)), COLLECTION);
        }
    }

    /**
     * Removes payloads stored over an hour ago that no outbox (pending or parked) names any more: left by an
     * aggregate write that failed after they were stored, or by a relay that stopped between acknowledging and
     * removing. Looks at no more than {@code limit} of them; returns how many it removed.
     */
    public int sweepOrphans(int limit) {
        ensureIndex();
        Instant cutoff = clock.instant().minus(ORPHANED_AFTER);
        Query old = Query.query(Criteria.where("createdAt").lt(Date.from(cutoff))).limit(limit);
        old.fields().include("_id").include("collection").include("documentId");
        int removed = 0;
        for (Document stored : mongo.find(old, Document.class, COLLECTION)) {
            String eventId = stored.getString("_id");
            boolean named = mongo.exists(Query.query(new Criteria().andOperator(
                    Criteria.where("_id").is(stored.get("documentId")),
                    new Criteria().orOperator(Criteria.where(OutboxRelay.OUTBOX + ".eventId").is(eventId),
                            Criteria.where(OutboxRelay.PARKED + ".eventId").is(eventId)))),
                    stored.getString("collection"));
            if (!named) {
                mongo.remove(Query.query(Criteria.where("_id").is(eventId)), COLLECTION);
                removed++;
            }
        }
        if (removed > 0) {
            log.info("removed {} event payloads no outbox names any more", removed);
        }
        return removed;
    }

    private void ensureIndex() {
        if (indexed.compareAndSet(false, true)) {
            try {
                mongo.indexOps(COLLECTION).createIndex(new Index().on("createdAt", Sort.Direction.ASC)
                        .named("outbox_payloads_created"));
            } catch (RuntimeException e) {
                indexed.set(false);
                log.warn("could not create the index on {}: {}", COLLECTION, e.getMessage());
            }
        }
    }
}
