package com.starcert.audit.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditRepository;
import com.starcert.audit.SchemeCatalog;
import com.starcert.audit.network.NetworkStore;
import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.Holder;
import com.starcert.contracts.Scheme;
import com.starcert.support.messaging.OutboxEvents;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FieldProblem;

/**
 * Submits an audit for scoring. The status change and the AuditSubmitted event are one save of the audit
 * document (the outbox relay publishes it, keyed by the enterprise); the version guards a concurrent submit.
 */
@Service
public class AuditSubmission {

    private final AuditRepository audits;
    private final SchemeCatalog schemes;
    private final NetworkStore network;
    private final OutboxEvents outboxEvents;
    private final Clock clock;

    public AuditSubmission(AuditRepository audits, SchemeCatalog schemes, NetworkStore network,
                           OutboxEvents outboxEvents, Clock clock) {
        this.audits = audits;
        this.schemes = schemes;
        this.network = network;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    public Audit submit(String auditId, String by) {
        Audit audit = audits.findById(auditId).orElseThrow(() -> new ApiProblemException.NotFound("audit", auditId));
        if (!audit.status().open()) {
            throw new ApiProblemException.Conflict("audit " + auditId + " is already " + audit.status());
        }
        Scheme scheme = schemes.get(audit.scheme());
        List<FieldProblem> missing = SubmissionCheck.missing(audit.sites(), scheme, audit.findings(),
                audit.exclusions());
        if (!missing.isEmpty()) {
            throw new ApiProblemException.Unprocessable(missing.size() + " (site, indicator) pairs are not assessed yet",
                    missing);
        }
        if (SubmissionCheck.nothingToScore(scheme, audit.findings(), audit.exclusions())) {
            throw new ApiProblemException.Unprocessable(
                    "nothing to score: every indicator is excluded or not applicable", List.of());
        }
        // the certificate carries the holder as registered now, not as it was when the audit was planned
        Holder holder = network.enterprise(audit.enterpriseId())
                .map(e -> new Holder(e.name(), e.uscc()))
                .orElse(audit.holder());
        Instant now = clock.instant();
        AuditSubmitted submitted = audit.submit(holder, now, by);
        audit.enqueue(outboxEvents.message(submitted, audit.correlationId()));
        return audits.save(audit);
    }
}
