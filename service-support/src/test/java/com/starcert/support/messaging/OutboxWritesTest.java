package com.starcert.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** Which write commands hand a document to the relay at once. */
class OutboxWritesTest {

    @Test
    void anInsertOfADocumentWithEventsNamesIt() {
        assertThat(OutboxWrites.touchedOutboxes("insert", BsonDocument.parse("""
                {insert: "audits", documents: [
                  {_id: "a1", outbox: [{eventId: "e1"}]},
                  {_id: "a2", outbox: []},
                  {_id: "a3"}]}""")))
                .extracting(c -> c.collection() + "/" + c.id().asString().getValue())
                .containsExactly("audits/a1");
    }

    @Test
    void aReplacementWithEventsNamesItsId() {
        assertThat(OutboxWrites.touchedOutboxes("update", BsonDocument.parse("""
                {update: "audits", updates: [
                  {q: {_id: "a1", version: 3}, u: {_id: "a1", status: "SUBMITTED", outbox: [{eventId: "e1"}]}},
                  {q: {_id: "a2", version: 1}, u: {_id: "a2", status: "PLANNED", outbox: []}}]}""")))
                .extracting(c -> c.id().asString().getValue())
                .containsExactly("a1");
    }

    @Test
    void anUpdatePushingEventsNamesItsId() {
        assertThat(OutboxWrites.touchedOutboxes("update", BsonDocument.parse("""
                {update: "certificates", updates: [
                  {q: {_id: "c1"}, u: {$set: {status: "SUSPENDED"}, $push: {outbox: {eventId: "e1"}}}},
                  {q: {_id: "c2"}, u: {$push: {outbox: {$each: [{eventId: "e2"}]}}}}]}""")))
                .extracting(c -> c.id().asString().getValue())
                .containsExactly("c1", "c2");
        assertThat(OutboxWrites.touchedOutboxes("findAndModify", BsonDocument.parse("""
                {findAndModify: "decisions", query: {_id: "d1"}, update: {$push: {outbox: {eventId: "e1"}}}}""")))
                .extracting(c -> c.collection() + "/" + c.id().asString().getValue())
                .containsExactly("decisions/d1");
    }

    @Test
    void aWriteThatFillsOutboxesWithoutNamingThemStartsASweep() {
        assertThat(OutboxWrites.touchedOutboxes("update", BsonDocument.parse("""
                {update: "outlets", updates: [
                  {q: {importId: "i1", staged: true}, u: {$unset: {staged: ""}, $rename: {stagedOutbox: "outbox"}},
                   multi: true},
                  {q: {_id: {$in: ["a3", "a4"]}}, u: {$push: {outbox: {eventId: "e3"}}}, multi: true},
                  {q: {enterpriseId: "E1"}, u: {$push: {outbox: {eventId: "e4"}}}, upsert: true}]}""")))
                .containsExactly(new OutboxWrites.Committed("outlets", null));
    }

    @Test
    void theRelaysOwnWritesAndOtherWritesAreNotReported() {
        assertThat(OutboxWrites.touchedOutboxes("update", BsonDocument.parse("""
                {update: "audits", updates: [
                  {q: {_id: "a1", outboxLeaseOwner: "me"},
                   u: {$unset: {outboxLeaseUntil: 1}, $pull: {outbox: {eventId: {$in: ["e1"]}}}}},
                  {q: {_id: "a2"}, u: {$set: {status: "PLANNED"}}},
                  {q: {_id: "a5"}, u: {$rename: {status: "state"}}}]}""")))
                .isEmpty();
        assertThat(OutboxWrites.touchedOutboxes("findAndModify", BsonDocument.parse("""
                {findAndModify: "audits", query: {_id: "a1", "outbox.eventId": {$exists: true}},
                 update: {$set: {outboxLeaseUntil: 1, outboxLeaseOwner: "me"}}}"""))).isEmpty();
        assertThat(OutboxWrites.touchedOutboxes("find", BsonDocument.parse("{find: \"audits\"}"))).isEmpty();
    }
}
