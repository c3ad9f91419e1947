package com.starcert.scoring.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import com.starcert.contracts.Scheme;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FieldProblem;

class SchemeYamlTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void aYamlDocumentBecomesTheSameDraftAsJson() {
        SchemeDraft draft = SchemeYaml.read("""
                title: 零售 retail
                indicators:
                  - code: R-ORG
                    group: 体系 system
                    nameZh: 组织
                    nameEn: Organisation
                    points: 12.5
                    scope: CENTRAL
                    sampled: false
                  - {code: R-STAFF, group: 体系 system, nameZh: 人员, nameEn: Staff, points: 30, scope: SITES, sampled: true}
                """, MAPPER);

        assertThat(draft.problems("RETAIL")).isEmpty();
        Scheme scheme = draft.toScheme("RETAIL", 1);
        assertThat(scheme.indicator("R-ORG").orElseThrow().points()).isEqualByComparingTo("12.5");
        assertThat(scheme.indicator("R-STAFF").orElseThrow().sampled()).isTrue();
    }

    @Test
    void validationProblemsAreTheSameAsForJson() {
        SchemeDraft draft = SchemeYaml.read("""
                title: t
                indicators:
                  - {code: A, group: g, nameZh: 甲, nameEn: A, points: -1, scope: NOWHERE, sampled: false}
                """, MAPPER);

        assertThat(draft.problems("X")).extracting(FieldProblem::field)
                .containsExactly("indicators[0].points", "indicators[0].scope");
    }

    @Test
    void unreadableYamlIsABadRequest() {
        assertThatThrownBy(() -> SchemeYaml.read("title: [unclosed", MAPPER))
                .isInstanceOfSatisfying(ApiProblemException.InvalidRequest.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("body"));
        assertThatThrownBy(() -> SchemeYaml.read("- just\n- a list\n", MAPPER))
                .isInstanceOf(ApiProblemException.InvalidRequest.class);
        assertThatThrownBy(() -> SchemeYaml.read("title: a\ntitle: b\n", MAPPER))
                .isInstanceOf(ApiProblemException.InvalidRequest.class);
        assertThatThrownBy(() -> SchemeYaml.read("!!java.io.File [/etc]\n", MAPPER))
                .isInstanceOf(ApiProblemException.InvalidRequest.class);
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        assertThatThrownBy(() -> SchemeYaml.read("""
                title: t
                indicators:
                  - {code: A, points: lots}
                """, MAPPER))
                .isInstanceOfSatisfying(ApiProblemException.InvalidRequest.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("indicators[0].points"));
    }
}
