package com.starcert.audit.network;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
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
 * The network read model. Every write is version-conditional: an event whose version is not newer than the stored
 * one matches nothing, and the insert that follows fails on the {@code _id} key, so stale events and replays
 * change nothing.
 */
@Component
public class NetworkStore {

    private final MongoTemplate mongo;

    public NetworkStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return true when the event changed the read model */
    public boolean apply(EnterpriseChanged e) {
        Query newer = Query.query(Criteria.where("_id").is(e.enterpriseId()).and("version").lt(e.version()));
        Update update = new Update()
                .set("name", e.name())
                .set("uscc", e.uscc())
                .set("regionCode", e.regionCode())
                .set("addressLine", e.addressLine())
                .set("version", e.version());
        if (mongo.updateFirst(newer, update, Enterprise.class).getMatchedCount() > 0) {
            return true;
        }
        return insertIfAbsent(new Enterprise(e.enterpriseId(), e.name(), e.uscc(), e.regionCode(), e.addressLine(),
                e.version()));
    }

    /** @return true when the event changed the read model */
    public boolean apply(OutletChanged e) {
        Query newer = Query.query(Criteria.where("_id").is(e.outletId()).and("version").lt(e.version()));
        Update update = new Update()
                .set("enterpriseId", e.enterpriseId())
                .set("name", e.name())
                .set("kind", e.kind())
                .set("status", e.status())
                .set("regionCode", e.regionCode())
                .set("addressLine", e.addressLine())
                .set("registeredAt", e.registeredAt())
                .set("openComplaints", e.openComplaints())
                .set("version", e.version());
        if (mongo.updateFirst(newer, update, Outlet.class).getMatchedCount() > 0) {
            return true;
        }
        return insertIfAbsent(new Outlet(e.outletId(), e.enterpriseId(), e.name(), e.kind(), e.status(),
                e.regionCode(), e.addressLine(), e.registeredAt(), e.version(), e.openComplaints()));
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
    private List<Outlet> outlets(String enterpriseId) {
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

    private boolean insertIfAbsent(Object document) {
        try {
            mongo.insert(document);
            return true;
        } catch (DuplicateKeyException alreadyNewerOrSame) {
            return false;
        }
    }
}
