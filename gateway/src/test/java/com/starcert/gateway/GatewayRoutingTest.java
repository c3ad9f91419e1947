package com.starcert.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

/**
 * Routes against stand-in services (plain HTTP servers recording what reached them): each path goes to its
 * service, the sign-in pages reach identity-service with the gateway's public URL in {@code X-Forwarded-*}, a
 * correlation id is added, and a service that does not answer yields a 503 problem that says what is known.
 */
class GatewayRoutingTest extends GatewayTestSupport {

    final String admin = bearer(ISSUER.cbAdmin());

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void eachPathReachesItsService() {
        client().post().uri("/api/enterprises").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("outlet");
        expectBackend("/api/enterprises/e1/outlets", "outlet");
        expectBackend("/api/enterprises/e1/audit-scope", "audit");
        expectBackend("/api/enterprises/e1/programme", "audit");
        expectBackend("/api/enterprises/e1/api-clients", "identity");
        expectBackend("/api/audits/a1", "audit");
        expectBackend("/api/scores/a1", "scoring");
        expectBackend("/api/schemes/GBT27922-2011/versions/1", "scoring");
        expectBackend("/api/certificates/GBT27922-2026-000001", "certificate");
        expectBackend("/api/decisions/a1", "certificate");
        expectBackend("/api/public/certificates/GBT27922-2026-000001", "certificate");
        expectBackend("/api/users", "identity");
        expectBackend("/api/users/u1", "identity");
        expectBackend("/api/api-clients", "identity");
        expectBackend("/api/api-clients/c1/secret", "identity");
        client().put().uri("/api/audits/a1/findings").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"findings\":[]}")
                .exchange().expectBody(String.class).isEqualTo("audit");

