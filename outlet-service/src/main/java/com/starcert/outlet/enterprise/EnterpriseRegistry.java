package com.starcert.outlet.enterprise;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.starcert.support.web.IfMatch;
import com.starcert.outlet.registry.InvalidValueException;
import com.starcert.outlet.registry.Uscc;
import com.starcert.support.messaging.OutboxEvents;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FieldProblem;

/** Registers enterprises, keeps their profile and finds them again (企业登记). */
@Service
public class EnterpriseRegistry {

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final Clock clock;

    EnterpriseRegistry(MongoTemplate mongo, OutboxEvents outboxEvents, Clock clock) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    /** Stores the enterprise and its REGISTERED event in one insert; a known USCC is a 409. */
    Enterprise register(EnterpriseForm form, String correlationId) {
        EnterpriseForm.Registration r = form.validate();
        EnterpriseForm.Profile p = r.profile();
        Enterprise enterprise = new Enterprise(new ObjectId().toHexString(), p.name(), r.uscc().value(),
                p.address(), p.contact(), p.productCategories(), p.status(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), 1, List.of());
        try {
            return mongo.insert(enterprise.withOutbox(
                    List.of(outboxEvents.message(enterprise.registeredEvent(), correlationId))));
        } catch (DuplicateKeyException e) {
            throw new ApiProblemException.Conflict("an enterprise with USCC " + r.uscc() + " is already registered",
                    List.of(new FieldProblem("uscc", "is already registered")));
        }
    }

    /**
     * Replaces the editable profile if {@code If-Match} names the current version; the state and its UPDATED
     * event go in one conditional update, so of two writers that read the same version only one succeeds.
     * With {@code contactDetailsOnly} (the enterprise itself) a change beyond address and contact is a 403.
     */
    Enterprise update(String id, String ifMatch, EnterpriseForm form, boolean contactDetailsOnly,
                      String correlationId) {
        IfMatch expected = IfMatch.parse(ifMatch);
        Enterprise current = get(id);
        EnterpriseForm.Profile p = form.validateUpdate(current, contactDetailsOnly);
        expected.require(current.version());
        Enterprise changed = current.withProfile(p);
        Update update = new Update()
                .set("name", changed.name())
                .set("address", changed.address())
                .set("contact", changed.contact())
                .set("productCategories", changed.productCategories())
                .set("status", changed.status())
                .push("outbox", outboxEvents.message(changed.updatedEvent(), correlationId))
                .inc("version", 1);
        Enterprise stored = mongo.findAndModify(
                Query.query(Criteria.where("id").is(id).and("version").is(current.version())), update,
                FindAndModifyOptions.options().returnNew(true), Enterprise.class);
        if (stored == null) {
            throw new IfMatch.PreconditionFailed(get(id).version());
        }
        return stored;
    }

    public Optional<Enterprise> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Enterprise.class));
    }

    public Enterprise get(String id) {
        return find(id).orElseThrow(() -> new ApiProblemException.NotFound("enterprise", id));
    }

    public boolean exists(String id) {
        return mongo.exists(Query.query(Criteria.where("id").is(id)), Enterprise.class);
    }

    /**
     * The enterprise with this USCC, if registered; a code that cannot be valid is a 400 (one registered before the
     * organisation-code check is still found).
     */
    Optional<Enterprise> findByUscc(String raw) {
        String uscc;
        try {
            uscc = Uscc.lookupValue(raw);
        } catch (InvalidValueException e) {
            throw new ApiProblemException.InvalidRequest("uscc", e.getMessage());
        }
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("uscc").is(uscc)), Enterprise.class));
    }
}
