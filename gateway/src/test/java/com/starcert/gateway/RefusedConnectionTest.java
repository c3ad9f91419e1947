package com.starcert.gateway;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.starcert.infra.TestIssuer;

/**
 * An instance stops while the health checks have not noticed (here they never run): a request whose connection is
 * refused goes to the other instance, whatever its method, so nobody sees an error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "starcert.gateway.instance-check-interval=1h")
class RefusedConnectionTest {

    static final TestIssuer ISSUER = TestIssuer.shared();
    static final Backend first = new Backend("certificate-a");
    static final Backend second = new Backend("certificate-b");

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
    void aRefusedConnectionGoesToTheOtherInstance() {
        String token = bearer(ISSUER.cbAdmin());
        client().get().uri("/api/certificates/warm").header("Authorization", token).exchange().expectStatus().isOk();
        second.stop();
        int before = first.paths().size();
        for (int i = 0; i < 4; i++) {
            client().get().uri("/api/certificates/n-" + i).header("Authorization", token).exchange()
                    .expectStatus().isOk();
            client().post().uri("/api/certificates/n-" + i + "/suspend").header("Authorization", token)
                    .header("Content-Type", "application/json").bodyValue("{\"reason\":\"holder asked " + i + "\"}")
                    .exchange().expectStatus().isOk();
        }
        assertThat(first.paths().size() - before).isEqualTo(8);
        // the body reached the instance that answered
        assertThat(first.last("/api/certificates/n-3/suspend").body()).isEqualTo("{\"reason\":\"holder asked 3\"}");
    }
}
