package com.starcert.support.problem;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problems answered by a servlet filter, before Spring MVC and its {@link ProblemHandler} run: the same RFC 9457
 * shape Spring MVC gives a {@code ProblemDetail} (extra properties such as {@code errors} at the top level).
 */
final class FilterProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FilterProblems() {
    }

    static Map<String, Object> body(HttpStatus status, String title, String detail, String instance,
                                    List<FieldProblem> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        problem.put("errors", errors);
        return problem;
    }

    static void write(HttpServletResponse response, Map<String, Object> body) throws IOException {
        response.setStatus((Integer) body.get("status"));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
