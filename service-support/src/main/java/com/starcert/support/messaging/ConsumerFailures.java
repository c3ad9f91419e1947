package com.starcert.support.messaging;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import com.starcert.contracts.MalformedEventException;
import com.starcert.contracts.Topics;

/**
 * What a consumer does when handling a record fails. Three kinds of failure:
 *
 * <ul>
 *   <li><b>the infrastructure</b> ({@link #isInfrastructure}: the store unreachable or timing out, a write conflict,
 *       the broker not answering): the record is tried again in place, with exponential back-off
 *       ({@code starcert.messaging.infrastructure-retry}), for as long as it takes — a MongoDB stall of a few seconds
 *       or minutes only delays the partition, whose later records wait behind it, so one enterprise's events keep
 *       their order and none is dead-lettered;</li>
 *   <li><b>a malformed event</b> ({@link MalformedEventException}: not a StarCert CloudEvent, or failing the
 *       contract's validation): it can never succeed, so it goes to {@code <topic>.DLT} at once;</li>
 *   <li><b>anything else</b> (e.g. an audit naming a scheme version not known yet, or a bug): tried
 *       {@code starcert.messaging.attempts} times {@code retry-interval} apart, then dead-lettered with its cause,
 *       where an operator can re-drive it once the cause is gone.</li>
 * </ul>
 *
 * A record whose failure changes kind starts counting afresh (spring-kafka's reset on exception change).
 */
public final class ConsumerFailures {

    private static final Logger log = LoggerFactory.getLogger(ConsumerFailures.class);

    private ConsumerFailures() {
    }

    /** The error handler every StarCert listener container uses; dead letters go to the same partition. */
    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, MessagingProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition())) {
            @Override
            public void accept(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record,
                               org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Exception exception) {
                super.accept(record, consumer, unwrapped(exception));
            }
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(properties.getRetryInterval().toMillis(), Math.max(0, properties.getAttempts() - 1)));
        handler.addNotRetryableExceptions(MalformedEventException.class);
        BackOff infrastructure = infrastructureBackOff(properties.getInfrastructureRetry());
        handler.setBackOffFunction((record, exception) -> {
            if (exception != null && isInfrastructure(exception)) {
                log.warn("{}-{}@{} waits for the infrastructure and will be tried again: {}", record.topic(),
                        record.partition(), record.offset(), rootMessage(exception));
                return infrastructure;
            }
            return null; // the handler's own: bounded attempts, then the dead-letter topic
        });
        handler.setResetStateOnExceptionChange(true);
        return handler;
    }

    /**
     * The failure itself for the dead letter's {@code kafka_dlt-exception-*} headers, not the container's wrappers
     * around it (a listener's, and a batch listener's naming the failed record), so an operator reads what went wrong.
     */
    static Exception unwrapped(Exception exception) {
        Exception e = exception;
        while ((e instanceof org.springframework.kafka.listener.ListenerExecutionFailedException
                || e instanceof org.springframework.kafka.listener.BatchListenerFailedException)
                && e.getCause() instanceof Exception cause && cause != e) {
            e = cause;
        }
        return e;
    }

    static BackOff infrastructureBackOff(MessagingProperties.InfrastructureRetry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.getInitialInterval().toMillis(),
                retry.getMultiplier());
        backOff.setMaxInterval(retry.getMaxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    /**
     * Whether the failure (or any of its causes) is the infrastructure's: worth waiting out, never a reason to
     * dead-letter. A malformed event anywhere in the chain is never the infrastructure's.
     */
    public static boolean isInfrastructure(Throwable failure) {
        boolean infrastructure = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException) {
                return false;
            }
            infrastructure |= t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException
                    || t instanceof MongoExecutionTimeoutException
                    || t instanceof MongoNotPrimaryException
                    || t instanceof MongoNodeIsRecoveringException
                    || t instanceof MongoConnectionPoolClearedException
                    || (t instanceof MongoException mongo && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                        || mongo.hasErrorLabel("RetryableWriteError")))
                    || t instanceof RetriableException
                    || t instanceof ConnectException
                    || t instanceof SocketTimeoutException
                    || t instanceof TimeoutException;
        }
        return infrastructure;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
