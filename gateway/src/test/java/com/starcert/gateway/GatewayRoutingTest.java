package com.starcert.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Routes against stand-in services (plain HTTP servers recording what reached them): each path goes to its
 * service, a correlation id is added, and a service that does not answer yields a 503 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    static final Backend outlet = new Backend("outlet");
    static final Backend audit = new Backend("audit");
    static final Backend scoring = new Backend("scoring");
    static final Backend certificate = new Backend("certificate");

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("starcert.gateway.outlet-uri", outlet::uri);
        registry.add("starcert.gateway.audit-uri", audit::uri);
        registry.add("starcert.gateway.scoring-uri", scoring::uri);
        // nothing listens here: the certificate service is "down"
        registry.add("starcert.gateway.certificate-uri", () -> "http://localhost:" + com.starcert.gateway.GatewayRoutingTest.closedPort());
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        List.of(outlet, audit, scoring, certificate).forEach(Backend::stop);
    }

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void eachPathReachesItsService() {
        client().post().uri("/api/enterprises").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("outlet");
        client().get().uri("/api/enterprises/e1/outlets").exchange().expectBody(String.class).isEqualTo("outlet");
        client().get().uri("/api/enterprises/e1/audit-scope").exchange().expectBody(String.class).isEqualTo("audit");
        client().put().uri("/api/audits/a1/findings").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectBody(String.class).isEqualTo("audit");
        client().get().uri("/api/enterprises/e1/programme").exchange().expectBody(String.class).isEqualTo("audit");
        client().get().uri("/api/scores/a1").exchange().expectBody(String.class).isEqualTo("scoring");
        client().get().uri("/api/schemes").exchange().expectBody(String.class).isEqualTo("scoring");
        client().get().uri("/api/schemes/GBT27922-2011/versions/1").exchange().expectBody(String.class)
                .isEqualTo("scoring");

        assertThat(audit.paths).contains("/api/enterprises/e1/audit-scope", "/api/audits/a1/findings");
        assertThat(outlet.paths).doesNotContain("/api/enterprises/e1/audit-scope");
    }

    @Test
    void addsACorrelationIdAndKeepsTheCallers() {
        client().get().uri("/api/scores/a2").header("X-Correlation-Id", "corr-42").exchange()
                .expectHeader().valueEquals("X-Correlation-Id", "corr-42");
        assertThat(scoring.correlationIds).contains("corr-42");

        client().get().uri("/api/scores/a3").exchange()
                .expectHeader().exists("X-Correlation-Id");
    }

    @Test
    void aServiceThatDoesNotAnswerIsA503Problem() {
        client().get().uri("/api/certificates/GBT27922-2026-000001").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("certificate"));
    }

    @Test
    void anUnknownApiPathIsA404Problem() {
        client().get().uri("/api/nothing-here/1").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    static int closedPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stand-in service answering every request with its own name. */
    static final class Backend {
        final HttpServer server;
        final List<String> paths = new CopyOnWriteArrayList<>();
        final List<String> correlationIds = new CopyOnWriteArrayList<>();

        Backend(String name) {
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", exchange -> {
                paths.add(exchange.getRequestURI().getPath());
                String corr = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
                if (corr != null) {
                    correlationIds.add(corr);
                }
                exchange.getRequestBody().readAllBytes();
                byte[] body = name.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String uri() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }
    }
}
