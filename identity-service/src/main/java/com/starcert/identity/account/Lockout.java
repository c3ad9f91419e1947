package com.starcert.identity.account;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.starcert.identity.IdentitySettings;

/**
 * Counts consecutive failed logins on the account document itself ({@code failedAttempts}, {@code lockedUntil})
 * with single-document atomic updates, so that every instance of the service sees the same count. Reaching the
 * limit locks the account for the configured duration and starts the count afresh; a success clears it.
 */
@Component
public class Lockout {

    private static final Logger log = LoggerFactory.getLogger(Lockout.class);

    static final String FAILED_ATTEMPTS = "failedAttempts";
    static final String LOCKED_UNTIL = "lockedUntil";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final IdentitySettings.LockoutPolicy settings;

    public Lockout(MongoTemplate mongo, Clock clock, IdentitySettings settings) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = settings.lockout();
    }

    public boolean isLocked(Instant lockedUntil) {
        return lockedUntil != null && clock.instant().isBefore(lockedUntil);
    }

    public boolean appliesToClients() {
        return settings.clients();
    }

    /**
     * Records one failure of the account {@code id} in {@code collection}.
     *
     * @return true when this failure locked the account
     */
    public boolean failed(String collection, String id) {
        org.bson.Document after = mongo.findAndModify(byId(id), new Update().inc(FAILED_ATTEMPTS, 1),
                FindAndModifyOptions.options().returnNew(true), org.bson.Document.class, collection);
        if (after == null) {
            return false; // no such account: nothing to count
        }
        Number failures = (Number) after.get(FAILED_ATTEMPTS);
        if (failures != null && failures.intValue() >= settings.maxFailures()) {
            Instant until = clock.instant().plus(settings.duration());
            mongo.updateFirst(byId(id), new Update().set(LOCKED_UNTIL, until).set(FAILED_ATTEMPTS, 0),
                    collection);
            log.warn("'{}' ({}) locked until {} after {} failed sign-ins", id, collection, until, failures);
            return true;
        }
        return false;
    }

    /** Clears the count after a successful login (only writes when there is something to clear). */
    public void succeeded(String collection, String id) {
        Query dirty = new Query(Criteria.where("_id").is(id)
                .orOperator(Criteria.where(FAILED_ATTEMPTS).gt(0), Criteria.where(LOCKED_UNTIL).ne(null)));
        mongo.updateFirst(dirty, new Update().set(FAILED_ATTEMPTS, 0).unset(LOCKED_UNTIL), collection);
    }

    /** Adds "unlock and clear the count" to an update, e.g. when the secret is reset. */
    public static Update cleared(Update update) {
        return update.set(FAILED_ATTEMPTS, 0).unset(LOCKED_UNTIL);
    }

    private static Query byId(String id) {
        return new Query(Criteria.where("_id").is(id));
    }
}
