package com.starcert.support.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import com.starcert.contracts.CloudEvent;

/**
 * Publishes what waits in the {@code outbox} field of the configured collections and removes it once the broker
 * acknowledged it.
 *
 * <ul>
 *   <li><b>At once.</b> {@link OutboxWrites} hands every acknowledged write that put events into an outbox to
 *       {@link #committed}; a relay thread takes them as they come (and whatever else arrived meanwhile, up to
 *       {@code batchSize} documents), so an event leaves within milliseconds. A write that filled many outboxes
 *       without naming them (an import) starts a {@link #sweep} of the collection, a batch at a time, with single
 *       writes served between the batches so one enterprise's bulk does not hold the others back.</li>
 *   <li><b>Safety net.</b> {@link #relay()} runs every {@code poll-interval} and finds documents still holding
 *       events (a crash between the write and the send, a lease that ran out, a write the listener could not
 *       name): an index look-up on MongoDB.</li>
 *   <li><b>In batches.</b> All events of a batch are sent without waiting for each acknowledgement (the producer
 *       is idempotent, so events of one key keep their order), then each document's outbox is cleared of the
 *       acknowledged events in one update, all documents in one bulk write.</li>
 *   <li><b>Leased.</b> A document is claimed before its events go out: its lease names this relay
 *       ({@code outboxLeaseOwner}) and runs until {@code outboxLeaseUntil}, renewed while the batch is in flight.
 *       Another instance's relay never takes a document whose lease is live, so several instances relay side by
 *       side; an event sent twice (lease expired, crash before the clearing) is harmless because every consumer
 *       is idempotent and the CloudEvent id is stable.</li>
 * </ul>
 * While Kafka is unreachable events simply wait.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String OUTBOX = "outbox";
    static final String LEASE = "outboxLeaseUntil";
    static final String OWNER = "outboxLeaseOwner";
    static final String CLAIM = "outboxClaim";
    /** Events the broker refuses for good, set aside with their cause (an operator re-drives or discards them). */
    static final String PARKED = "outboxParked";
    private static final DocumentCodec IDS = new DocumentCodec();
    /** Ids per claiming update: a store that scans compares each document with every id in the list. */
    private static final int ID_CHUNK = 32;

    private final MongoTemplate mongo;
    private final KafkaTemplate<Object, Object> kafka;
    private final List<String> collections;
    private final Clock clock;
    private final Duration lease;
    private final Duration sendTimeout;
    private final int batchSize;
    private final String owner = UUID.randomUUID().toString();
    private final OutboxPayloads payloads;
    private volatile Instant orphansSweptAt;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Pending> committed = new LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicLong parkedEvents = new java.util.concurrent.atomic.AtomicLong();
    private volatile Instant parkedCountedAt;
    // health is asked every few seconds (load balancers, the gateway's instance checks): looked up at most every 5 s
    private volatile Instant oldestPending;
    private volatile Instant oldestCheckedAt;
    private volatile Thread worker;

    /** A document that may hold events, by collection and {@code _id}; without an id, a sweep of the collection. */
    private record Pending(String collection, Object id) {
    }

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<Object, Object> kafka, List<String> collections,
                       Clock clock, Duration lease, Duration sendTimeout, int batchSize) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = collections;
        this.clock = clock;
        this.lease = lease;
        this.sendTimeout = sendTimeout;
        this.batchSize = batchSize;
        this.payloads = new OutboxPayloads(mongo, clock);
    }

    /** This relay's name in the leases it takes. */
    public String owner() {
        return owner;
    }

    /** A write that put events into this document's outbox was acknowledged: relay them now. */
    public void committed(String collection, BsonValue id) {
        if (collections.contains(collection)) {
            committed.add(new Pending(collection, IDS.decode(new BsonDocument("_id", id).asBsonReader(),
                    DecoderContext.builder().build()).get("_id")));
        }
    }

    /** The safety-net pass over every collection. */
    @Scheduled(fixedDelayString = "${starcert.messaging.outbox.poll-interval:1s}")
    public void relay() {
        for (String collection : collections) {
            try {
                relay(collection);
            } catch (RuntimeException e) {
                log.warn("outbox relay for {} paused: {}", collection, e.getMessage());
            }
        }
        Instant now = clock.instant();
        if (orphansSweptAt == null || now.isAfter(orphansSweptAt.plus(OutboxPayloads.ORPHANED_AFTER))) {
            orphansSweptAt = now;
            try {
                payloads.sweepOrphans(1_000);
            } catch (RuntimeException e) {
                log.warn("could not sweep orphaned event payloads: {}", e.getMessage());
            }
        }
    }

    /** Publishes every pending event of one collection, a batch at a time; returns how many went out. */
    public int relay(String collection) {
        int sent = 0;
        Batch batch;
        do {
            batch = relayOnce(collection);
            sent += batch.sent();
        } while (batch.full());
        return sent;
    }

    /** What one batch found and sent. */
    private record Batch(int documents, int sent, int batchSize) {
        /** More may be waiting: the batch was full and went out (while the broker is away, the next pass retries). */
        boolean full() {
            return documents == batchSize && sent > 0;
        }
    }

    /**
     * One batch of documents still holding events: the first {@code batchSize} by {@code _id}, claimed as the range
     * from the first to the last of them (a range is two comparisons per document even for a store that scans,
     * where a list of 500 ids would be 500; a pending document that appeared inside the range meanwhile simply
     * goes along).
     */
    private Batch relayOnce(String collection) {
        ensurePendingIndex(collection);
        Query pending = Query.query(new Criteria().andOperator(Criteria.where(OUTBOX + ".eventId").exists(true),
                leaseFree(clock.instant()))).with(Sort.by("_id")).limit(batchSize);
        pending.fields().include("_id");
        List<Object> ids = mongo.find(pending, Document.class, collection).stream().map(d -> d.get("_id")).toList();
        if (ids.isEmpty()) {
            return new Batch(0, 0, batchSize);
        }
        Claim claim = claim(collection, List.of(Criteria.where("_id").gte(ids.get(0)).lte(ids.get(ids.size() - 1))));
        return new Batch(ids.size(), send(collection, claim), batchSize);
    }

    /**
     * A write put events into many documents at once without naming them (an import making its outlets visible):
     * the relay thread goes through the collection now, a batch at a time, serving single writes in between.
     */
    public void sweep(String collection) {
        if (collections.contains(collection)) {
            committed.add(new Pending(collection, null));
        }
    }

    /**
     * Claims these documents, sends all their events, waits for the acknowledgements and clears what was
     * acknowledged; returns how many events went out.
     */
    int send(String collection, List<Object> ids) {
        List<Criteria> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            chunks.add(Criteria.where("_id").in(ids.subList(from, Math.min(ids.size(), from + ID_CHUNK))));
        }
        return send(collection, claim(collection, chunks));
    }

    private int send(String collection, Claim claim) {
        Map<Object, List<OutboxMessage>> claimed = new LinkedHashMap<>();
        for (Document document : claim.documents()) {
            claimed.put(document.get("_id"), pending(document));
        }
        if (claimed.isEmpty()) {
            return 0;
        }
        // payloads kept beside the documents (OutboxPayloads), in one look-up
        Map<String, String> beside = payloads.load(claimed.values().stream().flatMap(List::stream)
                .filter(m -> m.payload() == null).map(OutboxMessage::eventId).toList());
        Map<Object, List<CompletableFuture<?>>> inFlight = new LinkedHashMap<>();
        claimed.forEach((id, messages) -> inFlight.put(id, messages.stream()
                .<CompletableFuture<?>>map(m -> publish(m, beside)).toList()));
        List<String> sentFromBeside = new ArrayList<>();
        Instant deadline = clock.instant().plus(sendTimeout);
        Instant renewAt = clock.instant().plus(lease.dividedBy(2));
        BulkOperations clearing = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int sent = 0;
        for (Map.Entry<Object, List<CompletableFuture<?>>> entry : inFlight.entrySet()) {
            List<OutboxMessage> messages = claimed.get(entry.getKey());
            List<String> done = new ArrayList<>();
            List<Document> parked = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                if (clock.instant().isAfter(renewAt)) {
                    renew(collection, claim.token(), claimed.keySet());
                    renewAt = clock.instant().plus(lease.dividedBy(2));
                }
                OutboxMessage message = messages.get(i);
                Delivery delivery = delivery(entry.getValue().get(i), message, deadline);
                if (delivery instanceof Delivery.NotYet) {
                    // the rest of this document waits for the next pass, so its events keep their order
                    break;
                }
                if (delivery instanceof Delivery.Never never) {
                    // it can never be sent: set aside with its cause, so the events after it still go out
                    log.error("{} event {} of {} {} can never be sent and is parked in {}: {}", message.topic(),
                            message.eventId(), collection, entry.getKey(), PARKED, never.cause());
                    parked.add(parkedCopy(message, never.cause()));
                    parkedEvents.incrementAndGet();
                } else {
                    sent++;
                    if (message.payload() == null) {
                        sentFromBeside.add(message.eventId());
                    }
                }
                done.add(message.eventId());
            }
            Update clear = new Update().unset(LEASE).unset(OWNER).unset(CLAIM);
            if (!done.isEmpty()) {
                clear.pull(OUTBOX, sent(done));
            }
            if (!parked.isEmpty()) {
                clear.push(PARKED).each(parked.toArray());
            }
            // by _id alone, which every store answers from its primary key. Should this relay's lease have run out
            // and another relay have claimed the document meanwhile, that relay's lease is lifted too: at worst an
            // event goes out once more, which the consumers ignore.
            clearing.updateOne(Query.query(Criteria.where("_id").is(entry.getKey())), clear);
        }
        clearing.execute();
        payloads.remove(sentFromBeside);
        return sent;
    }

    /** Claims one document for this relay; null when it holds no events or another relay's lease is live. */
    Document claim(String collection, Object id) {
        List<Document> claimed = claim(collection, List.of(Criteria.where("_id").is(id))).documents();
        return claimed.isEmpty() ? null : claimed.get(0);
    }

    /** The documents one claim took, and the token they carry while this relay holds them. */
    private record Claim(String token, List<Document> documents) {
    }

    /**
     * Claims, one update per selection, the selected documents that hold events and whose lease is free or ran
     * out, marking them with a token of this claim; then reads what it took. Each document's update is atomic, so of
     * two relays claiming the same document only one matches it.
     */
    private Claim claim(String collection, List<Criteria> selections) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        List<Document> taken = new ArrayList<>();
        for (Criteria selection : selections) {
            Query claimable = Query.query(new Criteria().andOperator(selection,
                    Criteria.where(OUTBOX + ".eventId").exists(true), leaseFree(now)));
            if (mongo.updateMulti(claimable, new Update().set(LEASE, now.plus(lease)).set(OWNER, owner)
                    .set(CLAIM, token), collection).getModifiedCount() > 0) {
                // read back through the same selection (by _id, so from the primary key), not by the token alone,
                // which no index covers
                Query mine = Query.query(new Criteria().andOperator(selection, Criteria.where(CLAIM).is(token)));
                mine.fields().include(OUTBOX);
                taken.addAll(mongo.find(mine, Document.class, collection));
            }
        }
        return new Claim(token, taken);
    }

    private static Document sent(List<String> eventIds) {
        return new Document("eventId", new Document("$in", eventIds));
    }

    private void renew(String collection, String token, java.util.Collection<Object> ids) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).and(CLAIM).is(token).and(OWNER).is(owner)),
                new Update().set(LEASE, clock.instant().plus(lease)), collection);
    }

    private static Criteria leaseFree(Instant now) {
        return new Criteria().orOperator(Criteria.where(LEASE).exists(false), Criteria.where(LEASE).lt(now));
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
                // documents with parked events, for health; almost always none
                mongo.indexOps(collection).createIndex(new Index().on(PARKED + ".eventId", Sort.Direction.ASC)
                        .sparse().named("outbox_parked"));
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

    private CompletableFuture<?> publish(OutboxMessage message, Map<String, String> beside) {
        String payload = message.payload() != null ? message.payload() : beside.get(message.eventId());
        if (payload == null) {
            return CompletableFuture.failedFuture(new MissingPayload(message.eventId()));
        }
        ProducerRecord<Object, Object> record = new ProducerRecord<>(message.topic(), message.key(), payload);
        record.headers().add(new RecordHeader("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        try {
            return kafka.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** An event whose payload was to be kept beside its document and is not there (removed by hand, say). */
    static final class MissingPayload extends RuntimeException {
        MissingPayload(String eventId) {
            super("the payload of event " + eventId + " is not in " + OutboxPayloads.COLLECTION);
        }
    }

    /** What became of one send: acknowledged, not yet (try again later), or never (the broker refuses it for good). */
    sealed interface Delivery {
        record Acknowledged() implements Delivery {
        }

        record NotYet() implements Delivery {
        }

        record Never(String cause) implements Delivery {
        }
    }

    private Delivery delivery(CompletableFuture<?> send, OutboxMessage message, Instant deadline) {
        try {
            send.get(Math.max(1, Duration.between(clock.instant(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            log.debug("published {} {} key {}", message.topic(), message.eventId(), message.key());
            return new Delivery.Acknowledged();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.NotYet();
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            Throwable refusal = refusalForGood(cause);
            if (refusal != null) {
                return new Delivery.Never(refusal.getClass().getSimpleName() + ": " + refusal.getMessage());
            }
            log.warn("broker did not acknowledge {} event {}: {}", message.topic(), message.eventId(),
                    cause.getMessage());
            return new Delivery.NotYet();
        }
    }

    /**
     * The refusal a retry cannot change, if this failure is one: the record is too large, cannot be serialised, or
     * names no valid topic; null for anything that may pass later (broker away, timeouts).
     */
    static Throwable refusalForGood(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.RecordTooLargeException
                    || t instanceof org.apache.kafka.common.errors.RecordBatchTooLargeException
                    || t instanceof org.apache.kafka.common.errors.SerializationException
                    || t instanceof org.apache.kafka.common.errors.InvalidTopicException
                    || t instanceof MissingPayload) {
                return t;
            }
        }
        return null;
    }

    private Document parkedCopy(OutboxMessage message, String cause) {
        Object stored = mongo.getConverter().convertToMongoType(message);
        Document copy = stored instanceof Document document ? new Document(document) : new Document("event", stored);
        return copy.append("cause", cause).append("parkedAt", java.util.Date.from(clock.instant()));
    }

    /** What {@link #resendParked()} put back, in all and per collection. */
    public record Resend(long resent, Map<String, Long> byCollection) {
    }

    /**
     * Puts every parked event back into its document's outbox, after the events already waiting there, and relays
     * them now: for an operator who has removed the cause (raised the broker's message size limit, created the
     * topic). Each document is changed in one update that takes its parked events out and puts them back in, so
     * nothing is lost or doubled should two operators ask at once (a document whose events another request already
     * took is left alone). An event still refused is parked again with its new cause.
     */
    public Resend resendParked() {
        Map<String, Long> byCollection = new LinkedHashMap<>();
        long resent = 0;
        for (String collection : collections) {
            ensurePendingIndex(collection);
            Query withParked = Query.query(Criteria.where(PARKED + ".eventId").exists(true));
            withParked.fields().include(PARKED);
            long inCollection = 0;
            for (Document document : mongo.find(withParked, Document.class, collection)) {
                List<Document> parked = document.getList(PARKED, Document.class, List.of());
                if (parked.isEmpty()) {
                    continue;
                }
                List<Document> events = parked.stream().map(event -> {
                    Document again = new Document(event);
                    again.remove("cause");
                    again.remove("parkedAt");
                    return again;
                }).toList();
                List<String> ids = parked.stream().map(event -> event.getString("eventId")).toList();
                Update putBack = new Update().push(OUTBOX).each(events.toArray())
                        .pull(PARKED, Query.query(Criteria.where("eventId").in(ids)).getQueryObject());
                long changed = mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))
                        .and(PARKED + ".eventId").is(ids.get(0))), putBack, collection).getModifiedCount();
                if (changed == 1) {
                    inCollection += events.size();
                    committed.add(new Pending(collection, document.get("_id")));
                }
            }
            if (inCollection > 0) {
                log.info("{} parked events of {} put back into their outboxes to be sent again", inCollection,
                        collection);
            }
            byCollection.put(collection, inCollection);
            resent += inCollection;
        }
        parkedCountedAt = null; // recount at the next look
        return new Resend(resent, byCollection);
    }

    /**
     * Events parked because the broker refuses them for good, across this relay's collections: counted when first
     * asked, then kept up to date by this relay and recounted at most once a minute (another instance may park too).
     * Health shows it and the metric {@code starcert.outbox.parked} carries it.
     */
    public long parkedEvents() {
        Instant now = clock.instant();
        if (parkedCountedAt == null || now.isAfter(parkedCountedAt.plusSeconds(60))) {
            parkedCountedAt = now;
            long count = 0;
            for (String collection : collections) {
                ensurePendingIndex(collection);
                Query withParked = Query.query(Criteria.where(PARKED + ".eventId").exists(true));
                withParked.fields().include(PARKED);
                for (Document document : mongo.find(withParked, Document.class, collection)) {
                    count += document.getList(PARKED, Object.class, List.of()).size();
                }
            }
            parkedEvents.set(count);
        }
        return parkedEvents.get();
    }

    /**
     * When the oldest event still waiting in an outbox was written (null when none waits): a relay that keeps up
     * holds only events of the last moments; an old one means events are stuck (the broker unreachable, say).
     * Looks at no more than 1,000 documents with pending events per collection (an index look-up), at most every
     * five seconds.
     */
    public Instant oldestPendingEvent() {
        Instant now = clock.instant();
        if (oldestCheckedAt != null && now.isBefore(oldestCheckedAt.plusSeconds(5))) {
            return oldestPending;
        }
        Instant oldest = null;
        for (String collection : collections) {
            ensurePendingIndex(collection);
            Query pending = Query.query(Criteria.where(OUTBOX + ".eventId").exists(true)).limit(1_000);
            pending.fields().include(OUTBOX + ".createdAt");
            for (Document document : mongo.find(pending, Document.class, collection)) {
                for (Document message : document.getList(OUTBOX, Document.class, List.of())) {
                    Object created = message.get("createdAt");
                    Instant at = created instanceof java.util.Date date ? date.toInstant() : null;
                    if (at != null && (oldest == null || at.isBefore(oldest))) {
                        oldest = at;
                    }
                }
            }
        }
        oldestPending = oldest;
        oldestCheckedAt = now;
        return oldest;
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                List<Pending> batch = new ArrayList<>();
                batch.add(committed.take());
                committed.drainTo(batch, Math.max(0, batchSize - 1));
                Map<String, Set<Object>> byCollection = new LinkedHashMap<>();
                Set<String> sweeps = new LinkedHashSet<>();
                for (Pending p : batch) {
                    if (p.id() == null) {
                        sweeps.add(p.collection());
                    } else {
                        byCollection.computeIfAbsent(p.collection(), c -> new LinkedHashSet<>()).add(p.id());
                    }
                }
                byCollection.forEach((collection, ids) -> guarded(collection, () -> send(collection, List.copyOf(ids))));
                for (String collection : sweeps) {
                    // one batch, then back in the queue behind whatever single writes arrived meanwhile
                    guarded(collection, () -> {
                        if (relayOnce(collection).full()) {
                            sweep(collection);
                        }
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void guarded(String collection, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("outbox relay for {} paused: {} (the next pass picks it up)", collection, e.getMessage());
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::work, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(sendTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
