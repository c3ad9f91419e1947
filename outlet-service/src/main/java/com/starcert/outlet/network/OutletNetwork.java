package com.starcert.outlet.network;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.starcert.outlet.enterprise.EnterpriseRegistry;
import com.starcert.outlet.infra.Actor;
import com.starcert.support.web.IfMatch;
import com.starcert.outlet.registry.Province;
import com.starcert.outlet.registry.Violations;
import com.starcert.support.messaging.OutboxEvents;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FieldProblem;

/** An enterprise's outlet network (服务网络): registration, look-up, profile and status changes, coverage. */
@Service
public class OutletNetwork {

    private final MongoTemplate mongo;
    private final EnterpriseRegistry enterprises;
    private final OutboxEvents outboxEvents;
    private final Clock clock;
    private final ZoneId zone;

    OutletNetwork(MongoTemplate mongo, EnterpriseRegistry enterprises, OutboxEvents outboxEvents, Clock clock,
                  @Value("${starcert.outlet.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.enterprises = enterprises;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
        this.zone = zone;
    }

    /** Stores the outlet with its REGISTERED event in one insert; the unique indexes refuse duplicates. */
    Outlet register(String enterpriseId, OutletForm form, String correlationId) {
        requireEnterprise(enterpriseId);
        OutletProfile p = form.validate();
        Outlet outlet = Outlet.register(new ObjectId().toHexString(), enterpriseId, p, now(), null);
        try {
            return mongo.insert(outlet.withOutbox(List.of(outboxEvents.message(outlet.changedEvent(), correlationId))));
        } catch (DuplicateKeyException e) {
            throw duplicate(e, p);
        }
    }

    /** A visible outlet of the enterprise (never one of an import still being stored). */
    Outlet get(String enterpriseId, String outletId) {
        requireEnterprise(enterpriseId);
        Outlet outlet = mongo.findOne(Query.query(visible(enterpriseId, outletId)), Outlet.class);
        if (outlet == null) {
            throw new ApiProblemException.NotFound("outlet", outletId);
        }
        return outlet;
    }

    record Listing(List<Outlet> outlets, long total) {
    }

    /** One page of the enterprise's outlets, filtered and sorted as asked (by id, i.e. registration order, else). */
    Listing list(String enterpriseId, OutletQuery.Params params) {
        OutletQuery q = OutletQuery.parse(params);
        requireEnterprise(enterpriseId);
        Criteria criteria = q.criteria(enterpriseId);
        long total = mongo.count(Query.query(criteria), Outlet.class);
        Query query = Query.query(criteria).with(q.sort()).skip((long) q.page() * q.size()).limit(q.size());
        query.fields().exclude("outbox");
        return new Listing(mongo.find(query, Outlet.class), total);
    }

    /**
     * Active outlets per province with the best commitments there, optionally only outlets meeting the given
     * commitments (and of one kind or province); provinces without such an outlet are left out.
     */
    List<ProvinceCoverage> coverage(String enterpriseId, OutletQuery.Params params) {
        OutletQuery q = OutletQuery.parse(params);
        requireEnterprise(enterpriseId);
        Criteria criteria = new OutletQuery(q.kind(), OutletStatus.ACTIVE, q.province(), null,
                q.responseWithinHours(), q.onSiteWithinHours(), q.resolutionWithinHours(), 0, 1, Sort.unsorted())
                .criteria(enterpriseId);
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(criteria),
                Aggregation.group("address.province").count().as("activeOutlets")
                        .min("commitments.responseHours").as("bestResponseHours")
                        .min("commitments.onSiteHours").as("bestOnSiteHours")
                        .min("commitments.resolutionHours").as("bestResolutionHours"),
                Aggregation.sort(Sort.by("_id")));
        return mongo.aggregate(aggregation, "outlets", Document.class).getMappedResults().stream()
                .map(d -> {
                    String code = d.getString("_id");
                    return new ProvinceCoverage(code, Province.ofCode(code).map(Province::chineseName).orElse(null),
                            ((Number) d.get("activeOutlets")).longValue(), intOrNull(d.get("bestResponseHours")),
                            intOrNull(d.get("bestOnSiteHours")), intOrNull(d.get("bestResolutionHours")));
                })
                .toList();
    }

