package com.starcert.certificate.issuance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.starcert.certificate.decision.CertificateNumber;

/**
 * Hands out certificate numbers, sequential per year, without gaps or duplicates.
 * <p>
 * A number belongs to the decision that reserves it: reserving inserts {@code {_id: <number>, reservation:
 * <auditId#revision>}} into {@code certificate_numbers}, where {@code _id} is unique (no number twice) and
 * {@code reservation} is unique (one number per decision). The candidate is the year's counter + 1; losing the
 * insert to another decision moves on to the next number, so no number is ever drawn and then dropped. A retried
 * decision (redelivery, crash, lost insert) finds its reservation and issues under the same number. The counter
 * only speeds up the search ({@code $max}), the reservations are the truth.
 */
@Component
public class CertificateNumbers {

    static final String COLLECTION = "certificate_numbers";
    static final String COUNTERS = "counters";

    private final MongoTemplate mongo;
    /** The highest number this instance knows to be reserved, per year: where the next search starts. */
    private final Map<Integer, AtomicLong> lastReserved = new ConcurrentHashMap<>();

    public CertificateNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("reservation", org.springframework.data.domain.Sort.Direction.ASC)
                .unique().named("reservation_unique"));
    }

    /**
     * The number reserved for {@code reservation} (e.g. {@code auditId#revision}), reserving the next one if none.
     * The first try is the number after the last one this instance knows of, without reading anything: a number
     * another decision took, or a reservation this decision already holds (a retry), fails the unique insert, and
     * only then are the reservation and the counter read.
     */
    public CertificateNumber reserve(int year, String reservation) {
        String counterId = CertificateNumber.PREFIX + "-" + year;
        AtomicLong last = lastReserved.computeIfAbsent(year, y -> new AtomicLong(counter(counterId)));
        long candidate = last.get() + 1;
        while (true) {
            CertificateNumber number = new CertificateNumber(year, candidate);
            try {
                mongo.insert(new Document("_id", number.value()).append("year", year)
                        .append("sequence", candidate).append("reservation", reservation), COLLECTION);
                mongo.upsert(Query.query(Criteria.where("_id").is(counterId)), new Update().max("sequence", candidate),
                        COUNTERS);
                last.accumulateAndGet(candidate, Math::max);
                return number;
            } catch (org.springframework.dao.DataIntegrityViolationException taken) { // DuplicateKeyException too
                CertificateNumber mine = reservedFor(reservation);
                if (mine != null) {
                    return mine; // reserved by an earlier attempt of the same decision
                }
                long known = counter(counterId);
                last.accumulateAndGet(known, Math::max);
                candidate = Math.max(candidate + 1, known + 1);
            }
        }
    }

    private CertificateNumber reservedFor(String reservation) {
        Document doc = mongo.findOne(Query.query(Criteria.where("reservation").is(reservation)), Document.class,
                COLLECTION);
        return doc == null ? null : CertificateNumber.parse(doc.getString("_id"));
    }

    private long counter(String counterId) {
        Document counter = mongo.findById(counterId, Document.class, COUNTERS);
        Number sequence = counter == null ? null : counter.get("sequence", Number.class);
        return sequence == null ? 0 : sequence.longValue();
    }
}
