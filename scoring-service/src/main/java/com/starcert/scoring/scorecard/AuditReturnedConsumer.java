package com.starcert.scoring.scorecard;

import java.time.Instant;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.starcert.contracts.AuditReturned;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.Topics;

/** The CB returned an audit revision for correction: its card no longer stands, and it is not scored if not yet. */
@Component
class AuditReturnedConsumer {

    private final EventCodec codec;
    private final ScoreCards cards;

    AuditReturnedConsumer(EventCodec codec, ScoreCards cards) {
        this.codec = codec;
        this.cards = cards;
    }

    @KafkaListener(topics = Topics.AUDIT_RETURNED)
    void on(CloudEvent event) {
        AuditReturned returned = codec.data(event, AuditReturned.class).requireComplete();
        cards.markReturned(returned.auditId(), returned.revision(), returned.enterpriseId(),
                returned.returnedAt() != null ? returned.returnedAt() : Instant.now());
    }
}
