package com.starcert.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import com.starcert.support.problem.ApiProblemException;

class PreconditionsTest {

    @Test
    void readsTheVersionFromStrongWeakOrBareETags() {
        assertThat(Preconditions.version("\"3\"")).isEqualTo(3L);
        assertThat(Preconditions.version("W/\"3\"")).isEqualTo(3L);
        assertThat(Preconditions.version(" 3 ")).isEqualTo(3L);
        assertThat(Preconditions.version(null)).isNull();
        assertThat(Preconditions.version("*")).isNull();
        assertThatThrownBy(() -> Preconditions.version("\"abc\"")).isInstanceOf(ApiProblemException.class);
    }

    @Test
    void aStaleVersionIsAPreconditionFailure() {
        Audit audit = AuditTest.planned(); // version null until saved
        Preconditions.check(audit, null);
        assertThatThrownBy(() -> Preconditions.check(audit, 1L)).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(412));
    }
}
