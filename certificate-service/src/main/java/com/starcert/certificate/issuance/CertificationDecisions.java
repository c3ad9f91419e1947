package com.starcert.certificate.issuance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.starcert.certificate.CertificateSettings;
import com.starcert.certificate.decision.AuditResult;
import com.starcert.certificate.decision.CertificateNumber;
import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.certificate.decision.CertificationDecision;
import com.starcert.certificate.decision.Decision;
import com.starcert.certificate.decision.DecisionRules;
import com.starcert.certificate.decision.Decisions;
import com.starcert.certificate.decision.Outcome;
import com.starcert.certificate.register.Certificate;
import com.starcert.certificate.register.CertificateChange;
import com.starcert.certificate.register.Certificates;
import com.starcert.contracts.AuditedSite;
import com.starcert.contracts.Band;
import com.starcert.contracts.CertificationRefused;
import com.starcert.contracts.ScoreComputed;
import com.starcert.support.messaging.OutboxEvents;
import com.starcert.support.messaging.OutboxMessage;

/**
 * Takes and records the certification decision on a scored audit revision, exactly once.
 * <p>
 * Without multi-document transactions a decision that changes a certificate takes two writes: first the
 * certificate (the commit point; it carries its CertificateIssued and a {@link CertificateChange} naming the audit),
 * then the {@link Decision}. A redelivery that finds the change but no decision only completes the record
 * and publishes nothing again. A decision that changes no certificate is a single write of the Decision
 * (with its CertificationRefused, if any).
 */
@Service
public class CertificationDecisions {

    private static final Logger log = LoggerFactory.getLogger(CertificationDecisions.class);

    private final Decisions decisions;
    private final Certificates certificates;
    private final CertificateNumbers numbers;
    private final OutboxEvents outboxEvents;
    private final CertificateSettings settings;
    private final Clock clock;

    public CertificationDecisions(Decisions decisions, Certificates certificates, CertificateNumbers numbers,
                                  OutboxEvents outboxEvents, CertificateSettings settings, Clock clock) {
        this.decisions = decisions;
        this.certificates = certificates;
        this.numbers = numbers;
        this.outboxEvents = outboxEvents;
        this.settings = settings;
        this.clock = clock;
    }

    public void decide(ScoreComputed score, String correlationId) {
        Optional<Decision> latest = decisions.latest(score.auditId());
        if (latest.isPresent() && latest.get().auditRevision() >= score.revision()) {
            log.debug("audit {} revision {} already decided (latest decided revision {}); nothing to do",
                    score.auditId(), score.revision(), latest.get().auditRevision());
            return;
        }
        Optional<Certificate> changed = certificates.changedBy(score.enterpriseId(), score.auditId());
        if (changed.isPresent()) {
            completeInterrupted(score, changed.get(), correlationId);
            return;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, settings.zone());
        Optional<Certificate> inForce = certificates.inForce(score.enterpriseId());
        CertificationDecision decision = DecisionRules.decide(AuditResult.of(score),
                inForce.map(Certificate::asCurrent), today);
        // Java 17: no pattern matching for switch yet; the interface is sealed, so this chain is complete
        if (decision instanceof CertificationDecision.Issue issue) {
            issue(score, issue, now, today, correlationId);
        } else if (decision instanceof CertificationDecision.Lower lower) {
            lower(score, lower, inForce.orElseThrow(), now, correlationId);
        } else if (decision instanceof CertificationDecision.Suspend suspend) {
            suspend(score, suspend, now, correlationId);
        } else if (decision instanceof CertificationDecision.Refuse refuse) {
            refuse(score, refuse, now, correlationId);
        } else if (decision instanceof CertificationDecision.Maintain maintain) {
            record(score, maintain, maintain.certificateNumber(), now, correlationId, List.of());
        } else if (decision instanceof CertificationDecision.Hold hold) {
            record(score, hold, heldCertificate(hold), now, correlationId, List.of());
        } else {
            throw new IllegalStateException("unknown decision " + decision);
        }
    }

    private void issue(ScoreComputed score, CertificationDecision.Issue issue, Instant now, LocalDate today,
                       String correlationId) {
        CertificateNumber number = numbers.next(today.getYear());
        CertificateChange change = new CertificateChange(score.auditId(), score.revision(), Outcome.ISSUED, 1,
                issue.level(), score.score(), issue.reasons(), now);
        Certificate draft = new Certificate(number.value(), 1, score.enterpriseId(), score.holder(),
                CertificateStatus.ACTIVE, issue.level(), score.score(), issue.validity().validFrom(),
                issue.validity().validUntil(), score.scheme(), score.auditId(), score.revision(),
                settings.bodyName(), centralFirst(score.sites()), now, issue.supersedes(), null, List.of(change),
                List.of());
        Certificate certificate = withOutbox(draft, outboxEvents.message(draft.issuedEvent(), correlationId));
        try {
            certificates.insert(certificate);
        } catch (DuplicateKeyException raced) {
            // another instance issued for this audit at the same moment; its own write records the decision
            log.warn("audit {} got its certificate concurrently; number {} stays unused", score.auditId(), number);
            return;
        }
        log.info("issued certificate {} at {} for audit {} revision {}", number, issue.level(), score.auditId(),
                score.revision());
        if (issue.supersedes() != null) {
            certificates.markSuperseded(issue.supersedes(), number.value());
        }
        record(score, issue, number.value(), now, correlationId, List.of());
    }

