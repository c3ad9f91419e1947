package com.starcert.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * A small public rate limit (bursts of 5, then one request every 100 s), so that a test runs out of tokens in a few
 * requests and no token comes back while it runs.
 */
@TestPropertySource(properties = {
        "starcert.gateway.public-rate-limit.requests-per-second=0.01",
        "starcert.gateway.public-rate-limit.burst=5"})
abstract class RateLimitSupport extends GatewayTestSupport {

    static final int BURST = 5;

    /** A client whose connections come from {@code localAddress} (any 127.x.y.z is loopback on Linux). */
    WebTestClient clientFrom(String localAddress) {
        HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(localAddress, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http)).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    /**
     * Calls {@code /api/public/…} until refused: the whole burst is served, then the next call is refused.
     */
    static void exhaust(WebTestClient client, Consumer<WebTestClient.RequestHeadersSpec<?>> headers) {
        for (int i = 0; i < BURST; i++) {
            WebTestClient.RequestHeadersSpec<?> spec = client.get().uri("/api/public/certificates/C" + i);
            headers.accept(spec);
            spec.exchange().expectStatus().isOk();
        }
        expectRefused(client, headers);
    }

    static int status(WebTestClient client, Consumer<WebTestClient.RequestHeadersSpec<?>> headers) {
        WebTestClient.RequestHeadersSpec<?> spec = client.get().uri("/api/public/certificates/C1");
        headers.accept(spec);
        return spec.exchange().expectBody().returnResult().getStatus().value();
    }

    /** The refusal itself: a 429 problem with Retry-After in whole seconds. */
    static void expectRefused(WebTestClient client, Consumer<WebTestClient.RequestHeadersSpec<?>> headers) {
        WebTestClient.RequestHeadersSpec<?> spec = client.get().uri("/api/public/certificates/C1");
        headers.accept(spec);
        EntityExchangeResult<byte[]> result = spec.exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Integer.parseInt(v)).isBetween(1, 100))
                .expectBody().jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Too many requests")
                .returnResult();
        assertThat(result.getResponseBody()).isNotNull();
    }

    static Consumer<WebTestClient.RequestHeadersSpec<?>> forwardedFor(String hops) {
        return spec -> spec.header("X-Forwarded-For", hops);
    }

    static Consumer<WebTestClient.RequestHeadersSpec<?>> nothing() {
        return spec -> { };
    }
}
