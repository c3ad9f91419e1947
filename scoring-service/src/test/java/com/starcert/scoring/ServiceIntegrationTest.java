package com.starcert.scoring;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.starcert.infra.SharedTestInfrastructure;

/**
 * Base of the integration tests: the service against the real embedded broker and Mongo wire server. One base, so
 * every test class shares one Spring context (and one consumer in the group) instead of starting its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ServiceIntegrationTest {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        SharedTestInfrastructure.springProperties("starcert-scoring-test").forEach((k, v) -> r.add(k, () -> v));
        r.add("starcert.messaging.retry-interval", () -> "100ms");
    }
}
