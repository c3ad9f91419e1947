package com.starcert.audit;

import static com.starcert.audit.AccessMatrixIntegrationTest.Principal.AUDITOR_OFF_TEAM;
import static com.starcert.audit.AccessMatrixIntegrationTest.Principal.AUDITOR_ON_TEAM;
import static com.starcert.audit.AccessMatrixIntegrationTest.Principal.CB_ADMIN;
import static com.starcert.audit.AccessMatrixIntegrationTest.Principal.ENTERPRISE_OTHER;
import static com.starcert.audit.AccessMatrixIntegrationTest.Principal.ENTERPRISE_OWN;
import static com.starcert.audit.AccessMatrixIntegrationTest.Principal.NO_TOKEN;
import static com.starcert.audit.AccessMatrixIntegrationTest.Principal.OPERATOR;
import static com.starcert.audit.AccessMatrixIntegrationTest.Principal.REVIEWER_OFF_TEAM;
import static com.starcert.audit.AccessMatrixIntegrationTest.Principal.REVIEWER_ON_TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

import com.starcert.support.security.AccessMatrix;

/**
 * Issue 7's rules for every endpoint audit-service exposes × every kind of caller, against real data: enterprise A
 * with outlets, audits of A whose team names auditor {@code aud-on} (lead) and reviewer {@code rev-on} (member), and
 * enterprise B with a network of its own.
 *
 * <p>The matrix is checked against the routes the application actually maps ({@link RequestMappingHandlerMapping}):
 * an endpoint added without a row fails, and so does a row for an endpoint that no longer exists. Every allowed
 * caller is expected to succeed with the exact status, so the allowed cases really get through the object checks;
 * the one allowed caller of a command runs last, after every refused one was shown to have changed nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTest extends IntegrationTestBase {

    static final String AUD_ON = "aud-on";
    static final String AUD_OFF = "aud-off";
    static final String REV_ON = "rev-on";
    static final String REV_OFF = "rev-off";

    /** Who calls: the kinds of principal issue 7 distinguishes for audit-service. */
    enum Principal {
        NO_TOKEN, CB_ADMIN, AUDITOR_ON_TEAM, AUDITOR_OFF_TEAM, REVIEWER_OFF_TEAM, REVIEWER_ON_TEAM, OPERATOR,
        ENTERPRISE_OWN, ENTERPRISE_OTHER, INTEGRATOR
    }

    static final Set<Principal> CB_STAFF = Set.of(CB_ADMIN, AUDITOR_ON_TEAM, AUDITOR_OFF_TEAM, REVIEWER_OFF_TEAM,
            REVIEWER_ON_TEAM);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    String enterpriseA;
    String enterpriseB;
    /** An audit of A with an evidence file, findings, submitted, its corrective action answered: for the reads. */
    Target readable;

    @BeforeAll
    void fixtures() throws Exception {
        enterpriseA = "A-" + UUID.randomUUID();
        enterpriseB = "B-" + UUID.randomUUID();
        registerNetwork(enterpriseA);
        registerNetwork(enterpriseB);
        awaitScope(enterpriseA, s -> s.get("activeOutlets").asInt() == 3);
        awaitScope(enterpriseB, s -> s.get("activeOutlets").asInt() == 3);
        readable = answered(true);
    }

    // ---------------------------------------------------------------- the matrix

    /** What one endpoint answers each principal; 401 without a token and 403 unless said otherwise. */
    static final class Expected {
        final Map<Principal, Integer> status = new EnumMap<>(Principal.class);

        Expected() {
            for (Principal p : Principal.values()) {
                status.put(p, p == NO_TOKEN ? 401 : 403);
            }
        }

        Expected allow(int success, Principal... principals) {
            Arrays.stream(principals).forEach(p -> status.put(p, success));
            return this;
        }

        Expected allow(int success, Set<Principal> principals) {
            principals.forEach(p -> status.put(p, success));
            return this;
        }

        /** An object of another enterprise: "not found", its existence not revealed. */
        Expected hidden(Principal... principals) {
            Arrays.stream(principals).forEach(p -> status.put(p, 404));
            return this;
        }

        /** CB staff and the audit's own enterprise read; another enterprise gets 404. */
        static Expected readOwn() {
            return new Expected().allow(200, CB_STAFF).allow(200, ENTERPRISE_OWN).hidden(ENTERPRISE_OTHER);
        }
    }

    /** What a row is called on: an enterprise, an audit (with its version) and one of its evidence files. */
    record Target(String enterpriseId, String auditId, long version, String attachmentId) {
    }

    /**
     * One endpoint, named as the handler mapping names it ({@code METHOD pattern}); the target it is called on (a
     * fresh audit in the state the allowed caller needs, for commands) and the request.
     */
    record Row(String endpoint, Expected expected, Supplier<Target> target,
               Function<Target, AbstractMockHttpServletRequestBuilder<?>> request) {
    }

    List<Row> rows() {
        Supplier<Target> shared = () -> readable;
        Supplier<Target> ofA = () -> new Target(enterpriseA, null, 0, null);
        return List.of(
                // operations: OPERATOR re-drives this service's dead letters of a topic
                new Row("POST /api/operations/dead-letters/{topic}/redrive", new Expected().allow(200, OPERATOR),
                        ofA, t -> post("/api/operations/dead-letters/{t}/redrive", "outlet.changed")),
                // … and puts the events its broker refused for good back into their outboxes
                new Row("POST /api/operations/outbox/parked/resend", new Expected().allow(200, OPERATOR),
                        ofA, t -> post("/api/operations/outbox/parked/resend")),
                new Row("POST /api/audits", new Expected().allow(201, CB_ADMIN), ofA,
                        t -> json(post("/api/audits"), Map.of("enterpriseId", t.enterpriseId(), "type", "INITIAL"))),
                new Row("GET /api/enterprises/{enterpriseId}/audit-scope", new Expected().allow(200, CB_STAFF),
                        ofA, t -> get("/api/enterprises/{id}/audit-scope", t.enterpriseId())),
                new Row("GET /api/enterprises/{enterpriseId}/programme", Expected.readOwn(), ofA,
                        t -> get("/api/enterprises/{id}/programme", t.enterpriseId())),
                // another enterprise's list is empty rather than refused: lists hold only what the caller may see
                new Row("GET /api/audits", new Expected().allow(200, CB_STAFF).allow(200, ENTERPRISE_OWN,
                        ENTERPRISE_OTHER), ofA, t -> get("/api/audits").param("enterpriseId",
                        t.enterpriseId())),
                new Row("GET /api/audits/{id}", Expected.readOwn(), shared,
                        t -> get("/api/audits/{id}", t.auditId())),
                new Row("PUT /api/audits/{id}/team", new Expected().allow(200, CB_ADMIN), this::planned,
                        t -> json(put("/api/audits/{id}/team", t.auditId()), Map.of("leadAuditor", AUD_ON,
                                "members", List.of(REV_ON, "aud-new"))).header("If-Match", "\"" + t.version() + "\"")),
                new Row("PUT /api/audits/{id}/findings", new Expected().allow(200, AUDITOR_ON_TEAM), this::planned,
                        t -> json(put("/api/audits/{id}/findings", t.auditId()), Map.of("findings", List.of(
                                finding("CENTRAL", "SYS-ORG", "CONFORMING", null, null))))),
                new Row("POST /api/audits/{id}/attachments", new Expected().allow(201, AUDITOR_ON_TEAM),
                        this::planned, t -> multipart("/api/audits/{id}/attachments", t.auditId())
                        .file(new MockMultipartFile("file", "chart.png", "image/png", png()))),
                new Row("POST /api/audits/{id}/submit", new Expected().allow(202, AUDITOR_ON_TEAM),
                        () -> complete(false), t -> post("/api/audits/{id}/submit", t.auditId())),
                new Row("GET /api/audits/{id}/attachments", Expected.readOwn(), shared,
                        t -> get("/api/audits/{id}/attachments", t.auditId())),
                new Row("GET /api/audits/{id}/attachments/{attachmentId}", Expected.readOwn(), shared,
                        t -> get("/api/audits/{id}/attachments/{a}", t.auditId(), t.attachmentId())),
                new Row("GET /api/audits/{id}/corrective-actions", Expected.readOwn(), shared,
                        t -> get("/api/audits/{id}/corrective-actions", t.auditId())),
                // the enterprise answers its corrective actions; no CB role may answer for it
                new Row("POST /api/audits/{id}/corrective-actions/{actionId}/evidence",
                        new Expected().allow(200, ENTERPRISE_OWN).hidden(ENTERPRISE_OTHER), () -> submitted(),
                        t -> json(post("/api/audits/{id}/corrective-actions/{a}/evidence", t.auditId(), "CA1"),
                                Map.of("text", "licence renewed"))),
                // whoever audits does not decide: a reviewer on the team may not verify or return
                new Row("POST /api/audits/{id}/corrective-actions/{actionId}/verify",
                        new Expected().allow(200, REVIEWER_OFF_TEAM), () -> answered(false),
                        t -> json(post("/api/audits/{id}/corrective-actions/{a}/verify", t.auditId(), "CA1"),
                                Map.of("note", "original seen"))),
                new Row("POST /api/audits/{id}/return", new Expected().allow(200, REVIEWER_OFF_TEAM),
                        () -> submitted(), t -> json(post("/api/audits/{id}/return", t.auditId()),
                        Map.of("reason", "S01 photos missing"))));
    }

    @TestFactory
    Stream<DynamicTest> everyExposedEndpointAnswersEachPrincipalAsItsRuleSays() {
        Map<String, Row> rows = new LinkedHashMap<>();
        rows().forEach(r -> rows.put(r.endpoint(), r));
        return exposedEndpoints().keySet().stream().map(endpoint -> DynamicTest.dynamicTest(endpoint, () -> {
            Row row = rows.get(endpoint);
            assertThat(row).as("no access rule row for the exposed endpoint " + endpoint
                    + ": add one to AccessMatrixIntegrationTest.rows()").isNotNull();
            check(row);
        }));
    }

    @Test
    void everyRowNamesAnEndpointTheApplicationExposes() {
        Set<String> exposed = exposedEndpoints().keySet();
        List<String> stale = rows().stream().map(Row::endpoint).filter(e -> !exposed.contains(e)).toList();
        assertThat(stale).as("rows for endpoints the application no longer exposes").isEmpty();
        assertThat(rows()).extracting(Row::endpoint).doesNotHaveDuplicates();
    }

    @Test
    void everyApiHandlerNamesWhoMayCallIt() {
        AccessMatrix.assertEveryHandlerNamesItsRoles(handlerMapping);
    }

    /** Every /api endpoint the application maps, as {@code METHOD pattern}, with its handler method. */
    Map<String, HandlerMethod> exposedEndpoints() {
        Map<String, HandlerMethod> endpoints = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : handlerMapping.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : e.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    endpoints.put("* " + pattern, e.getValue()); // any method: must have a row of its own
                }
                methods.forEach(m -> endpoints.put(m.name() + " " + pattern, e.getValue()));
            }
        }
        assertThat(endpoints).as("the application maps /api endpoints").isNotEmpty();
        return endpoints;
    }

    private void check(Row row) throws Exception {
        Target target = row.target().get();
        // refused callers first: each must leave the target as it was for the next one, and for the allowed one
        List<Principal> order = new ArrayList<>(Arrays.asList(Principal.values()));
        order.sort((x, y) -> Boolean.compare(allowed(row, x), allowed(row, y)));
        SoftAssertions softly = new SoftAssertions();
        for (Principal p : order) {
            AbstractMockHttpServletRequestBuilder<?> request = row.request().apply(target);
            String token = token(p);
            if (token != null) {
                request.with(bearer(token));
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            int expected = row.expected().status.get(p);
            softly.assertThat(response.getStatus())
                    .as("%s as %s: %s", row.endpoint(), p, response.getContentAsString(StandardCharsets.UTF_8))
                    .isEqualTo(expected);
            if (expected >= 400) {
                softly.assertThat(response.getContentType()).as("%s as %s: a problem", row.endpoint(), p)
                        .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            }
        }
        softly.assertAll();
    }

    private static boolean allowed(Row row, Principal p) {
        return row.expected().status.get(p) < 300;
    }

    String token(Principal p) {
        return switch (p) {
            case NO_TOKEN -> null;
            case CB_ADMIN -> ISSUER.cbAdmin();
            case AUDITOR_ON_TEAM -> ISSUER.auditor(AUD_ON);
            case AUDITOR_OFF_TEAM -> ISSUER.auditor(AUD_OFF);
            case REVIEWER_OFF_TEAM -> ISSUER.reviewer(REV_OFF);
            case REVIEWER_ON_TEAM -> ISSUER.reviewer(REV_ON);
            case OPERATOR -> ISSUER.operator();
            case ENTERPRISE_OWN -> ISSUER.enterprise(enterpriseA);
            case ENTERPRISE_OTHER -> ISSUER.enterprise(enterpriseB);
            case INTEGRATOR -> ISSUER.integrator();
        };
    }

    // ---------------------------------------------------------------- audits of A, in the states the rows need

    /** PLANNED, team: aud-on leading, rev-on a member. */
    Target planned() {
        try {
            JsonNode audit = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseA, "type", "INITIAL",
                    "team", Map.of("leadAuditor", AUD_ON, "members", List.of(REV_ON))))).andReturn().getResponse(),
                    201);
            return target(audit.get("id").asString(), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every site assessed and a special deduction recorded (so submitting opens corrective action CA1). */
    Target complete(boolean withAttachment) {
        try {
            String auditId = planned().auditId();
            String attachmentId = null;
            if (withAttachment) {
                attachmentId = body(mvc.perform(multipart("/api/audits/{id}/attachments", auditId)
                        .file(new MockMultipartFile("file", "chart.png", "image/png", png()))
                        .with(asAuditor(AUD_ON))).andReturn().getResponse(), 201).get("id").asString();
            }
            JsonNode audit = getAudit(auditId);
            List<Map<String, Object>> findings = new ArrayList<>();
            audit.get("sites").forEach(s -> findings.addAll(findingsFor(audit, s.get("siteId").asString())));
            body(mvc.perform(json(put("/api/audits/{id}/findings", auditId), Map.of("findings", findings,
                    "specialDeductions", List.of(Map.of("category", "LEGAL", "description", "expired licence"))))
                    .with(asAuditor(AUD_ON))).andReturn().getResponse(), 200);
            return target(auditId, attachmentId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** SUBMITTED, corrective action CA1 OPEN. */
    Target submitted() {
        try {
            Target t = complete(false);
            body(mvc.perform(post("/api/audits/{id}/submit", t.auditId()).with(asAuditor(AUD_ON))).andReturn()
                    .getResponse(), 202);
            return target(t.auditId(), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** SUBMITTED, CA1 answered by A. */
    Target answered(boolean withAttachment) {
        try {
            Target t = complete(withAttachment);
            body(mvc.perform(post("/api/audits/{id}/submit", t.auditId()).with(asAuditor(AUD_ON))).andReturn()
                    .getResponse(), 202);
            body(mvc.perform(json(post("/api/audits/{id}/corrective-actions/CA1/evidence", t.auditId()),
                    Map.of("text", "licence renewed")).with(asEnterprise(enterpriseA))).andReturn().getResponse(),
                    200);
            return target(t.auditId(), t.attachmentId());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Target target(String auditId, String attachmentId) throws Exception {
        return new Target(enterpriseA, auditId, getAudit(auditId).get("version").asLong(), attachmentId);
    }

    static byte[] png() {
        byte[] png = new byte[256];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(header, 0, png, 0, header.length);
        return png;
    }
}
