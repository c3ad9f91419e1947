package com.starcert.support.problem;

import java.util.List;

/**
 * Free text a person types — reasons, descriptions, justifications, evidence notes — is at most {@value #MAX}
 * characters, so no field of a request can carry a document. Beyond it the field is named in a 400 problem.
 */
public final class FreeText {

    public static final int MAX = 2_000;
    static final String REASON = "is too long: at most " + MAX + " characters";

    private FreeText() {
    }

    /** Adds the problem for {@code path} when {@code value} is too long; true when it fits (or is absent). */
    public static boolean fits(String path, String value, List<FieldProblem> problems) {
        if (value != null && value.length() > MAX) {
            problems.add(new FieldProblem(path, REASON + " (has " + value.length() + ")"));
            return false;
        }
        return true;
    }

    /** {@code value} when it fits, else a 400 problem naming {@code field}. */
    public static String require(String field, String value) {
        if (value != null && value.length() > MAX) {
            throw new ApiProblemException.InvalidRequest(field, REASON + " (has " + value.length() + ")");
        }
        return value;
    }
}