    private void lower(ScoreComputed score, CertificationDecision.Lower lower, Certificate current, Instant now,
                       String correlationId) {
        int nextRevision = current.revision() + 1;
        CertificateChange change = new CertificateChange(score.auditId(), score.revision(), Outcome.LOWERED,
                nextRevision, lower.to(), score.score(), lower.reasons(), now);
        Certificate revised = new Certificate(current.number(), nextRevision, current.enterpriseId(),
                current.holder(), current.status(), lower.to(), score.score(), current.validFrom(),
                current.validUntil(), current.scheme(), score.auditId(), score.revision(),
                current.certificationBody(), current.sites(), now, current.supersedes(), current.supersededBy(),
                List.of(), List.of());
        OutboxMessage message = outboxEvents.message(revised.issuedEvent(), correlationId);
        if (!certificates.revise(current.number(), current.revision(), change, now, message)) {
            // changed by someone else meanwhile: fail so that the retry decides again on the fresh state
            throw new IllegalStateException("certificate " + current.number() + " changed while audit "
                    + score.auditId() + " was being decided");
        }
        log.info("certificate {} revised to revision {} at {} by audit {}", current.number(), nextRevision,
                lower.to(), score.auditId());
        record(score, lower, current.number(), now, correlationId, List.of());
    }

    private void suspend(ScoreComputed score, CertificationDecision.Suspend suspend, Instant now,
                         String correlationId) {
        Certificate current = certificates.byNumber(suspend.certificateNumber()).orElseThrow();
        CertificateChange change = new CertificateChange(score.auditId(), score.revision(), Outcome.SUSPENDED,
                current.revision(), current.level(), score.score(), suspend.reasons(), now);
        if (!certificates.suspend(suspend.certificateNumber(), change)) {
            throw new IllegalStateException("certificate " + suspend.certificateNumber() + " changed while audit "
                    + score.auditId() + " was being decided");
        }
        log.info("certificate {} suspended by audit {}", suspend.certificateNumber(), score.auditId());
        record(score, suspend, suspend.certificateNumber(), now, correlationId, List.of());
    }

    private void refuse(ScoreComputed score, CertificationDecision.Refuse refuse, Instant now, String correlationId) {
        CertificationRefused refused = new CertificationRefused(score.auditId(), score.revision(),
                score.enterpriseId(), score.score(), Band.of(score.score()), String.join("; ", refuse.reasons()), now);
        record(score, refuse, null, now, correlationId, List.of(outboxEvents.message(refused, correlationId)));
    }

    /** A redelivery found the certificate change made for this audit revision: finish what the crash interrupted. */
    private void completeInterrupted(ScoreComputed score, Certificate certificate, String correlationId) {
        CertificateChange change = certificate.changeBy(score.auditId()).orElseThrow();
        if (change.auditRevision() != score.revision()) {
            // a rescored revision of an audit whose earlier revision already issued or changed a certificate:
            // re-deciding it would need a certificate revision or withdrawal decided by the CB, not automation
            log.warn("audit {} revision {} arrived after revision {} already changed certificate {}; not re-decided",
                    score.auditId(), score.revision(), change.auditRevision(), certificate.number());
            return;
        }
        if (change.outcome() == Outcome.ISSUED && certificate.supersedes() != null) {
            certificates.markSuperseded(certificate.supersedes(), certificate.number());
        }
        Decision decision = new Decision(Decision.idOf(score.auditId(), score.revision()), score.auditId(),
                score.revision(), score.enterpriseId(), score.auditType(), change.outcome(), change.reasons(),
                certificate.number(), score.score(), Band.of(score.score()), null, null, change.at(), correlationId,
                List.of());
        if (decisions.record(decision)) {
            log.info("completed the decision record of audit {} revision {} ({} {})", score.auditId(),
                    score.revision(), change.outcome(), certificate.number());
        }
    }

    private void record(ScoreComputed score, CertificationDecision decision, String certificateNumber, Instant now,
                        String correlationId, List<OutboxMessage> outbox) {
        Outcome heldOutcome = null;
        Band heldLevel = null;
        if (decision instanceof CertificationDecision.Hold hold) {
            heldOutcome = hold.pending().outcome();
            CertificationDecision pending = hold.pending();
            if (pending instanceof CertificationDecision.Issue issue) {
                heldLevel = issue.level();
            } else if (pending instanceof CertificationDecision.Lower lower) {
                heldLevel = lower.to();
            } else if (pending instanceof CertificationDecision.Maintain maintain) {
                heldLevel = maintain.level();
            }
        }
        Decision record = new Decision(Decision.idOf(score.auditId(), score.revision()), score.auditId(),
                score.revision(), score.enterpriseId(), score.auditType(), decision.outcome(), decision.reasons(),
                certificateNumber, score.score(), Band.of(score.score()), heldOutcome, heldLevel, now, correlationId,
                outbox);
        if (decisions.record(record)) {
            log.info("audit {} revision {}: {}", score.auditId(), score.revision(), decision.outcome());
        }
    }

    private static String heldCertificate(CertificationDecision.Hold hold) {
        if (hold.pending() instanceof CertificationDecision.Maintain maintain) {
            return maintain.certificateNumber();
        }
        if (hold.pending() instanceof CertificationDecision.Lower lower) {
            return lower.certificateNumber();
        }
        return null;
    }

    private static List<AuditedSite> centralFirst(List<AuditedSite> sites) {
        if (sites == null) {
            return List.of();
        }
        return sites.stream().sorted(Comparator.comparing((AuditedSite s) -> !s.central())).toList();
    }

    private static Certificate withOutbox(Certificate c, OutboxMessage message) {
        return new Certificate(c.number(), c.revision(), c.enterpriseId(), c.holder(), c.status(), c.level(),
                c.score(), c.validFrom(), c.validUntil(), c.scheme(), c.auditId(), c.auditRevision(),
                c.certificationBody(), c.sites(), c.issuedAt(), c.supersedes(), c.supersededBy(), c.history(),
                List.of(message));
    }
}
