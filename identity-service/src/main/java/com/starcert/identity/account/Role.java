package com.starcert.identity.account;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a person or API client may do in StarCert. Tokens carry the names as they are here (no {@code ROLE_}
 * prefix); inside this service they become {@code ROLE_<name>} authorities.
 */
public enum Role {
    /** The certification body's administrator: manages accounts, plans audits, decides. */
    CB_ADMIN,
    /** A certification body auditor recording findings. */
    AUDITOR,
    /** A certification body reviewer of audits and decisions. */
    REVIEWER,
    /** Platform operations (health details, metrics). */
    OPERATOR,
    /** An enterprise acting on its own data only; always bound to one enterprise id. */
    ENTERPRISE,
    /** A machine integration (e.g. a procurement portal checking certificates). */
    INTEGRATOR;

    /** Staff of the certification body or the platform: an ENTERPRISE principal may never also hold one. */
    private static final Set<Role> STAFF = EnumSet.of(CB_ADMIN, AUDITOR, REVIEWER, OPERATOR);

    public String authority() {
        return "ROLE_" + name();
    }

    /** Why this set of roles cannot be given to one principal, or null when it can. */
    public static String incompatibility(Collection<Role> roles) {
        if (roles.contains(ENTERPRISE) && roles.stream().anyMatch(STAFF::contains)) {
            return "ENTERPRISE cannot be combined with certification body or operator roles";
        }
        return null;
    }
}
