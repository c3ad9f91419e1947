package com.starcert.audit.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.starcert.audit.planning.PlannedSite;
import com.starcert.audit.planning.Selection;
import com.starcert.contracts.AuditSubmitted.Exclusion;
import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.Result;
import com.starcert.contracts.Scheme;
import com.starcert.support.problem.FieldProblem;

class SubmissionCheckTest {

    static final Scheme SCHEME = Scheme.defaultScheme();
    static final PlannedSite CENTRAL = new PlannedSite("CENTRAL", null, true, Selection.CENTRAL, "always", "HQ",
            "350100", "a");
    static final PlannedSite S01 = new PlannedSite("S01", "o1", false, Selection.RANDOM, "drawn", "O1", "440100", "b");

    @Test
    void listsEveryUnassessedSiteAndIndicatorSkippingExclusions() {
        List<Finding> findings = List.of(
                new Finding("CENTRAL", "SYS-ORG", Result.CONFORMING, null, null, null),
                new Finding("S01", "SYS-STAFF", Result.CONFORMING, null, 3, 0));
        List<FieldProblem> missing = SubmissionCheck.missing(List.of(CENTRAL, S01), SCHEME, findings,
                List.of(new Exclusion("PRD-RCY", "no durable goods")));

        // central: 8 indicators (CENTRAL + CENTRAL_AND_SITES) less SYS-ORG and the excluded PRD-RCY = 6
        // S01: 11 indicators (SITES + CENTRAL_AND_SITES) less SYS-STAFF = 10
        assertThat(missing).hasSize(16);
        assertThat(missing).allSatisfy(p -> assertThat(p.reason()).isEqualTo("not assessed"));
        assertThat(missing).extracting(FieldProblem::field)
                .contains("sites[CENTRAL].SYS-NORM", "sites[S01].SYS-RES", "sites[S01].CUS-CMP")
                .doesNotContain("sites[CENTRAL].SYS-ORG", "sites[S01].SYS-STAFF", "sites[CENTRAL].PRD-RCY",
                        "sites[S01].SYS-ORG", "sites[CENTRAL].SYS-STAFF");
    }

    @Test
    void aCentralOnlyEnterpriseIsAssessedForEveryIndicator() {
        List<FieldProblem> missing = SubmissionCheck.missing(List.of(CENTRAL), SCHEME, List.of(), List.of());
        assertThat(missing).extracting(FieldProblem::field)
                .containsExactlyElementsOf(SCHEME.indicators().stream().map(i -> "sites[CENTRAL]." + i.code()).toList());
    }

    @Test
    void completeFindingsLeaveNothingMissing() {
        List<Finding> findings = new ArrayList<>();
        SCHEME.indicators().forEach(i -> findings.add(new Finding("CENTRAL", i.code(), Result.CONFORMING, null,
                i.sampled() ? 2 : null, i.sampled() ? 0 : null)));
        assertThat(SubmissionCheck.missing(List.of(CENTRAL), SCHEME, findings, List.of())).isEmpty();
        assertThat(SubmissionCheck.nothingToScore(SCHEME, findings, List.of())).isFalse();
    }

    @Test
    void nothingToScoreWhenEveryIndicatorIsExcludedOrNotApplicable() {
        List<Finding> findings = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        SCHEME.indicators().forEach(i -> {
            if (i.code().startsWith("SYS")) {
                exclusions.add(new Exclusion(i.code(), "justified"));
                findings.add(new Finding("CENTRAL", i.code(), Result.CONFORMING, null, 1, 0));
            } else {
                findings.add(new Finding("CENTRAL", i.code(), Result.NOT_APPLICABLE, "none", null, null));
            }
        });
        assertThat(SubmissionCheck.missing(List.of(CENTRAL), SCHEME, findings, exclusions)).isEmpty();
        assertThat(SubmissionCheck.nothingToScore(SCHEME, findings, exclusions)).isTrue();
    }
}
