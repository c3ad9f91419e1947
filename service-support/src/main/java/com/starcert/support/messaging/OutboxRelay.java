package com.starcert.support.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import com.starcert.contracts.CloudEvent;

/**
 * Publishes what waits in the {@code outbox} field of the configured collections and removes each message once
 * the broker acknowledged it. A document is leased while its messages go out, so several instances can relay
 * side by side; a message sent twice (lease expired, crash before the removal) is harmless because every
 * consumer is idempotent and the CloudEvent id is stable. While Kafka is unreachable messages simply wait.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String OUTBOX = "outbox";
    static final String LEASE = "outboxLeaseUntil";

    private final MongoTemplate mongo;
    private final KafkaTemplate<Object, Object> kafka;
    private final List<String> collections;
    private final Clock clock;
    private final Duration lease;
    private final Duration sendTimeout;
    private final int batchSize;
    private final java.util.Set<String> indexed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<Object, Object> kafka, List<String> collections,
                       Clock clock, Duration lease, Duration sendTimeout, int batchSize) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = collections;
        this.clock = clock;
        this.lease = lease;
        this.sendTimeout = sendTimeout;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${starcert.messaging.outbox.poll-interval:250ms}")
    public void relay() {
        for (String collection : collections) {
            try {
                relay(collection);
            } catch (RuntimeException e) {
                log.warn("outbox relay for {} paused: {}", collection, e.getMessage());
            }
        }
    }

    /** Publishes pending messages of one collection; returns how many went out. */
    public int relay(String collection) {
        int sent = 0;
        for (int i = 0; i < batchSize; i++) {
            Document claimed = claimNext(collection);
            if (claimed == null) {
                break;
            }
            Object id = claimed.get("_id");
            List<OutboxMessage> pending = pending(claimed);
            try {
                for (OutboxMessage message : pending) {
                    publish(message);
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                            new Update().pull(OUTBOX, new Document("eventId", message.eventId())), collection);
                    sent++;
                }
            } finally {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset(LEASE), collection);
            }
        }
        return sent;
    }

    private Document claimNext(String collection) {
        ensurePendingIndex(collection);
        var now = clock.instant();
        Query query = Query.query(new Criteria().andOperator(
                Criteria.where(OUTBOX + ".eventId").exists(true),
                new Criteria().orOperator(Criteria.where(LEASE).exists(false), Criteria.where(LEASE).lt(now))));
        query.fields().include(OUTBOX);
        return mongo.findAndModify(query, new Update().set(LEASE, now.plus(lease)),
                FindAndModifyOptions.options().returnNew(true), Document.class, collection);
    }

    /**
     * A sparse index on the pending events' ids, so finding work is an index look-up rather than a scan of the
     * whole collection (documents without pending events are not in the index at all).
     */
    private void ensurePendingIndex(String collection) {
        if (indexed.add(collection)) {
            try {
                mongo.indexOps(collection).createIndex(new Index().on(OUTBOX + ".eventId", Sort.Direction.ASC)
                        .sparse().named("outbox_pending"));
            } catch (RuntimeException e) {
                indexed.remove(collection);
                log.warn("could not create the outbox index on {}: {}", collection, e.getMessage());
            }
        }
    }

    private List<OutboxMessage> pending(Document document) {
        List<Document> raw = document.getList(OUTBOX, Document.class, List.of());
        return raw.stream()
                .map(d -> mongo.getConverter().read(OutboxMessage.class, d))
                .sorted(Comparator.comparing(OutboxMessage::createdAt))
                .toList();
    }

    private void publish(OutboxMessage message) {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(message.topic(), message.key(), message.payload());
        record.headers().add(new RecordHeader("content-type",
                CloudEvent.CONTENT_TYPE.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + message.eventId(), e);
        } catch (Exception e) {
            throw new IllegalStateException("broker did not acknowledge " + message.topic() + " event "
                    + message.eventId() + ": " + e.getMessage(), e);
        }
        log.debug("published {} {} key {}", message.topic(), message.eventId(), message.key());
    }
}
