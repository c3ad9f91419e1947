package com.starcert.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EnterpriseChanged;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.Topics;
import com.starcert.infra.Infrastructure;
import com.starcert.infra.SharedTestInfrastructure;

/** The relay against the real broker and the Mongo wire server: publishes in order, then empties the outbox. */
class OutboxRelayTest {

    private final Infrastructure infra = SharedTestInfrastructure.get();
    private final EventCodec codec = new EventCodec();
    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(infra.mongoUri("relay-test")),
            "relay-test");
    private final OutboxEvents events = new OutboxEvents(codec, "/starcert/test", Clock.systemUTC());

    /** A producer to the test broker, with these settings on top of acks=all and the services' serialisers. */
    private KafkaTemplate<Object, Object> kafka(Map<String, Object> settings) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventValueSerializer.class));
        config.putAll(settings);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    private OutboxRelay relay(KafkaTemplate<Object, Object> kafka, String collection) {
        return new OutboxRelay(mongo, kafka, List.of(collection), Clock.systemUTC(), Duration.ofSeconds(30),
                Duration.ofSeconds(10), 10);
    }

    /** The first {@code count} enterprise.changed records keyed by {@code enterprise}, read within 30 s. */
    private List<ConsumerRecord<String, String>> published(String enterprise, int count) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", infra.kafkaBootstrapServers(), "group.id", UUID.randomUUID().toString(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ENTERPRISE_CHANGED));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && seen.size() < count) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (enterprise.equals(r.key())) {
                        seen.add(r);
                    }
                }
            }
        }
        return seen;
    }

    @Test
    void publishesPendingEventsKeyedByEnterpriseAndRemovesThem() {
        KafkaTemplate<Object, Object> kafka = kafka(Map.of());
        String enterprise = UUID.randomUUID().toString();
        OutboxMessage first = events.message(new EnterpriseChanged(enterprise, EnterpriseChanged.Change.REGISTERED, 1,
                "A", "91350100M000100Y43", "350100", "line"), "corr-1");
        OutboxMessage second = events.message(new EnterpriseChanged(enterprise, EnterpriseChanged.Change.UPDATED, 2,
                "B", "91350100M000100Y43", "350100", "line"), "corr-1");
        Document aggregate = new Document("_id", enterprise).append("outbox", List.of(
                mongo.getConverter().convertToMongoType(first), mongo.getConverter().convertToMongoType(second)));
        mongo.insert(aggregate, "aggregates");
        mongo.insert(new Document("_id", "nothing-pending").append("outbox", List.of()), "aggregates");

        OutboxRelay relay = relay(kafka, "aggregates");
        assertThat(relay.relay("aggregates")).isEqualTo(2);
        assertThat(relay.relay("aggregates")).isZero();
        assertThat(mongo.findById(enterprise, Document.class, "aggregates").getList("outbox", Object.class)).isEmpty();

        List<CloudEvent> mine = published(enterprise, 2).stream().map(r -> codec.read(r.value())).toList();
        assertThat(mine).extracting(CloudEvent::id).containsExactly(first.eventId(), second.eventId());
        assertThat(mine.get(0).correlationid()).isEqualTo("corr-1");
        assertThat(codec.data(mine.get(1), EnterpriseChanged.class).name()).isEqualTo("B");
    }

    @Test
    void payloadsKeptBesideTheDocumentGoOutAndAreRemovedOrphansAreSweptAfterAnHour() {
        KafkaTemplate<Object, Object> kafka = kafka(Map.of());
        String enterprise = UUID.randomUUID().toString();
        OutboxMessage inline = events.message(new EnterpriseChanged(enterprise, EnterpriseChanged.Change.REGISTERED,
                1, "A", "91350100M000100Y43", "350100", "line"), "corr-4");
        OutboxMessage large = events.message(new EnterpriseChanged(enterprise, EnterpriseChanged.Change.UPDATED, 2,
                "大".repeat(50_000), "91350100M000100Y43", "350100", "line"), "corr-4");
        OutboxPayloads payloads = new OutboxPayloads(mongo, Clock.systemUTC());
        List<OutboxMessage> references = payloads.storeBeside("beside", enterprise, List.of(large));
        assertThat(references).singleElement().satisfies(r -> {
            assertThat(r.payload()).isNull();
            assertThat(r.eventId()).isEqualTo(large.eventId());
        });
        mongo.insert(new Document("_id", enterprise).append("outbox", List.of(
                mongo.getConverter().convertToMongoType(inline),
                mongo.getConverter().convertToMongoType(references.get(0)))), "beside");
        assertThat(mongo.findById(enterprise, Document.class, "beside").toJson().length())
                .as("the document holds the reference, not the payload").isLessThan(5_000);

        OutboxRelay relay = relay(kafka, "beside");
        assertThat(relay.relay("beside")).isEqualTo(2);
        assertThat(mongo.findById(large.eventId(), Document.class, OutboxPayloads.COLLECTION))
                .as("removed once acknowledged").isNull();
        assertThat(published(enterprise, 2)).extracting(ConsumerRecord::value)
                .containsExactly(inline.payload(), large.payload());

        // a payload whose aggregate write failed: nobody names it; swept once it is an hour old, not before
        String orphanOf = UUID.randomUUID().toString();
        OutboxMessage orphan = events.message(new EnterpriseChanged(orphanOf, EnterpriseChanged.Change.UPDATED, 2,
                "C", "91350100M000100Y43", "350100", "line"), "corr-5");
        payloads.storeBeside("beside", orphanOf, List.of(orphan));
        // and one still named by a pending outbox
        String pendingOf = UUID.randomUUID().toString();
        OutboxMessage pending = events.message(new EnterpriseChanged(pendingOf, EnterpriseChanged.Change.UPDATED, 2,
                "D", "91350100M000100Y43", "350100", "line"), "corr-6");
        mongo.insert(new Document("_id", pendingOf).append("outbox", List.of(mongo.getConverter().convertToMongoType(
                payloads.storeBeside("beside", pendingOf, List.of(pending)).get(0)))), "beside");
        assertThat(payloads.sweepOrphans(100)).isZero();
        OutboxPayloads later = new OutboxPayloads(mongo, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(61)));
        assertThat(later.sweepOrphans(100)).isEqualTo(1);
        assertThat(mongo.findById(orphan.eventId(), Document.class, OutboxPayloads.COLLECTION)).isNull();
        assertThat(mongo.findById(pending.eventId(), Document.class, OutboxPayloads.COLLECTION)).isNotNull();
    }

    @Test
    void anEventTheBrokerRefusesForGoodIsParkedAndTheRestStillGoOut() {
        // stands for the broker's message size limit
        KafkaTemplate<Object, Object> kafka = kafka(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4_000));
        String enterprise = UUID.randomUUID().toString();
        OutboxMessage tooLarge = events.message(new EnterpriseChanged(enterprise,
                EnterpriseChanged.Change.REGISTERED, 1, "A".repeat(10_000), "91350100M000100Y43", "350100", "line"),
                "corr-2");
        OutboxMessage after = events.message(new EnterpriseChanged(enterprise, EnterpriseChanged.Change.UPDATED, 2,
                "B", "91350100M000100Y43", "350100", "line"), "corr-2");
        mongo.insert(new Document("_id", enterprise).append("outbox", List.of(
                mongo.getConverter().convertToMongoType(tooLarge), mongo.getConverter().convertToMongoType(after))),
                "parking");

        OutboxRelay relay = relay(kafka, "parking");
        assertThat(relay.relay("parking")).as("the event after it went out").isEqualTo(1);
        Document stored = mongo.findById(enterprise, Document.class, "parking");
        assertThat(stored.getList("outbox", Object.class)).isEmpty();
        List<Document> parked = stored.getList(OutboxRelay.PARKED, Document.class);
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).getString("eventId")).isEqualTo(tooLarge.eventId());
        assertThat(parked.get(0).getString("cause")).contains("RecordTooLarge");
        assertThat(relay.parkedEvents()).isEqualTo(1);
        assertThat(relay.relay("parking")).as("a parked event is not tried again").isZero();

        // put back while the cause is still there: it is parked again, with its cause, nothing doubled
        assertThat(relay.resendParked().byCollection()).containsEntry("parking", 1L);
        assertThat(relay.relay("parking")).isZero();
        stored = mongo.findById(enterprise, Document.class, "parking");
        assertThat(stored.getList("outbox", Object.class)).isEmpty();
        assertThat(stored.getList(OutboxRelay.PARKED, Document.class)).extracting(d -> d.getString("eventId"))
                .containsExactly(tooLarge.eventId());

        // the operator removes the cause (a larger limit here) and puts it back: it goes out, nothing stays parked
        OutboxRelay fixed = relay(kafka(Map.of()), "parking");
        OutboxRelay.Resend resend = fixed.resendParked();
        assertThat(resend.resent()).isEqualTo(1);
        stored = mongo.findById(enterprise, Document.class, "parking");
        assertThat(stored.getList(OutboxRelay.PARKED, Document.class)).isEmpty();
        assertThat(stored.getList("outbox", Document.class)).singleElement()
                .satisfies(event -> assertThat(event).doesNotContainKeys("cause", "parkedAt"));
        assertThat(fixed.relay("parking")).isEqualTo(1);
        assertThat(fixed.parkedEvents()).isZero();
        assertThat(fixed.resendParked().resent()).as("nothing left to put back").isZero();
    }

    @Test
    void aLargeEventGoesOutCompressed() {
        // the services' producer settings (MessagingAutoConfiguration): up to 8 MB an event, lz4-compressed
        KafkaTemplate<Object, Object> kafka = kafka(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        String enterprise = UUID.randomUUID().toString();
        String name = "华星电器售后服务网点".repeat(300_000); // about 9 MB of UTF-8 before compression
        OutboxMessage large = events.message(new EnterpriseChanged(enterprise, EnterpriseChanged.Change.REGISTERED, 1,
                name.substring(0, 2_000_000), "91350100M000100Y43", "350100", "line"), "corr-3");
        mongo.insert(new Document("_id", enterprise).append("outbox", List.of(
                mongo.getConverter().convertToMongoType(large))), "large");

        OutboxRelay relay = relay(kafka, "large");
        assertThat(relay.relay("large")).isEqualTo(1);
        assertThat(relay.parkedEvents()).isZero();

        assertThat(published(enterprise, 1)).singleElement().satisfies(found -> assertThat(
                codec.data(codec.read(found.value()), EnterpriseChanged.class).name()).hasSize(2_000_000));
    }
}
