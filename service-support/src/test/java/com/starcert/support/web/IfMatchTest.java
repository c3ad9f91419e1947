package com.starcert.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.starcert.support.problem.ApiProblemException;

class IfMatchTest {

    @Test
    void theETagIsTheQuotedVersion() {
        assertThat(IfMatch.etag(7)).isEqualTo("\"7\"");
        assertThat(IfMatch.parse(IfMatch.etag(7)).matches(7)).isTrue();
    }

    @Test
    void weakTagsAndListsAreAccepted() {
        assertThat(IfMatch.parse("W/\"3\"").matches(3)).isTrue();
        IfMatch list = IfMatch.parse("\"2\", W/\"4\" ,\"5\"");
        assertThat(list.versions()).containsExactlyInAnyOrder(2L, 4L, 5L);
        assertThat(list.matches(3)).isFalse();
    }

    @Test
    void noHeaderIsA428() {
        assertThatThrownBy(() -> IfMatch.parse(null)).isInstanceOfSatisfying(IfMatch.PreconditionRequired.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
        assertThatThrownBy(() -> IfMatch.parse("  ")).isInstanceOf(IfMatch.PreconditionRequired.class);
    }

    @Test
    void aWildcardOrSomethingElseIsA400() {
        for (String bad : new String[] {"*", "3", "\"abc\"", "\"3", "\"1\",", "\"99999999999999999999\""}) {
            assertThatThrownBy(() -> IfMatch.parse(bad)).as(bad)
                    .isInstanceOf(ApiProblemException.InvalidRequest.class);
        }
    }

    @Test
    void aStaleVersionIsA412CarryingTheCurrentETag() {
        assertThatThrownBy(() -> IfMatch.parse("\"2\"").require(3))
                .isInstanceOfSatisfying(IfMatch.PreconditionFailed.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
                    assertThat(e.getHeaders().getETag()).isEqualTo("\"3\"");
                });
        IfMatch.parse("\"3\"").require(3);
    }
}
