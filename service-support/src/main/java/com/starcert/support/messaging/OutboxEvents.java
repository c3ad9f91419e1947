package com.starcert.support.messaging;

import java.time.Clock;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.IntegrationEvent;

/** Turns a domain event into an {@link OutboxMessage}: a CloudEvent for its own topic, keyed by its partition key (the enterprise). */
public class OutboxEvents {

    private final EventCodec codec;
    private final String source;
    private final Clock clock;

    public OutboxEvents(EventCodec codec, String source, Clock clock) {
        this.codec = codec;
        this.source = source;
        this.clock = clock;
    }

    public OutboxMessage message(IntegrationEvent event, String correlationId) {
        CloudEvent cloudEvent = codec.wrap(event, source, correlationId, clock.instant());
        return new OutboxMessage(cloudEvent.id(), event.eventType().topic(), event.partitionKey(),
                codec.write(cloudEvent), cloudEvent.time());
    }
}