    /**
     * Replaces the editable profile if {@code If-Match} names the current version: state and UPDATED event go in
     * one conditional update, so a concurrent writer that read the same version gets a 412.
     */
    Outlet update(String enterpriseId, String outletId, String ifMatch, OutletForm form, String correlationId) {
        IfMatch expected = IfMatch.parse(ifMatch);
        OutletProfile p = form.validate();
        Outlet current = get(enterpriseId, outletId);
        expected.require(current.version());
        if (current.status() == OutletStatus.CLOSED) {
            throw new ApiProblemException.Conflict("the outlet is closed; a closed outlet is kept as it was");
        }
        Outlet changed = current.withProfile(p);
        Update update = new Update()
                .set("name", changed.name())
                .set("kind", changed.kind())
                .set("address", changed.address())
                .set("contact", changed.contact())
                .set("serviceHours", changed.serviceHours())
                .set("commitments", changed.commitments())
                .set("periodicInspection", changed.periodicInspection())
                .set("faultFinding", changed.faultFinding())
                .set("postWarranty", changed.postWarranty())
                .set("freeItems", changed.freeItems())
                .set("standInEquipment", changed.standInEquipment())
                .set("openComplaints", changed.openComplaints())
                .set("centralFunctionSlot", changed.centralFunctionSlot())
                .push("outbox", outboxEvents.message(changed.updatedEvent(), correlationId))
                .inc("version", 1);
        try {
            return conditionalUpdate(enterpriseId, outletId, current.version(), update);
        } catch (DuplicateKeyException e) {
            throw duplicate(e, p);
        }
    }

    /**
     * Changes the status with an optimistic lock: the update only matches the version that was read, so of two
     * concurrent changes one wins and the other gets a 409 (or a 412 when the client sent {@code If-Match}, which
     * is optional here for the issue-2 clients: the suite's policy for state changes, {@link IfMatch#ifSent}).
     * State, history entry (with who made the change) and event go in one update.
     */
    Outlet changeStatus(String enterpriseId, String outletId, String ifMatch, StatusChangeForm form, Actor by,
                        String correlationId) {
        IfMatch expected = IfMatch.ifSent(ifMatch).orElse(null);
        Violations violations = new Violations();
        violations.required("status", form.status());
        String reason = violations.text("reason", form.reason(), StatusChangeForm.MAX_REASON);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate effectiveFrom = form.effectiveFrom() == null ? today : form.effectiveFrom();
        if (effectiveFrom.isAfter(today)) {
            violations.add("effectiveFrom", "must not be in the future (today is " + today + ")");
        }
        violations.throwIfAny();

        Outlet current = get(enterpriseId, outletId);
        if (expected != null) {
            expected.require(current.version());
        }
        Outlet changed;
        try {
            changed = current.changeStatus(form.status(), reason, effectiveFrom, now(), by);
        } catch (StatusChangeRefused e) {
            throw new ApiProblemException.Conflict(e.getMessage(),
                    List.of(new FieldProblem("status", e.getMessage())));
        }
        Update update = new Update()
                .set("status", changed.status())
                .set("centralFunctionSlot", changed.centralFunctionSlot())
                .push("history", changed.lastChange())
                .push("outbox", outboxEvents.message(changed.changedEvent(), correlationId))
                .inc("version", 1);
        try {
            return conditionalUpdate(enterpriseId, outletId, current.version(), update);
        } catch (IfMatch.PreconditionFailed e) {
            if (expected == null) {
                throw new ApiProblemException.Conflict(
                        "the outlet was changed by someone else meanwhile; read it again and retry");
            }
            throw e;
        } catch (DuplicateKeyException e) {
            throw new ApiProblemException.Conflict("the enterprise already has a headquarters outlet",
                    List.of(new FieldProblem("status", "only one open HEADQUARTERS per enterprise")));
        }
    }

    /** Applies {@code update} only to {@code version}; 412 when the outlet moved on meanwhile. */
    private Outlet conditionalUpdate(String enterpriseId, String outletId, long version, Update update) {
        Query sameVersion = Query.query(visible(enterpriseId, outletId).and("version").is(version));
        Outlet stored = mongo.findAndModify(sameVersion, update, FindAndModifyOptions.options().returnNew(true),
                Outlet.class);
        if (stored == null) {
            Outlet now = mongo.findOne(Query.query(visible(enterpriseId, outletId)), Outlet.class);
            if (now == null) {
                throw new ApiProblemException.NotFound("outlet", outletId);
            }
            throw new IfMatch.PreconditionFailed(now.version());
        }
        return stored;
    }

    private static Criteria visible(String enterpriseId, String outletId) {
        return Criteria.where("id").is(outletId).and("enterpriseId").is(enterpriseId).and(Outlet.STAGED).ne(true);
    }

    private void requireEnterprise(String enterpriseId) {
        if (!enterprises.exists(enterpriseId)) {
            throw new ApiProblemException.NotFound("enterprise", enterpriseId);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Integer intOrNull(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    static ApiProblemException duplicate(DuplicateKeyException e, OutletProfile p) {
        String message = String.valueOf(e.getMessage());
        if (message.contains(Outlet.CENTRAL_FUNCTION_INDEX)) {
            return new ApiProblemException.Conflict("the enterprise already has a headquarters outlet",
                    List.of(new FieldProblem("kind", "only one HEADQUARTERS per enterprise")));
        }
        if (message.contains(Outlet.NAME_ADDRESS_INDEX)) {
            return new ApiProblemException.Conflict("the enterprise already has an outlet named '" + p.name()
                    + "' at this address", List.of(new FieldProblem("name", "already registered at this address")));
        }
        return new ApiProblemException.Conflict("an outlet with the same unique key already exists");
    }
}
