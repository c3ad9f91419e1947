package com.starcert.support.indexes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class IndexCoverageTest {

    private static final List<IndexCoverage.Declared> INDEXES = List.of(
            new IndexCoverage.Declared(List.of("_id"), false),
            new IndexCoverage.Declared(List.of("enterpriseId", "status"), false),
            new IndexCoverage.Declared(List.of("outbox.eventId"), true));

    private static boolean served(String filter) {
        return IndexCoverage.served(BsonDocument.parse(filter), INDEXES);
    }

    @Test
    void anIndexServesAFilterOnItsFirstField() {
        assertThat(served("{enterpriseId: 'e1'}")).isTrue();
        assertThat(served("{enterpriseId: 'e1', status: 'ACTIVE'}")).isTrue();
        assertThat(served("{enterpriseId: {$in: ['e1', 'e2']}, name: 'x'}")).isTrue();
        assertThat(served("{_id: {$gte: 'a', $lte: 'b'}}")).isTrue();
        assertThat(served("{$and: [{name: 'x'}, {enterpriseId: 'e1'}]}")).isTrue();
    }

    @Test
    void aFilterWithoutTheFirstFieldOrWithANegationScans() {
        assertThat(served("{}")).isFalse();
        assertThat(served("{status: 'ACTIVE'}")).as("second field only").isFalse();
        assertThat(served("{enterpriseId: {$ne: 'e1'}}")).isFalse();
        assertThat(served("{enterpriseId: {$exists: true}}")).as("not sparse").isFalse();
        assertThat(served("{enterpriseId: {$regex: 'e'}}")).isFalse();
        assertThat(served("{enterpriseId: /e/i}")).isFalse();
        assertThat(served("{enterpriseId: /^e/}")).as("a prefix narrows").isTrue();
    }

    @Test
    void existsIsServedByASparseIndex() {
        assertThat(served("{'outbox.eventId': {$exists: true}}")).isTrue();
        assertThat(served("{'outbox.eventId': {$exists: false}}")).isFalse();
    }

    @Test
    void anOrNeedsEveryBranchServed() {
        assertThat(served("{$or: [{enterpriseId: 'e1'}, {_id: 'x'}]}")).isTrue();
        assertThat(served("{$or: [{enterpriseId: 'e1'}, {name: 'x'}]}")).isFalse();
    }

    @Test
    void shapesLeaveValuesOut() {
        assertThat(IndexCoverage.shape(BsonDocument.parse("{a: 1, b: {$in: [1, 2]}, $or: [{c: 'x'}]}")))
                .isEqualTo("{a: ?, b: {$in: ?}, $or: [{c: ?}]}");
    }
}
