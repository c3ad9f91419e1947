package com.starcert.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.starcert.infra.SilentServer;
import com.starcert.infra.TestIssuer;

/**
 * The issuer's key set accepts the connection and never answers: within {@code starcert.security.jwk-set-timeout}
 * the request is a 503 problem, not a request thread held for ever.
 */
@SpringBootTest(classes = ResourceServerTest.App.class, properties = {
        "spring.autoconfigure.exclude=org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
                + "com.starcert.support.messaging.MessagingAutoConfiguration,"
                + "com.starcert.support.health.HealthAutoConfiguration",
        "spring.mongodb.uri=mongodb://localhost:1/unused", "management.health.mongo.enabled=false",
        "management.health.mongodb.enabled=false", "starcert.security.jwk-set-timeout=1s"})
@AutoConfigureMockMvc
class SilentKeysTest {

    static final SilentServer keySet = new SilentServer();

    @DynamicPropertySource
    static void silentIssuer(DynamicPropertyRegistry r) {
        TestIssuer.shared().springProperties().forEach((k, v) -> r.add(k, () -> v));
        r.add("starcert.security.jwk-set-uri", () -> keySet.uri() + "/oauth2/jwks");
    }

    @AfterAll
    static void close() {
        keySet.close();
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aKeySetThatDoesNotAnswerIsAPromptServiceUnavailable() throws Exception {
        long started = System.nanoTime();
        mvc.perform(get("/api/things/1").header("Authorization", "Bearer " + TestIssuer.shared().cbAdmin()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.status").value(503));
        // without the bound the request would wait as long as the connection stays open
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms until the answer").isLessThan(10_000);
        assertThat(keySet.connections()).isPositive();
    }
}
