package com.starcert.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.starcert.infra.TestIssuer;

/** Several instances of a service: the gateway balances over them and leaves out one that stopped. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "starcert.gateway.instance-check-interval=200ms")
class ScaledServicesTest {

    static final TestIssuer ISSUER = TestIssuer.shared();
    static final Backend first = new Backend("certificate-1");
    static final Backend second = new Backend("certificate-2");

    @DynamicPropertySource
    static void twoInstances(DynamicPropertyRegistry registry) {
        registry.add("starcert.gateway.certificate-uri", () -> first.uri() + ", " + second.uri());
        ISSUER.springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort
    int port;

    WebTestClient client() {
        return GatewayTestSupport.client(port);
    }

    static String bearer(String token) {
        return GatewayTestSupport.bearer(token);
    }

    @Test
    void requestsAreSpreadOverTheInstancesAndAStoppedOneIsLeftOut() {
        String token = bearer(ISSUER.cbAdmin());
        for (int i = 0; i < 10; i++) {
            client().get().uri("/api/certificates/n-" + i).header("Authorization", token).exchange()
                    .expectStatus().isOk();
        }
        assertThat(first.paths()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(second.paths()).hasSizeGreaterThanOrEqualTo(4);

        second.stop();
        // within a few check intervals the stopped instance gets no more requests: every call succeeds
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (int i = 0; i < 4; i++) {
                client().get().uri("/api/certificates/settling-" + i).header("Authorization", token).exchange()
                        .expectStatus().isOk();
            }
        });
        int before = first.paths().size();
        for (int i = 0; i < 6; i++) {
            client().get().uri("/api/certificates/after-" + i).header("Authorization", token).exchange()
                    .expectStatus().isOk();
        }
        assertThat(first.paths().size() - before).isEqualTo(6);
    }
}
