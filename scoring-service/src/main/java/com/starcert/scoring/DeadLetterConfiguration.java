package com.starcert.scoring;

import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import com.starcert.contracts.MalformedEventException;
import com.starcert.contracts.Topics;
import com.starcert.support.messaging.MessagingProperties;

/**
 * Dead-letters to {@code <topic>.DLT} ({@link Topics#deadLetter}), the topic the support module creates and the
 * contract names. The support module's error handler relies on the recoverer's default destination, which
 * spring-kafka 4 changed to {@code <topic>-dlt}; until that is fixed there, this service's listener factory uses
 * the same handler (same retries, malformed events unretried) with the destination stated explicitly.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            KafkaTemplate<?, ?> template, MessagingProperties properties) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(properties.getRetryInterval().toMillis(), Math.max(0, properties.getAttempts() - 1)));
        handler.addNotRetryableExceptions(MalformedEventException.class);
        factory.setCommonErrorHandler(handler);
        return factory;
    }
}
