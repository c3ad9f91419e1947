package com.starcert.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.SignedJWT;
import com.starcert.infra.TestIssuer;

/**
 * The resource-server set-up every service gets from service-support, on a small application: tokens are checked
 * for signature, issuer, audience and expiry; 401 and 403 are problems; health answers the status only.
 */
@SpringBootTest(classes = ResourceServerTest.App.class, properties = {
        "spring.autoconfigure.exclude=org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
                + "com.starcert.support.messaging.MessagingAutoConfiguration,"
                + "com.starcert.support.health.HealthAutoConfiguration",
        "spring.mongodb.uri=mongodb://localhost:1/unused", "management.health.mongo.enabled=false",
        "management.health.mongodb.enabled=false"})
@AutoConfigureMockMvc
class ResourceServerTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry r) {
        ISSUER.springProperties().forEach((k, v) -> r.add(k, () -> v));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.security.oauth2.jwt.JwtDecoder decoder;

    @Test
    void theServiceRemembersTokensItHasVerified() throws Exception {
        assertThat(decoder).isInstanceOf(VerifiedTokens.class);
        String token = ISSUER.token("u-8").roles("AUDITOR").sign();
        call(token).andExpect(status().isOk());
        // the second time is answered from memory and still is the same caller
        call(token).andExpect(status().isOk()).andExpect(jsonPath("$.subject").value("u-8"));
    }

    @Test
    void aValidTokenReachesTheEndpointAsItsCaller() throws Exception {
        call(ISSUER.token("u-7").name("王审核").roles("AUDITOR").sign())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("u-7"))
                .andExpect(jsonPath("$.name").value("王审核"))
                .andExpect(jsonPath("$.roles[0]").value("AUDITOR"));
    }

    @Test
    void noTokenIs401Problem() throws Exception {
        mvc.perform(get("/api/things/1"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void refusedTokensAre401() throws Exception {
        String valid = ISSUER.token("u-1").roles("CB_ADMIN").sign();
        String[] parts = valid.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String unsignedHeader = b64.encodeToString("{\"alg\":\"none\"}".getBytes());
        String algNone = unsignedHeader + "." + parts[1] + ".";

        SignedJWT hs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                ISSUER.token("u-1").roles("CB_ADMIN").claims());
        hs256.sign(new MACSigner(ISSUER.publicKey().toRSAPublicKey().getEncoded()));

        String changedRoles = parts[0] + "." + b64.encodeToString(new String(Base64.getUrlDecoder()
                .decode(parts[1])).replace("CB_ADMIN", "REVIEWER").getBytes()) + "." + parts[2];
        String enterpriseToken = ISSUER.enterprise("E1");
        String[] ep = enterpriseToken.split("\\.");
        String changedEnterprise = ep[0] + "." + b64.encodeToString(new String(Base64.getUrlDecoder()
                .decode(ep[1])).replace("\"E1\"", "\"E2\"").getBytes()) + "." + ep[2];

        List<String> refused = List.of(
                algNone,
                hs256.serialize(),
                ISSUER.token("u-1").roles("CB_ADMIN").expiresAt(Instant.now().minusSeconds(120)).sign(),
                ISSUER.token("u-1").roles("CB_ADMIN").issuer("https://elsewhere.example").sign(),
                ISSUER.token("u-1").roles("CB_ADMIN").audience("another-api").sign(),
                changedRoles,
                changedEnterprise,
                ISSUER.token("u-1").roles("CB_ADMIN").signedByAnotherKey().sign(),
                "not-a-jwt");
        for (String token : refused) {
            call(token).andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void aRoleTheEndpointDoesNotNameIs403Problem() throws Exception {
        mvc.perform(post("/api/things/1/approve").header("Authorization", "Bearer " + ISSUER.auditor("a-1")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(post("/api/things/1/approve").header("Authorization", "Bearer " + ISSUER.reviewer("r-1")))
                .andExpect(status().isOk());
    }

    @Test
    void publicEndpointsAreOpenButRefuseABadToken() throws Exception {
        mvc.perform(get("/api/public/things/1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("anonymous"));
        mvc.perform(get("/api/public/things/1").header("Authorization", "Bearer " + ISSUER.integrator()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.subject").value("integrator-1"));
        mvc.perform(get("/api/public/things/1").header("Authorization", "Bearer broken"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anEnterprisePrincipalSeesOnlyItsOwnEnterprise() throws Exception {
        mvc.perform(get("/api/enterprises/E1/thing").header("Authorization", "Bearer " + ISSUER.enterprise("E1")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/enterprises/E1/thing").header("Authorization", "Bearer " + ISSUER.enterprise("E2")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/enterprises/E1/thing").header("Authorization", "Bearer " + ISSUER.cbAdmin()))
                .andExpect(status().isOk());
        // an ENTERPRISE role without an enterprise_id claim grants nothing
        mvc.perform(get("/api/enterprises/E1/thing").header("Authorization", "Bearer "
                + ISSUER.token("x").roles("ENTERPRISE").sign())).andExpect(status().isForbidden());
    }

    @Test
    void healthIsTheStatusOnlyExceptForOperators() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().is(org.hamcrest.Matchers.oneOf(200, 503)))
                .andExpect(jsonPath("$.status").exists())
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").header("Authorization", "Bearer " + ISSUER.cbAdmin()))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").header("Authorization", "Bearer " + ISSUER.operator()))
                .andExpect(jsonPath("$.components").exists());
    }

    private ResultActions call(String token) throws Exception {
        return mvc.perform(get("/api/things/1").header("Authorization", "Bearer " + token));
    }

    @Configuration
    @EnableAutoConfiguration
    @Import(Things.class)
    static class App {
    }

    @RestController
    static class Things {
        @GetMapping("/api/things/{id}")
        @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER})
        Caller read(@PathVariable String id, Caller caller) {
            return caller;
        }

        @PostMapping("/api/things/{id}/approve")
        @RolesAllowed(Roles.REVIEWER)
        Caller approve(@PathVariable String id, Caller caller) {
            return caller;
        }

        @GetMapping("/api/enterprises/{enterpriseId}/thing")
        @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
        Caller enterpriseThing(@PathVariable String enterpriseId, Caller caller) {
            caller.requireSees(enterpriseId, "thing", enterpriseId);
            return caller;
        }

        @GetMapping("/api/public/things/{id}")
        @PermitAll
        Caller publicThing(@PathVariable String id, Caller caller) {
            return caller;
        }
    }
}
