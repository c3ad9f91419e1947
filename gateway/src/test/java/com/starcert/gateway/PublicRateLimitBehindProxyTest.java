package com.starcert.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

/**
 * The public rate limit behind a trusted proxy (loopback plays the proxy): the right-most
 * {@code X-Forwarded-For} hop that is not a trusted proxy is the client, so clients behind the proxy get buckets
 * of their own; a scope in {@code public-rate-limit.scopes} lifts the limit for tokens carrying it.
 */
@TestPropertySource(properties = {
        "starcert.gateway.trusted-proxies=127.0.0.1, ::1, 10.0.0.0/8",
        "starcert.gateway.public-rate-limit.scopes[verify\\:bulk].requests-per-second=1",
        "starcert.gateway.public-rate-limit.scopes[verify\\:bulk].burst=50"})
class PublicRateLimitBehindProxyTest extends RateLimitSupport {

    @Test
    void clientsBehindTheProxyHaveBucketsOfTheirOwn() {
        exhaust(client(), forwardedFor("198.51.100.7"));
        // another client behind the same proxy
        assertThat(status(client(), forwardedFor("198.51.100.8"))).isEqualTo(200);
        // a client cannot escape by writing its own hop in front: the proxy appends the real one on the right
        expectRefused(client(), forwardedFor("198.51.100.8, 198.51.100.7"));
        // hops that are trusted proxies themselves are skipped
        expectRefused(client(), forwardedFor("198.51.100.7, 10.1.2.3"));
    }

    @Test
    void aTokenWithALiftingScopeHasItsOwnHigherLimit() {
        exhaust(client(), forwardedFor("198.51.100.20"));
        String bulk = ISSUER.token("integrator-9").roles("INTEGRATOR").scopes("verify:bulk").sign();
        for (int i = 0; i < 20; i++) {
            client().get().uri("/api/public/certificates/B" + i).header("X-Forwarded-For", "198.51.100.20")
                    .header(HttpHeaders.AUTHORIZATION, bearer(bulk)).exchange().expectStatus().isOk();
        }
        // a token without that scope still counts against its address
        expectRefused(client(), spec -> spec.header("X-Forwarded-For", "198.51.100.20")
                .header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.integrator())));
    }

    @Test
    void theProxysPublicUrlIsPassedOnToTheServices() {
        client().get().uri("/oauth2/authorize").header("X-Forwarded-For", "203.0.113.5")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "certs.example.org").exchange()
                .expectStatus().isOk();
        Backend.Seen seen = identity.last("/oauth2/authorize");
        assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(seen.header("X-Forwarded-Host")).isEqualTo("certs.example.org");
        assertThat(seen.header("X-Forwarded-Port")).isNull();
        assertThat(seen.header("X-Forwarded-For")).isEqualTo("203.0.113.5, 127.0.0.1");
    }
}
