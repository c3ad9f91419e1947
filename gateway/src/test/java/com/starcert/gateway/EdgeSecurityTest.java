package com.starcert.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The edge rules: every token the gateway cannot trust is a 401 problem; each route answers each kind of caller
 * as its rule says (the matrix is built from the gateway's own route definitions, so a route added without an
 * expectation here fails); identity headers a client sends never reach a service; the token is relayed unchanged.
 */
class EdgeSecurityTest extends GatewayTestSupport {

    /** What a route does with each kind of caller. */
    enum Rule {
        /** open to everyone, anonymous included */
        OPEN,
        /** a token of a role with business data (CB staff, ENTERPRISE); OPERATOR and INTEGRATOR 403 */
        BUSINESS,
        /** like BUSINESS, then a 404 problem: no StarCert API there */
        UNKNOWN_API
    }

    /**
     * The expected rule of every route, by id. A new route needs a line here — and, if it is neither open
     * identity pages nor under /api, a rule in EdgeSecurityConfiguration, since everything else is refused.
     */
    static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("audit-scope", Rule.BUSINESS),
            Map.entry("enterprise-api-clients", Rule.BUSINESS),
            Map.entry("outlets", Rule.BUSINESS),
            Map.entry("audits", Rule.BUSINESS),
            Map.entry("scores", Rule.BUSINESS),
            Map.entry("certificates", Rule.BUSINESS),
            Map.entry("identity-admin", Rule.BUSINESS),
            Map.entry("public", Rule.OPEN),
            Map.entry("identity", Rule.OPEN),
            Map.entry("unknown-api", Rule.UNKNOWN_API));

    @Autowired
    GatewayProperties gateway;

    @Autowired
    org.springframework.security.oauth2.jwt.ReactiveJwtDecoder decoder;

    @Test
    void theGatewayRemembersTokensItHasVerified() {
        assertThat(decoder).isInstanceOf(com.starcert.gateway.security.VerifiedTokens.class);
    }

    final Map<String, String> callers = callers();

    static Map<String, String> callers() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("no token", null);
        callers.put("CB_ADMIN", ISSUER.cbAdmin());
        callers.put("AUDITOR", ISSUER.auditor("aud-1"));
        callers.put("REVIEWER", ISSUER.reviewer("rev-1"));
        callers.put("OPERATOR", ISSUER.operator());
        callers.put("ENTERPRISE", ISSUER.enterprise("E1"));
        callers.put("INTEGRATOR", ISSUER.integrator());
        return callers;
    }

    @Test
    void everyRouteAnswersEveryKindOfCallerAsItsRuleSays() {
        List<RouteDefinition> routes = gateway.getRoutes();
        assertThat(routes).isNotEmpty();
        List<String> mismatches = new ArrayList<>();
        for (RouteDefinition route : routes) {
            Rule rule = RULES.get(route.getId());
            if (rule == null) {
                fail("route '" + route.getId() + "' has no rule in EdgeSecurityTest.RULES: decide who may use it "
                        + "(and give it a rule in EdgeSecurityConfiguration unless it is under /api)");
            }
            for (String path : samplePaths(route)) {
                for (Map.Entry<String, String> caller : callers.entrySet()) {
                    int expected = expectedStatus(rule, caller.getKey());
                    var spec = client().get().uri(path);
                    if (caller.getValue() != null) {
                        spec.header(HttpHeaders.AUTHORIZATION, bearer(caller.getValue()));
                    }
                    EntityExchangeResult<String> result = spec.exchange().expectBody(String.class).returnResult();
                    int status = result.getStatus().value();
                    String where = route.getId() + " " + path + " as " + caller.getKey();
                    if (status != expected) {
                        mismatches.add(where + ": " + status + ", expected " + expected);
                    } else if (status == 200 && !backendOf(route).name.equals(result.getResponseBody())) {
                        mismatches.add(where + ": answered by " + result.getResponseBody() + ", expected "
                                + backendOf(route).name);
                    } else if (status == 401 || status == 403 || status == 404) {
                        assertThat(result.getResponseHeaders().getContentType())
                                .as(where).isNotNull()
                                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
                    }
                    if (status == 401) {
                        assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                                .as(where).startsWith("Bearer");
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void tokensTheGatewayCannotTrustAre401Problems() throws Exception {
        String valid = ISSUER.token("u-1").roles("CB_ADMIN").sign();
        String[] parts = valid.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String algNone = b64.encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + parts[1] + ".";

        SignedJWT hs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                ISSUER.token("u-1").roles("CB_ADMIN").claims());
        hs256.sign(new MACSigner(ISSUER.publicKey().toRSAPublicKey().getEncoded()));

        String reviewer = ISSUER.token("u-1").roles("REVIEWER").sign();
        String[] rp = reviewer.split("\\.");
        String rolesRaised = rp[0] + "." + b64.encodeToString(new String(Base64.getUrlDecoder().decode(rp[1]))
                .replace("REVIEWER", "CB_ADMIN").getBytes()) + "." + rp[2];
        String[] ep = ISSUER.enterprise("E1").split("\\.");
        String otherEnterprise = ep[0] + "." + b64.encodeToString(new String(Base64.getUrlDecoder().decode(ep[1]))
                .replace("\"E1\"", "\"E2\"").getBytes()) + "." + ep[2];

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("alg none", algNone);
        refused.put("HS256 keyed with the public key", hs256.serialize());
        refused.put("expired", ISSUER.token("u-1").roles("CB_ADMIN").expiresAt(Instant.now().minusSeconds(120)).sign());
        refused.put("wrong issuer", ISSUER.token("u-1").roles("CB_ADMIN").issuer("https://elsewhere.example").sign());
        refused.put("wrong audience", ISSUER.token("u-1").roles("CB_ADMIN").audience("another-api").sign());
        refused.put("roles changed", rolesRaised);
        refused.put("enterprise_id changed", otherEnterprise);
        refused.put("another key", ISSUER.token("u-1").roles("CB_ADMIN").signedByAnotherKey().sign());
        refused.put("garbage", "not-a-jwt");

        int before = audit.seen.size() + certificate.seen.size();
        for (Map.Entry<String, String> token : refused.entrySet()) {
            for (String path : List.of("/api/audits/a1", "/api/public/certificates/C1")) {
                client().get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(token.getValue())).exchange()
                        .expectStatus().value(status -> assertThat(status).as(token.getKey() + " on " + path)
                                .isEqualTo(401))
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                                v -> assertThat(v).startsWith("Bearer error=\"invalid_token\""))
                        .expectBody().jsonPath("$.status").isEqualTo(401)
                        .jsonPath("$.title").isEqualTo("Unauthorized");
            }
        }
        assertThat(audit.seen.size() + certificate.seen.size()).as("nothing refused reached a service")
                .isEqualTo(before);
    }

    @Test
    void anEnterpriseRoleWithoutItsEnterpriseGrantsNothing() {
        client().get().uri("/api/audits/a1")
                .header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.token("x").roles("ENTERPRISE").sign()))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        client().get().uri("/api/audits/a1")
                .header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.token("x").roles("SUPERUSER").sign()))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void healthIsTheStatusForEveryoneAndDetailsForOperators() {
        client().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        client().get().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.cbAdmin()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.components").doesNotExist();
        client().get().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.operator()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.components").exists();
        client().get().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, bearer("broken"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void otherActuatorEndpointsAreForOperatorsOnly() {
        client().get().uri("/actuator/info").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/actuator/info").header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.cbAdmin()))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/actuator/info").header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.operator()))
                .exchange().expectStatus().isOk();
    }

    @Test
    void pathsWithoutARuleAreRefused() {
        client().get().uri("/fallback/outlet").exchange().expectStatus().isUnauthorized();
        client().get().uri("/fallback/outlet").header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.cbAdmin()))
                .exchange().expectStatus().isForbidden();
        client().get().uri("/somewhere").header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.cbAdmin()))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void identityHeadersAreStrippedAndTheTokenIsRelayedUnchanged() {
        String token = ISSUER.auditor("aud-7");
        client().get().uri("/api/audits/a7").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .header("X-StarCert-User", "admin-1").header("X-StarCert-Roles", "CB_ADMIN")
                .header("X-StarCert-Enterprise", "E9").header("x-user", "admin-1")
                .header("X-Forwarded-User", "admin-1").header("X-Remote-User", "admin-1")
                .header("Remote-User", "admin-1").header("X-Auth-Request-User", "admin-1")
                .header("X-Correlation-Id", "kept-1")
                .exchange().expectStatus().isOk();
        Backend.Seen seen = audit.last("/api/audits/a7");
        assertThat(seen.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-StarCert-User")
                || h.toLowerCase().startsWith("x-starcert-") || h.equalsIgnoreCase("X-User")
                || h.equalsIgnoreCase("X-Forwarded-User") || h.equalsIgnoreCase("X-Remote-User")
                || h.equalsIgnoreCase("Remote-User") || h.equalsIgnoreCase("X-Auth-Request-User"));
        assertThat(seen.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
        assertThat(seen.header("X-Correlation-Id")).isEqualTo("kept-1");

        // on the open routes too
        client().get().uri("/api/public/certificates/C7").header("X-StarCert-User", "admin-1").exchange()
                .expectStatus().isOk();
        assertThat(certificate.last("/api/public/certificates/C7").header("X-StarCert-User")).isNull();
        client().get().uri("/login").header("X-StarCert-User", "admin-1").exchange().expectStatus().isOk();
        assertThat(identity.last("/login").header("X-StarCert-User")).isNull();
    }

    @Test
    void aValidTokenOnAPublicPathIsRelayedAndNoTokenIsAnonymous() {
        String token = ISSUER.integrator();
        client().get().uri("/api/public/certificates/C8").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isOk();
        assertThat(certificate.last("/api/public/certificates/C8").header(HttpHeaders.AUTHORIZATION))
                .isEqualTo("Bearer " + token);
        client().get().uri("/api/public/certificates/C9").exchange().expectStatus().isOk();
        assertThat(certificate.last("/api/public/certificates/C9").header(HttpHeaders.AUTHORIZATION)).isNull();
    }

    private static int expectedStatus(Rule rule, String caller) {
        return switch (rule) {
            case OPEN -> 200;
            case BUSINESS, UNKNOWN_API -> switch (caller) {
                case "no token" -> 401;
                case "OPERATOR", "INTEGRATOR" -> 403;
                default -> rule == Rule.BUSINESS ? 200 : 404;
            };
        };
    }

    /** One concrete path per Path pattern of the route ({@code *} → a segment, {@code **} → two). */
    private static List<String> samplePaths(RouteDefinition route) {
        List<String> paths = new ArrayList<>();
        for (PredicateDefinition predicate : route.getPredicates()) {
            if (!predicate.getName().equals("Path")) {
                fail("route '" + route.getId() + "' has a " + predicate.getName()
                        + " predicate; teach EdgeSecurityTest how to reach it");
            }
            for (String pattern : predicate.getArgs().values()) {
                for (String one : pattern.split(",")) {
                    paths.add(one.trim().replace("/**", "/x1/y1").replace("*", "e1"));
                }
            }
        }
        assertThat(paths).as("paths of route " + route.getId()).isNotEmpty();
        return paths;
    }

    private static Backend backendOf(RouteDefinition route) {
        // lb://audit-service is balanced over the addresses in starcert.gateway.audit-uri: the "audit" stand-in
        return BACKENDS.stream().filter(b -> "lb".equals(route.getUri().getScheme())
                        ? (b.name + "-service").equals(route.getUri().getHost())
                        : b.port() == route.getUri().getPort()).findFirst()
                .orElseThrow(() -> new AssertionError("route " + route.getId() + " goes to " + route.getUri()
                        + ", which is none of the stand-in services"));
    }
}
