package com.starcert.contracts;

import java.util.Arrays;

/** The closed list of event types, each with its own topic and CloudEvents {@code type}. */
public enum EventType {
    ENTERPRISE_CHANGED(Topics.ENTERPRISE_CHANGED, "com.starcert.enterprise.changed.v1", EnterpriseChanged.class),
    OUTLET_CHANGED(Topics.OUTLET_CHANGED, "com.starcert.outlet.changed.v1", OutletChanged.class),
    AUDIT_SUBMITTED(Topics.AUDIT_SUBMITTED, "com.starcert.audit.submitted.v1", AuditSubmitted.class),
    AUDIT_RETURNED(Topics.AUDIT_RETURNED, "com.starcert.audit.returned.v1", AuditReturned.class),
    SCORE_COMPUTED(Topics.SCORE_COMPUTED, "com.starcert.score.computed.v1", ScoreComputed.class),
    CERTIFICATE_ISSUED(Topics.CERTIFICATE_ISSUED, "com.starcert.certificate.issued.v1", CertificateIssued.class),
    CERTIFICATION_REFUSED(Topics.CERTIFICATE_REFUSED, "com.starcert.certificate.refused.v1", CertificationRefused.class),
    CORRECTIVE_ACTIONS_VERIFIED(Topics.CORRECTIVE_ACTIONS_VERIFIED, "com.starcert.audit.corrective-actions-verified.v1",
            CorrectiveActionsVerified.class),
    CERTIFICATE_STATUS_CHANGED(Topics.CERTIFICATE_STATUS_CHANGED, "com.starcert.certificate.status-changed.v1",
            CertificateStatusChanged.class),
    SCHEME_PUBLISHED(Topics.SCHEME_PUBLISHED, "com.starcert.scheme.published.v1", SchemePublished.class);

    private final String topic;
    private final String cloudEventType;
    private final Class<? extends IntegrationEvent> payloadType;

    EventType(String topic, String cloudEventType, Class<? extends IntegrationEvent> payloadType) {
        this.topic = topic;
        this.cloudEventType = cloudEventType;
        this.payloadType = payloadType;
    }

    public String topic() {
        return topic;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    public Class<? extends IntegrationEvent> payloadType() {
        return payloadType;
    }

    /** Whether events of this type concern one enterprise (and so carry the {@code enterpriseid} attribute). */
    public boolean enterpriseScoped() {
        return this != SCHEME_PUBLISHED;
    }

    public static EventType of(IntegrationEvent event) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType.isInstance(event))
                .findFirst()
                .orElseThrow();
    }

    public static EventType ofCloudEventType(String type) {
        return Arrays.stream(values())
                .filter(t -> t.cloudEventType.equals(type))
                .findFirst()
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + type + "'"));
    }
}
