package com.starcert.scoring.scheme;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.starcert.contracts.Scheme;
import com.starcert.contracts.SchemePublished;
import com.starcert.contracts.SchemeRef;
import com.starcert.scoring.scheme.SchemeVersionDocument.Origin;
import com.starcert.support.messaging.OutboxEvents;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FieldProblem;

/**
 * Every scheme version StarCert knows: those in the {@code schemes} collection, plus the versions shipped as files
 * (served from the classpath even before — or without — their registration in the store). Versions are immutable,
 * so once read they are kept in memory.
 */
@Service
public class SchemeCatalog {

    private static final Logger log = LoggerFactory.getLogger(SchemeCatalog.class);

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final Clock clock;
    private final Map<SchemeRef, Scheme> shipped = new ConcurrentHashMap<>();
    private final Map<SchemeRef, Scheme> known = new ConcurrentHashMap<>();

    public SchemeCatalog(MongoTemplate mongo, OutboxEvents outboxEvents, Clock clock) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
        ShippedSchemes.load().forEach(s -> shipped.put(s.ref(), s));
    }

    /** The scheme version an audit was planned with, if StarCert knows it. */
    public Optional<Scheme> find(SchemeRef ref) {
        Scheme cached = known.get(ref);
        if (cached != null) {
            return Optional.of(cached);
        }
        SchemeVersionDocument stored = mongo.findById(SchemeVersionDocument.idOf(ref.id(), ref.version()),
                SchemeVersionDocument.class);
        Scheme scheme = stored != null ? stored.scheme() : shipped.get(ref);
        if (scheme != null) {
            known.put(ref, scheme);
        }
        return Optional.ofNullable(scheme);
    }

    public Scheme get(String id, int version) {
        return find(new SchemeRef(id, version))
                .orElseThrow(() -> new ApiProblemException.NotFound("scheme version", id + "/" + version));
    }

    /** One line per scheme, ordered by id, each with all its versions ascending and the latest version's title. */
    public List<SchemeSummary> list() {
        Query query = new Query().with(Sort.by("schemeId", "version"));
        query.fields().include("schemeId").include("version").include("title");
        Map<String, TreeMap<Integer, String>> titles = new TreeMap<>();
        shipped.values().forEach(s -> titles.computeIfAbsent(s.id(), k -> new TreeMap<>()).put(s.version(), s.title()));
        for (org.bson.Document d : mongo.find(query, org.bson.Document.class, collection())) {
            titles.computeIfAbsent(d.getString("schemeId"), k -> new TreeMap<>())
                    .put(d.getInteger("version"), d.getString("title"));
        }
        List<SchemeSummary> summaries = new ArrayList<>();
        titles.forEach((id, versions) -> summaries.add(new SchemeSummary(id, versions.lastKey(),
                List.copyOf(new TreeSet<>(versions.keySet())), versions.lastEntry().getValue())));
        return summaries;
    }

    public Optional<SchemeSummary> summary(String id) {
        return list().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * Accepts a new version of scheme {@code id} after validating the whole draft (400 listing every problem).
     * The version is the next one; a version given in the draft must be exactly that (409 otherwise: published
     * versions are immutable). The version and its SchemePublished event are stored in one insert.
     */
    public Scheme publish(String id, SchemeDraft draft, String correlationId) {
        List<FieldProblem> problems = draft.problems(id);
        if (!problems.isEmpty()) {
            throw new ApiProblemException.InvalidRequest(problems);
        }
        int next = latestVersion(id) + 1;
        if (draft.version() != null && draft.version() != next) {
            if (draft.version() < next) {
                throw new ApiProblemException.Conflict("scheme " + id + " version " + draft.version()
                        + " is already published and cannot be changed; the next version is " + next,
                        List.of(new FieldProblem("version", "already published; the next version is " + next)));
            }
            throw new ApiProblemException.Conflict("scheme " + id + " has no version " + (next - 1 < 1 ? "yet"
                    : "after " + (next - 1)) + "; the next version is " + next,
                    List.of(new FieldProblem("version", "must be the next version, " + next)));
        }
        Scheme scheme = draft.toScheme(id, next);
        if (!insert(scheme, Origin.PUBLISHED, correlationId)) {
            throw new ApiProblemException.Conflict("scheme " + id + " version " + next
                    + " was published meanwhile and cannot be changed; publish again as the next version",
                    List.of(new FieldProblem("version", "already published")));
        }
        log.info("scheme {} version {} published ({} indicators)", id, next, scheme.indicators().size());
        return scheme;
    }

    /**
     * Stores the shipped versions that are not in the store yet, each with its SchemePublished event. Safe on
     * several instances at once: the unique {@code _id} lets exactly one insert win.
     */
    public int registerShipped() {
        int registered = 0;
        for (Scheme scheme : shipped.values()) {
            if (mongo.exists(Query.query(Criteria.where("_id").is(idOf(scheme))), SchemeVersionDocument.class)) {
                continue;
            }
            if (insert(scheme, Origin.SHIPPED, "shipped-" + idOf(scheme))) {
                log.info("shipped scheme {} registered", idOf(scheme));
                registered++;
            }
        }
        return registered;
    }

    /** The highest version of the scheme known, 0 when there is none. */
    int latestVersion(String id) {
        Query query = Query.query(Criteria.where("schemeId").is(id)).with(Sort.by(Sort.Direction.DESC, "version"))
                .limit(1);
        query.fields().include("version");
        int stored = Optional.ofNullable(mongo.findOne(query, org.bson.Document.class, collection()))
                .map(d -> d.getInteger("version")).orElse(0);
        int fromFiles = shipped.keySet().stream().filter(r -> r.id().equals(id)).mapToInt(SchemeRef::version)
                .max().orElse(0);
        return Math.max(stored, fromFiles);
    }

    private boolean insert(Scheme scheme, Origin origin, String correlationId) {
        Instant now = clock.instant();
        var event = outboxEvents.message(new SchemePublished(scheme, now), correlationId);
        try {
            mongo.insert(SchemeVersionDocument.of(scheme, origin, now, event));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private String collection() {
        return mongo.getCollectionName(SchemeVersionDocument.class);
    }

    private static String idOf(Scheme scheme) {
        return SchemeVersionDocument.idOf(scheme.id(), scheme.version());
    }

    /** A scheme as {@code GET /api/schemes} lists it. */
    public record SchemeSummary(String id, int latestVersion, List<Integer> versions, String title) {
    }
}
