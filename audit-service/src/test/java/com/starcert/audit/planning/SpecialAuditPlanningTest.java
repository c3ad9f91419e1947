package com.starcert.audit.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
import com.starcert.support.problem.FieldProblem;

/** SPECIAL audits (特殊审核): outlets the CB names, the random quarter, and no place in the rotation. */
class SpecialAuditPlanningTest {

    static final CentralFunction CENTRAL = new CentralFunction("hq", "HQ", "350100", "1 Main St");
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    static List<Outlet> network(int size) {
        List<Outlet> outlets = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = String.format("o%03d", i);
            outlets.add(new Outlet(id, "e1", "Outlet " + id, OutletKind.BRANCH, OutletStatus.ACTIVE, "350100",
                    "addr " + id, T0.plusSeconds(i), 1, i == 30 ? 4 : 0));
        }
        return outlets;
    }

    static List<PlannedSite> outlets(List<PlannedSite> sites) {
        return sites.stream().filter(s -> !s.central()).toList();
    }

    @Test
    void namedOutletsComeFirstAsRiskThenTheRandomQuarterAndRiskPicksFillTheRest() {
        // n = 50: ⌈0.6·√50⌉ = 5; 2 named, then ⌈5/4⌉ = 2 random, 1 on risk
        int size = SampleSize.withNamed(SampleSize.of(AuditType.SPECIAL, 50, true), 2, 50);
        List<PlannedSite> sites = SitePlanner.plan(CENTRAL, network(50), size, 9L, AuditHistory.none(), 0, null,
                List.of("o042", "o007"));

        assertThat(size).isEqualTo(5);
        assertThat(sites.get(0).central()).isTrue();
        List<PlannedSite> visited = outlets(sites);
        assertThat(visited).hasSize(5);
        assertThat(visited.subList(0, 2)).extracting(PlannedSite::outletId).containsExactly("o042", "o007");
        assertThat(visited.subList(0, 2)).allSatisfy(s -> {
            assertThat(s.selection()).isEqualTo(Selection.RISK);
            assertThat(s.reason()).isEqualTo("named by the CB for this special audit");
        });
        assertThat(visited.subList(0, 2)).extracting(PlannedSite::siteId).containsExactly("S01", "S02");
        assertThat(visited.subList(2, 4)).allSatisfy(s -> assertThat(s.selection()).isEqualTo(Selection.RANDOM));
        assertThat(visited.get(4).selection()).isEqualTo(Selection.RISK);
        assertThat(visited.stream().map(PlannedSite::outletId).distinct()).hasSize(5);
        // the named ones are not drawn again; the complaint outlet is the risk pick unless drawn
        assertThat(visited.subList(2, 5)).extracting(PlannedSite::outletId).doesNotContain("o042", "o007");
        assertThat(visited).extracting(PlannedSite::outletId).contains("o030");
    }

    @Test
    void moreNamedOutletsThanTheFormulaEnlargeTheSampleAndKeepARandomQuarter() {
        List<String> named = List.of("o001", "o002", "o003", "o004", "o005", "o006");
        int formula = SampleSize.of(AuditType.SPECIAL, 50, true);
        int size = SampleSize.withNamed(formula, named.size(), 50);
        List<PlannedSite> sites = outlets(SitePlanner.plan(CENTRAL, network(50), size, 3L, AuditHistory.none(), 0,
                null, named));

        assertThat(formula).isEqualTo(5);
        assertThat(size).isEqualTo(8);
        assertThat(sites).hasSize(8);
        assertThat(sites.subList(0, 6)).extracting(PlannedSite::outletId).containsExactlyElementsOf(named);
        assertThat(sites.stream().filter(s -> s.selection() == Selection.RANDOM)).hasSize(2);

        // planned as AuditPlanning does: the enlargement is recorded on the picks beyond the named ones
        Enlargement recorded = AuditPlanning.enlargement(formula, size, named.size(), 0, null);
        List<PlannedSite> enlarged = outlets(SitePlanner.plan(CENTRAL, network(50), size, 3L, AuditHistory.none(),
                recorded.extraSites(), recorded.reason(), named));
        assertThat(enlarged.subList(0, 6)).allSatisfy(s -> assertThat(s.reason())
                .isEqualTo("named by the CB for this special audit"));
        assertThat(enlarged.subList(6, 8)).allSatisfy(s -> assertThat(s.reason())
                .contains("sample enlarged by the CB: 3 site(s) for the 6 outlet(s) named by the CB"));

        Enlargement enlargement = AuditPlanning.enlargement(formula, size, named.size(), 0, null);
        assertThat(enlargement.extraSites()).isEqualTo(3);
        assertThat(enlargement.reason()).contains("6 outlet(s) named by the CB");
        Enlargement both = AuditPlanning.enlargement(formula, size, named.size(), 2, "many complaints in 44");
        assertThat(both.extraSites()).isEqualTo(5);
        assertThat(both.reason()).endsWith("; many complaints in 44");
        assertThat(AuditPlanning.enlargement(formula, formula, 2, 0, null)).isNull();
    }

    @Test
    void whenEveryOutletIsNamedNoneIsLeftToDraw() {
        int size = SampleSize.withNamed(SampleSize.of(AuditType.SPECIAL, 2, true), 2, 2);
        List<PlannedSite> sites = outlets(SitePlanner.plan(CENTRAL, network(2), size, 1L, AuditHistory.none(), 0,
                null, List.of("o001", "o000")));
        assertThat(sites).extracting(PlannedSite::outletId).containsExactly("o001", "o000");
        assertThat(sites).allSatisfy(s -> assertThat(s.selection()).isEqualTo(Selection.RISK));
    }

    @Test
    void withoutNamedOutletsTheDrawIsTheUsualOne() {
        List<PlannedSite> usual = SitePlanner.plan(CENTRAL, network(50), 5, 11L, AuditHistory.none(), 0, null);
        assertThat(SitePlanner.plan(CENTRAL, network(50), 5, 11L, AuditHistory.none(), 0, null, List.of()))
                .isEqualTo(usual);
    }

    @Test
    void aNamedOutletOutsideTheSampleBaseIsRefused() {
        assertThatThrownBy(() -> SitePlanner.plan(CENTRAL, network(5), 2, 1L, AuditHistory.none(), 0, null,
                List.of("nope"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void focusOutletsAreForSpecialAuditsOnlyAndNamedOnce() {
        PlanRequest ok = new PlanRequest("e1", "SPECIAL", null, null, null, null, null, null, null,
                List.of(" o001 ", "o002"));
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.focusOutletIds()).containsExactly("o001", "o002");

        PlanRequest surveillance = new PlanRequest("e1", "SURVEILLANCE", null, null, null, null, null, null, null,
                List.of("o001"));
        assertThat(surveillance.problems()).extracting(FieldProblem::field).containsExactly("focusOutlets");

        java.util.List<String> bad = new ArrayList<>(List.of("o001", "", "o001"));
        bad.add(null);
        PlanRequest twice = new PlanRequest("e1", "SPECIAL", null, null, null, null, null, null, null, bad);
        assertThat(twice.problems()).extracting(FieldProblem::field)
                .containsExactly("focusOutlets[1]", "focusOutlets[2]", "focusOutlets[3]");
        assertThat(new PlanRequest("e1", "SPECIAL", null, null, null, null, null).problems()).isEmpty();
    }

    // ---------------------------------------------------------------- programme and rotation

    static Audit audit(String id, AuditType type, ProgrammeStep step, Instant at, String... outletIds) {
        List<PlannedSite> sites = new ArrayList<>();
        sites.add(new PlannedSite("CENTRAL", "hq", true, Selection.CENTRAL, "always", "HQ", "350100", "a"));
        for (int i = 0; i < outletIds.length; i++) {
            sites.add(new PlannedSite(SitePlanner.siteId(i + 1), outletIds[i], false, Selection.RANDOM, "r",
                    outletIds[i], "350100", "b"));
        }
        Audit audit = Audit.planned(id, "e1", new Holder("ACME", "91350100M000100Y43"), type,
                new SchemeRef("GBT27922-2011", 1), 10, outletIds.length, 1L, null, true, false, BigDecimal.ONE, null,
                sites, "c", at, new Who("alice", "Alice"));
        audit.placeInProgramme(step, "a0");
        return audit;
    }

    @Test
    void aSpecialAuditIsNoProgrammeStepAndNotThePreviousSurveillance() {
        Audit initial = audit("a0", AuditType.INITIAL, ProgrammeStep.INITIAL, T0, "o1", "o2", "o3");
        Audit s1 = audit("a1", AuditType.SURVEILLANCE, ProgrammeStep.SURVEILLANCE_1, T0.plusSeconds(100),
                "o4", "o5");
        Audit special = audit("a2", AuditType.SPECIAL, null, T0.plusSeconds(200), "o9");
        List<Audit> newestFirst = List.of(special, s1, initial);
        List<Audit> cycle = List.of(special, s1);

        assertThat(ProgrammeSchedule.stepFor(AuditType.SPECIAL, cycle)).isNull();
        ProgrammeStep step = ProgrammeSchedule.stepFor(AuditType.SURVEILLANCE, cycle);
        assertThat(step).isEqualTo(ProgrammeStep.SURVEILLANCE_2);

        AuditHistory history = AuditPlanning.history(newestFirst, step, cycle);
        assertThat(history.visitedLastTime()).containsExactlyInAnyOrder("o4", "o5");
        assertThat(history.avoid()).containsExactlyInAnyOrder("o4", "o5");
        assertThat(history.lastAuditAt()).isEqualTo(T0.plusSeconds(100));

        // only a special audit so far after the initial one: the comparison stays with the initial audit
        AuditHistory first = AuditPlanning.history(List.of(special, initial), ProgrammeStep.SURVEILLANCE_1,
                List.of(special));
        assertThat(first.visitedLastTime()).containsExactlyInAnyOrder("o1", "o2", "o3");
        assertThat(first.fromSurveillance()).isFalse();
        assertThat(AuditPlanning.history(List.of(special), ProgrammeStep.SURVEILLANCE_1, List.of(special)))
                .isEqualTo(AuditHistory.none());
    }
}
