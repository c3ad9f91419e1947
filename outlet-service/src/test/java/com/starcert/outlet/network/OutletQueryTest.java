package com.starcert.outlet.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FieldProblem;

class OutletQueryTest {

    private static OutletQuery.Params params(String province, String city, String onSite, List<String> sort) {
        return new OutletQuery.Params(null, null, province, city, null, onSite, null, null, null, sort);
    }

    @Test
    void defaultsToTheFirstPageInRegistrationOrder() {
        OutletQuery q = OutletQuery.parse(params(null, null, null, null));
        assertThat(q.page()).isZero();
        assertThat(q.size()).isEqualTo(100);
        assertThat(q.sort()).isEqualTo(Sort.by("id"));
    }

    @Test
    void sortsByKnownKeysWithTheIdBreakingTies() {
        OutletQuery q = OutletQuery.parse(params(null, null, null, List.of("onSiteHours,desc", "name")));
        assertThat(q.sort()).containsExactly(Sort.Order.desc("commitments.onSiteHours"), Sort.Order.asc("name"),
                Sort.Order.asc("id"));
    }

    @Test
    void everyBadParameterIsNamed() {
        assertThatThrownBy(() -> OutletQuery.parse(new OutletQuery.Params("SHOP", "OPEN", "99", "41x1", "0",
                "abc", "-3", "-1", "0", List.of("colour,asc", "name,up"))))
                .isInstanceOfSatisfying(ApiProblemException.InvalidRequest.class, e ->
                        assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("kind", "status",
                                "province", "city", "responseWithinHours", "onSiteWithinHours",
                                "resolutionWithinHours", "page", "size", "sort", "sort"));
    }

    @Test
    void aCityMustLieInTheProvince() {
        assertThat(OutletQuery.parse(params("41", "4101", "4", null)).city()).isEqualTo("4101");
        assertThatThrownBy(() -> OutletQuery.parse(params("41", "4401", null, null)))
                .isInstanceOfSatisfying(ApiProblemException.InvalidRequest.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("city"));
    }

    @Test
    void aCommitmentFilterKeepsOutletsPromisingAtLeastThatMuch() {
        String criteria = OutletQuery.parse(params(null, "4101", "4", null)).criteria("e1").getCriteriaObject()
                .toJson();
        assertThat(criteria).contains("\"commitments.onSiteHours\": {\"$lte\": 4}")
                .contains("\"address.regionCode\": {\"$regularExpression\": {\"pattern\": \"^4101\"")
                .contains("\"staged\": {\"$ne\": true}");
    }
}
