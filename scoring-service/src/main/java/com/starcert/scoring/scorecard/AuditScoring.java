package com.starcert.scoring.scorecard;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import com.starcert.support.messaging.EventBatch;
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
    private final SubmissionParts parts;
    /** More parts than any audit needs at the producer's smallest sensible part size: a corrupt event. */
    private static final int MAX_PARTS = 10_000;
    private final SchemeCatalog schemes;
    private final EventCodec codec;
    private final OutboxEvents outboxEvents;
    private final Clock clock;

    AuditScoring(ScoreCards cards, SubmissionParts parts, SchemeCatalog schemes, EventCodec codec,
                 OutboxEvents outboxEvents, Clock clock) {
        this.cards = cards;
        this.parts = parts;
        this.schemes = schemes;
        this.codec = codec;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    /**
     * A poll of submissions: each is checked and scored in order (one that cannot be scored is dead-lettered alone,
     * see {@link EventBatch}), then one read of the revisions returned or already scored and one bulk insert of the
     * new cards with their events.
     */
    public void handle(List<ConsumerRecord<String, CloudEvent>> records) {
        EventBatch.apply(records, this::scored, this::store);
    }

    /** One submission, as {@link #handle(List)} would handle a poll of one. */
    public void handle(CloudEvent event) {
        Scored scored = scored(event);
        if (scored != null) {
            store(List.of(scored));
        }
    }

    /**
     * A submission scored, with the card and event to store unless it is returned or already scored;
     * {@code fromParts} when it was assembled from parts (which go once it is stored or found not needed).
     */
    private record Scored(CloudEvent event, AuditSubmitted audit, ScoreCardDocument card, boolean fromParts) {
        String id() {
            return ScoreCardDocument.idOf(audit.auditId(), audit.revision());
        }
    }

    /** The submission scored; null for a part of one whose other parts have not all arrived. */
    private Scored scored(CloudEvent event) {
        AuditSubmitted audit = codec.data(event, AuditSubmitted.class);
        checkIdentity(event, audit);
        boolean fromParts = !audit.whole();
        if (fromParts) {
            checkPart(audit);
            Integer scoredBefore = cards.latestRevisions(List.of(audit.auditId())).get(audit.auditId());
            if (scoredBefore != null && scoredBefore >= audit.revision()) {
                parts.remove(audit.auditId(), audit.revision()); // a part delivered again after the scoring
                return null;
            }
            Optional<AuditSubmitted> whole = parts.add(event, audit);
            if (whole.isEmpty()) {
                log.debug("audit {} revision {}: part {} of {} kept", audit.auditId(), audit.revision(), audit.part(),
                        audit.parts());
                return null;
            }
            audit = whole.get();
        }
        ScoreCard card = score(audit);
        Instant now = clock.instant();
        ScoreComputed computed = new ScoreComputed(audit.auditId(), audit.revision(), audit.enterpriseId(),
                audit.holder(), audit.auditType(), card.scheme(), card.score(), card.band(), audit.sites(),
                card.specialDeductions().size(), audit.outstanding(), now);
        String correlationId = event.correlationid() != null ? event.correlationid() : event.id();
        OutboxMessage message = outboxEvents.message(computed, correlationId);
        return new Scored(event, audit, ScoreCardDocument.of(audit, card, now, message), fromParts);
    }

    private static void checkPart(AuditSubmitted part) {
        if (part.part() == null || part.part() < 1 || part.part() > part.parts() || part.parts() > MAX_PARTS) {
            throw new MalformedEventException("AuditSubmitted " + part.auditId() + " is part " + part.part() + " of "
                    + part.parts() + "; parts are numbered 1 to at most " + MAX_PARTS);
        }
    }

    private void store(List<Scored> scored) {
        List<Scored> batch = scored.stream().filter(Objects::nonNull).toList();
        if (batch.isEmpty()) {
            return;
        }
        Set<String> returned = cards.returned(batch.stream().map(Scored::id).toList());
        Map<String, Integer> latest = cards.latestRevisions(batch.stream().map(s -> s.audit().auditId()).toList());
        List<Scored> fresh = new ArrayList<>();
        for (Scored s : batch) {
            AuditSubmitted audit = s.audit();
            if (returned.contains(s.id())) {
                log.info("audit {} revision {} was returned for correction before it was scored; not scored "
                        + "(event {})", audit.auditId(), audit.revision(), s.event().id());
                continue;
            }
            Integer scoredBefore = latest.get(audit.auditId());
            if (scoredBefore != null && scoredBefore >= audit.revision()) {
                log.info("audit {} revision {} ignored: revision {} is already scored (event {})", audit.auditId(),
                        audit.revision(), scoredBefore, s.event().id());
                continue;
            }
            latest.put(audit.auditId(), audit.revision());
            fresh.add(s);
        }
        Set<String> inserted = cards.insertAllIfAbsent(fresh.stream().map(Scored::card).toList());
        batch.stream().filter(Scored::fromParts).forEach(s -> parts.remove(s.audit().auditId(),
                s.audit().revision()));
        for (Scored s : fresh) {
            if (inserted.contains(s.id())) {
                log.info("audit {} revision {} scored {} ({})", s.audit().auditId(), s.audit().revision(),
                        s.card().score(), s.card().band());
            } else {
                log.info("audit {} revision {} was scored meanwhile; event {} ignored", s.audit().auditId(),
                        s.audit().revision(), s.event().id());
            }
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
