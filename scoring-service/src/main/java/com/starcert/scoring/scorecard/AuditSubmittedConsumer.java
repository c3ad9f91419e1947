package com.starcert.scoring.scorecard;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.Topics;

/** Reads {@code audit.submitted}; malformed or unscorable audits go to {@code audit.submitted.DLT} unretried. */
@Component
class AuditSubmittedConsumer {

    private final AuditScoring scoring;

    AuditSubmittedConsumer(AuditScoring scoring) {
        this.scoring = scoring;
    }

    @KafkaListener(topics = Topics.AUDIT_SUBMITTED)
    void onAuditSubmitted(CloudEvent event) {
        scoring.handle(event);
    }
}
