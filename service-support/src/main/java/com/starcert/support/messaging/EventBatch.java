package com.starcert.support.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.MalformedEventException;

/**
 * How a batch listener ({@code @KafkaListener(batch = "true")}) hands a poll's records to one bulk write without
 * giving up what the record listeners guarantee: the records are decoded in order; everything before the first
 * record that cannot be decoded is applied in one go; that record then goes to the error handler as the failed one
 * (a malformed one is not retried and goes to {@code <topic>.DLT}; any other failure is classified by the error
 * handler as for a record listener), and the records after it are delivered again — never dead-lettered with it. When the
 * write itself fails, the whole batch is retried from its first record, as a record listener would be, unless the
 * write names the record that failed ({@code BatchListenerFailedException} with its index), which is then handled as
 * that record's failure.
 */
public final class EventBatch {

    private EventBatch() {
    }

    public static <T> void apply(List<ConsumerRecord<String, CloudEvent>> records, Function<CloudEvent, T> decode,
                                 Consumer<List<T>> write) {
        List<T> decoded = new ArrayList<>(records.size());
        RuntimeException failed = null;
        for (ConsumerRecord<String, CloudEvent> record : records) {
            try {
                if (record.value() == null) {
                    throw new MalformedEventException("not a StarCert CloudEvent (" + record.topic() + "-"
                            + record.partition() + "@" + record.offset() + ")");
                }
                decoded.add(decode.apply(record.value()));
            } catch (RuntimeException e) {
                failed = e;
                break;
            }
        }
        if (!decoded.isEmpty()) {
            try {
                write.accept(decoded);
            } catch (BatchListenerFailedException e) {
                throw e; // the write names the record that failed (its index in the poll)
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("could not apply a batch of " + decoded.size() + " events", e,
                        0);
            }
        }
        if (failed != null) {
            throw new BatchListenerFailedException(String.valueOf(failed.getMessage()), failed, decoded.size());
        }
    }
}
