package com.starcert.certificate.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.starcert.certificate.CertificateSettings;
import com.starcert.certificate.decision.CertificateNumber;
import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.certificate.decision.Decisions;
import com.starcert.certificate.register.Actor;
import com.starcert.certificate.register.Certificate;
import com.starcert.certificate.register.CertificateChange;
import com.starcert.certificate.register.Certificates;
import com.starcert.certificate.register.StatusTransition;
import com.starcert.support.messaging.OutboxEvents;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.web.IfMatch;

/**
 * Status changes of certificates: CB actions, decisions and the lifecycle sweep. Every change is a conditional
 * update on the certificate's status and version carrying its CertificateStatusChanged, so any number of instances
 * may sweep at once: a change is applied, and published, by exactly one of them.
 */
@Service
public class CertificateLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CertificateLifecycle.class);
    private static final int ATTEMPTS = 5;
    private static final int MAX_PASSES = 5;

    public static final String BY_AUDIT = "AUDIT";
    public static final String BY_CB = "CB";
    public static final String BY_SWEEP = "SWEEP";
    public static final String BY_RECERTIFICATION = "RECERTIFICATION";

    private final Certificates certificates;
    private final Decisions decisions;
    private final OutboxEvents outboxEvents;
    private final CertificateSettings settings;
    private final Clock clock;

    public CertificateLifecycle(Certificates certificates, Decisions decisions, OutboxEvents outboxEvents,
                                CertificateSettings settings, Clock clock) {
        this.certificates = certificates;
        this.decisions = decisions;
        this.outboxEvents = outboxEvents;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A CB action (suspend, restore, withdraw, cancel) with its reason, taken by {@code actor}; 409 when the status
     * does not allow it, 412 when {@code ifMatch} was sent and no longer names the certificate's version.
     */
    public Certificate act(String number, CertificateStatus to, String reason, Actor actor,
                           Optional<IfMatch> ifMatch) {
        String base = CertificateNumber.parseRevised(number).map(CertificateNumber.Revised::base)
                .orElseThrow(() -> new ApiProblemException.NotFound("certificate", number));
        String correlationId = "cb-" + UUID.randomUUID();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Certificate current = certificates.byNumber(base)
                    .orElseThrow(() -> new ApiProblemException.NotFound("certificate", number));
            // checked on every attempt: a change made meanwhile by someone else is exactly what If-Match guards
            ifMatch.ifPresent(m -> m.require(current.version()));
            if (!LifecycleRules.allowed(current.status(), to)) {
                throw new ApiProblemException.Conflict("certificate " + base + " is " + current.status()
                        + (LifecycleRules.isFinal(current.status()) ? ", which is final" : "")
                        + "; it cannot become " + to);
            }
            LocalDate today = today();
            Update extra = null;
            if (to == CertificateStatus.ACTIVE) {
                extra = new Update().set("surveillanceDue", LifecycleRules.surveillanceDueAfterRestore(
                        current.surveillanceDue(), current.validFrom(), current.validUntil(), today));
            }
            if (apply(current, to, reason, BY_CB, actor, null, 0, today, null, extra, correlationId)) {
                return certificates.byNumber(base).orElseThrow();
            }
        }
        throw new ApiProblemException.Conflict("certificate " + base + " kept changing meanwhile; try again");
    }

    /**
     * Changes {@code current}'s status if it is unchanged since it was read; false otherwise (the caller reads it
     * again). {@code auditId}/{@code auditRevision} name the audit behind a decision's change (null/0 otherwise) and
     * go into its CertificateStatusChanged; {@code change} records that audit in the certificate's history,
     * {@code extra} sets further fields. The event describes {@code current} (number, revision, level): a caller
     * that revises the certificate in the same write passes the revised certificate, which keeps the status and
     * version that was read.
     */
    public boolean apply(Certificate current, CertificateStatus to, String reason, String by, String auditId,
                         int auditRevision, LocalDate effectiveOn, CertificateChange change, Update extra,
                         String correlationId) {
        return apply(current, to, reason, by, null, auditId, auditRevision, effectiveOn, change, extra,
                correlationId);
    }

    private boolean apply(Certificate current, CertificateStatus to, String reason, String by, Actor actor,
                          String auditId, int auditRevision, LocalDate effectiveOn, CertificateChange change,
                          Update extra, String correlationId) {
        Instant now = clock.instant();
        StatusTransition transition = new StatusTransition(current.status(), to, reason, by, auditId, effectiveOn,
                now, actor);
        boolean applied = certificates.transition(current, transition,
                outboxEvents.message(current.statusChangedEvent(transition, auditRevision), correlationId), change,
                extra);
        if (applied) {
            log.info("certificate {} {} -> {} ({}{}): {}", current.number(), current.status(), to, by,
                    actor == null ? "" : " " + actor.subject(), reason);
        }
        return applied;
    }

    /**
     * A recertification (audit {@code auditId} at {@code auditRevision}) replaced {@code previous}: it ends as
     * EXPIRED with {@code supersededBy} naming its successor. Idempotent: only a certificate still in force is
     * changed.
     */
    public void supersede(String previous, String successor, String auditId, int auditRevision,
                          String correlationId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Certificate> current = certificates.byNumber(previous);
            if (current.isEmpty() || LifecycleRules.isFinal(current.get().status())) {
                return;
            }
            if (apply(current.get(), CertificateStatus.EXPIRED, "superseded by certificate " + successor
                    + " (recertification)", BY_RECERTIFICATION, auditId, auditRevision, today(), null,
                    new Update().set("supersededBy", successor), correlationId)) {
                return;
            }
        }
        throw new IllegalStateException("certificate " + previous + " kept changing while being superseded");
    }

    @Scheduled(fixedDelayString = "${starcert.certificate.lifecycle.sweep-interval:5m}",
            initialDelayString = "${starcert.certificate.lifecycle.sweep-interval:5m}")
    void scheduledSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("lifecycle sweep paused: {}", e.getMessage());
        }
    }

    /**
     * Applies every transition due on the clock's today (overdue surveillance → SUSPENDED, 6 months suspended →
     * WITHDRAWN, after validUntil → EXPIRED). A transition takes effect on the day it fell due, so a late sweep
     * catches up (a certificate overdue long ago is suspended and then withdrawn). Returns how many it applied.
     */
    public int sweep() {
        return sweep(settings.lifecycle().sweepBatch());
    }

    /**
     * One sweep reading {@code batch} certificates at a time, in number order from where the last page ended, so
     * certificates it must leave alone (a surveillance held for corrective actions, one another instance changed
     * meanwhile) never keep it from the rest. Passes repeat while they change something: a transition can make the
     * next one due (suspended long ago, hence withdrawn).
     */
    int sweep(int batch) {
        LocalDate today = today();
        int applied = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            int appliedThisPass = 0;
            String after = null;
            List<Certificate> due;
            do {
                due = certificates.dueForSweep(today, after, batch);
                for (Certificate c : due) {
                    if (sweepOne(c, today)) {
                        appliedThisPass++;
                    }
                }
                if (!due.isEmpty()) {
                    after = due.get(due.size() - 1).number();
                }
            } while (due.size() == batch);
            applied += appliedThisPass;
            if (appliedThisPass == 0) {
                break;
            }
        }
        return applied;
    }

    private boolean sweepOne(Certificate c, LocalDate today) {
        Optional<LifecycleRules.Due> due = LifecycleRules.due(c.status(), c.validUntil(), c.surveillanceDue(),
                c.suspendedOn(), today);
        if (due.isEmpty()) {
            return false;
        }
        if (due.get().to() == CertificateStatus.SUSPENDED && decisions.heldFor(c.enterpriseId(), c.number())) {
            // the surveillance was carried out in time; its decision waits for verified corrective actions
            return false;
        }
        LocalDate effectiveOn = switch (due.get().to()) {
            case EXPIRED -> c.validUntil().plusDays(1);
            case SUSPENDED -> c.surveillanceDue().plusDays(1);
            case WITHDRAWN -> c.suspendedOn().plus(LifecycleRules.SUSPENSION_LIMIT);
            default -> today;
        };
        // another instance may have changed it since it was read: then this update matches nothing
        return apply(c, due.get().to(), due.get().reason(), BY_SWEEP, null, 0, effectiveOn, null, null,
                "sweep-" + UUID.randomUUID());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.zone());
    }
}
