package com.starcert.certificate;

import com.starcert.support.indexes.IndexCoverage;
import org.junit.jupiter.api.AfterAll;
import java.util.function.Supplier;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.starcert.infra.SharedTestInfrastructure;
import com.starcert.infra.TestIssuer;

/**
 * One application context for every integration test class (one set of Kafka listeners in the consumer group),
 * against a real in-process KRaft broker and a Mongo wire server, with a {@link MovableClock}, trusting the test
 * issuer's tokens. The scheduled sweep is pushed out of the way; tests call {@code CertificateLifecycle.sweep()}
 * themselves.
 */
@SpringBootTest(properties = "starcert.certificate.lifecycle.sweep-interval=24h")
@AutoConfigureMockMvc
@Import(IntegrationTest.Clocks.class)
public abstract class IntegrationTest {

    protected static final TestIssuer ISSUER = TestIssuer.shared();

    /** Every query these tests sent is served by a declared index (see {@link IndexCoverage}). */
    @AfterAll
    static void everyQueryUsesAnIndex() {
        IndexCoverage.assertEveryQueryUsesAnIndex(java.util.Map.of(
                "starcert-certificate-test.public_keys find {}",
                "the signing keys: a handful of documents, all of them read to publish the JWK set",
                "starcert-certificate-test.certificates find {holderNameKeys: {$exists: ?}}",
                "once per start: certificates stored before the name search keys get them (HolderNameKeysWriter)"));
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        SharedTestInfrastructure.springProperties("starcert-certificate-test").forEach((k, v) -> r.add(k, () -> v));
        ISSUER.springProperties().forEach((k, v) -> r.add(k, () -> v));
    }

    /** Sends {@code Authorization: Bearer <token>}, the token signed when the request is made (tokens expire). */
    public static RequestPostProcessor bearer(Supplier<String> token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.get());
            return request;
        };
    }

    public static RequestPostProcessor asAuditor() {
        return bearer(() -> ISSUER.auditor("auditor-1"));
    }

    public static RequestPostProcessor asReviewer() {
        return bearer(() -> ISSUER.reviewer("reviewer-1"));
    }

    public static RequestPostProcessor asEnterprise(String enterpriseId) {
        return bearer(() -> ISSUER.enterprise(enterpriseId));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }
}
