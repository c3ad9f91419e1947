package com.starcert.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.backend.IndexKey;

/**
 * The wire server answers queries on declared non-unique indexes from the index, and answers them exactly as
 * without it: same documents after inserts, updates that move a document to another value, deletes, array
 * elements, {@code $in}, and after a restart of the persistent store.
 */
class SecondaryIndexTest {

    @TempDir
    Path dataDir;

    @Test
    void queriesOnAnIndexedFieldFindExactlyTheMatchingDocuments() {
        try (WireMongo mongo = WireMongo.inMemory(0); MongoClient client = MongoClients.create(mongo.uri("t"))) {
            exercise(client.getDatabase("t").getCollection("certificates"));
        }
    }

    @Test
    void thePersistentStoreKeepsItsIndexesAcrossARestart() {
        try (WireMongo mongo = WireMongo.persistent(0, dataDir);
             MongoClient client = MongoClients.create(mongo.uri("t"))) {
            exercise(client.getDatabase("t").getCollection("certificates"));
        }
        try (WireMongo mongo = WireMongo.persistent(0, dataDir);
             MongoClient client = MongoClients.create(mongo.uri("t"))) {
            MongoCollection<Document> certificates = client.getDatabase("t").getCollection("certificates");
            assertThat(ids(certificates, Filters.eq("enterpriseId", "E2"))).containsExactly("C3", "C4");
            certificates.insertOne(new Document("_id", "C9").append("enterpriseId", "E2")
                    .append("history", List.of(new Document("auditId", "A9"))));
            assertThat(ids(certificates, Filters.eq("enterpriseId", "E2"))).containsExactly("C3", "C4", "C9");
            assertThat(ids(certificates, Filters.eq("history.auditId", "A9"))).containsExactly("C9");
        }
    }

    private static void exercise(MongoCollection<Document> certificates) {
        certificates.createIndex(Indexes.ascending("enterpriseId", "validFrom"));
        certificates.createIndex(Indexes.ascending("history.auditId"), new IndexOptions().name("history_audit"));
        Function<String, Document> certificate = id -> new Document("_id", id);
        certificates.insertMany(List.of(
                certificate.apply("C1").append("enterpriseId", "E1").append("validFrom", 1).append("status", "ACTIVE")
                        .append("history", List.of(new Document("auditId", "A1"), new Document("auditId", "A2"))),
                certificate.apply("C2").append("enterpriseId", "E1").append("validFrom", 2).append("status", "WITHDRAWN")
                        .append("history", List.of(new Document("auditId", "A3"))),
                certificate.apply("C3").append("enterpriseId", "E2").append("validFrom", 3).append("status", "ACTIVE")
                        .append("history", List.of()),
                certificate.apply("C4").append("enterpriseId", 7L).append("validFrom", 4)));

        assertThat(ids(certificates, Filters.eq("enterpriseId", "E1"))).containsExactly("C1", "C2");
        assertThat(ids(certificates, Filters.and(Filters.eq("enterpriseId", "E1"), Filters.eq("status", "ACTIVE"))))
                .containsExactly("C1");
        assertThat(ids(certificates, Filters.in("enterpriseId", "E2", "E3"))).containsExactly("C3");
        assertThat(ids(certificates, Filters.eq("enterpriseId", 7))).as("numbers match whatever their type")
                .containsExactly("C4");
        assertThat(ids(certificates, Filters.eq("history.auditId", "A2"))).containsExactly("C1");
        assertThat(certificates.find(Filters.eq("enterpriseId", "E1")).sort(Sorts.descending("validFrom"))
                .map(d -> d.getString("_id")).into(new java.util.ArrayList<>())).containsExactly("C2", "C1");
        assertThat(ids(certificates, Filters.regex("enterpriseId", "^E"))).as("not narrowed: scanned as before")
                .containsExactly("C1", "C2", "C3");

        certificates.updateOne(Filters.eq("_id", "C2"), Updates.set("enterpriseId", "E2"));
        certificates.updateOne(Filters.eq("_id", "C1"), Updates.push("history", new Document("auditId", "A4")));
        certificates.replaceOne(Filters.eq("_id", "C4"), new Document("_id", "C4").append("enterpriseId", "E2")
                .append("validFrom", 4));
        certificates.deleteOne(Filters.eq("_id", "C1"));

        assertThat(ids(certificates, Filters.eq("enterpriseId", "E1"))).isEmpty();
        assertThat(ids(certificates, Filters.eq("enterpriseId", "E2"))).containsExactly("C2", "C3", "C4");
        assertThat(ids(certificates, Filters.eq("enterpriseId", 7))).isEmpty();
        assertThat(ids(certificates, Filters.eq("history.auditId", "A4"))).isEmpty();
        assertThat(ids(certificates, Filters.eq("history.auditId", "A3"))).containsExactly("C2");
        certificates.updateMany(Filters.eq("enterpriseId", "E2"), Updates.set("status", "SUSPENDED"));
        assertThat(certificates.countDocuments(Filters.and(Filters.eq("enterpriseId", "E2"),
                Filters.eq("status", "SUSPENDED")))).isEqualTo(3);
        certificates.deleteMany(Filters.eq("enterpriseId", "E2"));
        certificates.insertMany(List.of(certificate.apply("C3").append("enterpriseId", "E2"),
                certificate.apply("C4").append("enterpriseId", "E2")));
    }

