package com.starcert.support.messaging;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RecordInterceptor;

import com.starcert.contracts.CloudEvent;

/**
 * The ids of the events this instance's record listeners applied lately, per consumer group, so that a repeat is
 * skipped before it reaches the listener: the relay sends an event again when a send timed out although the broker
 * had stored it, and a re-drive puts dead letters back on a topic that other groups had already applied. The
 * durable guarantee stays with the listeners themselves (natural keys, unique indexes, conditional updates), which
 * make a repeat that is not remembered here — after a restart, on another instance — change nothing; this only
 * spares the store the repeat. Batch listeners (outlet and enterprise changes) apply by version, where a repeat is
 * older than or equal to what is stored and changes nothing.
 *
 * <p>An id is remembered only after its listener succeeded; a failed record is not remembered and is retried.
 */
public class AppliedEvents implements RecordInterceptor<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(AppliedEvents.class);

    private final Cache<String, Boolean> applied;

    public AppliedEvents(long maximumSize) {
        this.applied = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        String key = key(record, consumer);
        if (key != null && applied.getIfPresent(key) != null) {
            log.info("{}-{}@{}: event {} was applied already, skipped", record.topic(), record.partition(),
                    record.offset(), ((CloudEvent) record.value()).id());
            return null;
        }
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        String key = key(record, consumer);
        if (key != null) {
            applied.put(key, Boolean.TRUE);
        }
    }

    /** Whether this group applied the event (for tests and the log). */
    boolean applied(String group, String eventId) {
        return applied.getIfPresent(group + "|" + eventId) != null;
    }

    private static String key(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        if (!(record.value() instanceof CloudEvent event) || event.id() == null) {
            return null;
        }
        String group = consumer == null ? "" : consumer.groupMetadata().groupId();
        return group + "|" + event.id();
    }
}
