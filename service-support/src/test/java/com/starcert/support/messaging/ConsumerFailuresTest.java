package com.starcert.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import com.starcert.contracts.MalformedEventException;
import com.starcert.contracts.Topics;
import com.starcert.infra.SharedTestInfrastructure;

/**
 * A store that stalls longer than the bounded attempts does not send records to the dead-letter topic: they are
 * tried until the store answers, in order per partition; what can never succeed still is dead-lettered. Against
 * the real broker, with the error handler every StarCert service uses.
 */
class ConsumerFailuresTest {

    @Test
    void theInfrastructureIsTellingFromPoison() {
        assertThat(ConsumerFailures.isInfrastructure(new DataAccessResourceFailureException("store down"))).isTrue();
        assertThat(ConsumerFailures.isInfrastructure(new ListenerExecutionFailedException("listener failed",
                new DataAccessResourceFailureException("down", new MongoTimeoutException("no server"))))).isTrue();
        assertThat(ConsumerFailures.isInfrastructure(new IllegalStateException("wrapped",
                new MongoSocketReadException("reset", new ServerAddress())))).isTrue();
        assertThat(ConsumerFailures.isInfrastructure(new OptimisticLockingFailureException("changed meanwhile")))
                .isTrue();
        assertThat(ConsumerFailures.isInfrastructure(new RuntimeException(new ConnectException("refused")))).isTrue();

        assertThat(ConsumerFailures.isInfrastructure(new MalformedEventException("no auditId"))).isFalse();
        assertThat(ConsumerFailures.isInfrastructure(new MalformedEventException("bad",
                new DataAccessResourceFailureException("x")))).as("malformed wins").isFalse();
        assertThat(ConsumerFailures.isInfrastructure(new IllegalStateException("unknown scheme GBT27922-2011 v9")))
                .isFalse();
    }

    @Test
    void aStoreStallLongerThanTheAttemptsIsWaitedOutInOrderAndNothingIsDeadLettered() throws Exception {
        String topic = "failures-test-" + UUID.randomUUID();
        createTopics(topic);
        MessagingProperties properties = fastRetries();
        AtomicInteger stalls = new AtomicInteger(6); // twice the bounded attempts
        List<String> applied = new CopyOnWriteArrayList<>();
        KafkaMessageListenerContainer<String, String> container = container(topic, properties,
                (MessageListener<String, String>) record -> {
                    if (stalls.getAndDecrement() > 0) {
                        throw new DataAccessResourceFailureException("store unreachable",
                                new MongoTimeoutException("timed out waiting for a server"));
                    }
                    applied.add(record.value());
                });
        try {
            send(topic, "E1", "first", "second", "third");
            awaitSize(applied, 3, Duration.ofSeconds(30));
            assertThat(applied).containsExactly("first", "second", "third");
            assertThat(stalls.get()).isNegative();
        } finally {
            container.stop();
        }
        assertThat(read(Topics.deadLetter(topic), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void whatCanNeverSucceedIsDeadLetteredAfterTheAttemptsAndTheRestGoesOn() throws Exception {
        String topic = "failures-test-" + UUID.randomUUID();
        createTopics(topic);
        MessagingProperties properties = fastRetries();
        AtomicInteger attempts = new AtomicInteger();
        List<String> applied = new CopyOnWriteArrayList<>();
        KafkaMessageListenerContainer<String, String> container = container(topic, properties,
                (MessageListener<String, String>) record -> {
                    if (record.value().equals("unknown-scheme")) {
                        attempts.incrementAndGet();
                        throw new IllegalStateException("unknown scheme GBT27922-2011 version 9");
                    }
                    if (record.value().equals("malformed")) {
                        throw new MalformedEventException("no auditId");
                    }
                    applied.add(record.value());
                });
        try {
            send(topic, "E1", "unknown-scheme", "malformed", "fine");
            awaitSize(applied, 1, Duration.ofSeconds(30));
            assertThat(applied).containsExactly("fine");
        } finally {
            container.stop();
        }
        assertThat(attempts.get()).isEqualTo(properties.getAttempts());
        assertThat(read(Topics.deadLetter(topic), Duration.ofSeconds(10))).extracting(ConsumerRecord::value)
                .containsExactly("unknown-scheme", "malformed");
    }

    private static MessagingProperties fastRetries() {
        MessagingProperties properties = new MessagingProperties();
        properties.setRetryInterval(Duration.ofMillis(50));
        properties.getInfrastructureRetry().setInitialInterval(Duration.ofMillis(50));
        properties.getInfrastructureRetry().setMaxInterval(Duration.ofMillis(200));
        return properties;
    }

    private static String bootstrap() {
        return SharedTestInfrastructure.get().kafkaBootstrapServers();
    }

    private static void createTopics(String topic) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1),
                    new NewTopic(Topics.deadLetter(topic), 1, (short) 1))).all().get();
        }
    }

    private static KafkaTemplate<String, String> template() {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()), new StringSerializer(), new StringSerializer()));
    }

    private static KafkaMessageListenerContainer<String, String> container(String topic,
            MessagingProperties properties, MessageListener<String, String> listener) {
        DefaultKafkaConsumerFactory<String, String> consumers = new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "failures-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        ContainerProperties containerProperties = new ContainerProperties(topic);
        containerProperties.setMessageListener(listener);
        KafkaMessageListenerContainer<String, String> container =
                new KafkaMessageListenerContainer<>(consumers, containerProperties);
        container.setCommonErrorHandler(ConsumerFailures.errorHandler(template(), properties));
        container.start();
        return container;
    }

    private static void send(String topic, String key, String... values) throws Exception {
        KafkaTemplate<String, String> template = template();
        for (String value : values) {
            template.send(topic, key, value).get();
        }
    }

    private static void awaitSize(List<?> list, int size, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static List<ConsumerRecord<String, String>> read(String topic, Duration quiet) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long until = System.nanoTime() + quiet.toNanos();
            while (System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
