package com.starcert.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.starcert.infra.SilentServer;
import com.starcert.infra.TestIssuer;

/**
 * identity-service's key set accepts the connection and never answers: a request with a token is a prompt 503
 * problem (within {@code starcert.security.jwk-set-timeout}), not a request held open until the client gives up,
 * and nothing reaches a service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "starcert.security.jwk-set-timeout=1s")
class SilentKeySetTest {

    static final TestIssuer ISSUER = TestIssuer.shared();
    static final Backend certificate = new Backend("certificate-silent-keys");
    static final SilentServer keySet = new SilentServer();

    @DynamicPropertySource
    static void silentKeySet(DynamicPropertyRegistry registry) {
        registry.add("starcert.gateway.certificate-uri", certificate::uri);
        ISSUER.springProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("starcert.security.jwk-set-uri", () -> keySet.uri() + "/oauth2/jwks");
    }

    @AfterAll
    static void close() {
        keySet.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aKeySetThatDoesNotAnswerIsAPromptServiceUnavailable() {
        int before = certificate.paths().size();
        long started = System.nanoTime();
        GatewayTestSupport.client(port).get().uri("/api/certificates/C1")
                .header(HttpHeaders.AUTHORIZATION, GatewayTestSupport.bearer(ISSUER.cbAdmin())).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.status").isEqualTo(503);
        // the client waits up to 20 s: an answer well before it is the key-set timeout, not the client's
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms until the answer").isLessThan(10_000);
        assertThat(keySet.connections()).as("the gateway did ask the key set").isPositive();
        // a request without a token to an open path does not need the keys
        GatewayTestSupport.client(port).get().uri("/api/public/certificates/C1").exchange().expectStatus().isOk();
        assertThat(certificate.paths().size() - before).as("only the open request reached the service").isEqualTo(1);
    }
}
