package com.starcert.support.messaging;

import java.time.Instant;

/**
 * An event waiting in its aggregate's own document (field {@code outbox}) until the broker acknowledged it.
 * Written in the same single-document write as the state change it reports, so neither can exist without the
 * other; {@code payload} is the finished CloudEvents JSON, so a relay retry sends the identical message. A large
 * event's payload may be kept beside the document instead ({@link OutboxPayloads}): then {@code payload} is null here.
 */
public record OutboxMessage(String eventId, String topic, String key, String payload, Instant createdAt) {
}
