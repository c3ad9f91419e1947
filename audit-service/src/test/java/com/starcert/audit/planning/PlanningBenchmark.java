package com.starcert.audit.planning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.starcert.audit.Audit;
import com.starcert.audit.Who;
import com.starcert.audit.network.Enterprise;
import com.starcert.audit.network.NetworkStore;
import com.starcert.audit.network.Outlet;
import com.starcert.contracts.OutletChanged.OutletKind;
import com.starcert.contracts.OutletChanged.OutletStatus;
import com.starcert.infra.SharedTestInfrastructure;
import com.starcert.infra.TestIssuer;

/**
 * Plans recertification audits of an enterprise with 10 000 active outlets through the service (read model in the
 * Mongo wire server, history of two earlier audits) and prints the figures. Not a timed test: run it with
 * {@code mvn -o -q -pl audit-service test -Dtest=PlanningBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest
class PlanningBenchmark {

    static final int OUTLETS = 10_000;
    static final Who BENCH = new Who("bench", "PlanningBenchmark");

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        SharedTestInfrastructure.springProperties("starcert-audit-benchmark").forEach((k, v) -> r.add(k, () -> v));
        TestIssuer.shared().springProperties().forEach((k, v) -> r.add(k, () -> v));
    }

    @Autowired
    AuditPlanning planning;
    @Autowired
    NetworkStore network;
    @Autowired
    MongoTemplate mongo;

    @Test
    void planRecertificationForTenThousandOutlets() {
        String enterpriseId = UUID.randomUUID().toString();
        mongo.insert(new Enterprise(enterpriseId, "Big Appliance Co.", "91350100M000100Y43", "350100", "HQ road 1", 1));
        List<Outlet> outlets = new ArrayList<>(OUTLETS + 1);
        outlets.add(new Outlet("hq-" + enterpriseId, enterpriseId, "HQ", OutletKind.HEADQUARTERS, OutletStatus.ACTIVE,
                "350100", "HQ road 1", Instant.parse("2020-01-01T00:00:00Z"), 1));
        Instant t0 = Instant.parse("2021-01-01T00:00:00Z");
        for (int i = 0; i < OUTLETS; i++) {
            outlets.add(new Outlet(String.format("o%05d-%s", i, enterpriseId), enterpriseId, "Outlet " + i,
                    i % 3 == 0 ? OutletKind.PARTNER : OutletKind.BRANCH, OutletStatus.ACTIVE,
                    String.format("%02d0100", 11 + i % 31), "street " + i, t0.plusSeconds(3_600L * i), 1,
                    i % 97 == 0 ? 1 + i % 5 : 0));
        }
        long insertStart = System.nanoTime();
        mongo.insertAll(outlets);
        long insertMs = (System.nanoTime() - insertStart) / 1_000_000;

        // two earlier audits give the planner a history (new outlets, previous surveillance)
        plan(enterpriseId, "INITIAL");
        plan(enterpriseId, "SURVEILLANCE");

        long loadStart = System.nanoTime();
        int n = network.network(enterpriseId).orElseThrow().n();
        long loadMs = (System.nanoTime() - loadStart) / 1_000_000;

        for (int i = 0; i < 3; i++) {
            plan(enterpriseId, "RECERTIFICATION"); // warm-up
        }
        long[] sampled = new long[10];
        Audit audit = null;
        for (int i = 0; i < sampled.length; i++) {
            long start = System.nanoTime();
            audit = plan(enterpriseId, "RECERTIFICATION");
            sampled[i] = (System.nanoTime() - start) / 1_000;
        }
        long[] reads = new long[5];
        for (int i = 0; i < reads.length; i++) {
            long start = System.nanoTime();
            network.network(enterpriseId).orElseThrow();
            reads[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(reads);
        System.out.printf("%n  network read alone (warm): min %.1f ms, max %.1f ms%n", reads[0] / 1000.0,
                reads[reads.length - 1] / 1000.0);
        long[] all = new long[3];
        for (int i = 0; i < all.length; i++) {
            long start = System.nanoTime();
            planning.plan(new PlanRequest(enterpriseId, "RECERTIFICATION", false, false, null, null, null), BENCH);
            all[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(sampled);
        Arrays.sort(all);
        System.out.printf("%nPlanningBenchmark: n=%d active outlets (inserted in %d ms), network read %d ms%n", n,
                insertMs, loadMs);
        System.out.printf("  recertification, sampling appropriate: sample %d (+ central), %d planned audits in "
                        + "history; plan min %.1f ms, median %.1f ms, max %.1f ms (10 runs)%n",
                audit.sampleSize(), 2 + 3 + sampled.length, sampled[0] / 1000.0, sampled[sampled.length / 2] / 1000.0,
                sampled[sampled.length - 1] / 1000.0);
        System.out.printf("  recertification, sampling not appropriate (all %d outlets): plan min %.1f ms, "
                + "max %.1f ms (3 runs)%n%n", n, all[0] / 1000.0, all[all.length - 1] / 1000.0);
    }

    private Audit plan(String enterpriseId, String type) {
        return planning.plan(new PlanRequest(enterpriseId, type, null, null, null, null, null), BENCH);
    }
}
