package com.starcert.audit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.starcert.contracts.Scheme;
import com.starcert.contracts.SchemeRef;

/** Scheme versions from the classpath, loaded once; an audit is always judged by the version it pinned. */
@Component
public class SchemeCatalog {

    private final Map<SchemeRef, Scheme> loaded = new ConcurrentHashMap<>();
    private final SchemeRef current;

    public SchemeCatalog(AuditSettings settings) {
        this.current = new SchemeRef(settings.schemeId(), settings.schemeVersion());
        get(current); // fail at start-up, not at the first audit, when the configured scheme is missing
    }

    /** The scheme new audits pin. */
    public Scheme current() {
        return get(current);
    }

    public Scheme get(SchemeRef ref) {
        return loaded.computeIfAbsent(ref, r -> Scheme.load(r.id(), r.version()));
    }
}
