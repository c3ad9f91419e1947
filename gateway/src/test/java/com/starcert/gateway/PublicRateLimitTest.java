package com.starcert.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

/**
 * The public rate limit with no trusted proxy (the default): the TCP peer is the client, and whatever
 * {@code X-Forwarded-For} it sends changes nothing — neither its bucket nor what the services are told.
 */
@TestPropertySource(properties = "starcert.gateway.trusted-proxies=")
class PublicRateLimitTest extends RateLimitSupport {

    @Test
    void aClientBeyondItsBurstIsRefusedWhileOtherAddressesAreServed() {
        exhaust(clientFrom("127.0.0.2"), forwardedFor("198.51.100.1"));
        // an untrusted peer's X-Forwarded-For is ignored: naming another client does not give a fresh bucket
        expectRefused(clientFrom("127.0.0.2"), forwardedFor("198.51.100.2"));
        expectRefused(clientFrom("127.0.0.2"), nothing());

        // another address is served
        clientFrom("127.0.0.3").get().uri("/api/public/certificates/C1").exchange().expectStatus().isOk();
        // the limit is for /api/public/** only
        clientFrom("127.0.0.2").get().uri("/api/certificates/C1")
                .header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.cbAdmin())).exchange().expectStatus().isOk();
    }

    @Test
    void servicesAreNotToldAForwardedForAnUntrustedClientMadeUp() {
        clientFrom("127.0.0.4").get().uri("/login").header("X-Forwarded-For", "198.51.100.9")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example").exchange()
                .expectStatus().isOk();
        Backend.Seen seen = identity.last("/login");
        assertThat(seen.header("X-Forwarded-For")).isEqualTo("127.0.0.4");
        assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(seen.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
    }
}
