package com.starcert.identity.problem;

/** One thing wrong with a request: the field (JSON path, e.g. {@code roles[1]}) and why. */
public record FieldProblem(String field, String reason) {
}
