package com.starcert.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A store that does not answer is a 503 the client may retry, not an unexpected error. */
class ProblemHandlerTest {

    @Test
    void anUnreachableStoreIsAServiceUnavailableProblemWithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = new ProblemHandler().storeUnavailable(
                new DataAccessResourceFailureException("Exception opening socket",
                        new MongoSocketOpenException("Exception opening socket", new ServerAddress())));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getTitle()).isEqualTo("Store unavailable");
        assertThat(answer.getBody().getDetail()).contains("try again");
    }
}
