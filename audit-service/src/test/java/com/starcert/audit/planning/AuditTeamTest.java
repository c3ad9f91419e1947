package com.starcert.audit.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.starcert.audit.planning.AuditTeam.DisplayName;
import com.starcert.support.problem.FieldProblem;

/** The team names accounts; a team stored as free-text names is read as unassigned, its names kept. */
class AuditTeamTest {

    @Test
    void aTeamStoredAsFreeTextNamesIsReadAsUnassignedWithTheNamesKept() {
        // what a document written before accounts holds: leadAuditor and members only
        AuditTeam migrated = AuditTeam.stored("Li Wei", List.of("Zhang Min", "Li Wei"), null, null);

        assertThat(migrated.leadAuditor()).isNull();
        assertThat(migrated.members()).isEmpty();
        assertThat(migrated.assigned()).isFalse();
        assertThat(migrated.formerNames()).containsExactly("Li Wei", "Zhang Min");
        // nobody acts through a name typed by hand, not even an account whose sub happens to match it
        assertThat(migrated.includes("Li Wei")).isFalse();
        assertThat(migrated.includes("Zhang Min")).isFalse();
    }

    @Test
    void aTeamStoredWithAccountsIsReadAsItWas() {
        AuditTeam stored = AuditTeam.stored("aud-on", List.of("rev-on"), List.of(), List.of());
        assertThat(stored).isEqualTo(new AuditTeam("aud-on", List.of("rev-on")));
        assertThat(stored.includes("aud-on")).isTrue();
        assertThat(stored.includes("rev-on")).isTrue();
        assertThat(stored.includes("aud-off")).isFalse();
        assertThat(stored.includes(null)).isFalse();
        // a migrated team keeps its former names once stored again
        AuditTeam migratedThenStored = AuditTeam.stored(null, List.of(), List.of(), List.of("Li Wei"));
        assertThat(migratedThenStored.formerNames()).containsExactly("Li Wei");
        assertThat(migratedThenStored.assigned()).isFalse();
    }

    @Test
    void theRequestNamesAccountsTheLeadOnceAndDisplayNamesOnlyForTheTeam() {
        PlanRequest.TeamRequest request = new PlanRequest.TeamRequest(" aud-on ", List.of("rev-on", "aud-on", "rev-on"),
                List.of(new DisplayName("aud-on", " 王审核 ")));
        assertThat(request.problems("")).isEmpty();
        assertThat(request.toTeam()).isEqualTo(new AuditTeam("aud-on", List.of("rev-on"),
                List.of(new DisplayName("aud-on", "王审核")), List.of()));

        List<DisplayName> names = new ArrayList<>();
        names.add(new DisplayName("someone-else", "X"));
        names.add(new DisplayName("rev-on", " "));
        names.add(new DisplayName("rev-on", "Reviewer"));
        names.add(null);
        assertThat(new PlanRequest.TeamRequest("aud-on", List.of("rev-on"), names).problems("team."))
                .extracting(FieldProblem::field).containsExactly("team.displayNames[0].sub",
                        "team.displayNames[1].name", "team.displayNames[2].sub", "team.displayNames[3].sub");
        assertThat(new PlanRequest.TeamRequest(" ", null, null).problems("")).extracting(FieldProblem::field)
                .containsExactly("leadAuditor");
    }

    @Test
    void aChosenSeedNeedsAReasonAndAReasonNeedsAChosenSeed() {
        assertThat(new PlanRequest("e1", "INITIAL", null, null, null, null, null).problems()).isEmpty();
        assertThat(new PlanRequest("e1", "INITIAL", null, null, 7L, "replaying a draw", null).problems()).isEmpty();
        assertThat(new PlanRequest("e1", "INITIAL", null, null, 7L, null, null).problems())
                .extracting(FieldProblem::field).containsExactly("seedReason");
        assertThat(new PlanRequest("e1", "INITIAL", null, null, 7L, "  ", null).problems())
                .extracting(FieldProblem::field).containsExactly("seedReason");
        assertThat(new PlanRequest("e1", "INITIAL", null, null, null, "why not", null).problems())
                .extracting(FieldProblem::field).containsExactly("seedReason");
    }
}