        assertThat(audit.last("/api/audits/a1/findings").body()).isEqualTo("{\"findings\":[]}");
        assertThat(outlet.paths()).doesNotContain("/api/enterprises/e1/audit-scope", "/api/enterprises/e1/api-clients");
    }

    @Test
    void signInPagesReachIdentityServiceWithThePublicUrl() {
        client().get().uri("/oauth2/authorize?response_type=code&client_id=starcert-console")
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Prefix", "/evil")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.SET_COOKIE, "identity-session=s1; Path=/; HttpOnly")
                .expectBody(String.class).isEqualTo("identity");
        Backend.Seen seen = identity.last("/oauth2/authorize");
        assertThat(seen.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(seen.header("X-Forwarded-Port")).isEqualTo(String.valueOf(port));
        assertThat(seen.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(seen.header("X-Forwarded-Prefix")).isNull();

        client().get().uri("/.well-known/openid-configuration").exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("identity");
        client().get().uri("/login?lang=en").exchange().expectStatus().isOk();
    }

    @Test
    void loginAndLogoutFormsAndCookiesPassThroughWithoutCsrfInterference() {
        client().post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(HttpHeaders.COOKIE, "JSESSIONID=abc123")
                .bodyValue("username=admin&password=secret&_csrf=identity-service-token")
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("identity");
        Backend.Seen login = identity.last("/login");
        assertThat(login.method()).isEqualTo("POST");
        assertThat(login.header(HttpHeaders.COOKIE)).isEqualTo("JSESSIONID=abc123");
        assertThat(login.body()).isEqualTo("username=admin&password=secret&_csrf=identity-service-token");

        // Spring Security's reactive default would answer POST /logout itself with a redirect
        client().post().uri("/logout").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(HttpHeaders.COOKIE, "JSESSIONID=abc123").bodyValue("_csrf=t")
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("identity");
        assertThat(identity.last("/logout").method()).isEqualTo("POST");

        client().post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(HttpHeaders.AUTHORIZATION, "Basic Y2xpZW50OnNlY3JldA==")
                .bodyValue("grant_type=client_credentials")
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("identity");
        assertThat(identity.last("/oauth2/token").header(HttpHeaders.AUTHORIZATION))
                .isEqualTo("Basic Y2xpZW50OnNlY3JldA==");
    }

    @Test
    void addsACorrelationIdAndKeepsTheCallers() {
        client().get().uri("/api/scores/a2").header(HttpHeaders.AUTHORIZATION, admin)
                .header("X-Correlation-Id", "corr-42").exchange()
                .expectHeader().valueEquals("X-Correlation-Id", "corr-42");
        assertThat(scoring.last("/api/scores/a2").header("X-Correlation-Id")).isEqualTo("corr-42");

        client().get().uri("/api/scores/a3").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectHeader().exists("X-Correlation-Id");
    }

    @Test
    void anUnknownApiPathIsA404Problem() {
        client().get().uri("/api/nothing-here/1").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void aTimedOutChangeIsA503ProblemThatDoesNotClaimNothingChanged() {
        client().post().uri("/api/audits/a1/slow/submit").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").value(d -> assertThat((String) d)
                        .contains("audit", "outcome is unknown", "read the resource")
                        .doesNotContain("nothing was changed"));

        client().get().uri("/api/audits/slow").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                        .contains("did not answer in time").doesNotContain("nothing was changed"));
    }

    @Test
    void aRequestThatNeverReachedTheServiceSaysNothingWasChanged() {
        CircuitBreaker breaker = breakers.circuitBreaker("scoring");
        breaker.transitionToForcedOpenState();
        try {
            client().post().uri("/api/schemes/s1/versions").header(HttpHeaders.AUTHORIZATION, admin)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                            .contains("scoring", "nothing was changed"));
        } finally {
            breaker.transitionToClosedState();
        }
    }

    @Test
    void theBreakerOpensWhenAServiceFailsNotWhenAFewCallsOfABusyMomentDo() {
        CircuitBreaker breaker = breakers.circuitBreaker("breaker-rules", "default");
        try {
            // the settings of application.yml, not the library's defaults
            assertThat(breaker.getCircuitBreakerConfig().getSlidingWindowType())
                    .isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType.TIME_BASED);
            assertThat(breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls()).isEqualTo(20);
            // a busy moment in which one instance died with 16 calls in flight
            for (int i = 0; i < 200; i++) {
                breaker.onSuccess(5, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            for (int i = 0; i < 16; i++) {
                breaker.onError(5, java.util.concurrent.TimeUnit.MILLISECONDS, new java.io.IOException("reset"));
            }
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            // the service fails every call
            for (int i = 0; i < 400; i++) {
                breaker.onError(5, java.util.concurrent.TimeUnit.MILLISECONDS, new java.io.IOException("refused"));
            }
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        } finally {
            breakers.remove("breaker-rules");
        }
    }

    @Test
    void manyConcurrentCallsAreNotTakenForFailures() {
        // the circuit breaker's default Resilience4j bulkhead would refuse calls beyond 25 at a time
        WebClient concurrent = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection()))
                .baseUrl("http://127.0.0.1:" + port).build();
        List<Integer> statuses = Flux.range(0, 40)
                .flatMap(i -> concurrent.get().uri("/api/scores/pause-" + i).header(HttpHeaders.AUTHORIZATION, admin)
                        .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), 40)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(statuses).hasSize(40).containsOnly(200);
    }

    @Test
    void aBodyLargerThanItsPathAcceptsIsRefusedAtTheEdgeWithoutReachingTheService() {
        int before = audit.seen.size();
        byte[] nineMegabytes = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(nineMegabytes, (byte) ' ');
        client().put().uri("/api/audits/a1/findings").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(nineMegabytes).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.errors[0].field").isEqualTo("$")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("9437184 bytes", "8388608"));
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        client().post().uri("/api/enterprises").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(twoMegabytes).exchange()
                .expectStatus().isEqualTo(413);
        assertThat(audit.seen).hasSize(before);

        // within the path's own limit (findings take 8 MB) the body is forwarded whole
        byte[] threeMegabytes = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(threeMegabytes, (byte) 'x');
        client().put().uri("/api/audits/a1/findings").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(threeMegabytes).exchange()
                .expectStatus().isOk();
        assertThat(audit.seen.get(audit.seen.size() - 1).body()).hasSize(threeMegabytes.length);
    }

    private void expectBackend(String path, String backend) {
        client().get().uri(path).header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo(backend);
    }
}
