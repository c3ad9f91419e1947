package com.starcert.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import com.starcert.contracts.Topics;

/**
 * Watches the decision topics with a plain Kafka consumer of its own (as any integrator would): when each audit's
 * first decision arrived, and how many distinct decision events each audit got.
 */
final class Decisions implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> eventIds = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    Decisions(String bootstrapServers) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers, "group.id", "bench-" + UUID.randomUUID(),
                "auto.offset.reset", "latest", "enable.auto.commit", "false"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.CERTIFICATE_ISSUED, Topics.CERTIFICATE_REFUSED));
        // join the group and take the current end before anything is submitted
        long deadline = System.currentTimeMillis() + 30_000;
        while (consumer.assignment().isEmpty() && System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        poller = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        JsonNode event = JSON.readTree(record.value());
                        String auditId = event.path("data").path("auditId").asString();
                        firstSeenNanos.putIfAbsent(auditId, now);
                        eventIds.computeIfAbsent(auditId, a -> ConcurrentHashMap.newKeySet())
                                .add(event.path("id").asString());
                    }
                }
            }
        }, "bench-decisions");
        poller.setDaemon(true);
        poller.start();
    }

    Long decidedAt(String auditId) {
        return firstSeenNanos.get(auditId);
    }

    int decided(Set<String> auditIds) {
        return (int) auditIds.stream().filter(firstSeenNanos::containsKey).count();
    }

    /** Audits with more than one distinct decision event (a decision taken twice). */
    int decidedTwice(Set<String> auditIds) {
        Set<String> twice = new HashSet<>();
        eventIds.forEach((audit, ids) -> {
            if (auditIds.contains(audit) && ids.size() > 1) {
                twice.add(audit);
            }
        });
        return twice.size();
    }

    boolean awaitAll(Set<String> auditIds, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (decided(auditIds) == auditIds.size()) {
                return true;
            }
            sleep(100);
        }
        return false;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
