package com.starcert.certificate.issuance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
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
import com.starcert.certificate.lifecycle.CertificateLifecycle;
import com.starcert.certificate.lifecycle.LifecycleRules;
import com.starcert.certificate.register.Certificate;
import com.starcert.certificate.register.CertificateChange;
import com.starcert.certificate.register.Certificates;
import com.starcert.certificate.verification.CertificateSignatures;
import com.starcert.contracts.AuditReturned;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.AuditedSite;
import com.starcert.contracts.Band;
import com.starcert.contracts.CertificationRefused;
import com.starcert.contracts.CorrectiveActionsVerified;
import com.starcert.contracts.ScoreComputed;
import com.starcert.support.messaging.OutboxEvents;
import com.starcert.support.messaging.OutboxMessage;

/**
 * Takes and records the certification decision on a scored audit revision, exactly once, and releases a HELD
 * decision exactly once when its corrective actions are verified.
 * <p>
 * Every final decision publishes exactly one event naming the audit and its revision, so audit-service sees every
 * audit decided: ISSUED, RAISED and LOWERED a CertificateIssued (the new certificate or revision); REFUSED a
 * CertificationRefused (from the Decision's outbox); SUSPENDED a CertificateStatusChanged ACTIVE → SUSPENDED;
 * RESTORED a CertificateStatusChanged SUSPENDED → ACTIVE (with the new revision and level when restored lower);
 * MAINTAINED a CertificateStatusChanged ACTIVE → ACTIVE. A HELD decision publishes nothing until it is released.
 * A recertification also publishes the CertificateStatusChanged that ends the certificate it supersedes.
 * <p>
 * Without multi-document transactions a decision that changes a certificate takes two writes: first the
 * certificate (the commit point; it carries its events and a {@link CertificateChange} naming the audit), then the
 * {@link Decision}. A redelivery that finds the change but no final decision only completes the record and
 * publishes nothing again. A decision that changes no certificate is a single write of the Decision (with its
 * CertificationRefused, if any).
 */
@Service
public class CertificationDecisions {

    private static final Logger log = LoggerFactory.getLogger(CertificationDecisions.class);

    private final Decisions decisions;
    private final Certificates certificates;
    private final CertificateNumbers numbers;
    private final CertificateLifecycle lifecycle;
    private final CertificateSignatures signatures;
    private final OutboxEvents outboxEvents;
    private final CertificateSettings settings;
    private final Clock clock;

    public CertificationDecisions(Decisions decisions, Certificates certificates, CertificateNumbers numbers,
                                  CertificateLifecycle lifecycle, CertificateSignatures signatures,
                                  OutboxEvents outboxEvents, CertificateSettings settings, Clock clock) {
        this.decisions = decisions;
        this.certificates = certificates;
        this.numbers = numbers;
        this.lifecycle = lifecycle;
        this.signatures = signatures;
        this.outboxEvents = outboxEvents;
        this.settings = settings;
        this.clock = clock;
    }

    /** How the final decision is written: a new Decision, or the release of a HELD one. */
    private interface Recorder {
        /** {@code decision} is null when completing an interrupted decision (only its outcome is known). */
        void record(ScoreComputed score, Outcome outcome, CertificationDecision decision, List<String> reasons,
                    String certificateNumber, Instant now, List<OutboxMessage> outbox);
    }

    public void decide(ScoreComputed score, String correlationId) {
        decide(score, correlationId, DecisionLookups.direct(decisions, certificates));
    }

    /**
     * A poll of scores, decided one after another in order, with what the decisions read looked up for the whole
     * poll at once. A decision that fails stops the poll there: the ones before it stand, it is handled as a failed
     * record ({@code BatchListenerFailedException} naming its index) and the ones after it come again.
     */
    public void decideAll(List<ScoreComputed> scores, List<String> correlationIds) {
        DecisionLookups lookups = DecisionLookups.forPoll(decisions, certificates, scores);
        for (int i = 0; i < scores.size(); i++) {
            ScoreComputed score = scores.get(i);
            try {
                decide(score, correlationIds.get(i), lookups);
            } catch (RuntimeException e) {
                throw new org.springframework.kafka.listener.BatchListenerFailedException("audit " + score.auditId()
                        + " revision " + score.revision() + " could not be decided: " + e.getMessage(), e, i);
            } finally {
                lookups.decided(score.enterpriseId(), score.auditId());
            }
        }
    }

