package com.starcert.audit.network;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.starcert.contracts.EnterpriseChanged;
import com.starcert.contracts.OutletChanged;

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

    private List<Outlet> outlets(String enterpriseId) {
        return mongo.find(Query.query(Criteria.where("enterpriseId").is(enterpriseId)), Outlet.class);
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
