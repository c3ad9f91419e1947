package com.starcert.outlet.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FieldProblem;

/**
 * Collects every problem of a request so that one 400 answer lists them all, instead of stopping at the first.
 */
public final class Violations {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final List<FieldProblem> problems = new ArrayList<>();

    /** Required free text, trimmed with inner whitespace collapsed (so duplicates cannot hide behind spaces). */
    public String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        String normalised = WHITESPACE.matcher(value.strip()).replaceAll(" ");
        if (normalised.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return normalised;
    }

    /** Optional free text, normalised like {@link #text}; null when absent or blank. */
    public String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(field, value, maxLength);
    }

    /** A required value parsed by a domain rule; the rule's reason is reported against the field. */
    public <T> T value(String field, String raw, Function<String, T> parser) {
        if (raw == null || raw.isBlank()) {
            add(field, "is required");
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (InvalidValueException e) {
            add(field, e.getMessage());
            return null;
        }
    }

    public Integer number(String field, Integer value) {
        if (value == null) {
            add(field, "is required");
        }
        return value;
    }

    public <T> T required(String field, T value) {
        if (value == null) {
            add(field, "is required");
        }
        return value;
    }

    public void add(String field, String reason) {
        problems.add(new FieldProblem(field, reason));
    }

    /** Problems a nested rule reported with paths relative to {@code prefix}. */
    public void addAll(String prefix, List<FieldProblem> nested) {
        nested.forEach(p -> add(prefix + "." + p.field(), p.reason()));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    /** 400 listing every problem found, if any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ApiProblemException.InvalidRequest(problems());
        }
    }
}
