package com.starcert.outlet.enterprise;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import com.starcert.support.problem.FieldProblem;

/**
 * 403: an enterprise editing its own record changed more than its contact details. The problem names every such
 * field in {@code errors}, so the client knows what to put back (service-support's {@code Forbidden} carries no
 * field list, hence this one).
 */
final class ContactDetailsOnly extends ErrorResponseException {

    static final String REASON = "may be changed by the certification body only";

    ContactDetailsOnly(List<FieldProblem> fields) {
        super(HttpStatus.FORBIDDEN, problem(fields), null);
    }

    private static ProblemDetail problem(List<FieldProblem> fields) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "an enterprise may change only its contact details (address, contact); "
                        + String.join(", ", fields.stream().map(FieldProblem::field).toList()) + " "
                        + REASON);
        body.setTitle("Forbidden");
        body.setProperty("errors", List.copyOf(fields));
        return body;
    }
}
