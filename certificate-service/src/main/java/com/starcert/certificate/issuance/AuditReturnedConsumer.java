package com.starcert.certificate.issuance;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.starcert.contracts.AuditReturned;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
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
        AuditReturned returned = codec.data(event, AuditReturned.class).requireComplete();
        decisions.returned(returned);
    }
}
