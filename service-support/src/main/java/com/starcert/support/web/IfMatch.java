package com.starcert.support.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FieldProblem;

/**
 * Optimistic concurrency over HTTP: reads carry {@code ETag: "<version>"}, writes must send it back in
 * {@code If-Match}. No header is a 428 (a blind overwrite is never allowed), a version that is no longer current a
 * 412. {@code *} is refused as well: it would match any version and so defeat the point of the header.
 * Weak tags ({@code W/"3"}) are accepted — the version is the same either way — and so is a list of tags.
 */
public record IfMatch(Set<Long> versions) {

    public static final String HEADER = "If-Match";
    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

    /** The ETag value of a version, quoted as HTTP wants it. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The versions named by the header; 428 without it, 400 when it is not a list of version tags. */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequired();
        }
        Set<Long> versions = new LinkedHashSet<>();
        for (String part : header.split(",", -1)) {
            Matcher m = TAG.matcher(part);
            if (!m.matches()) {
                throw new ApiProblemException.InvalidRequest(HEADER,
                        "must be the ETag of a version read before, e.g. \"3\" (got " + header.strip() + ")");
            }
            versions.add(Long.parseLong(m.group(1)));
        }
        return new IfMatch(Set.copyOf(versions));
    }

    /**
     * The policy for writes that merge or change state (findings, submit, return, status changes): the header is
     * checked when sent, and may be left out. Replacing updates ({@code PUT} of a whole resource) use
     * {@link #parse(String)}, which requires it.
     */
    public static java.util.Optional<IfMatch> ifSent(String header) {
        // "*" matches any current version (RFC 9110), so there is nothing to check
        return header == null || header.isBlank() || header.strip().equals("*") ? java.util.Optional.empty()
                : java.util.Optional.of(parse(header));
    }

    public boolean matches(long version) {
        return versions.contains(version);
    }

    /** 412 unless {@code current} is one of the versions the client read. */
    public void require(long current) {
        if (!matches(current)) {
            throw new PreconditionFailed(current);
        }
    }

    /** 428: the write carried no {@code If-Match}. */
    public static final class PreconditionRequired extends ErrorResponseException {
        public PreconditionRequired() {
            super(HttpStatus.PRECONDITION_REQUIRED, problem(HttpStatus.PRECONDITION_REQUIRED, "Precondition required",
                    "send If-Match with the ETag of the version you read (GET it first)",
                    "is required on every write"), null);
        }
    }

    /** 412: someone changed the resource after the client read it. */
    public static final class PreconditionFailed extends ErrorResponseException {
        public PreconditionFailed(long current) {
            super(HttpStatus.PRECONDITION_FAILED, problem(HttpStatus.PRECONDITION_FAILED, "Precondition failed",
                    "the resource was changed meanwhile (it is now at version " + current
                            + "); read it again and reapply your change",
                    "does not name the current version"), null);
            getHeaders().setETag(etag(current));
        }
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String reason) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setProperty("errors", List.of(new FieldProblem(HEADER, reason)));
        return body;
    }
}
