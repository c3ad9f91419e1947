package com.starcert.audit.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.starcert.audit.Audit;
import com.starcert.audit.Who;
import com.starcert.audit.network.CentralFunction;
import com.starcert.audit.network.Outlet;
import com.starcert.audit.programme.ProgrammeSchedule;
import com.starcert.audit.programme.ProgrammeStep;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Holder;
import com.starcert.contracts.OutletChanged.OutletKind;
import com.starcert.contracts.OutletChanged.OutletStatus;
import com.starcert.contracts.SchemeRef;

/** Risk picks (complaints, not visited at the previous surveillance) and the rotation between surveillances. */
class RiskAndRotationTest {

    static final CentralFunction CENTRAL = new CentralFunction("hq", "HQ", "350100", "1 Main St");
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    static Outlet outlet(String id, int complaints) {
        return new Outlet(id, "e1", "Outlet " + id, OutletKind.BRANCH, OutletStatus.ACTIVE, "350100", "addr " + id,
                T0.plusSeconds(id.hashCode() & 0xFFFF), 1, complaints);
    }

    static List<Outlet> network(int size) {
        List<Outlet> outlets = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            outlets.add(outlet(String.format("o%03d", i), 0));
        }
        return outlets;
    }

    static Set<String> outletIds(List<PlannedSite> sites) {
        Set<String> ids = new HashSet<>();
        sites.stream().filter(s -> !s.central()).forEach(s -> ids.add(s.outletId()));
        return ids;
    }

    @Test
    void outletsWithOpenComplaintsAreRiskPicksMostComplaintsFirst() {
        List<Outlet> outlets = new ArrayList<>(network(60));
        outlets.set(10, outlet("o010", 2));
        outlets.set(40, outlet("o040", 7));
        outlets.set(50, outlet("o050", 1));

        // 4 outlets: 1 random, 3 on risk, all in the central function's province
        List<PlannedSite> sites = SitePlanner.plan(CENTRAL, outlets, 4, 11L, AuditHistory.none(), 0, null);

        List<PlannedSite> risk = sites.stream().filter(s -> s.selection() == Selection.RISK).toList();
        List<String> expected = new ArrayList<>(List.of("o040", "o010", "o050"));
        sites.stream().filter(s -> s.selection() == Selection.RANDOM).forEach(s -> expected.remove(s.outletId()));
        assertThat(risk).extracting(PlannedSite::outletId).startsWith(expected.toArray(String[]::new));
        assertThat(risk).filteredOn(s -> s.outletId().equals("o040"))
                .allSatisfy(s -> assertThat(s.reason()).contains("7 open complaints"));
    }

    @Test
    void outletsNotVisitedAtThePreviousSurveillanceComeBeforeVisitedOnesAndSaySo() {
        List<Outlet> outlets = network(20);
        Set<String> visited = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            if (i != 5 && i != 15) {
                visited.add(String.format("o%03d", i));
            }
        }
        AuditHistory history = new AuditHistory(T0.plusSeconds(1_000_000), visited, true, Set.of());

        List<PlannedSite> sites = SitePlanner.plan(CENTRAL, outlets, 4, 3L, history, 0, null);

        Set<String> picked = outletIds(sites);
        assertThat(picked).contains("o005", "o015");
        assertThat(sites).filteredOn(s -> s.selection() == Selection.RISK && Set.of("o005", "o015")
                .contains(s.outletId()))
                .allSatisfy(s -> assertThat(s.reason()).contains("not visited at the previous surveillance"));
    }

    @Test
    void theSecondSurveillanceAvoidsTheFirstOnesOutletsWhereTheNetworkAllows() {
        List<Outlet> outlets = network(100);
        List<PlannedSite> first = SitePlanner.plan(CENTRAL, outlets, 6, 1L, AuditHistory.none(), 0, null);
        Set<String> firstOutlets = outletIds(first);
        AuditHistory history = new AuditHistory(T0.plusSeconds(1_000_000), firstOutlets, true, firstOutlets);

        for (long seed = 1; seed <= 20; seed++) {
            List<PlannedSite> second = SitePlanner.plan(CENTRAL, outlets, 6, seed, history, 0, null);
            assertThat(outletIds(second)).as("seed %d", seed).doesNotContainAnyElementsOf(firstOutlets).hasSize(6);
        }
    }

    @Test
    void aNetworkTooSmallToAvoidTheFirstSurveillanceRevisitsSomeAndSaysWhy() {
        List<Outlet> outlets = network(8);
        Set<String> firstOutlets = Set.of("o000", "o001", "o002", "o003", "o004");
        AuditHistory history = new AuditHistory(T0.plusSeconds(1_000_000), firstOutlets, true, firstOutlets);

        List<PlannedSite> second = SitePlanner.plan(CENTRAL, outlets, 5, 9L, history, 0, null);

        assertThat(outletIds(second)).contains("o005", "o006", "o007").hasSize(5);
        assertThat(second).filteredOn(s -> firstOutlets.contains(s.outletId()))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.reason()).contains("visited at the first surveillance"));
    }

    @Test
    void theSameSeedNetworkAndHistoryReproduceTheDrawAndAtLeastAQuarterIsRandom() {
        List<Outlet> outlets = network(300);
        Set<String> firstOutlets = outletIds(SitePlanner.plan(CENTRAL, outlets, 11, 5L, AuditHistory.none(), 0, null));
        AuditHistory history = new AuditHistory(T0.plusSeconds(40_000), firstOutlets, true, firstOutlets);

        List<PlannedSite> a = SitePlanner.plan(CENTRAL, outlets, 11, 77L, history, 0, null);
        List<PlannedSite> b = SitePlanner.plan(CENTRAL, reversedCopy(outlets), 11, 77L, history, 0, null);

        assertThat(b).isEqualTo(a);
        assertThat(a.stream().filter(s -> s.selection() == Selection.RANDOM).count() * 4).isGreaterThanOrEqualTo(11);
    }

    static List<Outlet> reversedCopy(List<Outlet> outlets) {
        List<Outlet> copy = new ArrayList<>(outlets);
        java.util.Collections.reverse(copy);
        return copy;
    }

    // ---------------------------------------------------------------- history from earlier audits

    static Audit audit(String id, AuditType type, ProgrammeStep step, String cycle, Instant at, String... outletIds) {
        List<PlannedSite> sites = new ArrayList<>();
        sites.add(new PlannedSite("CENTRAL", "hq", true, Selection.CENTRAL, "always", "HQ", "350100", "a"));
        for (int i = 0; i < outletIds.length; i++) {
            sites.add(new PlannedSite(SitePlanner.siteId(i + 1), outletIds[i], false, Selection.RANDOM, "r",
                    outletIds[i], "350100", "b"));
        }
        Audit audit = Audit.planned(id, "e1", new Holder("ACME", "91350100M000100Y43"), type,
                new SchemeRef("GBT27922-2011", 1), 10, outletIds.length, 1L, null, true, false, BigDecimal.ONE, null,
                sites, "c", at, new Who("alice", "Alice"));
        audit.placeInProgramme(step, cycle);
        return audit;
    }

    @Test
    void planningTheSecondSurveillanceAvoidsTheFirstOfTheSameCycle() {
        Audit initial = audit("a0", AuditType.INITIAL, ProgrammeStep.INITIAL, null, T0, "o1", "o2", "o3");
        Audit s1 = audit("a1", AuditType.SURVEILLANCE, ProgrammeStep.SURVEILLANCE_1, "a0", T0.plusSeconds(100),
                "o4", "o5");
        List<Audit> newestFirst = List.of(s1, initial);
        List<Audit> cycle = List.of(s1);

        ProgrammeStep step = ProgrammeSchedule.stepFor(AuditType.SURVEILLANCE, cycle);
        AuditHistory history = AuditPlanning.history(newestFirst, step, cycle);

        assertThat(step).isEqualTo(ProgrammeStep.SURVEILLANCE_2);
        assertThat(history.avoid()).containsExactlyInAnyOrder("o4", "o5");
        assertThat(history.visitedLastTime()).containsExactlyInAnyOrder("o4", "o5");
        assertThat(history.fromSurveillance()).isTrue();
        assertThat(history.lastAuditAt()).isEqualTo(T0.plusSeconds(100));

        // a recertification avoids nothing; "not visited" still refers to the previous surveillance
        AuditHistory recert = AuditPlanning.history(newestFirst, ProgrammeStep.RECERTIFICATION, cycle);
        assertThat(recert.avoid()).isEmpty();
        assertThat(recert.visitedLastTime()).containsExactlyInAnyOrder("o4", "o5");
        // the first surveillance of a cycle has nothing to avoid and compares with the initial audit
        AuditHistory firstSurveillance = AuditPlanning.history(List.of(initial), ProgrammeStep.SURVEILLANCE_1, List.of());
        assertThat(firstSurveillance.avoid()).isEmpty();
        assertThat(firstSurveillance.fromSurveillance()).isFalse();
        assertThat(firstSurveillance.visitedLastTime()).containsExactlyInAnyOrder("o1", "o2", "o3");
    }
}
