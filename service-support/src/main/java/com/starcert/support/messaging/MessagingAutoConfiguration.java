package com.starcert.support.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.starcert.contracts.EventCodec;
import com.starcert.contracts.Topics;

/**
 * Reliable messaging for every StarCert service: idempotent producers with {@code acks=all}, CloudEvent consumers
 * behind an {@code ErrorHandlingDeserializer}, bounded in-place retries then {@code <topic>.DLT} with the cause in
 * headers, every topic and dead-letter topic created up front, and the outbox relay.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableScheduling
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    OutboxEvents outboxEvents(EventCodec codec, Clock clock,
                              @Value("${spring.application.name:starcert}") String application) {
        return new OutboxEvents(codec, "/starcert/" + application, clock);
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer reliableProducer(MessagingProperties properties) {
        int maxEventSize = (int) properties.getMaxEventSize().toBytes();
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxEventSize,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventValueSerializer.class));
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer cloudEventConsumer(MessagingProperties properties) {
        int sessionTimeout = (int) properties.getConsumerSessionTimeout().toMillis();
        return factory -> factory.updateConfigs(Map.of(
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeout,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(1_000, sessionTimeout / 3),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class,
                ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, CloudEventDeserializer.class.getName(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
    }

    /**
     * Skips an event a listener of the same group applied lately (a repeat): {@link AppliedEvents};
     * {@code starcert.messaging.applied-events-remembered} ids per instance (default 100000).
     */
    @Bean
    AppliedEvents appliedEvents(@Value("${starcert.messaging.applied-events-remembered:100000}") long remembered) {
        return new AppliedEvents(remembered);
    }

    /** Waits out the infrastructure, dead-letters what can never succeed: see {@link ConsumerFailures}. */
    @Bean
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<?, ?> template, MessagingProperties properties) {
        return ConsumerFailures.errorHandler(template, properties);
    }

    @Bean
    TopicProvisioning starcertTopics(KafkaAdmin kafkaAdmin, MessagingProperties properties) {
        return new TopicProvisioning(kafkaAdmin, properties.getPartitions(), properties.getReplicationFactor(),
                properties.getMaxEventSize().toBytes());
    }

    /** Tells the relay about every acknowledged write that put events into an outbox (see {@link OutboxWrites}). */
    @Bean
    OutboxWrites outboxWrites() {
        return new OutboxWrites();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer outboxWritesListener(OutboxWrites writes) {
        return settings -> settings.addCommandListener(writes);
    }

    @Bean
    @SuppressWarnings("unchecked")
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<?, ?> kafka, Clock clock,
                            MessagingProperties properties, OutboxWrites writes) {
        List<String> collections = new ArrayList<>();
        for (MongoPersistentEntity<?> entity : mongo.getConverter().getMappingContext().getPersistentEntities()) {
            if (OutboxAggregate.class.isAssignableFrom(entity.getType())) {
                collections.add(entity.getCollection());
            }
        }
        MessagingProperties.Outbox outbox = properties.getOutbox();
        OutboxRelay relay = new OutboxRelay(mongo, (KafkaTemplate<Object, Object>) kafka, List.copyOf(collections),
                clock, outbox.getLease(), outbox.getSendTimeout(), outbox.getBatchSize());
        writes.reportTo(relay);
        return relay;
    }

    /**
     * Health names the events parked because the broker refuses them for good, when the oldest event still waiting
     * in an outbox was written, and this service's dead letters not re-driven yet per topic (status stays UP: the
     * service works, the operator has events to look at); the parked count is also the metric
     * {@code starcert.outbox.parked}.
     */
    @Bean
    org.springframework.boot.health.contributor.HealthIndicator outboxHealthIndicator(OutboxRelay relay,
            DeadLetters deadLetters,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        meters.ifAvailable(registry -> io.micrometer.core.instrument.Gauge.builder("starcert.outbox.parked", relay,
                        OutboxRelay::parkedEvents)
                .description("events the broker refuses for good, set aside in outboxParked").register(registry));
        return () -> {
            var health = org.springframework.boot.health.contributor.Health.up()
                    .withDetail("parkedEvents", relay.parkedEvents());
            java.time.Instant oldest = relay.oldestPendingEvent();
            health.withDetail("oldestPendingEvent", oldest == null ? "none" : oldest.toString());
            try {
                health.withDetail("deadLetters", deadLetters.pending());
            } catch (RuntimeException e) {
                health.withDetail("deadLetters", "not counted: " + e.getMessage());
            }
            return health.build();
        };
    }

    /** Large event payloads kept beside their aggregates ({@link OutboxPayloads}). */
    @Bean
    OutboxPayloads outboxPayloads(MongoTemplate mongo, Clock clock) {
        return new OutboxPayloads(mongo, clock);
    }

    /** This service's dead letters and their re-drive ({@link DeadLetters}). */
    @Bean
    DeadLetters deadLetters(MongoTemplate mongo, KafkaTemplate<?, ?> kafka,
                            org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners,
                            org.springframework.boot.kafka.autoconfigure.KafkaProperties kafkaProperties, Clock clock,
                            @Value("${spring.application.name:starcert}") String application) {
        @SuppressWarnings("unchecked")
        KafkaTemplate<Object, Object> template = (KafkaTemplate<Object, Object>) kafka;
        return new DeadLetters(application, mongo, template, () -> DeadLetters.groupsOf(listeners),
                kafkaProperties.buildConsumerProperties(), clock);
    }

    @Bean
    OperationsController operationsController(DeadLetters deadLetters, OutboxRelay relay) {
        return new OperationsController(deadLetters, relay);
    }
}
