package com.starcert.support.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;

/**
 * Values StarCert producers write: finished CloudEvents JSON from the outbox (String), a CloudEvent being
 * dead-lettered after its handler failed, or the original bytes of a record that could not be read.
 */
public class EventValueSerializer implements Serializer<Object> {

    private final EventCodec codec = new EventCodec();

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        if (data instanceof String json) {
            return json.getBytes(StandardCharsets.UTF_8);
        }
        if (data instanceof CloudEvent event) {
            return codec.writeBytes(event);
        }
        throw new SerializationException("cannot write " + data.getClass().getName() + " to " + topic);
    }
}
