package com.starcert.support.security;

import java.util.Set;

import com.starcert.support.problem.ApiProblemException;

/**
 * Who is calling, as the access token says: {@code sub}, {@code name}, {@code roles}, {@code scope} and, for an
 * enterprise principal only, {@code enterprise_id}. The actor recorded in timelines, decisions and answers is
 * {@link #subject()} with {@link #name()} for display; no request header can change it.
 *
 * <p>Object-level rules every service applies the same way: CB staff read every enterprise's data; an ENTERPRISE
 * principal only its own, and another enterprise's object answers 404 so that its existence is not revealed.
 */
public record Caller(String subject, String name, Set<String> roles, Set<String> scopes, String enterpriseId) {

    /** The caller of a public endpoint without a token. */
    public static final Caller ANONYMOUS = new Caller("anonymous", "anonymous", Set.of(), Set.of(), null);

    public Caller {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
        name = name == null || name.isBlank() ? subject : name;
    }

    public boolean anonymous() {
        return this == ANONYMOUS;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(String... candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** CB_ADMIN, AUDITOR or REVIEWER: reads every enterprise's data. */
    public boolean cbStaff() {
        return roles.stream().anyMatch(Roles.CB_STAFF::contains);
    }

    /** An ENTERPRISE principal (its token names its enterprise). */
    public boolean enterprise() {
        return has(Roles.ENTERPRISE) && enterpriseId != null;
    }

    /** Whether this caller may see data of {@code ownerEnterpriseId}. */
    public boolean sees(String ownerEnterpriseId) {
        return cbStaff() || (enterprise() && enterpriseId.equals(ownerEnterpriseId));
    }

    /**
     * The object-level read check: an object of an enterprise the caller may not see is "not found" (404), so its
     * existence is not revealed.
     *
     * @param what what the object is, for the problem's detail ("audit", "certificate")
     * @param id   the id the caller asked for
     */
    public void requireSees(String ownerEnterpriseId, String what, String id) {
        if (!sees(ownerEnterpriseId)) {
            throw new ApiProblemException.NotFound(what, id);
        }
    }

    /** A 403 problem: the caller may see the object but not do this to it. */
    public static ApiProblemException.Forbidden forbidden(String detail) {
        return new ApiProblemException.Forbidden(detail);
    }
}
