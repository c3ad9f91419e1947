package com.starcert.audit.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditSettings;
import com.starcert.audit.SchemeCatalog;
import com.starcert.audit.Who;
import com.starcert.audit.access.AuditAccess;
import com.starcert.audit.access.AuditAccess.Act;
import com.starcert.audit.access.Precondition;
import com.starcert.audit.network.NetworkStore;
import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.Holder;
import com.starcert.contracts.Scheme;
import com.starcert.support.messaging.OutboxEvents;
import com.starcert.support.messaging.OutboxMessage;
import com.starcert.support.messaging.OutboxPayloads;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FieldProblem;
import com.starcert.support.security.Caller;

/**
 * Submits an audit for scoring, by an auditor of its team. The status change and the AuditSubmitted event are one
 * save of the audit document (the outbox relay publishes it, keyed by the enterprise); the version guards a
 * concurrent submit.
 */
@Service
public class AuditSubmission {

    private final AuditAccess access;
    private final SchemeCatalog schemes;
    private final NetworkStore network;
    private final OutboxEvents outboxEvents;
    private final OutboxPayloads payloads;
    private final Clock clock;
    private final int correctiveActionDays;
    private final long partSize;

    public AuditSubmission(AuditAccess access, SchemeCatalog schemes, NetworkStore network,
                           OutboxEvents outboxEvents, OutboxPayloads payloads, AuditSettings settings,
                           Clock clock) {
        this.correctiveActionDays = settings.correctiveActionDays();
        this.partSize = settings.submissionPartSize().toBytes();
        this.access = access;
        this.schemes = schemes;
        this.network = network;
        this.outboxEvents = outboxEvents;
        this.payloads = payloads;
        this.clock = clock;
    }

    public Audit submit(String auditId, Precondition precondition, Caller caller) {
        return access.command(auditId, caller, Act.AUDIT, precondition, audit -> submit(audit, Who.of(caller)));
    }

    private void submit(Audit audit, Who by) {
        String auditId = audit.id();
        if (!audit.status().open()) {
            throw new ApiProblemException.Conflict("audit " + auditId + " is already " + audit.status());
        }
        Scheme scheme = schemes.get(audit.scheme());
        // every missing or inconsistent item in one answer
        List<FieldProblem> problems = new java.util.ArrayList<>(SubmissionCheck.missing(audit.sites(), scheme,
                audit.findings(), audit.exclusions()));
        problems.addAll(SubmissionCheck.inconsistent(audit.sites(), scheme, audit.findings(), audit.exclusions()));
        if (problems.isEmpty() && SubmissionCheck.nothingToScore(scheme, audit.findings(), audit.exclusions())) {
            problems.add(new FieldProblem("findings", "nothing to score: every indicator is excluded or not applicable"));
        }
        if (!problems.isEmpty()) {
            long missing = problems.stream().filter(p -> p.reason().equals("not assessed")).count();
            throw new ApiProblemException.Unprocessable(missing == problems.size()
                    ? missing + " (site, indicator) pairs are not assessed yet"
                    : problems.size() + " items are missing or inconsistent", problems);
        }
        // the certificate carries the holder as registered now, not as it was when the audit was planned
        Holder holder = network.enterprise(audit.enterpriseId())
                .map(e -> new Holder(e.name(), e.uscc()))
                .orElse(audit.holder());
        Instant now = clock.instant();
        AuditSubmitted submitted = audit.submit(holder, now, by,
                now.atZone(clock.getZone()).toLocalDate().plusDays(correctiveActionDays));
        List<OutboxMessage> parts = SubmissionParts.of(submitted, partSize,
                e -> outboxEvents.message(e, audit.correlationId()));
        // parts are a large audit's: kept beside the audit, so that they do not double its document (at most 16 MB)
        (parts.size() > 1 ? payloads.storeBeside(Audit.COLLECTION, auditId, parts) : parts).forEach(audit::enqueue);
        // a resubmission whose deductions were all corrected and verified already releases the decision at once
        audit.settleCorrectiveActions(now).ifPresent(v -> audit.enqueue(outboxEvents.message(v, audit.correlationId())));
    }
}
