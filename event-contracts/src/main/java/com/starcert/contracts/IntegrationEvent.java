package com.starcert.contracts;

/**
 * Every event StarCert services exchange. The set is closed: adding an event means adding a topic,
 * a {@link EventType} and a contract test.
 */
public sealed interface IntegrationEvent
        permits EnterpriseChanged, OutletChanged, AuditSubmitted, AuditReturned, ScoreComputed, CertificateIssued,
        CertificationRefused, CorrectiveActionsVerified, CertificateStatusChanged, SchemePublished {

    /** The enterprise the event is about (null only for events that concern no single enterprise). */
    String enterpriseId();

    /** Record key: the enterprise id, so one enterprise's events stay in order. */
    default String partitionKey() {
        return enterpriseId();
    }

    /** The aggregate the event is about; becomes the CloudEvents {@code subject}. */
    String subject();

    default EventType eventType() {
        return EventType.of(this);
    }
}
