package com.starcert.support.messaging;

import org.apache.kafka.common.serialization.Deserializer;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;

/**
 * Reads the structured-mode CloudEvent. It is wrapped in Spring Kafka's {@code ErrorHandlingDeserializer}, so a
 * record that is not a StarCert CloudEvent goes to the dead-letter topic instead of blocking its partition.
 */
public class CloudEventDeserializer implements Deserializer<CloudEvent> {

    private final EventCodec codec = new EventCodec();

    @Override
    public CloudEvent deserialize(String topic, byte[] data) {
        return codec.read(data);
    }
}
