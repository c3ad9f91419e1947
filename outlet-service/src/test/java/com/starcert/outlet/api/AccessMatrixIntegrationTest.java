package com.starcert.outlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.starcert.support.security.AccessMatrix;

/**
 * Issue 7's role × endpoint matrix for outlet-service: every route the application exposes under {@code /api},
 * called by every kind of caller against real data (enterprise A with an outlet and an import, enterprise B), and
 * the exact status each must get. The rows are checked against the routes read from the running application, so a
 * new endpoint without a row, or a row for an endpoint that is gone, fails here.
 *
 * <p>outlet-service has no audit teams: the columns "on the team" and "not on the team" exist so that every
 * service's matrix has the same columns, and here they expect the same as the plain role.
 */
class AccessMatrixIntegrationTest extends ApiIntegrationTest {

    /** The callers of issue 7's matrix, in its column order. */
    enum Principal {
        NO_TOKEN, CB_ADMIN, AUDITOR_ON_TEAM, AUDITOR_NOT_ON_TEAM, REVIEWER, REVIEWER_ON_TEAM, OPERATOR,
        ENTERPRISE_OWN, ENTERPRISE_OTHER, INTEGRATOR;

        /** The access token this caller sends (null: none); {@code own}/{@code other} are enterprise ids. */
        String token(String own, String other) {
            return switch (this) {
                case NO_TOKEN -> null;
                case CB_ADMIN -> ISSUER.cbAdmin();
                case AUDITOR_ON_TEAM -> ISSUER.auditor("auditor-on-team");
                case AUDITOR_NOT_ON_TEAM -> ISSUER.auditor("auditor-not-on-team");
                case REVIEWER -> ISSUER.reviewer("reviewer-not-on-team");
                case REVIEWER_ON_TEAM -> ISSUER.reviewer("reviewer-on-team");
                case OPERATOR -> ISSUER.operator();
                case ENTERPRISE_OWN -> ISSUER.enterprise(own);
                case ENTERPRISE_OTHER -> ISSUER.enterprise(other);
                case INTEGRATOR -> ISSUER.integrator();
            };
        }
    }

    /** Enterprise A (the one every row addresses) with an outlet and a finished import; enterprise B. */
    record Fixture(String a, String usccA, String outlet, String importId, String b) {
    }

    /** Builds the request of a row afresh for each call (reading the current ETag where a write needs it). */
    interface Request {
        AbstractMockHttpServletRequestBuilder<?> build(Fixture f) throws Exception;
    }

    record Row(String endpoint, Request request, int[] expected) {
        Row {
            if (expected.length != Principal.values().length) {
                throw new IllegalArgumentException(endpoint + ": " + expected.length + " statuses for "
                        + Principal.values().length + " columns");
            }
        }
    }

    private static Row row(String endpoint, Request request, int... expected) {
        return new Row(endpoint, request, expected);
    }

    private static final String IMPORTS = "POST /api/enterprises/{enterpriseId}/outlets/imports";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private final AtomicInteger sequence = new AtomicInteger();

