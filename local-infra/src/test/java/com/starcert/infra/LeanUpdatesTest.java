package com.starcert.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The embedded store's lean update ({@link LeanUpdates}) answers every update as mongo-java-server itself does:
 * the same counts, the same documents afterwards, the same answers from the indexes, the same refusals. Each step
 * runs against both and compares.
 */
class LeanUpdatesTest {

    @Test
    void updatesLeaveTheSameDocumentsAndIndexesAsTheServersOwn() {
        try (Pair pair = new Pair()) {
            pair.each(c -> {
                c.createIndex(Indexes.ascending("enterpriseId", "status"));
                c.createIndex(Indexes.ascending("outbox.eventId"), new IndexOptions().sparse(true));
                c.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true).sparse(true));
                c.insertMany(List.of(
                        audit("A1", "E1").append("number", "N1"),
                        audit("A2", "E1"),
                        audit("A3", "E2").append("outbox", List.of(event("e1"), event("e2")))));
                return null;
            });
            // a plain $set, conditional on a version that matches and one that does not
            pair.update(Filters.and(Filters.eq("_id", "A1"), Filters.eq("version", 0)),
                    Updates.combine(Updates.set("status", "SUBMITTED"), Updates.inc("version", 1)), false);
            pair.update(Filters.and(Filters.eq("_id", "A1"), Filters.eq("version", 0)),
                    Updates.set("status", "DECIDED"), false);
            // an indexed field moves: the index must answer from the new value
            pair.update(Filters.eq("_id", "A2"), Updates.set("enterpriseId", "E2"), false);
            // events pushed, then one pulled, the pending index following
            pair.update(Filters.eq("_id", "A1"), Updates.pushEach("outbox", List.of(event("e3"), event("e4"))), false);
            pair.update(Filters.eq("_id", "A3"), Updates.pull("outbox", new Document("eventId",
                    new Document("$in", List.of("e1")))), false);
            // a claim over several documents, one of which is already claimed
            pair.update(Filters.and(Filters.exists("outbox.eventId"), Filters.exists("lease", false)),
                    Updates.set("lease", 5), true);
            pair.update(Filters.and(Filters.exists("outbox.eventId"), Filters.exists("lease", false)),
                    Updates.set("lease", 6), true);
            // an update that changes nothing, and a positional one
            pair.update(Filters.eq("_id", "A2"), Updates.set("enterpriseId", "E2"), false);
            pair.update(Filters.and(Filters.eq("_id", "A1"), Filters.eq("outbox.eventId", "e4")),
                    Updates.set("outbox.$.sent", true), false);
            pair.update(Filters.eq("_id", "A1"), Updates.combine(Updates.unset("lease"), Updates.unset("outbox"),
                    Updates.push("timeline", new Document("status", "DECIDED"))), false);

            // a change that would break a unique index is refused and changes nothing
            for (MongoCollection<Document> c : pair.both()) {
                assertThatThrownBy(() -> c.updateOne(Filters.eq("_id", "A2"), Updates.set("number", "N1")))
                        .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            }
            // an upsert and a replacement go the server's own way, with the same result
            pair.update(Filters.eq("_id", "A9"), Updates.set("enterpriseId", "E9"), false, true);
            for (MongoCollection<Document> c : pair.both()) {
                c.replaceOne(Filters.eq("_id", "A3"), audit("A3", "E3"));
            }

            pair.assertSame(Filters.empty());
            pair.assertSame(Filters.eq("enterpriseId", "E2"));
            pair.assertSame(Filters.eq("enterpriseId", "E1"));
            pair.assertSame(Filters.exists("outbox.eventId"));
            pair.assertSame(Filters.eq("outbox.eventId", "e2"));
            pair.assertSame(Filters.eq("number", "N1"));
            assertThat(ids(pair.lean, Filters.eq("enterpriseId", "E2"))).containsExactly("A2");
            assertThat(ids(pair.lean, Filters.exists("outbox.eventId"))).isEmpty();
        }
    }

    private static Document audit(String id, String enterpriseId) {
        return new Document("_id", id).append("enterpriseId", enterpriseId).append("status", "OPEN")
                .append("version", 0).append("findings", List.of(new Document("site", "S1")
                        .append("checked", 5).append("nonconforming", List.of(1, 2))));
    }

    private static Document event(String id) {
        return new Document("eventId", id).append("payload", "{\"id\":\"" + id + "\"}");
    }

    private static List<String> ids(MongoCollection<Document> c, Bson filter) {
        return c.find(filter).sort(Sorts.ascending("_id")).map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    /** The same collection on the embedded store and on mongo-java-server as it comes. */
    private static final class Pair implements AutoCloseable {
        final WireMongo wire = WireMongo.inMemory(0);
        final MongoServer plain = new MongoServer(new MemoryBackend());
        final MongoClient leanClient = MongoClients.create(wire.uri("t"));
        final MongoClient plainClient = MongoClients.create("mongodb://localhost:"
                + plain.bind().getPort() + "/t");
        final MongoCollection<Document> lean = leanClient.getDatabase("t").getCollection("audits");
        final MongoCollection<Document> reference = plainClient.getDatabase("t").getCollection("audits");

        List<MongoCollection<Document>> both() {
            return List.of(lean, reference);
        }

        void each(Function<MongoCollection<Document>, Void> step) {
            both().forEach(step::apply);
        }

        void update(Bson filter, Bson update, boolean multi) {
            update(filter, update, multi, false);
        }

        void update(Bson filter, Bson update, boolean multi, boolean upsert) {
            var options = new com.mongodb.client.model.UpdateOptions().upsert(upsert);
            UpdateResult expected = multi ? reference.updateMany(filter, update, options)
                    : reference.updateOne(filter, update, options);
            UpdateResult actual = multi ? lean.updateMany(filter, update, options)
                    : lean.updateOne(filter, update, options);
            assertThat(actual.getMatchedCount()).as("matched by %s", filter).isEqualTo(expected.getMatchedCount());
            assertThat(actual.getModifiedCount()).as("modified by %s", update)
                    .isEqualTo(expected.getModifiedCount());
            assertSame(Filters.empty());
        }

        void assertSame(Bson filter) {
            List<Document> expected = reference.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>());
            List<Document> actual = lean.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>());
            assertThat(actual).as("documents matching %s", filter).isEqualTo(expected);
            // same field order too, as the server keeps it
            for (int i = 0; i < actual.size(); i++) {
                assertThat(actual.get(i).toJson()).isEqualTo(expected.get(i).toJson());
            }
        }

        @Override
        public void close() {
            leanClient.close();
            plainClient.close();
            wire.close();
            plain.shutdownNow();
        }
    }
}
