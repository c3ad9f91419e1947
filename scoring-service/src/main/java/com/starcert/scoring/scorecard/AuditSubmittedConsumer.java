package com.starcert.scoring.scorecard;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    /**
     * One bulk write per poll: a burst of submissions is scored in a few writes, not one each.
     * {@code starcert.scoring.consumers} consumers per instance share the topic's partitions (one enterprise's
     * submissions and their parts stay on one partition, in order).
     */
    @KafkaListener(topics = Topics.AUDIT_SUBMITTED, batch = "true",
            concurrency = "${starcert.scoring.consumers:2}")
    void onAuditSubmitted(List<ConsumerRecord<String, CloudEvent>> records) {
        scoring.handle(records);
    }
}