    /**
     * The matrix. Reads: CB staff and the enterprise itself. Writes: the CB administrator and the enterprise itself
     * (AUDITOR and REVIEWER see but may not change: 403). Registering an enterprise: the CB administrator only.
     * Another enterprise's data is "not found" (404), and its look-up by USCC an empty list (200); OPERATOR and
     * INTEGRATOR see no business data (403); without a token 401.
     */
    private List<Row> matrix() {
        return List.of(
                // operations: OPERATOR re-drives this service's dead letters of a topic (outlet-service consumes
                // none today, so it answers with 0)
                row("POST /api/operations/dead-letters/{topic}/redrive",
                        f -> post("/api/operations/dead-letters/{t}/redrive", "outlet.changed"),
                                                                          401, 403, 403, 403, 403, 403, 200, 403, 403, 403),
                // … and puts the events its broker refused for good back into their outboxes
                row("POST /api/operations/outbox/parked/resend", f -> post("/api/operations/outbox/parked/resend"),
                                                                          401, 403, 403, 403, 403, 403, 200, 403, 403, 403),
                //                                                        none admn aud+ aud- rev  rev+ op   own  oth  intg
                row("POST /api/enterprises", f -> post("/api/enterprises").contentType(MediaType.APPLICATION_JSON)
                                .content(enterpriseBody("矩阵企业 " + sequence.incrementAndGet(), freshUscc())),
                                                                          401, 201, 403, 403, 403, 403, 403, 403, 403, 403),
                row("GET /api/enterprises", f -> get("/api/enterprises").param("uscc", f.usccA()),
                                                                          401, 200, 200, 200, 200, 200, 403, 200, 200, 403),
                row("GET /api/enterprises/{id}", f -> get("/api/enterprises/{id}", f.a()),
                                                                          401, 200, 200, 200, 200, 200, 403, 200, 404, 403),
                row("PUT /api/enterprises/{id}", this::changeContactPhone,
                                                                          401, 200, 403, 403, 403, 403, 403, 200, 404, 403),
                row("POST /api/enterprises/{enterpriseId}/outlets", f -> post("/api/enterprises/{id}/outlets", f.a())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(outletBody("矩阵新网点 " + sequence.incrementAndGet(), "BRANCH", "440106")),
                                                                          401, 201, 403, 403, 403, 403, 403, 201, 404, 403),
                row("GET /api/enterprises/{enterpriseId}/outlets", f -> get("/api/enterprises/{id}/outlets", f.a()),
                                                                          401, 200, 200, 200, 200, 200, 403, 200, 404, 403),
                row("GET /api/enterprises/{enterpriseId}/outlets/{outletId}",
                        f -> get("/api/enterprises/{id}/outlets/{o}", f.a(), f.outlet()),
                                                                          401, 200, 200, 200, 200, 200, 403, 200, 404, 403),
                row("PUT /api/enterprises/{enterpriseId}/outlets/{outletId}", this::replaceOutlet,
                                                                          401, 200, 403, 403, 403, 403, 403, 200, 404, 403),
                row("POST /api/enterprises/{enterpriseId}/outlets/{outletId}/status", this::toggleStatus,
                                                                          401, 200, 403, 403, 403, 403, 403, 200, 404, 403),
                row("GET /api/enterprises/{enterpriseId}/coverage", f -> get("/api/enterprises/{id}/coverage", f.a()),
                                                                          401, 200, 200, 200, 200, 200, 403, 200, 404, 403),
                row(IMPORTS + " (multipart/form-data)", f -> multipart("/api/enterprises/{id}/outlets/imports", f.a())
                                .file(new MockMultipartFile("file", "outlets.csv", "text/csv", importFile())),
                                                                          401, 202, 403, 403, 403, 403, 403, 202, 404, 403),
                row(IMPORTS + " (application/x-ndjson, text/csv)", f -> post("/api/enterprises/{id}/outlets/imports",
                                f.a()).contentType("text/csv").content(importFile()),
                                                                          401, 202, 403, 403, 403, 403, 403, 202, 404, 403),
                row("GET /api/enterprises/{enterpriseId}/outlets/imports/{importId}",
                        f -> get("/api/enterprises/{id}/outlets/imports/{i}", f.a(), f.importId()),
                                                                          401, 200, 200, 200, 200, 200, 403, 200, 404, 403));
    }

