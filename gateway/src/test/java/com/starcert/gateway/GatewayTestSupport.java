package com.starcert.gateway;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.starcert.infra.TestIssuer;

/**
 * The gateway on a random port in front of stand-in services, trusting {@link TestIssuer}'s keys. Test classes that
 * add no configuration of their own share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayTestSupport {

    static final TestIssuer ISSUER = TestIssuer.shared();

    static final Backend outlet = new Backend("outlet");
    static final Backend audit = new Backend("audit");
    static final Backend scoring = new Backend("scoring");
    static final Backend certificate = new Backend("certificate");
    static final Backend identity = new Backend("identity");
    static final List<Backend> BACKENDS = List.of(outlet, audit, scoring, certificate, identity);

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("starcert.gateway.outlet-uri", outlet::uri);
        registry.add("starcert.gateway.audit-uri", audit::uri);
        registry.add("starcert.gateway.scoring-uri", scoring::uri);
        registry.add("starcert.gateway.certificate-uri", certificate::uri);
        registry.add("starcert.gateway.identity-uri", identity::uri);
        // short, so the timeout tests are quick; the stand-ins answer in milliseconds otherwise
        registry.add("starcert.gateway.timeout", () -> "2s");
        ISSUER.springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort
    int port;

    /** A client connecting from 127.0.0.1 (the TCP peer the gateway sees). */
    WebTestClient client() {
        return client(port);
    }

    static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
