package com.starcert.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads roles and scopes from a validated access token the way every service does (service-support's
 * {@code Callers}): {@code roles} → {@code ROLE_…} for roles this suite knows, {@code scope}/{@code scp} →
 * {@code SCOPE_…}; an ENTERPRISE role without an {@code enterprise_id} claim grants nothing.
 */
public final class TokenClaims implements Converter<Jwt, Collection<GrantedAuthority>> {

    static final String ROLES = "roles";
    static final String ENTERPRISE_ID = "enterprise_id";

    public static Set<String> roles(Jwt jwt) {
        Set<String> roles = new LinkedHashSet<>(strings(jwt.getClaim(ROLES)));
        roles.retainAll(Roles.ALL);
        String enterpriseId = jwt.getClaimAsString(ENTERPRISE_ID);
        if (enterpriseId == null || enterpriseId.isBlank()) {
            roles.remove(Roles.ENTERPRISE);
        }
        return roles;
    }

    public static Set<String> scopes(Jwt jwt) {
        Set<String> scopes = new LinkedHashSet<>(strings(jwt.getClaim("scope")));
        scopes.addAll(strings(jwt.getClaim("scp")));
        return scopes;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles(jwt).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        scopes(jwt).forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        return authorities;
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(v -> v != null).map(Object::toString).toList();
        }
        if (claim instanceof String value && !value.isBlank()) {
            return List.of(value.trim().split("[\\s,]+"));
        }
        return List.of();
    }
}
