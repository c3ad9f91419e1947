package com.starcert.support.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.listener.MessageListenerContainer;

import com.starcert.contracts.Topics;
import com.starcert.support.problem.ApiProblemException;

/**
 * The records this service's consumers dead-lettered, and their re-drive. A dead-letter topic can hold the failures
 * of several consumer groups (every service that reads the source topic dead-letters to the same
 * {@code <topic>.DLT}); spring-kafka names the group in each dead letter's {@code kafka_dlt-original-consumer-group}
 * header, so each service takes only its own.
 *
 * <p>Re-driving a topic publishes each of this service's dead letters not re-driven before back to the source
 * topic, with its key (so to the partition of its enterprise) and its original bytes, in the order they were
 * dead-lettered; every consumer reading the topic sees it again and the ones that had applied it ignore it
 * (consumers are idempotent). How far each dead-letter partition has been re-driven is kept per service in its
 * own database ({@code dead_letter_redrives}); one re-drive of a topic runs at a time (a second one, also from
 * another instance, gets a 409 until the first is done or its claim of two minutes ran out).
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    static final String COLLECTION = "dead_letter_redrives";
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(500);

    /** What one re-drive did: how many of this service's dead letters went back, per consumer group. */
    public record Redrive(String service, String topic, int redriven, Map<String, Integer> byConsumerGroup) {
    }

    private final String service;
    private final MongoTemplate mongo;
    private final KafkaTemplate<Object, Object> kafka;
    private final java.util.function.Supplier<Set<String>> groups;
    private final Map<String, Object> consumerConfig;
    private final Clock clock;
    private volatile Map<String, Long> counted = Map.of();
    private volatile Instant countedAt;
    private final java.util.concurrent.atomic.AtomicBoolean counting = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.ExecutorService counter = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "dead-letter-count");
                t.setDaemon(true);
                return t;
            });

    public DeadLetters(String service, MongoTemplate mongo, KafkaTemplate<Object, Object> kafka,
                       java.util.function.Supplier<Set<String>> groups, Map<String, Object> consumerConfig,
                       Clock clock) {
        this.service = service;
        this.mongo = mongo;
        this.kafka = kafka;
        this.groups = groups;
        this.consumerConfig = consumerConfig;
        this.clock = clock;
    }

    /** The consumer groups of a service's listeners. */
    public static Set<String> groupsOf(KafkaListenerEndpointRegistry listeners) {
        Set<String> groups = new LinkedHashSet<>();
        for (MessageListenerContainer container : listeners.getAllListenerContainers()) {
            if (container.getGroupId() != null) {
                groups.add(container.getGroupId());
            }
        }
        return groups;
    }

    /** Re-drives this service's dead letters of {@code topic} (the source topic, not its DLT). */
    public Redrive redrive(String topic) {
        if (!Topics.ALL.contains(topic)) {
            throw new ApiProblemException.InvalidRequest("topic", "not a StarCert event topic: " + topic
                    + " (name the source topic, e.g. " + Topics.AUDIT_SUBMITTED + ", not its dead-letter topic); "
                    + "the topics are " + String.join(", ", Topics.ALL));
        }
        String deadLetterTopic = Topics.deadLetter(topic);
        Set<String> groups = this.groups.get();
        Map<String, Integer> byGroup = new TreeMap<>();
        String claim = claim(deadLetterTopic);
        try (Consumer<String, byte[]> consumer = consumer()) {
            for (TopicPartition partition : partitions(consumer, deadLetterTopic)) {
                long from = cursor(partition);
                // assigned first: offsets asked for a partition not assigned make the client warn on every call
                consumer.assign(List.of(partition));
                long end = consumer.endOffsets(List.of(partition)).get(partition);
                for (ConsumerRecord<String, byte[]> record : read(consumer, partition, from, end)) {
                    String group = header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
                    if (group != null && groups.contains(group)) {
                        send(topic, record);
                        byGroup.merge(group, 1, Integer::sum);
                    }
                }
                advance(partition, end);
            }
        } finally {
            release(deadLetterTopic, claim);
            countedAt = null;
        }
        int total = byGroup.values().stream().mapToInt(Integer::intValue).sum();
        if (total > 0) {
            log.info("re-drove {} dead letters of {} back to {}: {}", total, deadLetterTopic, topic, byGroup);
        }
        return new Redrive(service, topic, total, byGroup);
    }

    /**
     * This service's dead letters not re-driven yet, per source topic (only topics with some), as last counted: for
     * health, which is asked every few seconds, so the count never runs on the caller's thread — it is refreshed in
     * the background when older than a minute (and after a re-drive). Empty until first counted.
     */
    public Map<String, Long> pending() {
        Instant now = clock.instant();
        if ((countedAt == null || !now.isBefore(countedAt.plusSeconds(60))) && counting.compareAndSet(false, true)) {
            counter.execute(() -> {
                try {
                    count();
                } catch (RuntimeException e) {
                    log.warn("could not count the dead letters: {}", e.toString());
                } finally {
                    counting.set(false);
                }
            });
        }
        return counted;
    }

    /** Counts now, on this thread (reading every dead-letter partition from this service's cursors). */
    Map<String, Long> count() {
        Instant now = clock.instant();
        Map<String, Long> counts = new TreeMap<>();
        Set<String> groups = this.groups.get();
        if (!groups.isEmpty()) {
            try (Consumer<String, byte[]> consumer = consumer()) {
                for (String topic : Topics.ALL) {
                    for (TopicPartition partition : partitions(consumer, Topics.deadLetter(topic))) {
                        long from = cursor(partition);
                        // assigned first: offsets of a partition not assigned make the client warn each time
                        consumer.assign(List.of(partition));
                        long end = consumer.endOffsets(List.of(partition)).get(partition);
                        for (ConsumerRecord<String, byte[]> record : read(consumer, partition, from, end)) {
                            if (groups.contains(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
                                counts.merge(topic, 1L, Long::sum);
                            }
                        }
                    }
                }
            }
        }
        counted = counts;
        countedAt = now;
        return counts;
    }

    private Consumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
        return new KafkaConsumer<>(config);
    }

    private static List<TopicPartition> partitions(Consumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (infos != null) {
            for (PartitionInfo info : infos) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        partitions.sort(java.util.Comparator.comparingInt(TopicPartition::partition));
        return partitions;
    }

    private static List<ConsumerRecord<String, byte[]>> read(Consumer<String, byte[]> consumer,
                                                            TopicPartition partition, long from, long end) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long start = Math.max(from, consumer.beginningOffsets(List.of(partition)).get(partition));
        if (start >= end) {
            return records;
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, start);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.position(partition) < end && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL).records(partition)) {
                if (record.offset() < end) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private void send(String topic, ConsumerRecord<String, byte[]> record) {
        ProducerRecord<Object, Object> again = new ProducerRecord<>(topic, null, record.key(), record.value());
        again.headers().add("starcert-redriven-from", (record.topic() + "-" + record.partition() + "@"
                + record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(again).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-driving " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take a re-driven dead letter of " + record.topic()
                    + "; nothing after it was marked re-driven, re-drive again", e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // ---- how far each dead-letter partition is re-driven, and the claim that keeps re-drives apart ----

    private static String cursorId(TopicPartition partition) {
        return partition.topic() + "|" + partition.partition();
    }

    private long cursor(TopicPartition partition) {
        Document cursor = mongo.findById(cursorId(partition), Document.class, COLLECTION);
        return cursor == null ? 0L : ((Number) cursor.get("next")).longValue();
    }

    private void advance(TopicPartition partition, long next) {
        mongo.upsert(Query.query(Criteria.where("_id").is(cursorId(partition))), Update.update("next", next),
                COLLECTION);
    }

    private String claim(String deadLetterTopic) {
        String token = java.util.UUID.randomUUID().toString();
        Instant now = clock.instant();
        try {
            mongo.findAndModify(Query.query(new Criteria().andOperator(
                            Criteria.where("_id").is("claim|" + deadLetterTopic),
                            new Criteria().orOperator(Criteria.where("until").exists(false),
                                    Criteria.where("until").lt(java.util.Date.from(now))))),
                    Update.update("until", java.util.Date.from(now.plus(CLAIM))).set("token", token),
                    FindAndModifyOptions.options().upsert(true), Document.class, COLLECTION);
        } catch (DuplicateKeyException running) {
            throw new ApiProblemException.Conflict("a re-drive of " + deadLetterTopic + " is already running "
                    + "(here or on another instance); try again when it is done");
        }
        return token;
    }

    private void release(String deadLetterTopic, String token) {
        mongo.remove(Query.query(Criteria.where("_id").is("claim|" + deadLetterTopic).and("token").is(token)),
                COLLECTION);
    }
}
