package com.starcert.gateway.security;

import java.util.Set;

/**
 * The roles a token's {@code roles} claim may carry (the same names as service-support's {@code Roles}, which the
 * gateway cannot depend on: that module is built for servlet services).
 */
final class Roles {

    static final String CB_ADMIN = "CB_ADMIN";
    static final String AUDITOR = "AUDITOR";
    static final String REVIEWER = "REVIEWER";
    /** Health details, metrics, the gateway's actuator; no business data. */
    static final String OPERATOR = "OPERATOR";
    /** Only with an {@code enterprise_id} claim naming the enterprise. */
    static final String ENTERPRISE = "ENTERPRISE";
    /** Machine clients: public endpoints with their scopes; no business data. */
    static final String INTEGRATOR = "INTEGRATOR";

    /** Roles that may reach the business APIs at all; each service then applies its own finer rules. */
    static final String[] BUSINESS = {CB_ADMIN, AUDITOR, REVIEWER, ENTERPRISE};

    static final Set<String> ALL = Set.of(CB_ADMIN, AUDITOR, REVIEWER, OPERATOR, ENTERPRISE, INTEGRATOR);

    private Roles() {
    }
}
