package com.starcert.audit.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.starcert.audit.findings.FindingsRequest.DeductionInput;
import com.starcert.audit.findings.FindingsRequest.ExclusionInput;
import com.starcert.audit.findings.FindingsRequest.FindingInput;
import com.starcert.audit.planning.PlannedSite;
import com.starcert.audit.planning.Selection;
import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.Result;
import com.starcert.contracts.Scheme;
import com.starcert.support.problem.FieldProblem;

class FindingsRulesTest {

    static final Scheme SCHEME = Scheme.defaultScheme();
    static final PlannedSite CENTRAL = new PlannedSite("CENTRAL", "hq", true, Selection.CENTRAL, "always", "HQ",
            "350100", "a");
    static final PlannedSite S01 = new PlannedSite("S01", "o1", false, Selection.RANDOM, "drawn", "O1", "440100", "b");
    static final List<PlannedSite> PLAN = List.of(CENTRAL, S01);

    static FindingsRequest findings(FindingInput... inputs) {
        return new FindingsRequest(List.of(inputs), null, null, null);
    }

    @Test
    void acceptsWellFormedFindingsAndKeepsSampleCountsOnlyOnSampledIndicators() {
        FindingsRules.Checked checked = FindingsRules.check(findings(
                new FindingInput("CENTRAL", "SYS-ORG", "CONFORMING", null, null, null),
                new FindingInput("S01", "SYS-STAFF", "NONCONFORMING", "two of five unqualified", 5, 2),
                new FindingInput("S01", "PRD-INFO", "CONFORMING", null, 3, 0),
                new FindingInput("S01", "PRD-DEL", "NOT_APPLICABLE", "no delivery at this outlet", null, null)),
                PLAN, SCHEME);

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.update().findings()).containsExactly(
                new Finding("CENTRAL", "SYS-ORG", Result.CONFORMING, null, null, null),
                new Finding("S01", "SYS-STAFF", Result.NONCONFORMING, "two of five unqualified", 5, 2),
                new Finding("S01", "PRD-INFO", Result.CONFORMING, null, null, null),
                new Finding("S01", "PRD-DEL", Result.NOT_APPLICABLE, "no delivery at this outlet", null, null));
        assertThat(checked.update().exclusions()).isNull();
        assertThat(checked.update().specialDeductions()).isNull();
        assertThat(checked.update().bonus()).isNull();
    }

    @Test
    void listsEveryBadItemWithItsPath() {
        FindingsRequest request = new FindingsRequest(List.of(
                new FindingInput("S09", "SYS-ORG", "CONFORMING", null, null, null),          // 0 unknown site
                new FindingInput("S01", "SYS-ORG", "CONFORMING", null, null, null),          // 1 central-only indicator
                new FindingInput("CENTRAL", "SYS-STAFF", "CONFORMING", null, 1, 0),         // 2 sites-only indicator
                new FindingInput("S01", "NOPE", "MAYBE", null, null, null),                  // 3 indicator + result
                new FindingInput("S01", "SYS-RES", "CONFORMING", null, 0, 0),                // 4 samplesChecked
                new FindingInput("S01", "CUS-REL", "CONFORMING", null, 5, 1),                // 5 conforming with bad
                new FindingInput("S01", "CUS-CMP", "NONCONFORMING", null, 4, 5),             // 6 reason + too many
                new FindingInput("CENTRAL", "SYS-NORM", "NOT_APPLICABLE", " ", null, null),  // 7 reason
                new FindingInput("S01", "PRD-REP", "NONCONFORMING", "late", 4, 0),           // 8 nonconforming needs bad
                new FindingInput(null, null, null, null, null, null)),                       // 9 everything
                List.of(new ExclusionInput("XXX", "n/a"), new ExclusionInput("PRD-RCY", "")),
                List.of(new DeductionInput("MORAL", "x"), new DeductionInput(null, null)),
                bonus(" "));

        FindingsRules.Checked checked = FindingsRules.check(request, PLAN, SCHEME);

        assertThat(checked.valid()).isFalse();
        assertThat(checked.update()).isNull();
        assertThat(checked.problems()).extracting(FieldProblem::field).containsExactly(
                "findings[0].siteId",
                "findings[1].indicator",
                "findings[2].indicator",
                "findings[3].indicator", "findings[3].result",
                "findings[4].samplesChecked",
                "findings[5].samplesNonconforming",
                "findings[6].reason", "findings[6].samplesNonconforming",
                "findings[7].reason",
                "findings[8].samplesNonconforming",
                "findings[9].siteId", "findings[9].indicator", "findings[9].result",
                "exclusions[0].indicator", "exclusions[1].justification",
                "specialDeductions[0].category", "specialDeductions[1].category", "specialDeductions[1].description",
                "bonus.description");
    }

    @Test
    void aCentralOnlyAuditAssessesEveryIndicatorAtTheCentralFunction() {
        FindingsRules.Checked checked = FindingsRules.check(findings(
                new FindingInput("CENTRAL", "SYS-STAFF", "CONFORMING", null, 4, 0),
                new FindingInput("CENTRAL", "PRD-DEL", "CONFORMING", null, null, null)), List.of(CENTRAL), SCHEME);
        assertThat(checked.problems()).isEmpty();

        FindingsRules.Checked withOutlets = FindingsRules.check(findings(
                new FindingInput("CENTRAL", "PRD-DEL", "CONFORMING", null, null, null)), PLAN, SCHEME);
        assertThat(withOutlets.problems()).extracting(FieldProblem::field).containsExactly("findings[0].indicator");
    }

    static tools.jackson.databind.JsonNode bonus(String description) {
        return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("description", description);
    }

    @Test
    void freeTextIsAtMostTwoThousandCharacters() {
        String essay = "长".repeat(2_001);
        FindingsRules.Checked checked = FindingsRules.check(new FindingsRequest(List.of(
                        new FindingInput("S01", "SYS-RES", "NONCONFORMING", essay, 4, 1, essay)),
                List.of(new ExclusionInput("PRD-RCY", essay)), List.of(new DeductionInput("LEGAL", essay)),
                bonus(essay)), PLAN, SCHEME);
        assertThat(checked.problems()).extracting(FieldProblem::field).containsExactly("findings[0].reason",
                "findings[0].evidence", "exclusions[0].justification", "specialDeductions[0].description",
                "bonus.description");
        assertThat(checked.problems().get(0).reason()).isEqualTo("is too long: at most 2000 characters (has 2001)");

        String fits = "长".repeat(2_000);
        assertThat(FindingsRules.check(new FindingsRequest(List.of(
                new FindingInput("S01", "SYS-RES", "NONCONFORMING", fits, 4, 1, fits)), null, null,
                bonus(fits)), PLAN, SCHEME).problems()).isEmpty();
    }

    @Test
    void thousandsOfUnknownSitesGetABoundedAnswer() {
        FindingInput[] inputs = new FindingInput[5_000];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = new FindingInput("NOPE-" + i, "SYS-ORG", "CONFORMING", null, null, null);
        }
        FindingsRules.Checked checked = FindingsRules.check(findings(inputs), PLAN, SCHEME);

        assertThat(checked.valid()).isFalse();
        assertThat(checked.problems()).hasSize(FindingsRules.NAMED_PROBLEMS + 1);
        assertThat(checked.problems().get(0).field()).isEqualTo("findings[0].siteId");
        assertThat(checked.problems().get(FindingsRules.NAMED_PROBLEMS - 1).field()).isEqualTo("findings[99].siteId");
        assertThat(checked.problems().get(FindingsRules.NAMED_PROBLEMS).reason()).startsWith("4900 more problems");
    }

    @Test
    void anExplicitNullBonusClearsItAndALeftOutOneKeepsIt() {
        FindingsRules.Checked cleared = FindingsRules.check(new FindingsRequest(null, null, null,
                tools.jackson.databind.node.NullNode.getInstance()), PLAN, SCHEME);
        assertThat(cleared.update().clearBonus()).isTrue();
        assertThat(cleared.update().bonus()).isNull();

        FindingsRules.Checked kept = FindingsRules.check(new FindingsRequest(null, null, null, null), PLAN, SCHEME);
        assertThat(kept.update().clearBonus()).isFalse();
        assertThat(kept.update().bonus()).isNull();
    }

    @Test
    void exclusionsDeductionsAndBonusAreTakenWhenPresent() {
        FindingsRules.Checked checked = FindingsRules.check(new FindingsRequest(null,
                List.of(new ExclusionInput("PRD-RCY", "the enterprise sells no durable goods")),
                List.of(new DeductionInput("LEGAL", "expired business licence at S01")),
                bonus("industry-leading 2 h on-site commitment")), PLAN, SCHEME);

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.update().findings()).isEmpty();
        assertThat(checked.update().exclusions()).hasSize(1);
        assertThat(checked.update().specialDeductions()).hasSize(1);
        assertThat(checked.update().bonus().description()).startsWith("industry-leading");
    }
}
