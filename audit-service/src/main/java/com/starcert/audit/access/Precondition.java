package com.starcert.audit.access;

import java.util.Optional;

import com.starcert.support.web.IfMatch;

/**
 * The {@code If-Match} a command on an audit came with, and the policy for it (one for all services:
 * {@link IfMatch}). Kept unparsed until {@link AuditAccess} has checked the caller, so that a request for an audit
 * the caller may not see answers 404, not 428.
 */
public record Precondition(String header, boolean required) {

    /** A replacing update (the team): 428 without the header, 412 when stale. */
    public static Precondition required(String ifMatch) {
        return new Precondition(ifMatch, true);
    }

    /** A merge or a state change (findings, files, submit, return, corrective actions): checked when sent. */
    public static Precondition ifSent(String ifMatch) {
        return new Precondition(ifMatch, false);
    }

    void check(long version) {
        Optional<IfMatch> ifMatch = required ? Optional.of(IfMatch.parse(header)) : IfMatch.ifSent(header);
        ifMatch.ifPresent(m -> m.require(version));
    }
}
