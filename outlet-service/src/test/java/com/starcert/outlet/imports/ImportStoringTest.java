package com.starcert.outlet.imports;

import com.starcert.support.indexes.IndexCoverage;
import org.junit.jupiter.api.AfterAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.starcert.infra.SharedTestInfrastructure;
import com.starcert.outlet.infra.Actor;
import com.starcert.outlet.network.Outlet;

/** Storing a checked file: undone when a write fails, and finished or undone after its instance stopped. */
@SpringBootTest
class ImportStoringTest {

    /** Every query these tests sent is served by a declared index (see {@link IndexCoverage}). */
    @AfterAll
    static void everyQueryUsesAnIndex() {
        IndexCoverage.assertEveryQueryUsesAnIndex(java.util.Map.of());
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        SharedTestInfrastructure.springProperties("starcert-outlet-test").forEach((k, v) -> r.add(k, () -> v));
    }

    @Autowired
    OutletImports imports;

    @Autowired
    MongoTemplate mongo;

    private static final String HEADER = "name,kind,regionCode,addressLine,contactName,contactPhone,daysPerWeek,"
            + "hoursPerDay,responseHours,onSiteHours,resolutionHours\n";

    private static List<ImportCheck.ValidRow> rows(String... names) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (String name : names) {
            csv.append(name).append(",BRANCH,410102,中原路 1 号,王工,13912345678,7,12,2,4,24\n");
        }
        return ImportCheck.check(CsvOutletReader.read(csv.toString(), 100), java.util.Set.of(), false).valid();
    }

    private OutletImport storing(String enterpriseId, int rows, Instant updatedAt) {
        return mongo.insert(new OutletImport(new ObjectId().toHexString(), enterpriseId, ImportFormat.CSV,
                OutletImport.State.STORING, rows, rows, 0, "corr", updatedAt, updatedAt, null, null,
                new Actor("admin-1", "CB Admin")));
    }

    private long outletsOf(String importId) {
        return mongo.count(Query.query(Criteria.where("importId").is(importId)), Outlet.class);
    }

    @Test
    void aWriteThatFailsUndoesEveryOutletOfTheFile() {
        String enterpriseId = new ObjectId().toHexString();
        List<ImportCheck.ValidRow> rows = rows("A", "B", "C");
        // someone registered "B" at the same address after the file was checked
        OutletImport first = storing(enterpriseId, 1, Instant.now());
        imports.store(first, rows.subList(1, 2));
        assertThat(imports.get(enterpriseId, first.id()).state()).isEqualTo(OutletImport.State.COMPLETED);

        OutletImport imp = storing(enterpriseId, 3, Instant.now());
        imports.store(imp, rows);
        OutletImport failed = imports.get(enterpriseId, imp.id());
        assertThat(failed.state()).isEqualTo(OutletImport.State.FAILED);
        assertThat(failed.failure()).contains("nothing of the file was kept");
        assertThat(outletsOf(imp.id())).isZero();
    }

    @Test
    void anImportLeftStoringIsFinishedWhenAllWasWrittenElseUndone() {
        String enterpriseId = new ObjectId().toHexString();
        Instant longAgo = Instant.now().minusSeconds(3600);
        OutletImport complete = storing(enterpriseId, 2, longAgo);
        imports.store(complete, rows("A", "B"));
        // pretend the instance stopped just before making the outlets visible
        mongo.updateMulti(Query.query(Criteria.where("importId").is(complete.id())),
                new Update().set(Outlet.STAGED, true).rename("outbox", Outlet.STAGED_OUTBOX), Outlet.class);
        mongo.updateFirst(Query.query(Criteria.where("id").is(complete.id())), new Update()
                .set("state", OutletImport.State.STORING).set("updatedAt", longAgo), OutletImport.class);
        OutletImport partial = storing(enterpriseId, 3, longAgo);
        imports.store(partial, rows("C"));
        mongo.updateMulti(Query.query(Criteria.where("importId").is(partial.id())),
                new Update().set(Outlet.STAGED, true), Outlet.class);
        mongo.updateFirst(Query.query(Criteria.where("id").is(partial.id())), new Update()
                .set("state", OutletImport.State.STORING).set("updatedAt", longAgo), OutletImport.class);
        OutletImport recent = storing(enterpriseId, 5, Instant.now());

        imports.recoverStale();

        assertThat(imports.get(enterpriseId, complete.id()).state()).isEqualTo(OutletImport.State.COMPLETED);
        assertThat(mongo.count(Query.query(Criteria.where("importId").is(complete.id())
                .and(Outlet.STAGED).exists(false).and(Outlet.STAGED_OUTBOX).exists(false)), Outlet.class)).isEqualTo(2);
        assertThat(imports.get(enterpriseId, partial.id()).state()).isEqualTo(OutletImport.State.FAILED);
        assertThat(outletsOf(partial.id())).isZero();
        assertThat(imports.get(enterpriseId, recent.id()).state()).isEqualTo(OutletImport.State.STORING);
    }

    @Test
    void anImportWaitingForAWorkerIsNotStale() {
        String enterpriseId = new ObjectId().toHexString();
        OutletImport waiting = storing(enterpriseId, 2, Instant.now().minusSeconds(3600));
        imports.holding(waiting.id(), true);
        try {
            imports.heartbeat();
            imports.recoverStale();
            assertThat(imports.get(enterpriseId, waiting.id()).state()).isEqualTo(OutletImport.State.STORING);
            assertThat(imports.get(enterpriseId, waiting.id()).updatedAt()).isAfter(Instant.now().minusSeconds(60));
        } finally {
            imports.holding(waiting.id(), false);
        }
        imports.store(waiting, rows("W1", "W2"));
        assertThat(imports.get(enterpriseId, waiting.id()).state()).isEqualTo(OutletImport.State.COMPLETED);
    }

    @Test
    void aStalledWorkerCannotFinishAnImportRecoveryUndid() {
        String enterpriseId = new ObjectId().toHexString();
        OutletImport stalled = storing(enterpriseId, 2, Instant.now().minusSeconds(3600));
        imports.recoverStale();
        assertThat(imports.get(enterpriseId, stalled.id()).state()).isEqualTo(OutletImport.State.FAILED);

        imports.store(stalled, rows("S1", "S2")); // the worker wakes up and carries on

        OutletImport after = imports.get(enterpriseId, stalled.id());
        assertThat(after.state()).isEqualTo(OutletImport.State.FAILED);
        assertThat(outletsOf(stalled.id())).isZero();
    }

    @Test
    void anImportStoppedWhileMakingItsOutletsVisibleIsFinishedNeverUndone() {
        String enterpriseId = new ObjectId().toHexString();
        Instant longAgo = Instant.now().minusSeconds(3600);
        OutletImport imp = storing(enterpriseId, 3, longAgo);
        imports.store(imp, rows("P1", "P2", "P3"));
        // pretend the instance stopped part-way through making them visible: one still staged, two visible
        String stillStaged = mongo.findOne(Query.query(Criteria.where("importId").is(imp.id())), Outlet.class).id();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(stillStaged)),
                new Update().set(Outlet.STAGED, true).rename("outbox", Outlet.STAGED_OUTBOX), Outlet.class);
        mongo.updateFirst(Query.query(Criteria.where("id").is(imp.id())), new Update()
                .set("state", OutletImport.State.STORING).set("updatedAt", longAgo)
                .set(OutletImports.PUBLISHING, longAgo), OutletImport.class);
        imports.recoverStale();

        assertThat(imports.get(enterpriseId, imp.id()).state()).isEqualTo(OutletImport.State.COMPLETED);
        assertThat(mongo.count(Query.query(Criteria.where("importId").is(imp.id())
                .and(Outlet.STAGED).exists(false)), Outlet.class)).isEqualTo(3);
    }
}
