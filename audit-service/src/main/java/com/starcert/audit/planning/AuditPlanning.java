package com.starcert.audit.planning;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Service;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditRepository;
import com.starcert.audit.SchemeCatalog;
import com.starcert.audit.network.Enterprise;
import com.starcert.audit.network.Network;
import com.starcert.audit.network.NetworkStore;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Holder;
import com.starcert.contracts.Scheme;
import com.starcert.support.problem.ApiProblemException;

/** Plans an audit against the network audit-service knows and pins the current scheme version. */
@Service
public class AuditPlanning {

    /** Generated seeds stay below 2^53 so that they survive a round trip through JavaScript clients. */
    private static final long SEED_BOUND = 1L << 53;

    private final NetworkStore network;
    private final AuditRepository audits;
    private final SchemeCatalog schemes;
    private final Clock clock;

    public AuditPlanning(NetworkStore network, AuditRepository audits, SchemeCatalog schemes, Clock clock) {
        this.network = network;
        this.audits = audits;
        this.schemes = schemes;
        this.clock = clock;
    }

    public Audit plan(PlanRequest request, String by) {
        var problems = request.problems();
        if (!problems.isEmpty()) {
            throw new ApiProblemException.InvalidRequest(problems);
        }
        Network net = network.network(request.enterpriseId())
                .orElseThrow(() -> new ApiProblemException.NotFound("enterprise", request.enterpriseId()));
        AuditType type = request.auditType();
        int n = net.n();
        int formula = SampleSize.of(type, n, request.samplingAppropriateOrDefault());
        int extra = request.extraSites();
        if (formula + extra > n) {
            throw new ApiProblemException.InvalidRequest("enlargement.extraSites", "the sample of " + formula
                    + " can grow by at most " + (n - formula) + " since the enterprise has " + n + " active outlets");
        }
        int sampleSize = formula + extra;
        long seed = request.randomSeed() != null ? request.randomSeed()
                : ThreadLocalRandom.current().nextLong(SEED_BOUND);
        Enlargement enlargement = extra == 0 ? null : new Enlargement(extra, request.enlargement().reason());

        List<PlannedSite> sites = SitePlanner.plan(net.central(), net.sampleBase(), sampleSize, seed,
                history(request.enterpriseId()), extra, enlargement == null ? null : enlargement.reason());
        Enterprise enterprise = net.enterprise();
        Scheme scheme = schemes.current();
        Instant now = clock.instant();
        Audit audit = Audit.planned(UUID.randomUUID().toString(), enterprise.enterpriseId(),
                new Holder(enterprise.name(), enterprise.uscc()), type, scheme.ref(), n, sampleSize, seed,
                request.samplingAppropriateOrDefault(), request.outstandingOrDefault(), AuditDays.minimum(sampleSize),
                enlargement, sites, UUID.randomUUID().toString(), now, by);
        return audits.save(audit);
    }

    private AuditHistory history(String enterpriseId) {
        return audits.findFirstByEnterpriseIdOrderByCreatedAtDesc(enterpriseId)
                .map(last -> {
                    Set<String> visited = new HashSet<>();
                    last.sites().stream().map(PlannedSite::outletId).filter(Objects::nonNull).forEach(visited::add);
                    return new AuditHistory(last.createdAt(), visited);
                })
                .orElse(AuditHistory.none());
    }
}
