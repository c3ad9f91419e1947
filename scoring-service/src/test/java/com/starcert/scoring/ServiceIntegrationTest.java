package com.starcert.scoring;

import com.starcert.support.indexes.IndexCoverage;
import org.junit.jupiter.api.AfterAll;
import java.util.function.Supplier;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.starcert.infra.SharedTestInfrastructure;
import com.starcert.infra.TestIssuer;

/**
 * Base of the integration tests: the service against the real embedded broker and Mongo wire server, trusting the
 * test issuer's tokens. One base, so every test class shares one Spring context (and one consumer in the group)
 * instead of starting its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ServiceIntegrationTest {

    protected static final TestIssuer ISSUER = TestIssuer.shared();

    /** Every query these tests sent is served by a declared index (see {@link IndexCoverage}). */
    @AfterAll
    static void everyQueryUsesAnIndex() {
        IndexCoverage.assertEveryQueryUsesAnIndex(java.util.Map.of());
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        SharedTestInfrastructure.springProperties("starcert-scoring-test").forEach((k, v) -> r.add(k, () -> v));
        ISSUER.springProperties().forEach((k, v) -> r.add(k, () -> v));
        r.add("starcert.messaging.retry-interval", () -> "100ms");
    }

    /** Sends {@code Authorization: Bearer <token>}, the token signed when the request is made (tokens expire). */
    public static RequestPostProcessor bearer(Supplier<String> token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.get());
            return request;
        };
    }

    public static RequestPostProcessor asCbAdmin() {
        return bearer(ISSUER::cbAdmin);
    }

    public static RequestPostProcessor asAuditor() {
        return bearer(() -> ISSUER.auditor("auditor-1"));
    }

    public static RequestPostProcessor asEnterprise(String enterpriseId) {
        return bearer(() -> ISSUER.enterprise(enterpriseId));
    }
}
