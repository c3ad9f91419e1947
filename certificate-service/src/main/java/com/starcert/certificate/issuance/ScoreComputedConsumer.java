package com.starcert.certificate.issuance;

import java.math.BigDecimal;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.MalformedEventException;
import com.starcert.contracts.ScoreComputed;
import com.starcert.contracts.Topics;

/** Every scored audit revision gets exactly one certification decision. */
@Component
class ScoreComputedConsumer {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final EventCodec codec;
    private final CertificationDecisions decisions;

    ScoreComputedConsumer(EventCodec codec, CertificationDecisions decisions) {
        this.codec = codec;
        this.decisions = decisions;
    }

    /**
     * A poll at a time: the decisions' look-ups are read for the whole poll (see CertificationDecisions#decideAll).
     * {@code starcert.certificate.decision-consumers} consumers per instance share the topic's partitions, so that
     * decisions of different enterprises are taken side by side (one enterprise's stay in order: its key is one
     * partition); numbers stay gap-free, since each is reserved by a unique insert.
     */
    @KafkaListener(topics = Topics.SCORE_COMPUTED, batch = "true",
            concurrency = "${starcert.certificate.decision-consumers:3}")
    void on(java.util.List<org.apache.kafka.clients.consumer.ConsumerRecord<String, CloudEvent>> records) {
        com.starcert.support.messaging.EventBatch.apply(records, event -> {
            ScoreComputed score = codec.data(event, ScoreComputed.class);
            requireComplete(score);
            return new Scored(score, event.correlationid() != null ? event.correlationid() : event.id());
        }, scored -> decisions.decideAll(scored.stream().map(Scored::score).toList(),
                scored.stream().map(Scored::correlationId).toList()));
    }

    private record Scored(ScoreComputed score, String correlationId) {
    }

    /** A payload the decision cannot be taken on will never succeed: straight to the dead-letter topic. */
    private static void requireComplete(ScoreComputed s) {
        require(s.auditId() != null && !s.auditId().isBlank(), "auditId is required");
        require(s.enterpriseId() != null && !s.enterpriseId().isBlank(), "enterpriseId is required");
        require(s.revision() >= 1, "revision must be at least 1");
        require(s.auditType() != null, "auditType is required");
        require(s.score() != null && s.score().signum() >= 0 && s.score().compareTo(HUNDRED) <= 0,
                "score must be between 0 and 100");
        require(s.holder() != null, "holder is required");
        require(s.scheme() != null, "scheme is required");
        require(s.specialDeductions() >= 0, "specialDeductions cannot be negative");
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new MalformedEventException("ScoreComputed: " + reason);
        }
    }
}
