package com.starcert.support.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the {@link Caller} from a validated access token. */
public final class Callers {

    public static final String ROLES_CLAIM = "roles";
    public static final String NAME_CLAIM = "name";
    public static final String ENTERPRISE_CLAIM = "enterprise_id";

    private Callers() {
    }

    /** The caller of the current request; {@link Caller#ANONYMOUS} without a token. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return of(token.getToken());
        }
        return Caller.ANONYMOUS;
    }

    public static Caller of(Jwt jwt) {
        Set<String> roles = new LinkedHashSet<>(strings(jwt.getClaim(ROLES_CLAIM)));
        roles.retainAll(Roles.ALL); // a role this suite does not know grants nothing
        Set<String> scopes = new LinkedHashSet<>(strings(jwt.getClaim("scope")));
        scopes.addAll(strings(jwt.getClaim("scp")));
        String enterpriseId = jwt.getClaimAsString(ENTERPRISE_CLAIM);
        if (!roles.contains(Roles.ENTERPRISE)) {
            enterpriseId = null;
        } else if (enterpriseId == null || enterpriseId.isBlank()) {
            // an enterprise principal that names no enterprise may see nothing
            roles.remove(Roles.ENTERPRISE);
            enterpriseId = null;
        }
        return new Caller(jwt.getSubject(), jwt.getClaimAsString(NAME_CLAIM), roles, scopes, enterpriseId);
    }

    static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(v -> v != null).map(Object::toString).toList();
        }
        if (claim instanceof String value && !value.isBlank()) {
            return List.of(value.trim().split("[\\s,]+"));
        }
        return List.of();
    }
}
