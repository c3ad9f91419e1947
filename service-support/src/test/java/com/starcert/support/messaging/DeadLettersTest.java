package com.starcert.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import com.starcert.contracts.Topics;
import com.starcert.infra.SharedTestInfrastructure;
import com.starcert.support.problem.ApiProblemException;

/** Each service re-drives only the dead letters its own consumer groups wrote, once, back to the source topic. */
class DeadLettersTest {

    private static final String TOPIC = Topics.AUDIT_RETURNED;

    private final String mine = "mine-" + UUID.randomUUID();
    private final String other = "other-" + UUID.randomUUID();
    private final MongoClient client = MongoClients.create(SharedTestInfrastructure.get()
            .mongoUri("dead-letters-" + UUID.randomUUID()));
    private final MongoTemplate mongo = new MongoTemplate(client, "dead-letters-" + UUID.randomUUID());
    private final KafkaTemplate<Object, Object> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventValueSerializer.class)));

    @AfterEach
    void close() {
        client.close();
    }

    private DeadLetters deadLetters() {
        return new DeadLetters("test-service", mongo, kafka, () -> Set.of(mine, mine + "-programme"),
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()), Clock.systemUTC());
    }

    @Test
    void onlyThisServicesDeadLettersGoBackToTheSourceTopicAndOnlyOnce() throws Exception {
        String marker = UUID.randomUUID().toString();
        deadLetter("E1", marker + "-1", mine);
        deadLetter("E2", marker + "-2", mine + "-programme");
        deadLetter("E3", marker + "-3", other);
        DeadLetters deadLetters = deadLetters();
        assertThat(deadLetters.count()).containsEntry(TOPIC, 2L);

        DeadLetters.Redrive first = deadLetters.redrive(TOPIC);

        assertThat(first.redriven()).isEqualTo(2);
        assertThat(first.byConsumerGroup()).containsEntry(mine, 1).containsEntry(mine + "-programme", 1);
        List<ConsumerRecord<String, String>> back = read(TOPIC, marker);
        assertThat(back).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(marker + "-1", marker + "-2");
        assertThat(back).allSatisfy(r -> assertThat(r.headers().lastHeader("starcert-redriven-from")).isNotNull());
        assertThat(back).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("E1", "E2");
        assertThat(deadLetters.count()).doesNotContainKey(TOPIC);

        assertThat(deadLetters.redrive(TOPIC).redriven()).as("already re-driven").isZero();
        assertThat(read(TOPIC, marker)).hasSize(2);
    }

    @Test
    void anUnknownTopicOrAReDriveAlreadyRunningIsRefused() {
        DeadLetters deadLetters = deadLetters();
        assertThatThrownBy(() -> deadLetters.redrive(Topics.deadLetter(TOPIC)))
                .isInstanceOf(ApiProblemException.InvalidRequest.class).hasMessageContaining("topic");
        assertThatThrownBy(() -> deadLetters.redrive("../etc"))
                .isInstanceOf(ApiProblemException.InvalidRequest.class);

        mongo.insert(new Document("_id", "claim|" + Topics.deadLetter(TOPIC))
                .append("until", new Date(System.currentTimeMillis() + 60_000)).append("token", "other"),
                DeadLetters.COLLECTION);
        assertThatThrownBy(() -> deadLetters.redrive(TOPIC)).isInstanceOf(ApiProblemException.Conflict.class)
                .hasMessageContaining("already running");
    }

    private static String bootstrap() {
        return SharedTestInfrastructure.get().kafkaBootstrapServers();
    }

    private static void deadLetter(String key, String value, String group) throws Exception {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()), new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.deadLetter(TOPIC), key,
                    value.getBytes(StandardCharsets.UTF_8));
            record.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    /** The records of the topic carrying the marker, read from the beginning. */
    private static List<ConsumerRecord<String, String>> read(String topic, String marker) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "read-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < until) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && r.value().startsWith(marker)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }
}
