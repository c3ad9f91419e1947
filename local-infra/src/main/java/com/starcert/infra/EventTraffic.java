package com.starcert.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.starcert.contracts.EventCodec;
import com.starcert.contracts.IntegrationEvent;

/**
 * Test traffic on the shared test broker, the way other teams' clients meet our topics: real CloudEvents written
 * with a plain producer, and a topic read back from the beginning with a plain consumer.
 */
public final class EventTraffic {

    private static final EventCodec CODEC = new EventCodec();
    private static KafkaProducer<String, byte[]> producer;

    private EventTraffic() {
    }

    /** Publishes {@code event} as a CloudEvent from {@code source} on its own topic; returns the bytes sent. */
    public static byte[] send(IntegrationEvent event, String source) {
        return send(event, source, "corr-" + UUID.randomUUID());
    }

    public static byte[] send(IntegrationEvent event, String source, String correlationId) {
        byte[] bytes = CODEC.writeBytes(CODEC.wrap(event, source, correlationId, Instant.now()));
        sendBytes(event.eventType().topic(), event.partitionKey(), bytes);
        return bytes;
    }

    /** Publishes raw bytes (a replay, or a malformed message) and waits for the broker's acknowledgement. */
    public static void sendBytes(String topic, String key, byte[] bytes) {
        try {
            producer().send(new ProducerRecord<>(topic, key, bytes)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Everything on the topic so far, read from the beginning of every partition up to its current end. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfrastructure.get().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
            KafkaProducer<String, byte[]> created = producer;
            Runtime.getRuntime().addShutdownHook(new Thread(created::close, "starcert-test-producer-close"));
        }
        return producer;
    }
}
