package com.starcert.certificate.issuance;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.starcert.certificate.decision.CertificateNumber;

/**
 * Hands out certificate numbers, sequential per year, from one counter document per year in {@code counters}
 * (an atomic findAndModify {@code $inc} with upsert). The counter belongs to the CB, not to an enterprise.
 * A number is only drawn once a certificate is about to be issued; should the insert then lose a race (the unique
 * audit index) the number stays unused, a gap that never reuses a number.
 */
@Component
public class CertificateNumbers {

    static final String COLLECTION = "counters";

    private final MongoTemplate mongo;

    public CertificateNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public CertificateNumber next(int year) {
        Query query = Query.query(Criteria.where("_id").is(CertificateNumber.PREFIX + "-" + year));
        Update update = new Update().inc("sequence", 1L);
        FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
        Document counter;
        try {
            counter = mongo.findAndModify(query, update, options, Document.class, COLLECTION);
        } catch (DuplicateKeyException firstOfTheYearRace) {
            // two upserts created the year's counter at once; the loser's retry finds it and increments it
            counter = mongo.findAndModify(query, update, options, Document.class, COLLECTION);
        }
        Number sequence = counter.get("sequence", Number.class);
        return new CertificateNumber(year, sequence.longValue());
    }
}
