package com.starcert.audit.decision;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.CertificateStatusChanged;
import com.starcert.contracts.CertificationRefused;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.ScoreComputed;
import com.starcert.contracts.Topics;

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

    @KafkaListener(topics = Topics.SCORE_COMPUTED)
    public void onScoreComputed(CloudEvent event) {
        ScoreComputed score = codec.data(event, ScoreComputed.class);
        boolean changed = outcomes.scored(score, producer(event, "scoring-service"),
                timeOf(score.computedAt(), event));
        log.debug("score for audit {} r{}: {}", score.auditId(), score.revision(), changed ? "applied" : "ignored");
    }

    @KafkaListener(topics = Topics.CERTIFICATE_ISSUED)
    public void onCertificateIssued(CloudEvent event) {
        CertificateIssued issued = codec.data(event, CertificateIssued.class);
        boolean changed = outcomes.issued(issued, producer(event, "certificate-service"),
                timeOf(issued.issuedAt(), event));
        log.debug("certificate for audit {} r{}: {}", issued.auditId(), issued.auditRevision(),
                changed ? "applied" : "ignored");
    }

    @KafkaListener(topics = Topics.CERTIFICATE_REFUSED)
    public void onCertificationRefused(CloudEvent event) {
        CertificationRefused refused = codec.data(event, CertificationRefused.class);
        boolean changed = outcomes.refused(refused, producer(event, "certificate-service"),
                timeOf(refused.decidedAt(), event));
        log.debug("refusal for audit {} r{}: {}", refused.auditId(), refused.auditRevision(),
                changed ? "applied" : "ignored");
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
