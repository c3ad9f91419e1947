package com.starcert.audit.planning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Service;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditRepository;
import com.starcert.audit.SchemeCatalog;
import com.starcert.audit.Who;
import com.starcert.audit.network.Enterprise;
import com.starcert.audit.network.Network;
import com.starcert.audit.network.NetworkStore;
import com.starcert.audit.network.Outlet;
import com.starcert.audit.programme.Programme;
import com.starcert.audit.programme.ProgrammeSchedule;
import com.starcert.audit.programme.ProgrammeStep;
import com.starcert.audit.programme.ProgrammeStore;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.CertificateStatus;
import com.starcert.contracts.Holder;
import com.starcert.contracts.Scheme;
import com.starcert.contracts.SchemeRef;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FieldProblem;

/**
 * Plans an audit against the network audit-service knows, places it in the enterprise's programme (which step of
 * which cycle) and pins a scheme version: the one requested if known, else the latest known. A SPECIAL audit needs
 * a certificate audit-service has seen, still in force (ACTIVE or SUSPENDED, as certificate-service requires), else
 * 409; it belongs to the current cycle but is no programme step. The server draws the random seed unless the CB
 * chooses one with a reason, which is recorded with who chose it ({@link SeedChoice}).
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

    public Audit plan(PlanRequest request, Who by) {
        var problems = request.problems();
        if (!problems.isEmpty()) {
            throw new ApiProblemException.InvalidRequest(problems);
        }
        Scheme scheme = scheme(request);
        Network net = network.network(request.enterpriseId())
                .orElseThrow(() -> new ApiProblemException.NotFound("enterprise", request.enterpriseId()));
        AuditType type = request.auditType();
        List<String> named = request.focusOutletIds();
        checkNamed(net, named);
        Programme programme = programmes.programme(request.enterpriseId()).orElse(null);
        if (type == AuditType.SPECIAL && (programme == null || programme.certificateNumber() == null)) {
            throw new ApiProblemException.Conflict("a special audit (特殊审核) is ordered on a certified "
                    + "enterprise, but audit-service has seen no certificate for enterprise " + request.enterpriseId()
                    + "; plan an INITIAL audit instead, or wait until certificate-service's certificate.issued "
                    + "has been received");
        }
        if (type == AuditType.SPECIAL && !inForce(programme.certificateStatus())) {
            throw new ApiProblemException.Conflict("a special audit (特殊审核) needs a certificate in force (ACTIVE "
                    + "or SUSPENDED); certificate " + programme.certificateNumber() + " of enterprise "
                    + request.enterpriseId() + " is " + programme.certificateStatus());
        }
        int n = net.n();
        int formula = SampleSize.of(type, n, request.samplingAppropriateOrDefault());
        int base = SampleSize.withNamed(formula, named.size(), n);
        int extra = request.extraSites();
        if (base + extra > n) {
            throw new ApiProblemException.InvalidRequest("enlargement.extraSites", "the sample of " + base
                    + " can grow by at most " + (n - base) + " since the enterprise has " + n + " active outlets");
        }
        int sampleSize = base + extra;
        Instant now = clock.instant();
        long seed = request.randomSeed() != null ? request.randomSeed()
                : ThreadLocalRandom.current().nextLong(SEED_BOUND);
        SeedChoice seedChoice = request.randomSeed() == null ? null
                : new SeedChoice(request.seedReason().trim(), by.sub(), by.name(), now);
        Enlargement enlargement = enlargement(formula, base, named.size(), extra,
                extra == 0 ? null : request.enlargement().reason());

        List<Audit> earlier = audits.findPlanningHistory(request.enterpriseId());
        String cycleId = programme == null ? null : programme.cycleId();
        List<Audit> cycleAudits = earlier.stream().filter(a -> Objects.equals(a.cycleId(), cycleId)).toList();
        ProgrammeStep step = ProgrammeSchedule.stepFor(type, cycleAudits);

        List<PlannedSite> sites = SitePlanner.plan(net.central(), net.sampleBase(), sampleSize, seed,
                history(earlier, step, cycleAudits), enlargement == null ? 0 : enlargement.extraSites(),
                enlargement == null ? null : enlargement.reason(), named);
        Enterprise enterprise = net.enterprise();
        Audit audit = Audit.planned(UUID.randomUUID().toString(), enterprise.enterpriseId(),
                new Holder(enterprise.name(), enterprise.uscc()), type, scheme.ref(), n, sampleSize, seed, seedChoice,
                request.samplingAppropriateOrDefault(), request.outstandingOrDefault(), AuditDays.minimum(sampleSize),
                enlargement, sites, UUID.randomUUID().toString(), now, by);
        audit.placeInProgramme(step, cycleId);
        if (request.team() != null) {
            audit.assignTeam(request.team().toTeam());
        }
        return audits.save(audit);
    }

    /** No status seen yet means the certificate as issued: ACTIVE. */
    private static boolean inForce(CertificateStatus status) {
        return status == null || status == CertificateStatus.ACTIVE || status == CertificateStatus.SUSPENDED;
    }

    /** Every named outlet must be an active outlet of the enterprise other than its central function. */
    private static void checkNamed(Network net, List<String> named) {
        if (named.isEmpty()) {
            return;
        }
        Map<String, Outlet> registered = net.registered(named);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            String id = named.get(i);
            Outlet outlet = registered.get(id);
            String why = outlet == null ? "outlet " + id + " is not registered for enterprise " + net.enterprise()
                    .enterpriseId()
                    : outlet.headquarters() ? "outlet " + id + " is the headquarters (central function, 总部), "
                    + "audited every time; name outlets other than it"
                    : !outlet.active() ? "outlet " + id + " is " + outlet.status() + ", not ACTIVE"
                    : null;
            if (why != null) {
                problems.add(new FieldProblem("focusOutlets[" + i + "]", why));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblemException.InvalidRequest(problems);
        }
    }

    /**
     * What the sample carries above the formula: the room the CB's named outlets need (with the random quarter)
     * and the CB's own enlargement; null when neither.
     */
    static Enlargement enlargement(int formula, int base, int named, int extra, String reason) {
        int total = base - formula + extra;
        if (total == 0) {
            return null;
        }
        List<String> why = new ArrayList<>(2);
        if (base > formula) {
            why.add((base - formula) + " site(s) for the " + named + " outlet(s) named by the CB for this special "
                    + "audit, a quarter of the sample still drawn at random");
        }
        if (extra > 0) {
            why.add(reason);
        }
        return new Enlargement(total, String.join("; ", why));
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
     * surveillance of a cycle, the first one's outlets to avoid. SPECIAL audits are left out: they visit what the
     * CB chose outside the programme, so they are neither "the previous surveillance" nor "the last audit" that
     * rotation and novelty count from.
     *
     * @param everything the enterprise's audits, newest first
     */
    static AuditHistory history(List<Audit> everything, ProgrammeStep step, List<Audit> cycleAudits) {
        List<Audit> earlier = everything.stream().filter(a -> a.type() != AuditType.SPECIAL).toList();
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
