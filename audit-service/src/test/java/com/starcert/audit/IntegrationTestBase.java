package com.starcert.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.starcert.audit.network.NetworkStore;
import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.EnterpriseChanged;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.IntegrationEvent;
import com.starcert.contracts.OutletChanged;
import com.starcert.contracts.OutletChanged.OutletKind;
import com.starcert.contracts.OutletChanged.OutletStatus;
import com.starcert.contracts.Scheme;
import com.starcert.contracts.Topics;
import com.starcert.infra.EventTraffic;
import com.starcert.infra.SharedTestInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared set-up of the integration tests: one Spring context (same configuration, so the context cache shares it)
 * against a real KRaft broker and a Mongo wire server, fed with real CloudEvents.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class IntegrationTestBase {

    static final EventCodec CODEC = new EventCodec();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Scheme SCHEME = Scheme.defaultScheme();
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        SharedTestInfrastructure.springProperties("starcert-audit-test").forEach((k, v) -> r.add(k, () -> v));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    NetworkStore networkStore;

    // ---------------------------------------------------------------- helpers

    void registerNetwork(String enterpriseId) {
        send(enterprise(enterpriseId, 1));
        send(outlet(enterpriseId, "hq-" + enterpriseId, 1, OutletKind.HEADQUARTERS, OutletStatus.ACTIVE, "350100"));
        send(outlet(enterpriseId, "o1-" + enterpriseId, 1, OutletKind.BRANCH, OutletStatus.ACTIVE, "350200"));
        send(outlet(enterpriseId, "o2-" + enterpriseId, 1, OutletKind.BRANCH, OutletStatus.ACTIVE, "440100"));
        send(outlet(enterpriseId, "o3-" + enterpriseId, 1, OutletKind.PARTNER, OutletStatus.ACTIVE, "330100"));
    }

    static EnterpriseChanged enterprise(String enterpriseId, long version) {
        return new EnterpriseChanged(enterpriseId, EnterpriseChanged.Change.REGISTERED, version, "ACME 售后服务",
                "91350100M000100Y43", "350100", "Registered road 8");
    }

    static OutletChanged outlet(String enterpriseId, String outletId, long version, OutletKind kind,
                                OutletStatus status, String region) {
        return new OutletChanged(enterpriseId, outletId, OutletChanged.Change.REGISTERED, version,
                kind == OutletKind.HEADQUARTERS ? "ACME HQ" : "Outlet " + outletId, kind, status, region,
                kind == OutletKind.HEADQUARTERS ? "HQ street 1" : "street of " + outletId,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(Math.abs(outletId.hashCode() % 10_000)));
    }

    static void send(IntegrationEvent event) {
        send(event, "outlet-service");
    }

    static void send(IntegrationEvent event, String service) {
        EventTraffic.send(event, "/starcert/" + service, UUID.randomUUID().toString());
    }

    static Map<String, Object> finding(String siteId, String indicator, String result, Integer checked,
                                       Integer nonconforming) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("siteId", siteId);
        f.put("indicator", indicator);
        f.put("result", result);
        f.put("samplesChecked", checked);
        f.put("samplesNonconforming", nonconforming);
        return f;
    }

    /** A conforming finding for every indicator assessed at the site. */
    static List<Map<String, Object>> findingsFor(JsonNode audit, String siteId) {
        boolean centralOnly = audit.get("sites").size() == 1;
        boolean central = siteId.equals("CENTRAL");
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Scheme.Indicator i : SCHEME.indicators()) {
            if (Scheme.assessedAt(i, central, centralOnly)) {
                findings.add(finding(siteId, i.code(), "CONFORMING", i.sampled() ? 5 : null, i.sampled() ? 0 : null));
            }
        }
        return findings;
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
    }

    static JsonNode body(MockHttpServletResponse response, int expectedStatus) throws Exception {
        String content = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(content).isEqualTo(expectedStatus);
        return content.isEmpty() ? JSON.nullNode() : JSON.readTree(content);
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    JsonNode getAudit(String auditId) throws Exception {
        return body(mvc.perform(get("/api/audits/{id}", auditId)).andReturn().getResponse(), 200);
    }

    JsonNode awaitAudit(String auditId, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> getAudit(auditId), condition);
    }

    JsonNode awaitScope(String enterpriseId, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            MockHttpServletResponse r = mvc.perform(get("/api/enterprises/{id}/audit-scope", enterpriseId))
                    .andReturn().getResponse();
            return r.getStatus() == 200 ? JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8)) : null;
        }, scope -> scope != null && condition.test(scope));
    }

    static ConsumerRecord<String, String> awaitSubmitted(String auditId) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> EventTraffic.readAll(Topics.AUDIT_SUBMITTED).stream()
                        .filter(r -> auditId.equals(CODEC.read(r.value()).subject())).findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }
}
