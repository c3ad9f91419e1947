package com.starcert.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * An OAuth2 issuer for tests: an RSA key whose public half is served as a JWK set over HTTP on a free port, and
 * access tokens shaped as identity-service issues them ({@code sub}, {@code name}, {@code roles},
 * {@code scope}, {@code enterprise_id}, audience {@code starcert}). Services under test validate these tokens
 * through their real resource-server configuration, fetching the keys over HTTP, as in production.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "starcert";

    private static TestIssuer shared;

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            // no idle keep-alive connections: the JDK server closes them on its own timer, which can race a
            // client reusing one many seconds later
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
        issuer = "http://localhost:" + server.getAddress().getPort() + "/issuer";
    }

    /** One issuer per test JVM, so every Spring test context of a module trusts the same keys. */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
            TestIssuer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "starcert-test-issuer-stop"));
        }
        return shared;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/jwks";
    }

    /** The three settings a service (or the gateway) needs to trust this issuer, for {@code @DynamicPropertySource}. */
    public Map<String, String> springProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("starcert.security.issuer", issuer);
        props.put("starcert.security.jwk-set-uri", jwkSetUri());
        props.put("starcert.security.audience", AUDIENCE);
        return props;
    }

    /** A token for {@code subject} to finish with roles, enterprise, scopes… and {@link Token#sign()}. */
    public Token token(String subject) {
        return new Token(this, subject);
    }

    public String cbAdmin() {
        return token("admin-1").name("CB Admin").roles("CB_ADMIN").sign();
    }

    public String auditor(String subject) {
        return token(subject).name("Auditor " + subject).roles("AUDITOR").sign();
    }

    public String reviewer(String subject) {
        return token(subject).name("Reviewer " + subject).roles("REVIEWER").sign();
    }

    public String operator() {
        return token("operator-1").name("Operator").roles("OPERATOR").sign();
    }

    public String enterprise(String enterpriseId) {
        return token("ent-user-" + enterpriseId).name("Enterprise " + enterpriseId).roles("ENTERPRISE")
                .enterpriseId(enterpriseId).sign();
    }

    public String integrator() {
        return token("integrator-1").name("Integrator").roles("INTEGRATOR").sign();
    }

    /** A signed JWT being assembled; every field can be bent for tests of refusals. */
    public static final class Token {
        private final TestIssuer issuer;
        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        private RSAKey signingKey;

        private Token(TestIssuer issuer, String subject) {
            this.issuer = issuer;
            this.signingKey = issuer.key;
            Instant now = Instant.now();
            claims.subject(subject).issuer(issuer.issuer).audience(AUDIENCE)
                    .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                    .jwtID(UUID.randomUUID().toString()).claim("scope", List.of());
        }

        public Token name(String name) {
            claims.claim("name", name);
            return this;
        }

        public Token roles(String... roles) {
            claims.claim("roles", List.of(roles));
            return this;
        }

        public Token enterpriseId(String enterpriseId) {
            claims.claim("enterprise_id", enterpriseId);
            return this;
        }

        public Token scopes(String... scopes) {
            claims.claim("scope", new ArrayList<>(List.of(scopes)));
            return this;
        }

        public Token issuer(String iss) {
            claims.issuer(iss);
            return this;
        }

        public Token audience(String... audience) {
            claims.audience(List.of(audience));
            return this;
        }

        public Token expiresAt(Instant at) {
            claims.expirationTime(Date.from(at));
            claims.issueTime(Date.from(at.minus(Duration.ofMinutes(15))));
            claims.notBeforeTime(Date.from(at.minus(Duration.ofMinutes(15))));
            return this;
        }

        public Token claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        /** Signs with another, untrusted key (same kid, so only the signature can tell). */
        public Token signedByAnotherKey() {
            try {
                signingKey = new RSAKeyGenerator(2048).keyID(issuer.key.getKeyID()).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        public JWTClaimsSet claims() {
            return claims.build();
        }

        public String sign() {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                        .build(), claims.build());
                jwt.sign(new RSASSASigner(signingKey));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The public key as a JWK (for tests that forge an HS256 token keyed with it). */
    public RSAKey publicKey() {
        return key.toPublicJWK();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