    private void decide(ScoreComputed score, String correlationId, DecisionLookups lookups) {
        if (lookups.returned(Decision.idOf(score.auditId(), score.revision()))) {
            log.info("audit {} revision {} was returned for correction; no decision is taken on it",
                    score.auditId(), score.revision());
            return;
        }
        Optional<Decision> latest = lookups.latest(score.auditId());
        if (latest.isPresent() && latest.get().auditRevision() >= score.revision()) {
            log.debug("audit {} revision {} already decided (latest decided revision {}); nothing to do",
                    score.auditId(), score.revision(), latest.get().auditRevision());
            return;
        }
        Recorder insert = (s, outcome, decision, reasons, number, now, outbox) ->
                insert(s, outcome, decision, reasons, number, now, correlationId, outbox);
        Optional<Certificate> changed = lookups.changedBy(score.enterpriseId(), score.auditId());
        if (changed.isPresent()) {
            completeInterrupted(score, changed.get(), insert);
            return;
        }
        AuditResult audit = AuditResult.of(score);
        List<String> extra = new ArrayList<>();
        // only special deductions wait for corrective actions
        Optional<Instant> verified = audit.specialDeductions() > 0
                ? lookups.verifiedAt(Decision.idOf(score.auditId(), score.revision())) : Optional.empty();
        if (verified.isPresent()) {
            // the verification arrived before the score (different topics): nothing left to wait for
            audit = new AuditResult(audit.type(), audit.score(), 0, audit.outstanding());
            extra.add(score.specialDeductions() + " special deduction(s): corrective actions verified at "
                    + verified.get());
        }
        apply(score, audit, extra, correlationId, insert, lookups);
    }

    /**
     * The revision was returned for correction (退回修改): remembered, so that its score, should it still arrive, is not
     * decided on; a decision HELD for it is dropped. A decision already taken stands (it was taken before the return
     * reached this service) and is logged, since audit-service no longer expects it.
     */
    public void returned(AuditReturned returned) {
        String id = Decision.idOf(returned.auditId(), returned.revision());
        Instant at = returned.returnedAt() != null ? returned.returnedAt() : clock.instant();
        decisions.recordReturn(id, returned.enterpriseId(), at);
        Optional<Decision> decided = decisions.byId(id);
        if (decided.isEmpty()) {
            return;
        }
        if (decisions.dropHeld(id, "revision " + returned.revision() + " returned for correction: "
                + returned.reason(), at)) {
            log.info("audit {} revision {} returned: its HELD decision is dropped", returned.auditId(),
                    returned.revision());
        } else if (decided.get().outcome() != Outcome.RETURNED) {
            log.warn("audit {} revision {} was returned after its decision {} was taken; the decision stands",
                    returned.auditId(), returned.revision(), decided.get().outcome());
        }
    }

    /** The corrective actions of (auditId, revision) are verified: a HELD decision is taken now, once. */
    public void release(CorrectiveActionsVerified verified, String correlationId) {
        String id = Decision.idOf(verified.auditId(), verified.revision());
        decisions.recordVerification(id, verified.enterpriseId(),
                verified.verifiedAt() != null ? verified.verifiedAt() : clock.instant());
        Optional<Decision> held = decisions.byId(id);
        if (held.isEmpty()) {
            log.info("corrective actions of audit {} revision {} verified before its decision; it will not be held",
                    verified.auditId(), verified.revision());
            return;
        }
        if (held.get().outcome() != Outcome.HELD || held.get().held() == null) {
            log.debug("decision {} is {}; nothing to release", id, held.get().outcome());
            return;
        }
        ScoreComputed score = held.get().held();
        Recorder release = (s, outcome, decision, reasons, number, now, outbox) -> {
            if (decisions.release(id, outcome, reasons, number, now, outbox)) {
                log.info("audit {} revision {}: HELD released as {}", s.auditId(), s.revision(), outcome);
            }
        };
        Optional<Certificate> changed = certificates.changedBy(score.enterpriseId(), score.auditId());
        if (changed.isPresent()) {
            completeInterrupted(score, changed.get(), release);
            return;
        }
        AuditResult audit = AuditResult.of(score);
        List<String> extra = List.of(audit.specialDeductions() + " special deduction(s): " + verified.actions()
                + " corrective action(s) verified at " + verified.verifiedAt() + "; the held decision is taken now");
        apply(score, new AuditResult(audit.type(), audit.score(), 0, audit.outstanding()), extra, correlationId,
                release, DecisionLookups.direct(decisions, certificates));
    }

