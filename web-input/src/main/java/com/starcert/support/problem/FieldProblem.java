package com.starcert.support.problem;

/** One thing wrong with a request: the field (JSON path, e.g. {@code findings[2].samplesChecked}) and why. */
public record FieldProblem(String field, String reason) {
}
