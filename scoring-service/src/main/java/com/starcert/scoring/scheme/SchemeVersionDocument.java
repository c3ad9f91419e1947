package com.starcert.scoring.scheme;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import com.starcert.contracts.Scheme;
import com.starcert.support.messaging.OutboxAggregate;
import com.starcert.support.messaging.OutboxMessage;

/**
 * One published scheme version (评价方案版本), {@code _id = schemeId/version}. Inserted once and never updated —
 * the relay only drains {@code outbox} — so a version, once accepted, reads the same forever. Inserting it also
 * queues its SchemePublished event in the same write. Schemes belong to the CB, not to an enterprise, so unlike
 * every other StarCert document this one carries no {@code enterpriseId}.
 */
@Document("schemes")
@CompoundIndex(name = "scheme_version", def = "{'schemeId': 1, 'version': -1}", unique = true)
public record SchemeVersionDocument(
        @Id String id,
        String schemeId,
        int version,
        String title,
        List<Scheme.Indicator> indicators,
        Origin origin,
        Instant publishedAt,
        List<OutboxMessage> outbox) implements OutboxAggregate {

    /** Whether the version shipped with StarCert (registered at start-up) or was published through the API. */
    public enum Origin { SHIPPED, PUBLISHED }

    public static String idOf(String schemeId, int version) {
        return schemeId + "/" + version;
    }

    static SchemeVersionDocument of(Scheme scheme, Origin origin, Instant publishedAt, OutboxMessage event) {
        return new SchemeVersionDocument(idOf(scheme.id(), scheme.version()), scheme.id(), scheme.version(),
                scheme.title(), scheme.indicators(), origin, publishedAt, List.of(event));
    }

    public Scheme scheme() {
        return new Scheme(schemeId, version, title, indicators);
    }
}
