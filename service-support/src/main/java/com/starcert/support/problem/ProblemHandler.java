package com.starcert.support.problem;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/**
 * Every 4xx as RFC 9457 {@code application/problem+json} naming the field and the reason in {@code errors};
 * malformed JSON is a 400, never a 500. Anything unexpected is a plain 500 problem without internals.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblemException e) {
        return problem(e.status(), e.title(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", "a resource with the same unique key already exists",
                List.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "Conflict",
                "the resource was changed by someone else meanwhile; read it again and retry", List.of());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request has invalid fields", errors);
    }

    /**
     * A method-level rule ({@code @RolesAllowed}) refused the caller: 403 problem. Unauthenticated callers never get
     * here — the filter chain answers them 401 before any controller runs.
     */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(org.springframework.security.access.AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "your role does not allow this", List.of());
    }

    /**
     * The store unreachable or timing out: a 503 the client may try again after a moment (nothing was changed, or
     * the change is complete — every write is one document), not an unexpected error.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
        org.springframework.dao.TransientDataAccessResourceException.class,
        org.springframework.dao.QueryTimeoutException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(Exception e) {
        log.warn("the store did not answer: {}", e.getMessage());
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable",
                "the service could not reach its database; try again in a few seconds", List.of());
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(problem.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the request could not be completed; nothing was changed by it", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(f -> errors.add(new FieldProblem(f.getField(), f.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return cast(problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request has invalid fields", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return cast(problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request has invalid parameters", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
                String path = request instanceof org.springframework.web.context.request.ServletWebRequest servlet
                        ? servlet.getRequest().getRequestURI() : null;
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                        .body(RequestBodyLimit.problem(path, -1, tooLarge.limit));
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimit.BodyNotUtf8 notUtf8) {
                FieldProblem problem = new FieldProblem("$", notUtf8.getMessage().replace("the request body ", ""));
                return cast(problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                        "$: " + problem.reason(), List.of(problem)));
            }
        }
        FieldProblem problem = unreadable(ex);
        return cast(problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                problem.field() + ": " + problem.reason(), List.of(problem)));
    }

    /** {@code ?page=abc}: a 400 naming the parameter and what it must be, like every other bad parameter. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
                ? m.getName() : String.valueOf(ex.getPropertyName());
        Class<?> type = ex.getRequiredType();
        String expected = type == null ? "a valid value"
                : (type == int.class || type == Integer.class || type == long.class || type == Long.class)
                ? "a whole number within range" : type.isEnum() ? "one of " + java.util.Arrays.toString(
                        type.getEnumConstants()) : "a valid " + type.getSimpleName();
        String reason = "'" + abbreviate(String.valueOf(ex.getValue())) + "' is not " + expected;
        return cast(problem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + reason,
                List.of(new FieldProblem(field, reason))));
    }

    /** A required parameter left out: a 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String reason = "is required";
        return cast(problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getParameterName() + ": " + reason,
                List.of(new FieldProblem(ex.getParameterName(), reason))));
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        // the framework's own problems (405, 415, missing parameter…) keep its wording, with our content type
        HttpHeaders h = new HttpHeaders();
        h.addAll(headers);
        h.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, h, statusCode);
    }

    static FieldProblem unreadable(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof JacksonException jackson) {
            return JsonProblem.of(jackson);
        }
        return new FieldProblem("$", "the request body is missing or is not JSON");
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                 List<FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }
}
