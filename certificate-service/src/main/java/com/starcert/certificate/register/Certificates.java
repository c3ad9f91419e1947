package com.starcert.certificate.register;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.support.messaging.OutboxMessage;

/** The certificate register. Every change is one conditional single-document write. */
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

    /** The certificate an audit already issued, revised or suspended, if any. */
    public Optional<Certificate> changedBy(String enterpriseId, String auditId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("enterpriseId").is(enterpriseId)
                .and("history.auditId").is(auditId)), Certificate.class));
    }

    /** Inserts a new certificate together with its pending CertificateIssued; a second one for the audit fails. */
    public void insert(Certificate certificate) {
        mongo.insert(certificate);
    }

    /**
     * Revises an ACTIVE certificate at {@code expectedRevision} to the next revision with the new level and score,
     * in the same write as its pending CertificateIssued. False when it changed meanwhile or the audit already
     * revised it.
     */
    public boolean revise(String number, int expectedRevision, CertificateChange change, Instant issuedAt,
                          OutboxMessage message) {
        Query query = Query.query(Criteria.where("_id").is(number)
                .and("revision").is(expectedRevision)
                .and("status").is(CertificateStatus.ACTIVE)
                .and("history.auditId").ne(change.auditId()));
        Update update = new Update()
                .set("revision", change.certificateRevision())
                .set("level", change.level())
                .set("score", change.score())
                .set("auditId", change.auditId())
                .set("auditRevision", change.auditRevision())
                .set("issuedAt", issuedAt)
                .push("history", change)
                .push("outbox", message);
        return mongo.updateFirst(query, update, Certificate.class).getModifiedCount() == 1;
    }

    /** Suspends an ACTIVE certificate; false when it is not ACTIVE any more or the audit already suspended it. */
    public boolean suspend(String number, CertificateChange change) {
        Query query = Query.query(Criteria.where("_id").is(number)
                .and("status").is(CertificateStatus.ACTIVE)
                .and("history.auditId").ne(change.auditId()));
        Update update = new Update().set("status", CertificateStatus.SUSPENDED).push("history", change);
        return mongo.updateFirst(query, update, Certificate.class).getModifiedCount() == 1;
    }

    /**
     * A recertification replaced {@code previous}: it ends as EXPIRED with {@code supersededBy} naming its successor.
     * Idempotent: only a certificate still in force is changed.
     */
    public void markSuperseded(String previous, String successor) {
        Query query = Query.query(Criteria.where("_id").is(previous)
                .and("status").in(CertificateStatus.ACTIVE, CertificateStatus.SUSPENDED));
        mongo.updateFirst(query, new Update().set("status", CertificateStatus.EXPIRED).set("supersededBy", successor),
                Certificate.class);
    }
}
