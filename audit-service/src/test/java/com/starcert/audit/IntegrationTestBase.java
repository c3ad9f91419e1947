package com.starcert.audit;

import com.starcert.support.indexes.IndexCoverage;
import org.junit.jupiter.api.AfterAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

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
import com.starcert.infra.TestIssuer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared set-up of the integration tests: one Spring context (same configuration, so the context cache shares it)
 * against a real KRaft broker and a Mongo wire server, fed with real CloudEvents, trusting the test issuer's
 * tokens. Each request carries the token of the principal the rules expect for it: a CB administrator plans and
 * sets teams, the team's auditors ({@link #LEAD}, {@link #MEMBER}) capture and submit, a reviewer outside the team
 * ({@link #REVIEWER}) returns and verifies, the enterprise answers its corrective actions.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class IntegrationTestBase {

    static final EventCodec CODEC = new EventCodec();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Scheme SCHEME = Scheme.defaultScheme();
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final TestIssuer ISSUER = TestIssuer.shared();

    /** The team every flow test plans with (subs of AUDITOR accounts), and a reviewer who is not on it. */
    static final String LEAD = "aud-lead";
    static final String MEMBER = "aud-member";
    static final String REVIEWER = "rev-outside";

    /** Every query these tests sent is served by a declared index (see {@link IndexCoverage}). */
    @AfterAll
    static void everyQueryUsesAnIndex() {
        IndexCoverage.assertEveryQueryUsesAnIndex(java.util.Map.of());
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        SharedTestInfrastructure.springProperties("starcert-audit-test").forEach((k, v) -> r.add(k, () -> v));
        ISSUER.springProperties().forEach((k, v) -> r.add(k, () -> v));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    NetworkStore networkStore;

    // ---------------------------------------------------------------- callers

    /** {@code Authorization: Bearer <token>}. */
    static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    /** The CB administrator: sub {@code admin-1}, name "CB Admin". */
    static RequestPostProcessor asAdmin() {
        return bearer(ISSUER.cbAdmin());
    }

    /** An AUDITOR by sub, named "Auditor &lt;sub&gt;". */
    static RequestPostProcessor asAuditor(String sub) {
        return bearer(ISSUER.auditor(sub));
    }

    /** The lead auditor of the team the flow tests plan with. */
    static RequestPostProcessor asLead() {
        return asAuditor(LEAD);
    }

    /** A REVIEWER who is not on the team: sub {@link #REVIEWER}, named "Reviewer rev-outside". */
    static RequestPostProcessor asReviewer() {
        return bearer(ISSUER.reviewer(REVIEWER));
    }

    /** A user of the enterprise: sub {@code ent-user-<id>}, named "Enterprise &lt;id&gt;". */
    static RequestPostProcessor asEnterprise(String enterpriseId) {
        return bearer(ISSUER.enterprise(enterpriseId));
    }

    /**
     * {@code POST /api/audits} as the CB administrator; the flow tests' team ({@link #LEAD} leading,
     * {@link #MEMBER}) unless the body names one.
     */
    static MockHttpServletRequestBuilder plan(Map<String, ?> body) {
        Map<String, Object> withTeam = new LinkedHashMap<>(body);
        withTeam.putIfAbsent("team", Map.of("leadAuditor", LEAD, "members", List.of(MEMBER)));
        return json(post("/api/audits"), withTeam).with(asAdmin());
    }

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

    /** An audit of {@code type} planned for a new enterprise without outlets (its central function only). */
    JsonNode centralOnlyAudit(String enterpriseId, String type) throws Exception {
        send(enterprise(enterpriseId, 1));
        awaitScope(enterpriseId, s -> true);
        return body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId, "type", type)))
                .andReturn().getResponse(), 201);
    }

    /** {@link #centralOnlyAudit} with its central findings recorded (all conforming) and submitted; as planned. */
    JsonNode submittedCentralOnlyAudit(String enterpriseId, String type) throws Exception {
        JsonNode audit = centralOnlyAudit(enterpriseId, type);
        String auditId = audit.get("id").asString();
        body(mvc.perform(json(put("/api/audits/{id}/findings", auditId),
                Map.of("findings", findingsFor(audit, "CENTRAL"))).with(asLead())).andReturn().getResponse(), 200);
        body(mvc.perform(post("/api/audits/{id}/submit", auditId).with(asLead())).andReturn().getResponse(), 202);
        return audit;
    }

    /** The audit as CB staff see it. */
    JsonNode getAudit(String auditId) throws Exception {
        return body(mvc.perform(get("/api/audits/{id}", auditId).with(asAdmin())).andReturn().getResponse(), 200);
    }

    JsonNode awaitAudit(String auditId, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> getAudit(auditId), condition);
    }

    JsonNode awaitScope(String enterpriseId, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            MockHttpServletResponse r = mvc.perform(get("/api/enterprises/{id}/audit-scope", enterpriseId)
                    .with(asAdmin())).andReturn().getResponse();
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
