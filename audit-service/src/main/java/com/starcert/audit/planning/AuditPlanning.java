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
import com.starcert.audit.programme.Programme;
import com.starcert.audit.programme.ProgrammeSchedule;
import com.starcert.audit.programme.ProgrammeStep;
import com.starcert.audit.programme.ProgrammeStore;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Holder;
import com.starcert.contracts.Scheme;
import com.starcert.contracts.SchemeRef;
import com.starcert.support.problem.ApiProblemException;

/**
 * Plans an audit against the network audit-service knows, places it in the enterprise's programme (which step of
 * which cycle) and pins a scheme version: the one requested if known, else the latest known.
 */
@Service
public class AuditPlanning {

    /** Generated seeds stay below 2^53 so that they survive a round trip through JavaScript clients. */
    private static final long SEED_BOUND = 1L << 53;

    private final NetworkStore network;
    private final AuditRepository audits;
    private final SchemeCatalog schemes;
    private final ProgrammeStore programmes;
    private final Clock clock;

    public AuditPlanning(NetworkStore network, AuditRepository audits, SchemeCatalog schemes,
                         ProgrammeStore programmes, Clock clock) {
        this.network = network;
        this.audits = audits;
        this.schemes = schemes;
        this.programmes = programmes;
        this.clock = clock;
    }

    public Audit plan(PlanRequest request, String by) {
        var problems = request.problems();
        if (!problems.isEmpty()) {
            throw new ApiProblemException.InvalidRequest(problems);
        }
        Scheme scheme = scheme(request);
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

        List<Audit> earlier = audits.findPlanningHistory(request.enterpriseId());
        String cycleId = programmes.programme(request.enterpriseId()).map(Programme::cycleId).orElse(null);
        List<Audit> cycleAudits = earlier.stream().filter(a -> Objects.equals(a.cycleId(), cycleId)).toList();
        ProgrammeStep step = ProgrammeSchedule.stepFor(type, cycleAudits);

        List<PlannedSite> sites = SitePlanner.plan(net.central(), net.sampleBase(), sampleSize, seed,
                history(earlier, step, cycleAudits), extra, enlargement == null ? null : enlargement.reason());
        Enterprise enterprise = net.enterprise();
        Instant now = clock.instant();
        Audit audit = Audit.planned(UUID.randomUUID().toString(), enterprise.enterpriseId(),
                new Holder(enterprise.name(), enterprise.uscc()), type, scheme.ref(), n, sampleSize, seed,
                request.samplingAppropriateOrDefault(), request.outstandingOrDefault(), AuditDays.minimum(sampleSize),
                enlargement, sites, UUID.randomUUID().toString(), now, by);
        audit.placeInProgramme(step, cycleId);
        if (request.team() != null) {
            audit.assignTeam(request.team().toTeam());
        }
        return audits.save(audit);
    }

    private Scheme scheme(PlanRequest request) {
        if (request.scheme() == null) {
            return schemes.current();
        }
        SchemeRef wanted = new SchemeRef(request.scheme().id().trim(), request.scheme().version());
        return schemes.find(wanted).orElseThrow(() -> new ApiProblemException.InvalidRequest("scheme",
                "scheme " + wanted.id() + " version " + wanted.version() + " is not known to audit-service"));
    }

    /**
     * The last audit (new outlets since), the previous surveillance (outlets not visited then) and, for the second
     * surveillance of a cycle, the first one's outlets to avoid.
     *
     * @param earlier the enterprise's audits, newest first
     */
    static AuditHistory history(List<Audit> earlier, ProgrammeStep step, List<Audit> cycleAudits) {
        if (earlier.isEmpty()) {
            return AuditHistory.none();
        }
        Audit last = earlier.get(0);
        Audit previousSurveillance = earlier.stream().filter(a -> a.type() == AuditType.SURVEILLANCE).findFirst()
                .orElse(null);
        Set<String> visited = outlets(previousSurveillance != null ? previousSurveillance : last);
        Set<String> avoid = Set.of();
        if (step == ProgrammeStep.SURVEILLANCE_2) {
            avoid = cycleAudits.stream().filter(a -> a.programmeStep() == ProgrammeStep.SURVEILLANCE_1).findFirst()
                    .map(AuditPlanning::outlets).orElse(Set.of());
        }
        return new AuditHistory(last.createdAt(), visited, previousSurveillance != null, avoid);
    }

    private static Set<String> outlets(Audit audit) {
        Set<String> visited = new HashSet<>();
        audit.sites().stream().filter(s -> !s.central()).map(PlannedSite::outletId).filter(Objects::nonNull)
                .forEach(visited::add);
        return visited;
    }
}
