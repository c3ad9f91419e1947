package com.starcert.audit.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.CertificateStatusChanged;
import com.starcert.contracts.CertificationRefused;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.ScoreComputed;
import com.starcert.contracts.Topics;
import com.starcert.support.messaging.EventBatch;

/**
 * Moves audits to SCORED and DECIDED as scoring-service and certificate-service report: issued, refused, or a
 * decision that keeps, suspends or restores the certificate (certificate.status-changed with the audit set).
 */
@Component
public class DecisionEventConsumer {

    private static final Logger log = LoggerFactory.getLogger(DecisionEventConsumer.class);

    private final EventCodec codec;
    private final AuditOutcomes outcomes;
    private final Clock clock;

    public DecisionEventConsumer(EventCodec codec, AuditOutcomes outcomes, Clock clock) {
        this.codec = codec;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** A poll at a time: each event's conditional updates, in order, in one ordered bulk write. */
    @KafkaListener(topics = Topics.SCORE_COMPUTED, batch = "true")
    public void onScoreComputed(List<ConsumerRecord<String, CloudEvent>> records) {
        EventBatch.apply(records, event -> {
            ScoreComputed score = codec.data(event, ScoreComputed.class);
            return outcomes.scoredChanges(score, producer(event, "scoring-service"),
                    timeOf(score.computedAt(), event));
        }, this::apply);
    }

    @KafkaListener(topics = Topics.CERTIFICATE_ISSUED, batch = "true")
    public void onCertificateIssued(List<ConsumerRecord<String, CloudEvent>> records) {
        EventBatch.apply(records, event -> {
            CertificateIssued issued = codec.data(event, CertificateIssued.class);
            return outcomes.issuedChanges(issued, producer(event, "certificate-service"),
                    timeOf(issued.issuedAt(), event));
        }, this::apply);
    }

    @KafkaListener(topics = Topics.CERTIFICATE_REFUSED, batch = "true")
    public void onCertificationRefused(List<ConsumerRecord<String, CloudEvent>> records) {
        EventBatch.apply(records, event -> {
            CertificationRefused refused = codec.data(event, CertificationRefused.class);
            return outcomes.refusedChanges(refused, producer(event, "certificate-service"),
                    timeOf(refused.decidedAt(), event));
        }, this::apply);
    }

    private void apply(List<List<AuditOutcomes.Change>> changes) {
        long changed = outcomes.apply(changes.stream().flatMap(List::stream).toList());
        log.debug("{} events, {} audits changed", changes.size(), changed);
    }

    /**
     * Decisions that issue no certificate. The programme consumer reads the same topic in its own group for the
     * certificate's status; here only changes naming an audit and its revision matter.
     */
    @KafkaListener(topics = Topics.CERTIFICATE_STATUS_CHANGED)
    public void onCertificateStatusChanged(CloudEvent event) {
        CertificateStatusChanged changed = codec.data(event, CertificateStatusChanged.class);
        if (changed.auditId() == null) {
            return;
        }
        boolean applied = outcomes.statusChanged(changed, producer(event, "certificate-service"),
                timeOf(changed.changedAt(), event));
        log.debug("certificate {} {} → {} for audit {} r{}: {}", changed.certificateNumber(),
                changed.previousStatus(), changed.status(), changed.auditId(), changed.auditRevision(),
                applied ? "applied" : "ignored");
    }

    /** The producing service, from the CloudEvents source {@code /starcert/<service>}. */
    static String producer(CloudEvent event, String fallback) {
        String source = event.source();
        if (source == null || source.isBlank()) {
            return fallback;
        }
        String last = source.substring(source.lastIndexOf('/') + 1);
        return last.isBlank() ? fallback : last;
    }

    private Instant timeOf(Instant eventTime, CloudEvent event) {
        if (eventTime != null) {
            return eventTime;
        }
        return event.time() != null ? event.time() : clock.instant();
    }
}
