package com.starcert.scoring.scorecard;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.MalformedEventException;
import com.starcert.contracts.Scheme;
import com.starcert.contracts.ScoreComputed;
import com.starcert.scoring.engine.AuditFindings;
import com.starcert.scoring.engine.ScoreCard;
import com.starcert.scoring.engine.ScoringEngine;
import com.starcert.scoring.engine.UnscorableAuditException;
import com.starcert.scoring.scheme.SchemeCatalog;
import com.starcert.scoring.scheme.SchemeDraft;
import com.starcert.support.messaging.OutboxEvents;
import com.starcert.support.messaging.OutboxMessage;

/**
 * Scores a submitted audit revision with the scheme version pinned on it and stores the card together with its
 * ScoreComputed event. Idempotent: a revision already scored (redelivery, replay under a new CloudEvent id) or older
 * than one already scored changes nothing. An audit that cannot be scored is malformed: it goes to the dead-letter
 * topic and nothing is written.
 * <p>
 * An audit pinned to a scheme version StarCert does not know is unscorable too, and is dead-lettered at once rather
 * than retried: scheme versions are published here, stored before their SchemePublished event exists, so
 * audit-service can only plan with a version this service already has — an unknown one will not arrive later.
 */
@Service
public class AuditScoring {

    private static final Logger log = LoggerFactory.getLogger(AuditScoring.class);
    private static final Pattern SCHEME_ID = SchemeDraft.ID;

    private final ScoringEngine engine = new ScoringEngine();
    private final ScoreCards cards;
    private final SchemeCatalog schemes;
    private final EventCodec codec;
    private final OutboxEvents outboxEvents;
    private final Clock clock;

    public AuditScoring(ScoreCards cards, SchemeCatalog schemes, EventCodec codec, OutboxEvents outboxEvents,
                        Clock clock) {
        this.cards = cards;
        this.schemes = schemes;
        this.codec = codec;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    public void handle(CloudEvent event) {
        AuditSubmitted audit = codec.data(event, AuditSubmitted.class);
        checkIdentity(event, audit);
        String auditId = audit.auditId();
        if (cards.returned(auditId, audit.revision())) {
            log.info("audit {} revision {} was returned for correction before it was scored; not scored (event {})",
                    auditId, audit.revision(), event.id());
            return;
        }
        Optional<Integer> latest = cards.latestRevision(auditId, audit.enterpriseId());
        if (latest.isPresent() && latest.get() >= audit.revision()) {
            log.info("audit {} revision {} ignored: revision {} is already scored (event {})", auditId,
                    audit.revision(), latest.get(), event.id());
            return;
        }
        ScoreCard card = score(audit);
        Instant now = clock.instant();
        ScoreComputed computed = new ScoreComputed(auditId, audit.revision(), audit.enterpriseId(), audit.holder(),
                audit.auditType(), card.scheme(), card.score(), card.band(), audit.sites(),
                card.specialDeductions().size(), audit.outstanding(), now);
        String correlationId = event.correlationid() != null ? event.correlationid() : event.id();
        OutboxMessage message = outboxEvents.message(computed, correlationId);
        if (cards.insertIfAbsent(ScoreCardDocument.of(audit, card, now, message))) {
            log.info("audit {} revision {} scored {} ({})", auditId, audit.revision(), card.score(), card.band());
        } else {
            log.info("audit {} revision {} was scored meanwhile; event {} ignored", auditId, audit.revision(),
                    event.id());
        }
    }

    private ScoreCard score(AuditSubmitted audit) {
        String what = "audit " + audit.auditId() + " revision " + audit.revision();
        Scheme scheme = schemes.find(audit.scheme()).orElseThrow(() -> new MalformedEventException(what
                + " cannot be scored: unknown scheme " + audit.scheme().id() + " version " + audit.scheme().version()));
        try {
            return engine.score(scheme, AuditFindings.of(audit));
        } catch (UnscorableAuditException e) {
            throw new MalformedEventException(what + " cannot be scored: " + e.getMessage(), e);
        }
    }

    private static void checkIdentity(CloudEvent event, AuditSubmitted audit) {
        if (audit.auditId() == null || audit.auditId().isBlank()) {
            throw new MalformedEventException("AuditSubmitted without auditId");
        }
        if (audit.revision() < 1) {
            throw new MalformedEventException("AuditSubmitted " + audit.auditId() + " has revision "
                    + audit.revision() + "; revisions start at 1");
        }
        if (audit.enterpriseId() == null || !Objects.equals(audit.enterpriseId(), event.enterpriseid())) {
            throw new MalformedEventException("AuditSubmitted " + audit.auditId() + " enterpriseId "
                    + audit.enterpriseId() + " does not match the event's enterpriseid " + event.enterpriseid());
        }
        if (audit.scheme() == null || audit.scheme().id() == null
                || !SCHEME_ID.matcher(audit.scheme().id()).matches()) {
            throw new MalformedEventException("AuditSubmitted " + audit.auditId() + " has no valid scheme id");
        }
    }
}
