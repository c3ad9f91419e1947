package com.starcert.identity.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.starcert.support.problem.RequestBodyLimit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of the management API (the JSON controllers; the login page keeps HTML) as RFC 9457 {@code application/problem+json}, naming each bad field in
 * {@code errors}; malformed JSON is a 400 naming the JSON path, never a 500. (service-support has the same handler
 * but brings Kafka along, which this service does not use.)
 */
@RestControllerAdvice(annotations = RestController.class)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
        return problem(e.status(), e.title(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", "an account with the same id already exists", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the request could not be completed", List.of());
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
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            // a streamed body went past web-input's limit, or is not UTF-8
            if (t instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
                String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI()
                        : null;
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .<Object>body(RequestBodyLimit.problem(path, -1, tooLarge.limit()));
            }
            if (t instanceof RequestBodyLimit.BodyNotUtf8 notUtf8) {
                FieldProblem problem = new FieldProblem("$", notUtf8.getMessage().replace("the request body ", ""));
                return cast(problem(HttpStatus.BAD_REQUEST, "Malformed request body", "$: " + problem.reason(),
                        List.of(problem)));
            }
        }
        FieldProblem problem = ex.getCause() instanceof JacksonException jackson ? of(jackson)
                : new FieldProblem("$", "the request body is missing or is not JSON");
        return cast(problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                problem.field() + ": " + problem.reason(), List.of(problem)));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        // the framework's own problems (405, 415…) keep its wording, with the problem content type
        HttpHeaders h = new HttpHeaders();
        h.addAll(headers);
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, h, statusCode);
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                        List<FieldProblem> errors) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(status, title, detail, errors));
    }

    public static ProblemDetail body(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return body;
    }

    /** The JSON path of what Jackson could not read, and a reason a person can act on. */
    static FieldProblem of(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        String field = path.isEmpty() ? "$" : path.toString();
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return new FieldProblem(field, "'" + invalid.getValue() + "' is not one of "
                    + Arrays.toString(invalid.getTargetType().getEnumConstants()));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null && !field.equals("$")) {
            return new FieldProblem(field, "has the wrong type, expected " + mismatch.getTargetType().getSimpleName());
        }
        return new FieldProblem(field, "not valid JSON here: " + e.getOriginalMessage());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }
}
