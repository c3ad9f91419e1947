package com.starcert.audit.network;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.bson.Document;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.starcert.contracts.EnterpriseChanged;
import com.starcert.contracts.OutletChanged;
import com.starcert.contracts.OutletChanged.OutletKind;
import com.starcert.contracts.OutletChanged.OutletStatus;

/**
 * The network read model, written in batches. Every write is version-conditional: an event whose version is not
 * newer than the stored one changes nothing, so stale events and replays change nothing.
 */
@Component
public class NetworkStore {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    public NetworkStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return true when the event changed the read model */
    public boolean apply(EnterpriseChanged e) {
        return applyEnterprises(List.of(e)) == 1;
    }

    /** @return true when the event changed the read model */
    public boolean apply(OutletChanged e) {
        return applyOutlets(List.of(e)) == 1;
    }

    /**
     * A batch of enterprise changes in one bulk write; only the newest version of each enterprise is written, which
     * leaves the same state as applying them one by one in order. Returns how many enterprises changed.
     */
    public int applyEnterprises(List<EnterpriseChanged> changes) {
        return writeNewer(Enterprise.class, newestOf(changes, EnterpriseChanged::enterpriseId,
                EnterpriseChanged::version), EnterpriseChanged::enterpriseId, EnterpriseChanged::version,
                e -> new Enterprise(e.enterpriseId(), e.name(), e.uscc(), e.regionCode(), e.addressLine(), e.version()),
                e -> new Update()
                        .set("name", e.name())
                        .set("uscc", e.uscc())
                        .set("regionCode", e.regionCode())
                        .set("addressLine", e.addressLine())
                        .set("version", e.version()));
    }

    /**
     * A batch of outlet changes in one bulk write (an import of 10,000 outlets arrives as a few hundred batches, not
     * 10,000 writes); only the newest version of each outlet is written. Returns how many outlets changed.
     */
    public int applyOutlets(List<OutletChanged> changes) {
        return writeNewer(Outlet.class, newestOf(changes, OutletChanged::outletId, OutletChanged::version),
                OutletChanged::outletId, OutletChanged::version,
                e -> new Outlet(e.outletId(), e.enterpriseId(), e.name(), e.kind(), e.status(), e.regionCode(),
                        e.addressLine(), e.registeredAt(), e.version(), e.openComplaints()),
                e -> new Update()
                        .set("enterpriseId", e.enterpriseId())
                        .set("name", e.name())
                        .set("kind", e.kind())
                        .set("status", e.status())
                        .set("regionCode", e.regionCode())
                        .set("addressLine", e.addressLine())
                        .set("registeredAt", e.registeredAt())
                        .set("openComplaints", e.openComplaints())
                        .set("version", e.version()));
    }

    /** Of each id's changes, the one with the highest version, in order of first appearance. */
    static <E> List<E> newestOf(List<E> changes, Function<E, String> id, ToLongFunction<E> version) {
        Map<String, E> newest = new LinkedHashMap<>();
        for (E change : changes) {
            newest.merge(id.apply(change), change,
                    (kept, next) -> version.applyAsLong(next) > version.applyAsLong(kept) ? next : kept);
        }
        return List.copyOf(newest.values());
    }

    /**
     * One read of the stored versions, then one bulk insert of what is not stored yet (an import's outlets) and
     * one bulk of updates conditional on the stored version being older. The insert fails on the {@code _id} key
     * for a document that appeared meanwhile, which then gets the conditional update; the condition makes a stale
     * or replayed change match nothing — so every write stays correct while several instances consume, and an
     * import costs one insert instead of ten thousand conditional updates.
     */
    private <E> int writeNewer(Class<?> type, List<E> changes, Function<E, String> id, ToLongFunction<E> version,
                               Function<E, Object> created, Function<E, Update> update) {
        if (changes.isEmpty()) {
            return 0;
        }
        Map<String, Long> stored = new HashMap<>();
        Query known = Query.query(Criteria.where("_id").in(changes.stream().map(id).toList()));
        known.fields().include("version");
        for (Document d : mongo.query(type).as(Document.class).matching(known).all()) {
            stored.put(String.valueOf(d.get("_id")), number(d.get("version")));
        }
        List<E> absent = new ArrayList<>();
        List<E> newer = new ArrayList<>();
        for (E change : changes) {
            Long current = stored.get(id.apply(change));
            if (current == null) {
                absent.add(change);
            } else if (current < version.applyAsLong(change)) {
                newer.add(change);
            }
        }
        int applied = 0;
        if (!absent.isEmpty()) {
            try {
                applied += mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type)
                        .insert(absent.stream().map(created).toList()).execute().getInsertedCount();
            } catch (BulkOperationException e) {
                if (!e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                    throw e;
                }
                applied += e.getResult().getInsertedCount();
                e.getErrors().forEach(error -> newer.add(absent.get(error.getIndex())));
            }
        }
        if (!newer.isEmpty()) {
            BulkOperations updates = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
            for (E change : newer) {
                updates.updateOne(Query.query(Criteria.where("_id").is(id.apply(change)).and("version")
                        .lt(version.applyAsLong(change))), update.apply(change));
            }
            applied += updates.execute().getModifiedCount();
        }
        return applied;
    }

    public Optional<Enterprise> enterprise(String enterpriseId) {
        return Optional.ofNullable(mongo.findById(enterpriseId, Enterprise.class));
    }

    /** The enterprise's network, or empty when audit-service has not heard of the enterprise. */
    public Optional<Network> network(String enterpriseId) {
        return enterprise(enterpriseId).map(enterprise -> Network.of(enterprise, outlets(enterpriseId)));
    }

    /**
     * Read as plain documents and mapped by hand: at 10 000 outlets the generic mapping was most of the time a
     * recertification plan took. Spring Data stores an id that looks like an ObjectId (outlet-service's ids do) as
     * an ObjectId, so the id is read back as text whatever its BSON type.
     */
    List<Outlet> outlets(String enterpriseId) {
        List<Outlet> outlets = new ArrayList<>();
        for (Document d : mongo.getCollection(mongo.getCollectionName(Outlet.class))
                .find(new Document("enterpriseId", enterpriseId))) {
            outlets.add(new Outlet(String.valueOf(d.get("_id")), d.getString("enterpriseId"), d.getString("name"),
                    enumOf(OutletKind.class, d.getString("kind")), enumOf(OutletStatus.class, d.getString("status")),
                    d.getString("regionCode"), d.getString("addressLine"), instant(d.get("registeredAt")),
                    number(d.get("version")), (int) number(d.get("openComplaints"))));
        }
        return outlets;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }

}