    @Test
    void aCompoundUniqueIndexStaysUniqueAndAnswersQueriesOnItsFirstField() {
        try (WireMongo mongo = WireMongo.persistent(0, dataDir);
             MongoClient client = MongoClients.create(mongo.uri("t"))) {
            MongoCollection<Document> decisions = client.getDatabase("t").getCollection("decisions");
            decisions.createIndex(Indexes.compoundIndex(Indexes.ascending("auditId"), Indexes.descending("revision")),
                    new IndexOptions().unique(true).name("audit_revision_unique"));
            decisions.insertMany(List.of(new Document("_id", "A1#1").append("auditId", "A1").append("revision", 1),
                    new Document("_id", "A1#2").append("auditId", "A1").append("revision", 2),
                    new Document("_id", "A2#1").append("auditId", "A2").append("revision", 1)));
            assertThatThrownBy(() -> decisions.insertOne(new Document("_id", "other").append("auditId", "A1")
                    .append("revision", 2))).isInstanceOf(com.mongodb.MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
            assertThat(ids(decisions, Filters.eq("auditId", "A1"))).containsExactly("A1#1", "A1#2");
            assertThat(decisions.find(Filters.eq("auditId", "A1")).sort(Sorts.descending("revision")).limit(1)
                    .first().getString("_id")).isEqualTo("A1#2");
            decisions.updateOne(Filters.eq("_id", "A1#2"), Updates.set("auditId", "A2"));
            assertThat(ids(decisions, Filters.eq("auditId", "A1"))).containsExactly("A1#1");
            assertThat(ids(decisions, Filters.eq("auditId", "A2"))).containsExactly("A1#2", "A2#1");
            assertThat(ids(decisions, Filters.and(Filters.eq("auditId", "A2"), Filters.eq("revision", 1))))
                    .containsExactly("A2#1");
            decisions.deleteOne(Filters.eq("_id", "A2#1"));
            assertThat(ids(decisions, Filters.eq("auditId", "A2"))).containsExactly("A1#2");
        }
    }

    @Test
    void conditionalUpdatesByIdFindTheirDocumentAndNoIndexIsListedThatWasNotDeclared() {
        try (WireMongo mongo = WireMongo.inMemory(0); MongoClient client = MongoClients.create(mongo.uri("t"))) {
            MongoCollection<Document> programmes = client.getDatabase("t").getCollection("programmes");
            programmes.insertMany(List.of(new Document("_id", "E1").append("version", 1),
                    new Document("_id", "E2").append("version", 1)));
            assertThat(programmes.updateOne(Filters.and(Filters.eq("_id", "E1"), Filters.eq("version", 1)),
                    Updates.inc("version", 1)).getModifiedCount()).isEqualTo(1);
            assertThat(programmes.updateOne(Filters.and(Filters.eq("_id", "E1"), Filters.eq("version", 1)),
                    Updates.inc("version", 1)).getModifiedCount()).as("the condition no longer holds").isZero();
            assertThat(ids(programmes, Filters.and(Filters.eq("_id", "E2"),
                    Filters.or(Filters.lt("version", 2), Filters.exists("version", false))))).containsExactly("E2");
            assertThat(programmes.updateMany(Filters.and(Filters.in("_id", "E1", "E2"), Filters.exists("version"),
                    Filters.or(Filters.exists("claim", false), Filters.eq("claim", "old"))), Updates.set("claim", "c1"))
                    .getModifiedCount()).isEqualTo(2);
            assertThat(ids(programmes, Filters.and(Filters.in("_id", "E1", "E2"), Filters.eq("claim", "c1"))))
                    .containsExactly("E1", "E2");
            programmes.deleteOne(Filters.and(Filters.eq("_id", "E2"), Filters.eq("version", 1)));
            assertThat(ids(programmes, Filters.empty())).containsExactly("E1");
            assertThat(programmes.listIndexes().map(i -> i.getString("name")).into(new java.util.ArrayList<>()))
                    .containsExactly("_id_");
        }
    }

    @Test
    void narrowsOnlyEqualityAndInOnItsFirstField() {
        SecondaryIndex<Integer> index = new SecondaryIndex<>("enterprise_status",
                List.of(new IndexKey("enterpriseId", true), new IndexKey("status", true)), false);
        var doc = (Function<Object, de.bwaldvogel.mongo.bson.Document>) value ->
                new de.bwaldvogel.mongo.bson.Document("enterpriseId", value);
        assertThat(index.canHandle(doc.apply("E1"))).isTrue();
        assertThat(index.canHandle(doc.apply(new de.bwaldvogel.mongo.bson.Document("$eq", "E1")))).isTrue();
        assertThat(index.canHandle(doc.apply(new de.bwaldvogel.mongo.bson.Document("$in", List.of("E1", "E2")))))
                .isTrue();
        assertThat(index.canHandle(doc.apply(new de.bwaldvogel.mongo.bson.Document("$ne", "E1")))).isFalse();
        assertThat(index.canHandle(doc.apply(null))).as("null also matches a missing field").isFalse();
        assertThat(index.canHandle(doc.apply(List.of("E1")))).isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("status", "ACTIVE"))).isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("status", "ACTIVE"), doc.apply("E1")))))
                .as("one condition of an $and narrows the whole").isTrue();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("$or", List.of(
                new de.bwaldvogel.mongo.bson.Document("status", "ACTIVE"), doc.apply("E1"))))).isFalse();
    }

    @Test
    void handsTheServerOnlyThePositionsOfTheQueriedValue() {
        SecondaryIndex<Integer> index = new SecondaryIndex<>("enterprise",
                List.of(new IndexKey("enterpriseId", true)), false);
        Function<String, de.bwaldvogel.mongo.bson.Document> query = value ->
                new de.bwaldvogel.mongo.bson.Document("enterpriseId", value);
        de.bwaldvogel.mongo.bson.Document first = new de.bwaldvogel.mongo.bson.Document("_id", "O1")
                .append("enterpriseId", "E1");
        de.bwaldvogel.mongo.bson.Document second = new de.bwaldvogel.mongo.bson.Document("_id", "O2")
                .append("enterpriseId", "E1");
        de.bwaldvogel.mongo.bson.Document third = new de.bwaldvogel.mongo.bson.Document("_id", "O3")
                .append("enterpriseId", "E2");
        index.add(first, 10, null);
        index.add(second, 11, null);
        index.add(third, 12, null);
        assertThat(index.getPositions(query.apply("E1"))).containsExactly(10, 11);
        assertThat(index.getPositions(query.apply("E3"))).isEmpty();

        index.updateInPlace(second, new de.bwaldvogel.mongo.bson.Document(second).append("enterpriseId", "E2"), 11,
                null);
        assertThat(index.getPositions(query.apply("E1"))).containsExactly(10);
        assertThat(index.getPositions(query.apply("E2"))).containsExactlyInAnyOrder(11, 12);
        assertThat(index.getPosition(third)).isEqualTo(12);
        assertThat(index.remove(third)).isEqualTo(12);
        assertThat(index.getPositions(query.apply("E2"))).containsExactly(11);
        assertThat(index.getCount()).isEqualTo(2);
    }

    private static List<String> ids(MongoCollection<Document> collection, org.bson.conversions.Bson filter) {
        return collection.find(filter).sort(Sorts.ascending("_id")).map(d -> d.getString("_id"))
                .into(new java.util.ArrayList<>());
    }
}
