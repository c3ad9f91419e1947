package com.starcert.support.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.starcert.infra.FreePorts;
import com.starcert.infra.TestIssuer;

/** When the token issuer's keys cannot be fetched, a token cannot be checked: 503 problem, not 500 or 401. */
@SpringBootTest(classes = ResourceServerTest.App.class, properties = {
        "spring.autoconfigure.exclude=org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
                + "com.starcert.support.messaging.MessagingAutoConfiguration,"
                + "com.starcert.support.health.HealthAutoConfiguration",
        "spring.mongodb.uri=mongodb://localhost:1/unused", "management.health.mongo.enabled=false",
        "management.health.mongodb.enabled=false"})
@AutoConfigureMockMvc
class UnreachableKeysTest {

    @DynamicPropertySource
    static void deadIssuer(DynamicPropertyRegistry r) {
        TestIssuer.shared().springProperties().forEach((k, v) -> r.add(k, () -> v));
        r.add("starcert.security.jwk-set-uri", () -> "http://localhost:" + FreePorts.next() + "/oauth2/jwks");
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aTokenThatCannotBeCheckedIs503Problem() throws Exception {
        mvc.perform(get("/api/things/1").header("Authorization", "Bearer " + TestIssuer.shared().cbAdmin()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503));
        // no token is still the caller's matter
        mvc.perform(get("/api/things/1")).andExpect(status().isUnauthorized());
    }
}
