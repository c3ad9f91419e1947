package com.starcert.certificate.issuance;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.starcert.contracts.AuditReturned;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.MalformedEventException;
import com.starcert.contracts.Topics;

/** The CB returned an audit revision for correction: no decision on it, a held one dropped. */
@Component
class AuditReturnedConsumer {

    private final EventCodec codec;
    private final CertificationDecisions decisions;

    AuditReturnedConsumer(EventCodec codec, CertificationDecisions decisions) {
        this.codec = codec;
        this.decisions = decisions;
    }

    @KafkaListener(topics = Topics.AUDIT_RETURNED)
    void on(CloudEvent event) {
        AuditReturned returned = codec.data(event, AuditReturned.class);
        if (returned.auditId() == null || returned.auditId().isBlank() || returned.revision() < 1
                || returned.enterpriseId() == null || returned.enterpriseId().isBlank()) {
            throw new MalformedEventException("AuditReturned: auditId, revision >= 1 and enterpriseId are required");
        }
        decisions.returned(returned);
    }
}
