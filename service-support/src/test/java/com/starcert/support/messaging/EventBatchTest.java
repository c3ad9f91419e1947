package com.starcert.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.MalformedEventException;

/** A batch applies what comes before a record it cannot take, and names that record to the error handler. */
class EventBatchTest {

    private final List<List<String>> written = new ArrayList<>();

    @Test
    void aCleanBatchIsWrittenOnce() {
        EventBatch.apply(List.of(record(0, "a"), record(1, "b")), CloudEvent::subject, written::add);

        assertThat(written).containsExactly(List.of("a", "b"));
    }

    @Test
    void theRecordsBeforeAnUnreadableOneAreWrittenAndItIsTheFailedOne() {
        List<ConsumerRecord<String, CloudEvent>> records = List.of(record(0, "a"), record(1, "b"), record(2, null),
                record(3, "d"));

        assertThatThrownBy(() -> EventBatch.apply(records, CloudEvent::subject, written::add))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).isInstanceOf(MalformedEventException.class);
                });
        assertThat(written).containsExactly(List.of("a", "b"));
    }

    @Test
    void anyDecodingFailureNamesItsRecordNotTheWholeBatch() {
        List<ConsumerRecord<String, CloudEvent>> records = List.of(record(0, "a"), record(1, "bad"), record(2, "c"));

        assertThatThrownBy(() -> EventBatch.apply(records, event -> {
            if (event.subject().equals("bad")) {
                throw new IllegalArgumentException("version must be positive");
            }
            return event.subject();
        }, written::add)).isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
            assertThat(e.getIndex()).isEqualTo(1);
            assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
        });
        assertThat(written).containsExactly(List.of("a"));
    }

    @Test
    void aFailedWriteRetriesTheBatchFromItsFirstRecord() {
        assertThatThrownBy(() -> EventBatch.apply(List.of(record(0, "a"), record(1, "b")), CloudEvent::subject,
                changes -> {
                    throw new IllegalStateException("store unreachable");
                })).isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isZero());
    }

    private static ConsumerRecord<String, CloudEvent> record(long offset, String subject) {
        CloudEvent event = subject == null ? null : new CloudEvent("1.0", "id-" + offset, "/test", "t", subject,
                Instant.parse("2026-12-03T08:00:00Z"), "application/json", "E1", "c", null);
        return new ConsumerRecord<>("outlet.changed", 0, offset, "E1", event);
    }
}
