package com.starcert.certificate.issuance;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.CorrectiveActionsVerified;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.MalformedEventException;
import com.starcert.contracts.Topics;

/** The CB verified the corrective actions (整改) of an audit revision: its held decision is taken, once. */
@Component
class CorrectiveActionsVerifiedConsumer {

    private final EventCodec codec;
    private final CertificationDecisions decisions;

    CorrectiveActionsVerifiedConsumer(EventCodec codec, CertificationDecisions decisions) {
        this.codec = codec;
        this.decisions = decisions;
    }

    @KafkaListener(topics = Topics.CORRECTIVE_ACTIONS_VERIFIED)
    void on(CloudEvent event) {
        CorrectiveActionsVerified verified = codec.data(event, CorrectiveActionsVerified.class);
        if (verified.auditId() == null || verified.auditId().isBlank() || verified.revision() < 1
                || verified.enterpriseId() == null || verified.enterpriseId().isBlank()) {
            throw new MalformedEventException("CorrectiveActionsVerified: auditId, revision >= 1 and enterpriseId "
                    + "are required");
        }
        String correlationId = event.correlationid() != null ? event.correlationid() : event.id();
        decisions.release(verified, correlationId);
    }
}
