package com.starcert.outlet.api;

import com.starcert.support.indexes.IndexCoverage;
import org.junit.jupiter.api.AfterAll;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
import com.starcert.infra.EventTraffic;
import com.starcert.infra.SharedTestInfrastructure;
import com.starcert.infra.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service against the real embedded Kafka broker and Mongo wire server; events are read back with a plain
 * Kafka consumer, as any consumer outside StarCert would. Requests carry access tokens signed by the test issuer,
 * which the service validates through its real resource-server set-up (keys fetched over HTTP): {@link #admin}
 * calls as the CB administrator, {@link #client(String)} as anyone else, {@link #mvc} without a token.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class ApiIntegrationTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** Every query these tests sent is served by a declared index (see {@link IndexCoverage}). */
    @AfterAll
    static void everyQueryUsesAnIndex() {
        IndexCoverage.assertEveryQueryUsesAnIndex(java.util.Map.of());
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        SharedTestInfrastructure.springProperties("starcert-outlet-test").forEach((k, v) -> r.add(k, () -> v));
        ISSUER.springProperties().forEach((k, v) -> r.add(k, () -> v));
    }

    static final TestIssuer ISSUER = TestIssuer.shared();

    /** No token: only for what an anonymous caller gets. */
    @Autowired
    MockMvc mvc;

    /** The CB administrator, who may do everything outlet-service offers. */
    Client admin;

    @BeforeEach
    void signIn() {
        admin = client(ISSUER.cbAdmin());
    }

    /** Calls as the holder of {@code token} (e.g. {@code ISSUER.enterprise(id)}). */
    Client client(String token) {
        return new Client(mvc, token);
    }

    /** Sends every request with one caller's access token. */
    record Client(MockMvc mvc, String token) {
        ResultActions perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
            return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        }
    }

    final EventCodec codec = new EventCodec();

    JsonNode json(String body) {
        return codec.mapper().readTree(body);
    }

    /**
     * A valid USCC no other test uses: 16 fresh characters, the organisation code's check character, and the code's
     * check character.
     */
    static String freshUscc() {
        String first16 = String.format("91350100MA%06d", SEQUENCE.incrementAndGet());
        String first17 = first16 + com.starcert.outlet.registry.Uscc.organisationCheckCharacter(first16.substring(8));
        return first17 + com.starcert.outlet.registry.Uscc.checkCharacter(first17);
    }

    static String enterpriseBody(String name, String uscc) {
        return """
                {"name": "%s", "uscc": "%s",
                 "address": {"regionCode": "350102", "line": "福州市鼓楼区五四路 1 号"},
                 "contact": {"name": "林工", "phone": "0591-87654321"}}""".formatted(name, uscc);
    }

    static String outletBody(String name, String kind, String regionCode) {
        return """
                {"name": "%s", "kind": "%s",
                 "address": {"regionCode": "%s", "line": "服务路 8 号"},
                 "contact": {"name": "王工", "phone": "13912345678"},
                 "serviceHours": {"daysPerWeek": 7, "hoursPerDay": 12},
                 "commitments": {"responseHours": 2, "onSiteHours": 4, "resolutionHours": 24}}"""
                .formatted(name, kind, regionCode);
    }

    String registerEnterprise(String name) throws Exception {
        String body = admin.perform(post("/api/enterprises").contentType(MediaType.APPLICATION_JSON)
                        .content(enterpriseBody(name, freshUscc())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json(body).get("id").asString();
    }

    /** The editable fields of an enterprise as read, to send back (changed or not) in a PUT. */
    ObjectNode editable(JsonNode enterprise) {
        ObjectNode body = codec.mapper().createObjectNode();
        body.put("name", enterprise.get("name").asString());
        body.put("uscc", enterprise.get("uscc").asString());
        body.putObject("address").put("regionCode", enterprise.at("/address/regionCode").asString())
                .put("line", enterprise.at("/address/line").asString());
        body.putObject("contact").put("name", enterprise.at("/contact/name").asString())
                .put("phone", enterprise.at("/contact/phone").asString());
        body.set("productCategories", enterprise.get("productCategories"));
        body.put("status", enterprise.get("status").asString());
        return body;
    }

    String registerOutlet(String enterpriseId, String name, String kind, String regionCode) throws Exception {
        String body = admin.perform(post("/api/enterprises/{id}/outlets", enterpriseId)
                        .contentType(MediaType.APPLICATION_JSON).content(outletBody(name, kind, regionCode)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json(body).get("id").asString();
    }

    /** Reads {@code topic} from the beginning until {@code done} holds for what was read (or 30 s pass). */
    static List<ConsumerRecord<String, String>> readUntil(String topic,
            Predicate<List<ConsumerRecord<String, String>>> done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        List<ConsumerRecord<String, String>> seen = EventTraffic.readAll(topic);
        while (!done.test(seen) && System.currentTimeMillis() < deadline) {
            Thread.sleep(300);
            seen = EventTraffic.readAll(topic);
        }
        return seen;
    }

    /** The CloudEvents keyed by {@code enterpriseId}, in topic order, once at least {@code count} arrived. */
    List<CloudEvent> eventsOf(String topic, String enterpriseId, int count) throws InterruptedException {
        return readUntil(topic, seen -> seen.stream().filter(r -> enterpriseId.equals(r.key())).count() >= count)
                .stream().filter(r -> enterpriseId.equals(r.key())).map(r -> codec.read(r.value())).toList();
    }
}