    @Test
    void everyCallerGetsWhatTheMatrixSaysOnEveryEndpoint() throws Exception {
        Fixture f = fixture();
        List<String> mismatches = new ArrayList<>();
        for (Row row : matrix()) {
            for (Principal principal : Principal.values()) {
                int expected = row.expected()[principal.ordinal()];
                AbstractMockHttpServletRequestBuilder<?> request = row.request().build(f);
                String token = principal.token(f.a(), f.b());
                if (token != null) {
                    request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
                }
                MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                if (response.getStatus() != expected) {
                    mismatches.add(row.endpoint() + " × " + principal + ": expected " + expected + ", got "
                            + response.getStatus() + " " + response.getContentAsString());
                } else if (expected >= 400 && !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(
                        MediaType.parseMediaType(String.valueOf(response.getContentType())))) {
                    mismatches.add(row.endpoint() + " × " + principal + ": " + expected + " is not a problem ("
                            + response.getContentType() + ")");
                }
                if (response.getStatus() == 202) {
                    // the next import of A is refused (409) while this one is still being stored
                    awaitCompleted(response.getHeader("Location"));
                }
            }
        }
        assertThat(mismatches).as("cells of the matrix answered otherwise").isEmpty();

        // the refused writes stored nothing: only the allowed ones (CB_ADMIN and the enterprise, once each) did
        admin.perform(get("/api/enterprises/{id}", f.a())).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3));
        JsonNode outlet = json(admin.perform(get("/api/enterprises/{id}/outlets/{o}", f.a(), f.outlet()))
                .andReturn().getResponse().getContentAsString());
        assertThat(outlet.get("version").asInt()).as("two replacements and two status changes").isEqualTo(5);
        assertThat(outlet.get("history").size()).isEqualTo(2);
        // the fixture's outlet and import row, two registrations and four one-row imports
        admin.perform(get("/api/enterprises/{id}/outlets", f.a()))
                .andExpect(header().string("X-Total-Count", "8"));
    }

    @Test
    void theMatrixHasARowForEveryRouteAndNoOther() {
        Map<String, HandlerMethod> routes = apiRoutes();
        List<String> rows = matrix().stream().map(Row::endpoint).toList();
        assertThat(rows).as("rows named twice").doesNotHaveDuplicates();
        assertThat(routes.keySet().stream().filter(route -> !rows.contains(route)).toList())
                .as("routes the application exposes without a row in the matrix").isEmpty();
        assertThat(rows.stream().filter(row -> !routes.containsKey(row)).toList())
                .as("rows naming a route the application no longer exposes").isEmpty();
        assertThat(rows).hasSize(15);
    }

    @Test
    void everyApiHandlerNamesWhoMayCallIt() {
        assertThat(apiRoutes()).isNotEmpty();
        AccessMatrix.assertEveryHandlerNamesItsRoles(handlers);
    }

    /**
     * Every /api handler method the application maps, keyed "METHOD pattern", with the media types it consumes
     * where that is what tells two handlers of one path apart (the import's multipart and raw bodies).
     */
    private Map<String, HandlerMethod> apiRoutes() {
        Map<String, HandlerMethod> routes = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : handlers.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            String consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .map(MediaType::toString).collect(Collectors.toCollection(TreeSet::new)).stream()
                    .collect(Collectors.joining(", "));
            List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("ANY")
                    : info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).sorted().toList();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (String method : methods) {
                    routes.put(method + " " + pattern + (consumes.isEmpty() ? "" : " (" + consumes + ")"),
                            e.getValue());
                }
            }
        }
        return routes;
    }

    private Fixture fixture() throws Exception {
        String a = registerEnterprise("矩阵企业 A");
        String usccA = json(admin.perform(get("/api/enterprises/{id}", a)).andReturn().getResponse()
                .getContentAsString()).get("uscc").asString();
        String outlet = registerOutlet(a, "矩阵网点", "BRANCH", "350102");
        String location = admin.perform(post("/api/enterprises/{id}/outlets/imports", a).contentType("text/csv")
                        .content(importFile()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        String importId = awaitCompleted(location);
        String b = registerEnterprise("矩阵企业 B");
        registerOutlet(b, "B 网点", "BRANCH", "350102");
        return new Fixture(a, usccA, outlet, importId, b);
    }

    /** A one-row CSV file whose outlet no other import of the test has. */
    private byte[] importFile() {
        int n = sequence.incrementAndGet();
        return (ImportApiTest.HEADER + "矩阵导入 " + n + ",BRANCH,410102,中原路 " + n + " 号,王工,13912345678,7,12,2,4,24,,,\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private String awaitCompleted(String location) {
        String[] state = new String[2];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode progress = json(admin.perform(get(location)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString());
            state[0] = progress.get("state").asString();
            state[1] = progress.get("importId").asString();
            return !state[0].equals("STORING");
        });
        assertThat(state[0]).as("import " + location).isEqualTo("COMPLETED");
        return state[1];
    }

    /** A contact-details change (allowed to the enterprise itself) with the current ETag. */
    private AbstractMockHttpServletRequestBuilder<?> changeContactPhone(Fixture f) throws Exception {
        var current = admin.perform(get("/api/enterprises/{id}", f.a())).andReturn().getResponse();
        var body = editable(json(current.getContentAsString()));
        ((ObjectNode) body.get("contact")).put("phone", "1380013%04d".formatted(sequence.incrementAndGet()));
        return put("/api/enterprises/{id}", f.a()).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", current.getHeader("ETag")).content(body.toString());
    }

    /** The outlet's profile sent back as it is, with the current ETag. */
    private AbstractMockHttpServletRequestBuilder<?> replaceOutlet(Fixture f) throws Exception {
        String etag = admin.perform(get("/api/enterprises/{id}/outlets/{o}", f.a(), f.outlet())).andReturn()
                .getResponse().getHeader("ETag");
        return put("/api/enterprises/{id}/outlets/{o}", f.a(), f.outlet()).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", etag).content(outletBody("矩阵网点", "BRANCH", "350102"));
    }

    /** ACTIVE → SUSPENDED or back, with the current ETag, so that every allowed call is a real change. */
    private AbstractMockHttpServletRequestBuilder<?> toggleStatus(Fixture f) throws Exception {
        var current = admin.perform(get("/api/enterprises/{id}/outlets/{o}", f.a(), f.outlet())).andReturn()
                .getResponse();
        String target = json(current.getContentAsString()).get("status").asString().equals("ACTIVE") ? "SUSPENDED"
                : "ACTIVE";
        return post("/api/enterprises/{id}/outlets/{o}/status", f.a(), f.outlet())
                .contentType(MediaType.APPLICATION_JSON).header("If-Match", current.getHeader("ETag"))
                .content("{\"status\": \"" + target + "\", \"reason\": \"矩阵\"}");
    }
}
