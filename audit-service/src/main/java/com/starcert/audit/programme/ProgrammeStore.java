package com.starcert.audit.programme;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.starcert.audit.Audit;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.CertificateStatus;
import com.starcert.contracts.CertificateStatusChanged;

/**
 * Keeps programmes current with conditional single-document writes: a certificate event older than (or as old as)
 * the newest applied matches nothing, so redelivery and replays change nothing.
 */
@Component
public class ProgrammeStore {

    private final MongoTemplate mongo;

    public ProgrammeStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Programme> programme(String enterpriseId) {
        return Optional.ofNullable(mongo.findById(enterpriseId, Programme.class));
    }

    /**
     * A decision on an initial or recertification audit starts a new cycle from the certificate's effective date;
     * a revised certificate after a surveillance (level lowered) or a special audit keeps the cycle and updates the
     * certificate.
     *
     * @return true when the event changed the programme
     */
    public boolean apply(CertificateIssued e) {
        Audit audit = mongo.findById(e.auditId(), Audit.class);
        // a revised certificate after a surveillance or a special audit (scope extended, level changed) keeps it
        boolean newCycle = audit != null
                ? audit.type() == AuditType.INITIAL || audit.type() == AuditType.RECERTIFICATION
                : e.certificateRevision() == 1;
        // newer than the last issue applied, and of the programme's certificate or a later one (numbers grow
        // with time: GBT27922-<year>-<sequence>), whatever order the events arrive in
        Query newer = Query.query(Criteria.where("_id").is(e.enterpriseId()).andOperator(
                new Criteria().orOperator(Criteria.where("issuedAt").lt(e.issuedAt()),
                        Criteria.where("issuedAt").is(null)),
                sameOrLaterCertificate(e.certificateNumber())));
        Update update = new Update()
                .set("certificateNumber", e.certificateNumber())
                .set("certificateRevision", e.certificateRevision())
                .set("validUntil", e.validUntil())
                .set("issuedAt", e.issuedAt());
        if (newCycle) {
            update.set("cycleId", e.auditId()).set("decidedOn", decidedOn(e));
        }
        if (mongo.updateFirst(newer, update, Programme.class).getMatchedCount() > 0) {
            markActive(e);
            return true;
        }
        try {
            mongo.insert(new Programme(e.enterpriseId(), newCycle ? e.auditId() : null, e.certificateNumber(),
                    e.certificateRevision(), newCycle ? decidedOn(e) : null, e.validUntil(), e.issuedAt(),
                    CertificateStatus.ACTIVE, e.issuedAt()));
            return true;
        } catch (DuplicateKeyException alreadyNewer) {
            return false;
        }
    }

    /** A certificate just issued is in force, unless a later status change of the same certificate was seen. */
    private void markActive(CertificateIssued e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.enterpriseId())
                        .and("certificateNumber").is(e.certificateNumber())
                        .orOperator(Criteria.where("statusChangedAt").lt(e.issuedAt()),
                                Criteria.where("statusChangedAt").is(null))),
                new Update().set("certificateStatus", CertificateStatus.ACTIVE).set("statusChangedAt", e.issuedAt()),
                Programme.class);
    }

    /**
     * The newest fact wins whatever the arrival order: a status change of the programme's certificate, or of a later
     * one whose issue has not arrived yet (a backlog after a restart), applies when it is newer than the last status
     * applied; the issue, when it comes, leaves a later status alone. A change of an earlier certificate (the one a
     * recertification superseded) changes nothing.
     *
     * @return true when the event changed the programme
     */
    public boolean apply(CertificateStatusChanged e) {
        Query newer = Query.query(Criteria.where("_id").is(e.enterpriseId()).andOperator(
                sameOrLaterCertificate(e.certificateNumber()),
                new Criteria().orOperator(Criteria.where("statusChangedAt").lt(e.changedAt()),
                        Criteria.where("statusChangedAt").is(null))));
        Update update = new Update().set("certificateNumber", e.certificateNumber())
                .set("certificateStatus", e.status()).set("statusChangedAt", e.changedAt());
        if (mongo.updateFirst(newer, update, Programme.class).getMatchedCount() > 0) {
            return true;
        }
        try {
            // before any issue of this enterprise: kept until the issue arrives
            mongo.insert(new Programme(e.enterpriseId(), null, e.certificateNumber(), 0, null, null, null,
                    e.status(), e.changedAt()));
            return true;
        } catch (DuplicateKeyException alreadyNewer) {
            return false;
        }
    }

    /** The programme follows no certificate yet, this one, or an earlier one. */
    private static Criteria sameOrLaterCertificate(String certificateNumber) {
        return new Criteria().orOperator(Criteria.where("certificateNumber").is(null),
                Criteria.where("certificateNumber").lte(certificateNumber));
    }

    private static java.time.LocalDate decidedOn(CertificateIssued e) {
        return e.validFrom() != null ? e.validFrom() : e.issuedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }
}
