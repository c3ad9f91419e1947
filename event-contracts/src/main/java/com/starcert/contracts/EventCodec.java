package com.starcert.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the CloudEvents envelope. One codec for every service so that the wire format
 * is decided in one place; the contract tests pin it.
 */
public final class EventCodec {

    private final JsonMapper mapper;

    public EventCodec() {
        this(JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build());
    }

    public EventCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Wraps an event in a new CloudEvent with a fresh id. */
    public CloudEvent wrap(IntegrationEvent event, String source, String correlationId, Instant time) {
        EventType type = event.eventType();
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source,
                type.cloudEventType(), event.subject(), time, CloudEvent.DATA_CONTENT_TYPE,
                event.enterpriseId(), correlationId, mapper.valueToTree(event));
    }

    public String write(CloudEvent event) {
        return mapper.writeValueAsString(event);
    }

    public byte[] writeBytes(CloudEvent event) {
        return write(event).getBytes(StandardCharsets.UTF_8);
    }

    /** Parses and checks the envelope; anything that is not a StarCert CloudEvent is malformed. */
    public CloudEvent read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedEventException("empty message");
        }
        CloudEvent event;
        try {
            event = mapper.readValue(bytes, CloudEvent.class);
        } catch (JacksonException e) {
            throw new MalformedEventException("not a CloudEvents JSON document: " + e.getOriginalMessage(), e);
        }
        require(CloudEvent.SPEC_VERSION.equals(event.specversion()), "specversion must be 1.0");
        require(notBlank(event.id()), "id is required");
        require(notBlank(event.source()), "source is required");
        require(notBlank(event.type()), "type is required");
        require(event.data() != null && event.data().isObject(), "data must be a JSON object");
        EventType type = event.eventType();
        require(notBlank(event.enterpriseid()) || !type.enterpriseScoped(), "enterpriseid is required");
        return event;
    }

    public CloudEvent read(String json) {
        return read(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /** The typed payload; a payload that does not fit its declared type is malformed. */
    public <T extends IntegrationEvent> T data(CloudEvent event, Class<T> type) {
        if (event.eventType().payloadType() != type) {
            throw new MalformedEventException("expected " + type.getSimpleName() + " but was " + event.type());
        }
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (JacksonException e) {
            throw new MalformedEventException("data does not fit " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    public IntegrationEvent data(CloudEvent event) {
        return data(event, event.eventType().payloadType());
    }

    public JsonMapper mapper() {
        return mapper;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new MalformedEventException(reason);
        }
    }
}
