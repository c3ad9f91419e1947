package com.starcert.support.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal the client can act on, answered as RFC 9457 problem+json. The closed set of cases maps one-to-one
 * to the status codes the API promises.
 */
public sealed abstract class ApiProblemException extends RuntimeException {

    private final List<FieldProblem> errors;

    protected ApiProblemException(String detail, List<FieldProblem> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public abstract HttpStatus status();

    public abstract String title();

    public List<FieldProblem> errors() {
        return errors;
    }

    /** 400: the request itself is wrong. */
    public static final class InvalidRequest extends ApiProblemException {
        public InvalidRequest(List<FieldProblem> errors) {
            super(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                    : errors.size() + " fields are invalid", errors);
        }

        public InvalidRequest(String field, String reason) {
            this(List.of(new FieldProblem(field, reason)));
        }

        @Override
        public HttpStatus status() { return HttpStatus.BAD_REQUEST; }

        @Override
        public String title() { return "Invalid request"; }
    }

    /** 404: no such resource. */
    public static final class NotFound extends ApiProblemException {
        public NotFound(String what, String id) {
            super("no " + what + " with id '" + id + "'", List.of());
        }

        @Override
        public HttpStatus status() { return HttpStatus.NOT_FOUND; }

        @Override
        public String title() { return "Not found"; }
    }

    /** 403: the caller may see the resource but not do this to it. */
    public static final class Forbidden extends ApiProblemException {
        public Forbidden(String detail) {
            super(detail, List.of());
        }

        @Override
        public HttpStatus status() { return HttpStatus.FORBIDDEN; }

        @Override
        public String title() { return "Forbidden"; }
    }

    /** 409: the resource's current state does not allow it (duplicate, already submitted…). */
    public static final class Conflict extends ApiProblemException {
        public Conflict(String detail, List<FieldProblem> errors) {
            super(detail, errors);
        }

        public Conflict(String detail) {
            this(detail, List.of());
        }

        @Override
        public HttpStatus status() { return HttpStatus.CONFLICT; }

        @Override
        public String title() { return "Conflict"; }
    }

    /** 422: well-formed, but the domain cannot accept it yet (e.g. findings missing at submission). */
    public static final class Unprocessable extends ApiProblemException {
        public Unprocessable(String detail, List<FieldProblem> errors) {
            super(detail, errors);
        }

        @Override
        public HttpStatus status() { return HttpStatus.UNPROCESSABLE_CONTENT; }

        @Override
        public String title() { return "Unprocessable request"; }
    }
}
