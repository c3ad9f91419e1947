package com.starcert.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;


/**
 * Optional HTTP optimistic concurrency: a client that sends {@code If-Match} with the version (ETag) it read gets
 * 412 when the audit changed meanwhile. Without the header the document's {@code @Version} still turns a lost
 * update into a 409.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static void check(Audit audit, Long expectedVersion) {
        if (expectedVersion != null && !expectedVersion.equals(audit.version())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                    "audit " + audit.id() + " is at version " + audit.version() + ", not " + expectedVersion
                            + "; read it again and retry");
            problem.setTitle("Precondition failed");
            throw new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, problem, null);
        }
    }

    /** The version in an {@code If-Match} header ({@code "3"}, {@code W/"3"} or {@code 3}); null when absent or "*". */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new com.starcert.support.problem.ApiProblemException.InvalidRequest("If-Match",
                    "expected the audit's ETag, e.g. \"3\"");
        }
    }

    public static String etag(Audit audit) {
        return "\"" + audit.version() + "\"";
    }
}
