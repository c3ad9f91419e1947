package com.starcert.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;

/**
 * Public GET answers are kept at the gateway for a short while (the service is asked once), carry their
 * {@code ETag}, and a conditional GET is a bodiless 304 — also when the answer comes from the gateway's cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "starcert.gateway.public-rate-limit.burst=1000")
class PublicAnswerCacheTest extends GatewayTestSupport {

    @Test
    void aPublicAnswerIsServedFromTheGatewayForAShortWhile() {
        String path = "/api/public/certificates/cacheable-" + System.nanoTime();
        String etag = client().get().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("certificate")
                .returnResult().getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();

        client().get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Cache-Control", ".*max-age=(10|[0-9])\\b.*")
                .expectBody(String.class).isEqualTo("certificate");

        assertThat(certificate.paths().stream().filter(path::equals)).hasSize(1);
    }

    @Test
    void aConditionalGetForAnUnchangedAnswerIs304WithoutABody() {
        String path = "/api/public/certificates/cacheable-" + System.nanoTime();
        String etag = client().get().uri(path).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();

        // answered from the gateway's cache
        client().get().uri(path).header("If-None-Match", etag).exchange()
                .expectStatus().isEqualTo(HttpStatus.NOT_MODIFIED)
                .expectHeader().valueEquals("ETag", etag)
                .expectBody().isEmpty();
        client().get().uri(path).header("If-None-Match", "W/" + etag + ", \"other\"").exchange()
                .expectStatus().isEqualTo(HttpStatus.NOT_MODIFIED);
        // another tag: the whole answer
        client().get().uri(path).header("If-None-Match", "\"something-else\"").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("certificate");
        // answered by the service (first time for this path): the same rule
        String fresh = "/api/public/certificates/cacheable-fresh-" + System.nanoTime();
        client().get().uri(fresh).header("If-None-Match", "\"certificate-" + fresh.hashCode() + "\"").exchange()
                .expectStatus().isEqualTo(HttpStatus.NOT_MODIFIED)
                .expectBody().isEmpty();
    }

    @Test
    void answersOfOtherRoutesAreNotKept() {
        String path = "/api/certificates/cacheable-" + System.nanoTime();
        for (int i = 0; i < 2; i++) {
            client().get().uri(path).header("Authorization", bearer(ISSUER.cbAdmin())).exchange()
                    .expectStatus().isOk();
        }
        assertThat(certificate.paths().stream().filter(path::equals)).hasSize(2);
    }
}
