package com.starcert.support.security;

import java.util.Set;

/**
 * The roles a token's {@code roles} claim may carry. Constants rather than an enum so that they can be named in
 * {@code @RolesAllowed}. The CB side follows ISO/IEC 17021-1: whoever audits does not decide.
 */
public final class Roles {

    /** Certification body administrator: enterprises, outlets, planning, teams, schemes, people and clients. */
    public static final String CB_ADMIN = "CB_ADMIN";
    /** Captures findings, attachments and submits — only on audits whose team names them. */
    public static final String AUDITOR = "AUDITOR";
    /** Returns audits, verifies corrective actions, acts on certificates — never on an audit whose team names them. */
    public static final String REVIEWER = "REVIEWER";
    /** Health details, metrics, operational endpoints; no business data. */
    public static final String OPERATOR = "OPERATOR";
    /** An enterprise's own people and clients: only that enterprise's data (the token's {@code enterprise_id}). */
    public static final String ENTERPRISE = "ENTERPRISE";
    /** Machine clients of procurement platforms and other integrators: public endpoints with their scopes. */
    public static final String INTEGRATOR = "INTEGRATOR";

    /** Roles that read all of the certification body's data. */
    public static final Set<String> CB_STAFF = Set.of(CB_ADMIN, AUDITOR, REVIEWER);

    public static final Set<String> ALL = Set.of(CB_ADMIN, AUDITOR, REVIEWER, OPERATOR, ENTERPRISE, INTEGRATOR);

    private Roles() {
    }
}
