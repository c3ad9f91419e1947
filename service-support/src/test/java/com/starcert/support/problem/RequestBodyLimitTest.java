package com.starcert.support.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import jakarta.annotation.security.PermitAll;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON bodies over the limit are a 413 problem, whether their length is announced or they are streamed; a path with
 * its own limit takes more; other bodies (uploads) are left to their own limits.
 */
@SpringBootTest(classes = RequestBodyLimitTest.App.class, properties = {
        "spring.autoconfigure.exclude=org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
                + "com.starcert.support.messaging.MessagingAutoConfiguration,"
                + "com.starcert.support.health.HealthAutoConfiguration",
        "spring.mongodb.uri=mongodb://localhost:1/unused", "management.health.mongo.enabled=false",
        "management.health.mongodb.enabled=false",
        "starcert.web.max-body-size=1KB",
        "starcert.web.max-body-size-by-path.[/api/public/bulk/**]=4KB"})
@AutoConfigureMockMvc
class RequestBodyLimitTest {

    @Autowired
    MockMvc mvc;

    static String body(int bytes) {
        return "{\"text\":\"" + "x".repeat(bytes - 11) + "\"}";
    }

    @Test
    void aBodyWithinTheLimitIsRead() throws Exception {
        mvc.perform(post("/api/public/echo").contentType(MediaType.APPLICATION_JSON).content(body(1000)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length").value(989));
    }

    @Test
    void anAnnouncedBodyOverTheLimitIsA413ProblemBeforeItIsRead() throws Exception {
        mvc.perform(post("/api/public/echo").contentType(MediaType.APPLICATION_JSON).content(body(2000)))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("$"))
                .andExpect(jsonPath("$.errors[0].reason").value("is 2000 bytes; at most 1024 bytes are accepted here"));
    }

    @Test
    void aStreamedBodyOverTheLimitIsA413ProblemToo() throws Exception {
        byte[] bytes = body(2000).getBytes();
        mvc.perform(post("/api/public/echo").contentType(MediaType.APPLICATION_JSON).with(request -> {
                    MockHttpServletRequest chunked = new MockHttpServletRequest(request.getServletContext(),
                            request.getMethod(), request.getRequestURI()) {
                        @Override
                        public long getContentLengthLong() {
                            return -1; // streamed: the length is not announced
                        }

                        @Override
                        public int getContentLength() {
                            return -1;
                        }
                    };
                    chunked.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    chunked.setContent(bytes);
                    return chunked;
                }))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.errors[0].field").value("$"))
                .andExpect(jsonPath("$.errors[0].reason").value("is too large; at most 1024 bytes are accepted here"));
    }

    @Test
    void aPathWithItsOwnLimitTakesMore() throws Exception {
        mvc.perform(post("/api/public/bulk/echo").contentType(MediaType.APPLICATION_JSON).content(body(3000)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/public/bulk/echo").contentType(MediaType.APPLICATION_JSON).content(body(5000)))
                .andExpect(status().isContentTooLarge());
    }

    @Test
    void otherBodiesKeepTheirOwnLimits() throws Exception {
        mvc.perform(post("/api/public/text").contentType(MediaType.TEXT_PLAIN).content("x".repeat(3000)))
                .andExpect(status().isOk());
    }

    @Configuration
    @EnableAutoConfiguration
    @Import(Echo.class)
    static class App {
    }

    @RestController
    static class Echo {
        @PostMapping("/api/public/echo")
        @PermitAll
        Map<String, Object> echo(@RequestBody Map<String, Object> body) {
            return Map.of("length", String.valueOf(body.get("text")).length());
        }

        @PostMapping("/api/public/bulk/echo")
        @PermitAll
        Map<String, Object> bulk(@RequestBody Map<String, Object> body) {
            return Map.of("length", String.valueOf(body.get("text")).length());
        }

        @PostMapping(value = "/api/public/text", consumes = MediaType.TEXT_PLAIN_VALUE)
        @PermitAll
        Map<String, Object> text(@RequestBody String body) {
            return Map.of("length", body.length());
        }
    }
}
