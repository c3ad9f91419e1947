package com.starcert.scoring;

import static com.starcert.support.security.AccessMatrix.row;
import static com.starcert.scoring.engine.AuditBuilder.defaultAudit;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.starcert.contracts.Band;
import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.Scheme;
import com.starcert.infra.EventTraffic;
import com.starcert.support.security.AccessMatrix;
import com.starcert.support.security.AccessMatrix.Row;
import com.starcert.scoring.scorecard.ScoreCards;

/**
 * Who may call what in scoring-service: every endpoint the application exposes × every kind of caller. Enterprise
 * A's audit is scored and decided (a real decision event), so the allowed cases really answer 200/201; enterprise B
 * is the other enterprise.
 */
class AccessMatrixIntegrationTest extends ServiceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ENTERPRISE_A = "E-A-" + UUID.randomUUID();
    private static final String ENTERPRISE_B = "E-B-" + UUID.randomUUID();
    private static final String AUDIT_A = "A-" + UUID.randomUUID();

    private static final String SCHEME_JSON = """
            {"title": "matrix", "indicators": [
              {"code": "M-1", "group": "g", "nameZh": "甲", "nameEn": "One", "points": 10, "scope": "CENTRAL",
               "sampled": false}]}""";
    private static final String SCHEME_YAML = """
            title: matrix
            indicators:
              - {code: M-1, group: g, nameZh: 甲, nameEn: One, points: 10, scope: CENTRAL, sampled: false}
            """;

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    ScoreCards cards;

    private static String newSchemeId() {
        return "AM-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The rules. Columns: NO_TOKEN, CB_ADMIN, AUDITOR on/not on the team, REVIEWER, REVIEWER on the team,
     *  OPERATOR, ENTERPRISE A (own), ENTERPRISE B (other), INTEGRATOR. */
    private List<Row> rows() {
        return List.of(
                // operations: OPERATOR re-drives this service's dead letters of a topic
                row("POST /api/operations/dead-letters/{topic}/redrive",
                        () -> post("/api/operations/dead-letters/{t}/redrive", "audit.submitted"),
                        401, 403, 403, 403, 403, 403, 200, 403, 403, 403),
                // … and puts the events its broker refused for good back into their outboxes
                row("POST /api/operations/outbox/parked/resend", () -> post("/api/operations/outbox/parked/resend"),
                        401, 403, 403, 403, 403, 403, 200, 403, 403, 403),
                     // none admn audT audO rev  revT oper entA entB intg
                row("GET /api/scores/{auditId}", () -> get("/api/scores/{a}", AUDIT_A),
                        401, 200, 200, 200, 200, 200, 403, 200, 404, 403),
                row("GET /api/scores/{auditId}/revisions", () -> get("/api/scores/{a}/revisions", AUDIT_A),
                        401, 200, 200, 200, 200, 200, 403, 200, 404, 403),
                row("GET /api/schemes", () -> get("/api/schemes"),
                        401, 200, 200, 200, 200, 200, 403, 200, 200, 403),
                row("GET /api/schemes/{id}", () -> get("/api/schemes/{id}", Scheme.DEFAULT_ID),
                        401, 200, 200, 200, 200, 200, 403, 200, 200, 403),
                row("GET /api/schemes/{id}/versions/{version}",
                        () -> get("/api/schemes/{id}/versions/{v}", Scheme.DEFAULT_ID, 1),
                        401, 200, 200, 200, 200, 200, 403, 200, 200, 403),
                row("POST /api/schemes/{id}/versions (application/json)",
                        () -> post("/api/schemes/{id}/versions", newSchemeId())
                                .contentType(MediaType.APPLICATION_JSON).content(SCHEME_JSON),
                        401, 201, 403, 403, 403, 403, 403, 403, 403, 403),
                row("POST /api/schemes/{id}/versions (application/x-yaml, application/yaml, text/yaml)",
                        () -> post("/api/schemes/{id}/versions", newSchemeId())
                                .contentType("application/yaml").content(SCHEME_YAML),
                        401, 201, 403, 403, 403, 403, 403, 403, 403, 403));
    }

    @Test
    void everyExposedEndpointHasARowAndEveryRowAnEndpoint() {
        AccessMatrix.assertRowsCoverExactly(mapping, rows());
    }

    @Test
    void everyApiHandlerNamesItsRoles() {
        AccessMatrix.assertEveryHandlerNamesItsRoles(mapping);
    }

    @Test
    void everyCallerGetsTheExpectedStatusOnEveryEndpoint() throws Exception {
        EventTraffic.send(defaultAudit(1).toEvent(AUDIT_A, 1, ENTERPRISE_A), "/starcert/audit-service");
        await().atMost(WAIT).until(() -> cards.latest(AUDIT_A, ENTERPRISE_A).isPresent());
        EventTraffic.send(new CertificateIssued("GBT27922-2026-900001", 1, AUDIT_A, 1, ENTERPRISE_A, null, null,
                Band.COMPLIANT, new BigDecimal("100.0"), LocalDate.now(), LocalDate.now().plusYears(3), List.of(),
                Instant.now()), "/starcert/certificate-service");
        await().atMost(WAIT).until(() -> cards.latest(AUDIT_A, ENTERPRISE_A, true).isPresent());

        new AccessMatrix(ISSUER, ENTERPRISE_A, ENTERPRISE_B).assertStatuses(mvc, rows());
    }
}
