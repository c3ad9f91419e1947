package com.starcert.certificate;


import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.starcert.infra.SharedTestInfrastructure;

/**
 * One application context for every integration test class (one set of Kafka listeners in the consumer group),
 * against a real in-process KRaft broker and a Mongo wire server, with a {@link MovableClock}. The scheduled sweep
 * is pushed out of the way; tests call {@code CertificateLifecycle.sweep()} themselves.
 */
@SpringBootTest(properties = "starcert.certificate.lifecycle.sweep-interval=24h")
@AutoConfigureMockMvc
@Import(IntegrationTest.Clocks.class)
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        SharedTestInfrastructure.springProperties("starcert-certificate-test").forEach((k, v) -> r.add(k, () -> v));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }
}
