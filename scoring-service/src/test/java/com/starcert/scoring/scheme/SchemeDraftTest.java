package com.starcert.scoring.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.starcert.contracts.Scheme;
import com.starcert.scoring.scheme.SchemeDraft.IndicatorDraft;
import com.starcert.support.problem.FieldProblem;

class SchemeDraftTest {

    private static IndicatorDraft indicator(String code, String points, String scope) {
        return new IndicatorDraft(code, "顾客服务 customer service", "顾客关系", "Customer relationship",
                points == null ? null : new BigDecimal(points), scope, false);
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    @Test
    void theShippedDefaultSchemeIsValid() {
        assertThat(SchemeDraft.of(Scheme.defaultScheme()).problems(Scheme.DEFAULT_ID)).isEmpty();
    }

    @Test
    void aValidDraftBecomesTheSchemeVersion() {
        SchemeDraft draft = new SchemeDraft(null, null, " Retail 2027 ", List.of(
                indicator("A", "12.5", "CENTRAL"), indicator("B", "30", "CENTRAL_AND_SITES")));

        assertThat(draft.problems("RETAIL")).isEmpty();
        Scheme scheme = draft.toScheme("RETAIL", 3);
        assertThat(scheme.ref().id()).isEqualTo("RETAIL");
        assertThat(scheme.version()).isEqualTo(3);
        assertThat(scheme.title()).isEqualTo("Retail 2027");
        assertThat(scheme.indicators()).extracting(Scheme.Indicator::scope)
                .containsExactly(Scheme.Scope.CENTRAL, Scheme.Scope.CENTRAL_AND_SITES);
        assertThat(scheme.indicator("A").orElseThrow().points()).isEqualByComparingTo("12.5");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<IndicatorDraft> indicators = new ArrayList<>();
        indicators.add(indicator("A", "6", "CENTRAL"));                                   // [0] fine
        indicators.add(indicator("A", "6", "SITES"));                                     // [1] duplicate code
        indicators.add(indicator(" ", "6", "SITES"));                                     // [2] blank code
        indicators.add(indicator("C", "0", "SITES"));                                     // [3] zero points
        indicators.add(indicator("D", "-2", "EVERYWHERE"));                               // [4] negative, bad scope
        indicators.add(new IndicatorDraft("E", "", null, " ", null, null, null));        // [5] blanks, nothing given
        indicators.add(indicator("F", "1.125", "CENTRAL"));                               // [6] too many decimals
        indicators.add(null);                                                             // [7]
        indicators.add(indicator("has space", "1", "central"));                          // [8] bad code, scope case
        SchemeDraft draft = new SchemeDraft("OTHER", 0, "", indicators);

        List<FieldProblem> problems = draft.problems("RETAIL");

        assertThat(fields(problems)).containsExactly(
                "id", "version", "title",
                "indicators[1].code",
                "indicators[2].code",
                "indicators[3].points",
                "indicators[4].points", "indicators[4].scope",
                "indicators[5].group", "indicators[5].nameZh", "indicators[5].nameEn", "indicators[5].points",
                "indicators[5].scope", "indicators[5].sampled",
                "indicators[6].points",
                "indicators[7]",
                "indicators[8].code", "indicators[8].scope");
        assertThat(problems).contains(
                new FieldProblem("indicators[1].code", "duplicate code 'A' (already used by indicators[0])"),
                new FieldProblem("indicators[3].points", "must be positive"),
                new FieldProblem("indicators[4].points", "must be positive"),
                new FieldProblem("indicators[4].scope",
                        "unknown scope 'EVERYWHERE'; must be one of CENTRAL, SITES, CENTRAL_AND_SITES"),
                new FieldProblem("indicators[6].points", "must have at most 2 decimals"),
                new FieldProblem("id", "must be 'RETAIL' (the scheme in the path) or left out"));
    }

    @Test
    void anEmptyOrMissingIndicatorListIsRefused() {
        assertThat(new SchemeDraft(null, null, "t", List.of()).problems("X"))
                .containsExactly(new FieldProblem("indicators", "must list at least one indicator"));
        assertThat(fields(new SchemeDraft(null, null, null, null).problems("X")))
                .containsExactly("title", "indicators");
    }

    @Test
    void codesDifferingOnlyInCaseAreDuplicates() {
        SchemeDraft draft = new SchemeDraft(null, null, "t", List.of(indicator("cus-rel", "1", "SITES"),
                indicator("CUS-REL", "1", "SITES")));

        assertThat(fields(draft.problems("X"))).containsExactly("indicators[1].code");
    }

    @Test
    void anInvalidSchemeIdIsRefused() {
        assertThat(fields(new SchemeDraft(null, null, "t", List.of(indicator("A", "1", "SITES")))
                .problems("no/slashes"))).containsExactly("id");
    }

    @Test
    void pointsNeedNotBeWholeNorAddUpToHundred() {
        SchemeDraft draft = new SchemeDraft(null, null, "t", List.of(indicator("A", "0.25", "SITES"),
                indicator("B", "250", "CENTRAL")));

        assertThat(draft.problems("X")).isEmpty();
    }
}
