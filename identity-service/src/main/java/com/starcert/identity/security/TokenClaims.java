package com.starcert.identity.security;

import org.springframework.security.core.Authentication;

import com.starcert.identity.account.Role;

/** The claims StarCert adds to access tokens, and reading roles back from an authenticated caller. */
public final class TokenClaims {

    public static final String NAME = "name";
    public static final String ROLES = "roles";
    public static final String ENTERPRISE_ID = "enterprise_id";
    public static final String SCOPE = "scope";

    private TokenClaims() {
    }

    public static boolean hasRole(Authentication caller, Role role) {
        return caller != null && caller.getAuthorities().stream()
                .anyMatch(a -> role.authority().equals(a.getAuthority()));
    }
}
