package com.starcert.outlet.network;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.starcert.outlet.enterprise.EnterpriseRegistry;
import com.starcert.outlet.registry.InvalidValueException;
import com.starcert.outlet.registry.Province;
import com.starcert.outlet.registry.Violations;
import com.starcert.support.messaging.OutboxEvents;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FieldProblem;

/** An enterprise's outlet network (服务网络): registration, look-up and status changes. */
@Service
public class OutletNetwork {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

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
        OutletForm.NewOutlet n = form.validate();
        Outlet outlet = Outlet.register(new ObjectId().toHexString(), enterpriseId, n.name(), n.kind(), n.address(),
                n.contact(), n.serviceHours(), n.commitments(), now());
        try {
            return mongo.insert(outlet.withOutbox(List.of(outboxEvents.message(outlet.changedEvent(), correlationId))));
        } catch (DuplicateKeyException e) {
            throw duplicate(e, n);
        }
    }

    Outlet get(String enterpriseId, String outletId) {
        requireEnterprise(enterpriseId);
        Outlet outlet = mongo.findOne(Query.query(Criteria.where("id").is(outletId).and("enterpriseId").is(enterpriseId)),
                Outlet.class);
        if (outlet == null) {
            throw new ApiProblemException.NotFound("outlet", outletId);
        }
        return outlet;
    }

    record Listing(List<Outlet> outlets, long total) {
    }

    /** One page of the enterprise's outlets in registration order, optionally filtered. */
    Listing list(String enterpriseId, String kind, String status, String province, Integer page, Integer size) {
        Violations violations = new Violations();
        OutletKind k = kind == null ? null : violations.value("kind", kind, v -> parseEnum(OutletKind.class, v));
        OutletStatus s = status == null ? null : violations.value("status", status,
                v -> parseEnum(OutletStatus.class, v));
        Province p = province == null ? null : violations.value("province", province, Province::parse);
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_PAGE_SIZE : size;
        if (pageNumber < 0) {
            violations.add("page", "must be 0 or more");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            violations.add("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        violations.throwIfAny();
        requireEnterprise(enterpriseId);

        Criteria criteria = Criteria.where("enterpriseId").is(enterpriseId);
        if (k != null) {
            criteria = criteria.and("kind").is(k);
        }
        if (s != null) {
            criteria = criteria.and("status").is(s);
        }
        if (p != null) {
            criteria = criteria.and("address.province").is(p.code());
        }
        long total = mongo.count(Query.query(criteria), Outlet.class);
        Query query = Query.query(criteria).with(Sort.by("id")).skip((long) pageNumber * pageSize).limit(pageSize);
        query.fields().exclude("outbox");
        return new Listing(mongo.find(query, Outlet.class), total);
    }

    /**
     * Changes the status with an optimistic lock: the update only matches the version that was read, so of two
     * concurrent changes one wins and the other gets a 409. State, history entry and event go in one update.
     */
    Outlet changeStatus(String enterpriseId, String outletId, StatusChangeForm form, String correlationId) {
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
        Outlet changed;
        try {
            changed = current.changeStatus(form.status(), reason, effectiveFrom, now());
        } catch (StatusChangeRefused e) {
            throw new ApiProblemException.Conflict(e.getMessage(),
                    List.of(new FieldProblem("status", e.getMessage())));
        }
        Query sameVersion = Query.query(Criteria.where("id").is(outletId).and("enterpriseId").is(enterpriseId)
                .and("version").is(current.version()));
        Update update = new Update()
                .set("status", changed.status())
                .set("centralFunctionSlot", changed.centralFunctionSlot())
                .push("history", changed.lastChange())
                .push("outbox", outboxEvents.message(changed.changedEvent(), correlationId))
                .inc("version", 1);
        Outlet stored = mongo.findAndModify(sameVersion, update, FindAndModifyOptions.options().returnNew(true),
                Outlet.class);
        if (stored == null) {
            throw new OptimisticLockingFailureException("outlet " + outletId + " changed meanwhile");
        }
        return stored;
    }

    private void requireEnterprise(String enterpriseId) {
        if (!enterprises.exists(enterpriseId)) {
            throw new ApiProblemException.NotFound("enterprise", enterpriseId);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ApiProblemException duplicate(DuplicateKeyException e, OutletForm.NewOutlet n) {
        String message = String.valueOf(e.getMessage());
        if (message.contains(Outlet.CENTRAL_FUNCTION_INDEX)) {
            return new ApiProblemException.Conflict("the enterprise already has a headquarters outlet",
                    List.of(new FieldProblem("kind", "only one HEADQUARTERS per enterprise")));
        }
        if (message.contains(Outlet.NAME_ADDRESS_INDEX)) {
            return new ApiProblemException.Conflict("the enterprise already has an outlet named '" + n.name()
                    + "' at this address", List.of(new FieldProblem("name", "already registered at this address")));
        }
        return new ApiProblemException.Conflict("an outlet with the same unique key already exists");
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String raw) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("'" + raw + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
