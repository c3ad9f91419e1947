package com.starcert.scoring.scorecard;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.CertificateStatusChanged;
import com.starcert.contracts.CertificationRefused;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.MalformedEventException;
import com.starcert.contracts.Topics;

/**
 * Learns from certificate-service which audit revisions are decided, because an enterprise may see its score card
 * only once the certification decision on it is taken. Every decision is on a topic: issuing, raising and lowering
 * on certificate.issued, a refusal on certificate.refused, a maintain, suspension, restoration or supersession on
 * certificate.status-changed with the audit named. A decision held for corrective actions publishes nothing until
 * it is taken, so the card stays hidden meanwhile.
 * <p>
 * The card always exists before its decision: it is stored before its ScoreComputed is published, and the decision
 * follows from that event. A decision naming a card this service does not hold (or one of another enterprise)
 * therefore changes nothing. Idempotent: a card is marked decided once, a redelivery or replay leaves it as it is.
 * Because consumers start from the earliest offset, a new deployment also marks the cards decided before it.
 */
@Component
class DecisionEventConsumer {

    private static final Logger log = LoggerFactory.getLogger(DecisionEventConsumer.class);

    private final EventCodec codec;
    private final ScoreCards cards;
    private final Clock clock;

    DecisionEventConsumer(EventCodec codec, ScoreCards cards, Clock clock) {
        this.codec = codec;
        this.cards = cards;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.CERTIFICATE_ISSUED)
    void onCertificateIssued(CloudEvent event) {
        CertificateIssued issued = codec.data(event, CertificateIssued.class);
        decided(event, "CertificateIssued", issued.auditId(), issued.auditRevision(), issued.enterpriseId(),
                issued.issuedAt());
    }

    @KafkaListener(topics = Topics.CERTIFICATE_REFUSED)
    void onCertificationRefused(CloudEvent event) {
        CertificationRefused refused = codec.data(event, CertificationRefused.class);
        decided(event, "CertificationRefused", refused.auditId(), refused.auditRevision(), refused.enterpriseId(),
                refused.decidedAt());
    }

    /** Only changes that name an audit are decisions; CB actions and the lifecycle sweep name none. */
    @KafkaListener(topics = Topics.CERTIFICATE_STATUS_CHANGED)
    void onCertificateStatusChanged(CloudEvent event) {
        CertificateStatusChanged changed = codec.data(event, CertificateStatusChanged.class);
        if (changed.auditId() == null || changed.auditId().isBlank()) {
            return;
        }
        if (changed.auditRevision() < 1) {
            // the older shape without the audit's revision: which card it decided cannot be told
            log.info("certificate {} change for audit {} names no audit revision; ignored (event {})",
                    changed.certificateNumber(), changed.auditId(), event.id());
            return;
        }
        decided(event, "CertificateStatusChanged", changed.auditId(), changed.auditRevision(),
                changed.enterpriseId(), changed.changedAt());
    }

    private void decided(CloudEvent event, String type, String auditId, int revision, String enterpriseId,
                         Instant at) {
        if (auditId == null || auditId.isBlank() || revision < 1) {
            throw new MalformedEventException(type + " " + event.id() + " must name the audit and its revision (>= 1)");
        }
        if (enterpriseId == null || !Objects.equals(enterpriseId, event.enterpriseid())) {
            throw new MalformedEventException(type + " for audit " + auditId + ": enterpriseId " + enterpriseId
                    + " does not match the event's enterpriseid " + event.enterpriseid());
        }
        Instant decidedAt = at != null ? at : event.time() != null ? event.time() : clock.instant();
        boolean marked = cards.markDecided(auditId, revision, enterpriseId, decidedAt);
        log.debug("audit {} revision {} decided ({}): {}", auditId, revision, type,
                marked ? "score card released to the enterprise" : "nothing to change");
    }
}
