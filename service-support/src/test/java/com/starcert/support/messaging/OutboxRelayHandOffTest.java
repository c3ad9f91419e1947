package com.starcert.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.starcert.contracts.EnterpriseChanged;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.Topics;
import com.starcert.infra.Infrastructure;
import com.starcert.infra.MutableClock;
import com.starcert.infra.SharedTestInfrastructure;

/**
 * The relay publishes a committed event without waiting for its periodic pass, and two relays never both hold a
 * live lease on one document.
 */
class OutboxRelayHandOffTest {

    private final Infrastructure infra = SharedTestInfrastructure.get();
    private final EventCodec codec = new EventCodec();
    private final OutboxEvents events = new OutboxEvents(codec, "/starcert/test", Clock.systemUTC());
    private final OutboxWrites writes = new OutboxWrites();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(infra.mongoUri("relay-hand-off")))
            .addCommandListener(writes).build());
    private final MongoTemplate mongo = new MongoTemplate(client, "relay-hand-off");
    private final KafkaTemplate<Object, Object> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventValueSerializer.class)));
    private final List<OutboxRelay> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(OutboxRelay::stop);
        client.close();
    }

    @Test
    void aCommittedEventLeavesWithoutWaitingForAPass() {
        // no periodic pass runs in this test: only the hand-off from the write can publish
        OutboxRelay relay = new OutboxRelay(mongo, kafka, List.of("aggregates"), Clock.systemUTC(),
                Duration.ofSeconds(30), Duration.ofSeconds(10), 100);
        writes.reportTo(relay);
        relay.start();
        started.add(relay);
        String enterprise = UUID.randomUUID().toString();

        // a document saved with one event, then an update pushing a second one
        mongo.insert(new Document("_id", enterprise).append("outbox", List.of(document(changed(enterprise, 1)))),
                "aggregates");
        OutboxMessage second = changed(enterprise, 2);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(enterprise)),
                new Update().push("outbox", document(second)), "aggregates");

        List<String> published = read(enterprise, 2);
        assertThat(published).hasSize(2).last().isEqualTo(second.eventId());
        assertThat(awaitOutbox(enterprise)).isEmpty();
    }

    @Test
    void eventsMadePendingByOneMultiDocumentUpdateLeaveWithoutWaitingForAPass() {
        OutboxRelay relay = new OutboxRelay(mongo, kafka, List.of("aggregates"), Clock.systemUTC(),
                Duration.ofSeconds(30), Duration.ofSeconds(10), 2);
        writes.reportTo(relay);
        relay.start();
        started.add(relay);
        String batch = UUID.randomUUID().toString();
        List<String> enterprises = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String enterprise = UUID.randomUUID().toString();
            enterprises.add(enterprise);
            // staged like an import: the event waits outside the outbox until the import is made visible
            mongo.insert(new Document("_id", enterprise).append("batch", batch)
                    .append("staged", List.of(document(changed(enterprise, 1)))), "aggregates");
        }

        mongo.updateMulti(Query.query(Criteria.where("batch").is(batch)), new Update().rename("staged", "outbox"),
                "aggregates");

        for (String enterprise : enterprises) {
            assertThat(read(enterprise, 1)).hasSize(1);
            assertThat(awaitOutbox(enterprise)).isEmpty();
        }
    }

    @Test
    void twoRelaysNeverBothHoldALiveLease() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
        OutboxRelay first = new OutboxRelay(mongo, kafka, List.of("leases"), clock, Duration.ofSeconds(10),
                Duration.ofSeconds(10), 100);
        OutboxRelay second = new OutboxRelay(mongo, kafka, List.of("leases"), clock, Duration.ofSeconds(10),
                Duration.ofSeconds(10), 100);
        String enterprise = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", enterprise).append("outbox", List.of(document(changed(enterprise, 1)))),
                "leases");

        assertThat(first.claim("leases", enterprise)).isNotNull();
        // the first relay's lease is live: the second neither claims nor sends, by hand-off or by its pass
        assertThat(second.claim("leases", enterprise)).isNull();
        assertThat(second.send("leases", List.of(enterprise))).isZero();
        assertThat(second.relay("leases")).isZero();
        assertThat(mongo.findById(enterprise, Document.class, "leases").getString(OutboxRelay.OWNER))
                .isEqualTo(first.owner());

        // the first relay died holding it: once its lease has run out, the second takes over and sends
        clock.advance(Duration.ofSeconds(11));
        assertThat(second.relay("leases")).isEqualTo(1);
        Document after = mongo.findById(enterprise, Document.class, "leases");
        assertThat(after.getList("outbox", Object.class)).isEmpty();
        assertThat(after.containsKey(OutboxRelay.OWNER)).isFalse();
        assertThat(first.claim("leases", enterprise)).as("nothing left to claim").isNull();
    }

    private OutboxMessage changed(String enterprise, int version) {
        return events.message(new EnterpriseChanged(enterprise, EnterpriseChanged.Change.UPDATED, version,
                "名称 " + version, "91350100M000100Y43", "350100", "line"), "corr-" + version);
    }

    private Object document(OutboxMessage message) {
        return mongo.getConverter().convertToMongoType(message);
    }

    private List<Object> awaitOutbox(String id) {
        long deadline = System.currentTimeMillis() + 10_000;
        List<Object> outbox = mongo.findById(id, Document.class, "aggregates").getList("outbox", Object.class);
        while (!outbox.isEmpty() && System.currentTimeMillis() < deadline) {
            sleep();
            outbox = mongo.findById(id, Document.class, "aggregates").getList("outbox", Object.class);
        }
        return outbox;
    }

    private List<String> read(String key, int count) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", infra.kafkaBootstrapServers(), "group.id", UUID.randomUUID().toString(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ENTERPRISE_CHANGED));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && seen.size() < count) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        seen.add(codec.read(record.value()).id());
                    }
                }
            }
        }
        return seen;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
