package com.starcert.audit.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.starcert.audit.network.CentralFunction;
import com.starcert.audit.network.Outlet;
import com.starcert.audit.network.Province;
import com.starcert.contracts.OutletChanged.OutletKind;
import com.starcert.contracts.OutletChanged.OutletStatus;

class SitePlannerTest {

    static final CentralFunction CENTRAL = new CentralFunction("hq", "HQ", "350100", "1 Main St");
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    static Outlet outlet(String id, String region, Instant registeredAt) {
        return new Outlet(id, "e1", "Outlet " + id, OutletKind.BRANCH, OutletStatus.ACTIVE, region,
                "addr " + id, registeredAt, 1);
    }

    /** 50 outlets, all in province 35 except a few. */
    static List<Outlet> network(int size) {
        List<Outlet> outlets = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            outlets.add(outlet(String.format("o%05d", i), "350100", T0.plusSeconds(i)));
        }
        return outlets;
    }

    @Test
    void centralFunctionComesFirstAndOutletsAreNumbered() {
        List<PlannedSite> sites = SitePlanner.plan(CENTRAL, network(50), 8, 42L, AuditHistory.none(), 0, null);

        assertThat(sites).hasSize(9);
        PlannedSite central = sites.get(0);
        assertThat(central.siteId()).isEqualTo("CENTRAL");
        assertThat(central.central()).isTrue();
        assertThat(central.outletId()).isEqualTo("hq");
        assertThat(central.selection()).isEqualTo(Selection.CENTRAL);
        assertThat(sites.subList(1, 9)).extracting(PlannedSite::siteId)
                .containsExactly("S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08");
        assertThat(sites.subList(1, 9)).noneMatch(PlannedSite::central);
        assertThat(sites.stream().map(PlannedSite::outletId).distinct()).hasSize(9);
        assertThat(sites).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
    }

    @Test
    void atLeastAQuarterOfTheSampleIsRandom() {
        for (int size : List.of(1, 2, 3, 4, 5, 8, 13, 50)) {
            List<PlannedSite> sites = SitePlanner.plan(CENTRAL, network(50), size, 7L, AuditHistory.none(), 0, null);
            long random = sites.stream().filter(s -> s.selection() == Selection.RANDOM).count();
            assertThat(random).as("size %d", size).isGreaterThanOrEqualTo((size + 3) / 4);
            assertThat(random * 4).as("size %d", size).isGreaterThanOrEqualTo(size);
            assertThat(sites).hasSize(size + 1);
        }
    }

    @Test
    void theSameSeedAndNetworkReproduceTheDrawWhateverTheInputOrder() {
        List<Outlet> outlets = network(200);
        List<Outlet> shuffled = new ArrayList<>(outlets);
        java.util.Collections.shuffle(shuffled, new java.util.Random(1));

        List<PlannedSite> first = SitePlanner.plan(CENTRAL, outlets, 15, 123L, AuditHistory.none(), 0, null);
        List<PlannedSite> again = SitePlanner.plan(CENTRAL, shuffled, 15, 123L, AuditHistory.none(), 0, null);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void differentSeedsGenerallyDrawDifferentOutlets() {
        List<Outlet> outlets = network(200);
        Set<List<String>> draws = new HashSet<>();
        for (long seed = 1; seed <= 10; seed++) {
            draws.add(SitePlanner.plan(CENTRAL, outlets, 15, seed, AuditHistory.none(), 0, null).stream()
                    .filter(s -> s.selection() == Selection.RANDOM).map(PlannedSite::outletId).toList());
        }
        assertThat(draws).hasSizeGreaterThan(8);
    }

    @Test
    void riskPicksSpreadAcrossProvincesNotYetCoveredAndSayWhy() {
        List<Outlet> outlets = new ArrayList<>(network(40)); // province 35, like the central function
        outlets.add(outlet("gd1", "440100", T0));
        outlets.add(outlet("gd2", "440300", T0.plusSeconds(5)));
        outlets.add(outlet("zj1", "330100", T0));
        outlets.add(outlet("bj1", "110000", T0));

        // size 8: 2 random, 6 on risk; the three provinces other than 35 come first
        List<PlannedSite> sites = SitePlanner.plan(CENTRAL, outlets, 8, 99L, AuditHistory.none(), 0, null);

        Set<String> provinces = new HashSet<>();
        sites.forEach(s -> provinces.add(Province.of(s.regionCode())));
        assertThat(provinces).contains("35", "44", "33", "11");
        List<PlannedSite> risk = sites.stream().filter(s -> s.selection() == Selection.RISK).toList();
        assertThat(risk).hasSize(6);
        assertThat(risk).filteredOn(s -> s.reason().contains("not yet covered"))
                .extracting(s -> Province.of(s.regionCode()))
                .doesNotHaveDuplicates()
                .doesNotContain("35");
        // after the spread, the most recently registered outlets
        assertThat(risk.get(risk.size() - 1).reason()).contains("most recently registered");
    }

    @Test
    void newOutletsSinceTheLastAuditAndOutletsNotVisitedComeBeforeOlderOnes() {
        List<Outlet> outlets = new ArrayList<>(network(30));
        Instant lastAudit = T0.plusSeconds(1_000);
        outlets.add(outlet("new1", "350200", lastAudit.plusSeconds(10)));
        Set<String> visited = new HashSet<>();
        IntStream.range(0, 30).forEach(i -> visited.add(String.format("o%05d", i)));
        visited.remove("o00003");

        // size 4: 1 random, 3 on risk; the random draw might take one of ours, so use a seed-independent check
        List<PlannedSite> sites = SitePlanner.plan(CENTRAL, outlets, 4, 5L,
                new AuditHistory(lastAudit, visited), 0, null);

        List<PlannedSite> risk = sites.stream().filter(s -> s.selection() == Selection.RISK).toList();
        Set<String> randomIds = new HashSet<>();
        sites.stream().filter(s -> s.selection() == Selection.RANDOM).forEach(s -> randomIds.add(s.outletId()));
        List<String> expected = new ArrayList<>(List.of("new1", "o00003", "o00029", "o00028", "o00027"));
        expected.removeAll(randomIds);
        assertThat(risk).extracting(PlannedSite::outletId).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(risk).filteredOn(s -> s.outletId().equals("new1"))
                .allSatisfy(s -> assertThat(s.reason()).contains("new since the last audit"));
        assertThat(risk).filteredOn(s -> s.outletId().equals("o00003"))
                .allSatisfy(s -> assertThat(s.reason()).contains("not visited at the last audit"));
    }

    @Test
    void enlargedSitesRecordTheCbsReason() {
        List<PlannedSite> sites = SitePlanner.plan(CENTRAL, network(50), 10, 1L, AuditHistory.none(), 2,
                "complaints in Fuzhou");
        assertThat(sites.subList(9, 11)).allSatisfy(s -> assertThat(s.reason()).contains("complaints in Fuzhou"));
        assertThat(sites.subList(0, 9)).noneSatisfy(s -> assertThat(s.reason()).contains("complaints in Fuzhou"));
    }

    @Test
    void aCentralOnlyEnterpriseIsPlannedAtItsCentralFunctionAlone() {
        CentralFunction registeredAddress = new CentralFunction(null, "ACME", "110000", "registered address");
        List<PlannedSite> sites = SitePlanner.plan(registeredAddress, List.of(), 0, 1L, AuditHistory.none(), 0, null);
        assertThat(sites).singleElement().satisfies(s -> {
            assertThat(s.siteId()).isEqualTo("CENTRAL");
            assertThat(s.outletId()).isNull();
            assertThat(s.addressLine()).isEqualTo("registered address");
        });
    }

    @Test
    void staysFastAtTenThousandOutletsEvenWithoutSampling() {
        List<Outlet> outlets = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            outlets.add(outlet(String.format("o%05d", i), String.format("%02d0100", 11 + i % 30), T0.plusSeconds(i)));
        }
        long start = System.nanoTime();
        List<PlannedSite> all = SitePlanner.plan(CENTRAL, outlets, 10_000, 3L, AuditHistory.none(), 0, null);
        assertThat(all).hasSize(10_001);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }
}