    private void apply(ScoreComputed score, AuditResult audit, List<String> extraReasons, String correlationId,
                       Recorder recorder, DecisionLookups lookups) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, settings.zone());
        Optional<Certificate> inForce = lookups.inForce(score.enterpriseId());
        CertificationDecision decision = DecisionRules.decide(audit, inForce.map(Certificate::asCurrent), today);
        List<String> reasons = new ArrayList<>(decision.reasons());
        reasons.addAll(extraReasons);
        // Java 17: no pattern matching for switch yet; the interface is sealed, so this chain is complete
        if (decision instanceof CertificationDecision.Issue issue) {
            issue(score, issue, reasons, inForce, now, today, correlationId, recorder);
        } else if (decision instanceof CertificationDecision.Lower lower) {
            revise(score, lower, lower.to(), reasons, inForce.orElseThrow(), now, today, correlationId, recorder);
        } else if (decision instanceof CertificationDecision.Raise raise) {
            revise(score, raise, raise.to(), reasons, inForce.orElseThrow(), now, today, correlationId, recorder);
        } else if (decision instanceof CertificationDecision.Suspend suspend) {
            suspend(score, suspend, reasons, inForce.orElseThrow(), now, today, correlationId, recorder);
        } else if (decision instanceof CertificationDecision.Restore restore) {
            restore(score, restore, reasons, inForce.orElseThrow(), now, today, correlationId, recorder);
        } else if (decision instanceof CertificationDecision.Maintain maintain) {
            maintain(score, maintain, reasons, inForce.orElseThrow(), now, today, correlationId, recorder);
        } else if (decision instanceof CertificationDecision.Refuse) {
            CertificationRefused refused = new CertificationRefused(score.auditId(), score.revision(),
                    score.enterpriseId(), score.score(), Band.of(score.score()), String.join("; ", reasons), now);
            recorder.record(score, decision.outcome(), decision, reasons, null, now,
                    List.of(outboxEvents.message(refused, correlationId)));
        } else if (decision instanceof CertificationDecision.Hold hold) {
            recorder.record(score, hold.outcome(), hold, reasons, heldCertificate(hold), now, List.of());
        } else {
            throw new IllegalStateException("unknown decision " + decision);
        }
    }

    private void issue(ScoreComputed score, CertificationDecision.Issue issue, List<String> reasons,
                       Optional<Certificate> inForce, Instant now, LocalDate today, String correlationId,
                       Recorder recorder) {
        // the number is reserved for this decision before anything else, so a retry issues under the same number
        CertificateNumber number = numbers.reserve(today.getYear(), Decision.idOf(score.auditId(), score.revision()));
        CertificateChange change = new CertificateChange(score.auditId(), score.revision(), Outcome.ISSUED, 1,
                issue.level(), score.score(), reasons, now);
        LocalDate validFrom = issue.validity().validFrom();
        LocalDate validUntil = issue.validity().validUntil();
        // a recertification of an ACTIVE certificate continues the enterprise's certified period; after a
        // suspension the one-year count for star levels starts again
        LocalDate certifiedSince = issue.supersedes() != null
                ? inForce.filter(c -> c.number().equals(issue.supersedes()))
                .filter(c -> c.status() == CertificateStatus.ACTIVE)
                .map(Certificate::certifiedSince).orElse(validFrom)
                : validFrom;
        Certificate draft = new Certificate(number.value(), 1, score.enterpriseId(), score.holder(),
                CertificateStatus.ACTIVE, issue.level(), score.score(), validFrom, validUntil, score.scheme(),
                score.auditId(), score.revision(), settings.bodyName(), centralFirst(score.sites()), now,
                issue.supersedes(), null, List.of(change), List.of(), 0L,
                certifiedSince != null ? certifiedSince : validFrom,
                LifecycleRules.firstSurveillanceDue(validFrom, validUntil), null, null, null, List.of());
        Certificate signed = signatures.signed(draft);
        Certificate certificate = signed.withOutbox(List.of(outboxEvents.message(signed.issuedEvent(), correlationId)));
        try {
            certificates.insert(certificate);
            log.info("issued certificate {} at {} for audit {} revision {}", number, issue.level(), score.auditId(),
                    score.revision());
        } catch (DuplicateKeyException raced) {
            Optional<Certificate> existing = certificates.byNumber(number.value());
            if (existing.isEmpty() || existing.get().changeBy(score.auditId()).isEmpty()) {
                throw raced; // not this decision's certificate: let the retry decide again
            }
            // a concurrent attempt of this same decision issued it under the reserved number: complete the record
            log.warn("certificate {} for audit {} was issued concurrently", number, score.auditId());
        }
        if (issue.supersedes() != null) {
            lifecycle.supersede(issue.supersedes(), number.value(), score.auditId(), score.revision(), correlationId);
        }
        recorder.record(score, issue.outcome(), issue, reasons, number.value(), now, List.of());
    }

    private void revise(ScoreComputed score, CertificationDecision decision, Band to, List<String> reasons,
                        Certificate current, Instant now, LocalDate today, String correlationId, Recorder recorder) {
        Certificate revised = signatures.signed(current.revisedAt(to, score.score(), score.auditId(),
                score.revision(), now));
        CertificateChange change = new CertificateChange(score.auditId(), score.revision(), decision.outcome(),
                revised.revision(), to, score.score(), reasons, now);
        LocalDate nextDue = surveillanceDueAfter(score, current, today);
        OutboxMessage message = outboxEvents.message(revised.issuedEvent(), correlationId);
        if (!certificates.revise(current, revised, change, nextDue, message)) {
            // changed by someone else meanwhile: fail so that the retry decides again on the fresh state
            throw new IllegalStateException("certificate " + current.number() + " changed while audit "
                    + score.auditId() + " was being decided");
        }
        log.info("certificate {} revised to {} at {} by audit {}", current.number(), revised.displayNumber(), to,
                score.auditId());
        recorder.record(score, decision.outcome(), decision, reasons, current.number(), now, List.of());
    }

    /**
     * The certificate stays as it is, but the decision is still published: a CertificateStatusChanged ACTIVE →
     * ACTIVE naming the audit, in the same write as the change record, so a replay finds the change and publishes
     * nothing more.
     */
    private void maintain(ScoreComputed score, CertificationDecision.Maintain maintain, List<String> reasons,
                          Certificate current, Instant now, LocalDate today, String correlationId,
                          Recorder recorder) {
        CertificateChange change = new CertificateChange(score.auditId(), score.revision(), Outcome.MAINTAINED,
                current.revision(), current.level(), score.score(), reasons, now);
        LocalDate nextDue = surveillanceDueAfter(score, current, today);
        OutboxMessage message = outboxEvents.message(current.keptEvent(String.join("; ", reasons), score.auditId(),
                score.revision(), today, now), correlationId);
        if (!certificates.maintain(current, change, nextDue, message)) {
            throw new IllegalStateException("certificate " + current.number() + " changed while audit "
                    + score.auditId() + " was being decided");
        }
        recorder.record(score, maintain.outcome(), maintain, reasons, maintain.certificateNumber(), now, List.of());
    }

    private void suspend(ScoreComputed score, CertificationDecision.Suspend suspend, List<String> reasons,
                         Certificate current, Instant now, LocalDate today, String correlationId,
                         Recorder recorder) {
        CertificateChange change = new CertificateChange(score.auditId(), score.revision(), Outcome.SUSPENDED,
                current.revision(), current.level(), score.score(), reasons, now);
        // a special audit is not the surveillance: the due date stays as it is (it matters again once restored)
        if (!lifecycle.apply(current, CertificateStatus.SUSPENDED, String.join("; ", suspend.reasons()),
                CertificateLifecycle.BY_AUDIT, score.auditId(), score.revision(), today, change, null,
                correlationId)) {
            throw new IllegalStateException("certificate " + current.number() + " changed while audit "
                    + score.auditId() + " was being decided");
        }
        recorder.record(score, suspend.outcome(), suspend, reasons, suspend.certificateNumber(), now, List.of());
    }

    /**
     * A special audit restores a SUSPENDED certificate (恢复) in one write: status ACTIVE, the surveillance due date
     * recalculated as a CB restore does and, when restored below its level, the next revision at the lower level,
     * re-signed. Its one CertificateStatusChanged SUSPENDED → ACTIVE names the audit and carries the certificate's
     * revision and level after the restore.
     */
    private void restore(ScoreComputed score, CertificationDecision.Restore restore, List<String> reasons,
                         Certificate current, Instant now, LocalDate today, String correlationId,
                         Recorder recorder) {
        // the revised copy keeps the status and version that were read, so the conditional update is the same
        Certificate after = restore.lowered()
                ? signatures.signed(current.revisedAt(restore.to(), score.score(), score.auditId(), score.revision(),
                now))
                : current;
        CertificateChange change = new CertificateChange(score.auditId(), score.revision(), Outcome.RESTORED,
                after.revision(), after.level(), score.score(), reasons, now);
        Update extra = new Update().set("surveillanceDue", LifecycleRules.surveillanceDueAfterRestore(
                current.surveillanceDue(), current.validFrom(), current.validUntil(), today));
        if (restore.lowered()) {
            extra.set("revision", after.revision())
                    .set("level", after.level())
                    .set("score", after.score())
                    .set("auditId", after.auditId())
                    .set("auditRevision", after.auditRevision())
                    .set("issuedAt", after.issuedAt())
                    .set("signature", after.signature());
        }
        if (!lifecycle.apply(after, CertificateStatus.ACTIVE, String.join("; ", reasons),
                CertificateLifecycle.BY_AUDIT, score.auditId(), score.revision(), today, change, extra,
                correlationId)) {
            throw new IllegalStateException("certificate " + current.number() + " changed while audit "
                    + score.auditId() + " was being decided");
        }
        log.info("certificate {} restored at {} by special audit {}", current.number(), after.level(),
                score.auditId());
        recorder.record(score, restore.outcome(), restore, reasons, restore.certificateNumber(), now, List.of());
    }

    /**
     * The next surveillance due date after a decision that keeps the certificate ACTIVE: a year on after a
     * surveillance; unchanged after a special audit (特殊审核), which is not the programme's surveillance.
     */
    private static LocalDate surveillanceDueAfter(ScoreComputed score, Certificate current, LocalDate today) {
        if (score.auditType() == AuditType.SPECIAL) {
            return current.surveillanceDue();
        }
        return LifecycleRules.nextSurveillanceDue(current.surveillanceDue(), current.validFrom(),
                current.validUntil(), today);
    }

    /** A redelivery found the certificate change made for this audit revision: finish what the crash interrupted. */
    private void completeInterrupted(ScoreComputed score, Certificate certificate, Recorder recorder) {
        CertificateChange change = certificate.changeBy(score.auditId()).orElseThrow();
        if (change.auditRevision() != score.revision()) {
            // a rescored revision of an audit whose earlier revision already issued or changed a certificate:
            // re-deciding it would need a certificate revision or withdrawal decided by the CB, not automation
            log.warn("audit {} revision {} arrived after revision {} already changed certificate {}; not re-decided",
                    score.auditId(), score.revision(), change.auditRevision(), certificate.number());
            return;
        }
        if (change.outcome() == Outcome.ISSUED && certificate.supersedes() != null) {
            lifecycle.supersede(certificate.supersedes(), certificate.number(), score.auditId(),
                    change.auditRevision(), "recovery");
        }
        recorder.record(score, change.outcome(), null, change.reasons(),
                certificate.number(), change.at(), List.of());
    }

    private void insert(ScoreComputed score, Outcome outcome, CertificationDecision decision, List<String> reasons,
                        String certificateNumber, Instant now, String correlationId, List<OutboxMessage> outbox) {
        Outcome heldOutcome = null;
        Band heldLevel = null;
        ScoreComputed held = null;
        if (decision instanceof CertificationDecision.Hold hold) {
            heldOutcome = hold.pending().outcome();
            held = score;
            CertificationDecision pending = hold.pending();
            if (pending instanceof CertificationDecision.Issue issue) {
                heldLevel = issue.level();
            } else if (pending instanceof CertificationDecision.Lower lower) {
                heldLevel = lower.to();
            } else if (pending instanceof CertificationDecision.Raise raise) {
                heldLevel = raise.to();
            } else if (pending instanceof CertificationDecision.Maintain maintain) {
                heldLevel = maintain.level();
            } else if (pending instanceof CertificationDecision.Restore restore) {
                heldLevel = restore.to();
            }
        }
        Decision record = new Decision(Decision.idOf(score.auditId(), score.revision()), score.auditId(),
                score.revision(), score.enterpriseId(), score.auditType(), outcome, reasons,
                certificateNumber, score.score(), Band.of(score.score()), heldOutcome, heldLevel, now, correlationId,
                outbox, held, null);
        if (decisions.record(record)) {
            log.info("audit {} revision {}: {}", score.auditId(), score.revision(), outcome);
        }
    }

    private static String heldCertificate(CertificationDecision.Hold hold) {
        if (hold.pending() instanceof CertificationDecision.Maintain maintain) {
            return maintain.certificateNumber();
        }
        if (hold.pending() instanceof CertificationDecision.Lower lower) {
            return lower.certificateNumber();
        }
        if (hold.pending() instanceof CertificationDecision.Raise raise) {
            return raise.certificateNumber();
        }
        if (hold.pending() instanceof CertificationDecision.Restore restore) {
            return restore.certificateNumber();
        }
        return null;
    }

    private static List<AuditedSite> centralFirst(List<AuditedSite> sites) {
        if (sites == null) {
            return List.of();
        }
        return sites.stream().sorted(Comparator.comparing((AuditedSite s) -> !s.central())).toList();
    }
}
