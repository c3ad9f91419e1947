package com.starcert.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.starcert.audit.scheme.PublishedScheme;
import com.starcert.contracts.Scheme;
import com.starcert.contracts.SchemeRef;

/**
 * Scheme versions from the classpath and from {@code scheme.published} (stored in {@code schemes}); versions are
 * immutable, so each is cached once loaded. An audit is always judged by the version it pinned.
 */
@Component
public class SchemeCatalog {

    private final Map<SchemeRef, Scheme> loaded = new ConcurrentHashMap<>();
    private final SchemeRef configured;
    private final MongoTemplate mongo;

    public SchemeCatalog(AuditSettings settings, MongoTemplate mongo) {
        this.mongo = mongo;
        this.configured = new SchemeRef(settings.schemeId(), settings.schemeVersion());
        if (find(configured).isEmpty()) {
            // fail at start-up, not at the first audit, when the configured scheme is missing
            throw new IllegalStateException("no scheme " + configured.id() + " version " + configured.version()
                    + " on the classpath or published");
        }
    }

    /** The scheme new audits pin: the configured id at its latest known version (never below the configured one). */
    public Scheme current() {
        Query latest = Query.query(Criteria.where("schemeId").is(configured.id())
                        .and("version").gt(configured.version()))
                .with(Sort.by(Sort.Direction.DESC, "version")).limit(1);
        PublishedScheme newer = mongo.findOne(latest, PublishedScheme.class);
        return newer != null ? get(new SchemeRef(newer.schemeId(), newer.version())) : get(configured);
    }

    /** A pinned version; it must exist (audits only pin known versions). */
    public Scheme get(SchemeRef ref) {
        return find(ref).orElseThrow(() -> new IllegalStateException("unknown scheme " + ref.id() + " version "
                + ref.version()));
    }

    public Optional<Scheme> find(SchemeRef ref) {
        Scheme cached = loaded.get(ref);
        if (cached != null) {
            return Optional.of(cached);
        }
        Scheme scheme = fromClasspath(ref);
        if (scheme == null) {
            PublishedScheme stored = mongo.findById(PublishedScheme.key(ref.id(), ref.version()), PublishedScheme.class);
            scheme = stored == null ? null : stored.scheme();
        }
        if (scheme != null) {
            loaded.put(ref, scheme);
        }
        return Optional.ofNullable(scheme);
    }

    /** Stores a published version once; @return false when it was already known. */
    public boolean learn(Scheme scheme, Instant publishedAt) {
        try {
            mongo.insert(new PublishedScheme(PublishedScheme.key(scheme.id(), scheme.version()), scheme.id(),
                    scheme.version(), scheme, publishedAt));
            return true;
        } catch (DuplicateKeyException alreadyKnown) {
            return false;
        }
    }

    private static Scheme fromClasspath(SchemeRef ref) {
        try {
            return Scheme.load(ref.id(), ref.version());
        } catch (IllegalArgumentException notShipped) {
            return null;
        }
    }
}
