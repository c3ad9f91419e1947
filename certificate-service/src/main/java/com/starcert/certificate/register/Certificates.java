package com.starcert.certificate.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.certificate.lifecycle.LifecycleRules;
import com.starcert.support.messaging.OutboxMessage;

/**
 * The certificate register. Every change is one conditional single-document write on the certificate's
 * {@code version} (and status), carrying its events in the same write.
 */
@Repository
public class Certificates {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("validFrom"), Sort.Order.desc("_id"));

    private final MongoTemplate mongo;

    public Certificates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Certificate> byNumber(String number) {
        return Optional.ofNullable(mongo.findById(number, Certificate.class));
    }

    public List<Certificate> ofEnterprise(String enterpriseId) {
        return mongo.find(Query.query(Criteria.where("enterpriseId").is(enterpriseId)).with(NEWEST_FIRST),
                Certificate.class);
    }

    /** The enterprise's certificate in force (ACTIVE or SUSPENDED), newest first if ever there were two. */
    public Optional<Certificate> inForce(String enterpriseId) {
        Query query = Query.query(Criteria.where("enterpriseId").is(enterpriseId)
                .and("status").in(CertificateStatus.ACTIVE, CertificateStatus.SUSPENDED)).with(NEWEST_FIRST).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Certificate.class));
    }

    /** Every certificate of these enterprises: one read. */
    public List<Certificate> ofEnterprises(java.util.Collection<String> enterpriseIds) {
        return mongo.find(Query.query(Criteria.where("enterpriseId").in(enterpriseIds)), Certificate.class);
    }

    /** The certificate an audit already issued, revised, maintained, suspended or restored, if any. */
    public Optional<Certificate> changedBy(String enterpriseId, String auditId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("enterpriseId").is(enterpriseId)
                .and("history.auditId").is(auditId)), Certificate.class));
    }

    /** Inserts a new certificate together with its pending CertificateIssued; a second one for the audit fails. */
    public void insert(Certificate certificate) {
        mongo.insert(certificate);
    }

    /**
     * Revises an ACTIVE certificate (level raised or lowered by a surveillance, lowered by a special audit) to {@code revised}'s revision, level,
     * score and signature, in the same write as its pending CertificateIssued. False when it changed meanwhile or
     * the audit already revised it.
     */
    public boolean revise(Certificate current, Certificate revised, CertificateChange change, LocalDate nextDue,
                          OutboxMessage message) {
        Update update = new Update()
                .set("revision", revised.revision())
                .set("level", revised.level())
                .set("score", revised.score())
                .set("auditId", revised.auditId())
                .set("auditRevision", revised.auditRevision())
                .set("issuedAt", revised.issuedAt())
                .set("signature", revised.signature())
                .set("surveillanceDue", nextDue)
                .inc("version", 1)
                .push("history", change)
                .push("outbox", message);
        return mongo.updateFirst(unchanged(current, change.auditId()), update, Certificate.class)
                .getModifiedCount() == 1;
    }

    /**
     * A surveillance (or a special audit) confirmed an ACTIVE certificate, in the same write as the decision's
     * CertificateStatusChanged (ACTIVE → ACTIVE): {@code nextDue} is the next surveillance date (a year on after a
     * surveillance, unchanged after a special audit). False when it changed meanwhile or the audit already
     * maintained it.
     */
    public boolean maintain(Certificate current, CertificateChange change, LocalDate nextDue, OutboxMessage message) {
        Update update = new Update().set("surveillanceDue", nextDue).inc("version", 1).push("history", change)
                .push("outbox", message);
        return mongo.updateFirst(unchanged(current, change.auditId()), update, Certificate.class)
                .getModifiedCount() == 1;
    }

    /**
     * Changes the status of {@code current} if nobody changed the certificate since it was read (same status, same
     * version), with the transition, its CertificateStatusChanged and, for a decision, the audit's change record
     * in the same write. False when the certificate changed meanwhile: the caller reads again and re-decides.
     */
    public boolean transition(Certificate current, StatusTransition transition, OutboxMessage message,
                              CertificateChange change, Update extra) {
        Query query = Query.query(Criteria.where("_id").is(current.number())
                .and("status").is(current.status())
                .and("version").is(current.version()));
        Update update = extra != null ? extra : new Update();
        update.set("status", transition.to())
                .set("statusReason", transition.reason())
                .inc("version", 1)
                .push("transitions", transition)
                .push("outbox", message);
        if (transition.to() == CertificateStatus.SUSPENDED) {
            update.set("suspendedOn", transition.effectiveOn());
        } else {
            update.unset("suspendedOn");
        }
        if (change != null) {
            update.push("history", change);
        }
        return mongo.updateFirst(query, update, Certificate.class).getModifiedCount() == 1;
    }

    /**
     * Certificates in force on which the sweep may owe a transition on {@code today}, in number order after
     * {@code afterNumber} (null: from the first), at most {@code limit}.
     */
    public List<Certificate> dueForSweep(LocalDate today, String afterNumber, int limit) {
        Criteria expired = Criteria.where("status").in(CertificateStatus.ACTIVE, CertificateStatus.SUSPENDED)
                .and("validUntil").lt(today);
        Criteria overdue = Criteria.where("status").is(CertificateStatus.ACTIVE).and("surveillanceDue").lt(today);
        Criteria suspendedTooLong = Criteria.where("status").is(CertificateStatus.SUSPENDED)
                .and("suspendedOn").lte(LifecycleRules.withdrawSuspendedOnOrBefore(today));
        Criteria due = new Criteria().orOperator(expired, overdue, suspendedTooLong);
        Query query = Query.query(afterNumber == null ? due
                        : new Criteria().andOperator(Criteria.where("_id").gt(afterNumber), due))
                .with(Sort.by("_id")).limit(limit);
        return mongo.find(query, Certificate.class);
    }

    /** Public search by exact USCC (统一社会信用代码) or by part of the holder's name; newest first. */
    public List<Certificate> search(String uscc, String name, int page, int size) {
        return mongo.find(searchQuery(uscc, name).with(NEWEST_FIRST).skip((long) page * size).limit(size),
                Certificate.class);
    }

    public long count(String uscc, String name) {
        return mongo.count(searchQuery(uscc, name), Certificate.class);
    }

    private static Query searchQuery(String uscc, String name) {
        Criteria criteria = new Criteria();
        if (uscc != null) {
            criteria = criteria.and("holder.uscc").is(uscc);
        }
        if (name != null) {
            // the keys narrow by index (see HolderNameKeys); the name itself decides
            List<String> keys = HolderNameKeys.wanted(name);
            if (!keys.isEmpty()) {
                criteria = criteria.and(HolderNameKeys.FIELD).all(keys);
            }
            criteria = criteria.and("holder.name").regex(Pattern.compile(Pattern.quote(name),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        return Query.query(criteria);
    }

    private static Query unchanged(Certificate current, String auditId) {
        return Query.query(Criteria.where("_id").is(current.number())
                .and("version").is(current.version())
                .and("status").is(CertificateStatus.ACTIVE)
                .and("history.auditId").ne(auditId));
    }
}
