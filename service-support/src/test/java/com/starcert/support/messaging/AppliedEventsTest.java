package com.starcert.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

import com.starcert.contracts.AuditReturned;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
import com.starcert.infra.SharedTestInfrastructure;

/** A repeated event (same id) reaches a group's listener once; another group applies it too; a failure is retried. */
class AppliedEventsTest {

    private static final EventCodec CODEC = new EventCodec();

    @Test
    void aRepeatIsSkippedPerGroupAndOnlyWhatSucceededIsRemembered() throws Exception {
        String topic = "applied-test-" + UUID.randomUUID();
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        CloudEvent event = CODEC.wrap(new AuditReturned("A-1", 1, "E-1", "typo", Instant.now()), "/test", "c-1",
                Instant.now());
        CloudEvent other = CODEC.wrap(new AuditReturned("A-2", 1, "E-1", "typo", Instant.now()), "/test", "c-2",
                Instant.now());
        AppliedEvents applied = new AppliedEvents(1_000);
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        String groupOne = "one-" + UUID.randomUUID();
        var one = container(topic, groupOne, applied, record -> {
            CloudEvent e = (CloudEvent) record.value();
            if (e.id().equals(other.id()) && failOnce.getAndSet(false)) {
                throw new DataAccessResourceFailureException("store stalled");
            }
            first.add(e.id());
        });
        var two = container(topic, "two-" + UUID.randomUUID(), applied, record ->
                second.add(((CloudEvent) record.value()).id()));
        try {
            send(topic, event, event, other, event);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((first.size() < 2 || second.size() < 2) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(500);
            assertThat(first).containsExactly(event.id(), other.id());
            assertThat(second).containsExactly(event.id(), other.id());
            assertThat(applied.applied(groupOne, other.id())).isTrue();
        } finally {
            one.stop();
            two.stop();
        }
    }

    private static String bootstrap() {
        return SharedTestInfrastructure.get().kafkaBootstrapServers();
    }

    private static void send(String topic, CloudEvent... events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()), new StringSerializer(),
                new ByteArraySerializer())) {
            for (CloudEvent event : events) {
                producer.send(new ProducerRecord<>(topic, "E-1", CODEC.writeBytes(event))).get();
            }
        }
    }

    private static KafkaMessageListenerContainer<Object, Object> container(String topic, String group,
            AppliedEvents applied, MessageListener<Object, Object> listener) {
        MessagingProperties properties = new MessagingProperties();
        properties.getInfrastructureRetry().setInitialInterval(Duration.ofMillis(50));
        DefaultKafkaConsumerFactory<Object, Object> consumers = new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class));
        ContainerProperties containerProperties = new ContainerProperties(topic);
        containerProperties.setMessageListener(listener);
        KafkaMessageListenerContainer<Object, Object> container =
                new KafkaMessageListenerContainer<>(consumers, containerProperties);
        container.setRecordInterceptor(applied);
        container.setCommonErrorHandler(ConsumerFailures.errorHandler(new org.springframework.kafka.core.KafkaTemplate<>(
                new org.springframework.kafka.core.DefaultKafkaProducerFactory<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventValueSerializer.class))), properties));
        container.start();
        return container;
    }
}
