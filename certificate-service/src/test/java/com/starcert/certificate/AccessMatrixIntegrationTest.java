package com.starcert.certificate;

import static com.starcert.support.security.AccessMatrix.row;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.starcert.support.security.AccessMatrix;
import com.starcert.support.security.AccessMatrix.Row;
import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.certificate.decision.Decision;
import com.starcert.certificate.decision.Decisions;
import com.starcert.certificate.decision.Outcome;
import com.starcert.certificate.issuance.CertificateNumbers;
import com.starcert.certificate.register.Certificate;
import com.starcert.certificate.register.Certificates;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Band;
import com.starcert.contracts.Holder;
import com.starcert.contracts.ScoreComputed;

/**
 * Who may call what in certificate-service: every endpoint the application exposes × every kind of caller.
 * Enterprise A's audit is decided through the real flow (ScoreComputed in, decision and certificate out), so the
 * allowed reads really answer 200; each CB action gets a certificate of A of its own in the status it needs, since
 * a reviewer's success uses it up. Enterprise B is the other enterprise.
 */
class AccessMatrixIntegrationTest extends IntegrationTest {

    private static final String ENTERPRISE_A = "ent-A-" + UUID.randomUUID();
    private static final String ENTERPRISE_B = "ent-B-" + UUID.randomUUID();
    private static final Holder HOLDER_A = new Holder("矩阵测试电器有限公司", "91350100M000100Y43");
    private static final String REASON = "{\"reason\":\"access matrix\"}";

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    Decisions decisions;
    @Autowired
    Certificates certificates;
    @Autowired
    CertificateNumbers numbers;
    @Autowired
    MovableClock clock;

    private String auditA;
    private Certificate certificateA;

    /**
     * The rules. Columns: NO_TOKEN, CB_ADMIN, AUDITOR on / not on the team, REVIEWER, REVIEWER on the team, OPERATOR,
     * ENTERPRISE A (own), ENTERPRISE B (other), INTEGRATOR.
     */
    private List<Row> rows() {
        return List.of(
                // operations: OPERATOR re-drives this service's dead letters of a topic
                row("POST /api/operations/dead-letters/{topic}/redrive",
                        () -> post("/api/operations/dead-letters/{t}/redrive", "score.computed"),
                        401, 403, 403, 403, 403, 403, 200, 403, 403, 403),
                // … and puts the events its broker refused for good back into their outboxes
                row("POST /api/operations/outbox/parked/resend", () -> post("/api/operations/outbox/parked/resend"),
                        401, 403, 403, 403, 403, 403, 200, 403, 403, 403),
                     // none admn audT audO rev  revT oper entA entB intg
                row("GET /api/certificates/{number}", () -> get("/api/certificates/{n}", number()),
                        401, 200, 200, 200, 200, 200, 403, 200, 404, 403),
                // enterprise B asking for A's list gets an empty list: nothing it may see
                row("GET /api/certificates", () -> get("/api/certificates").param("enterpriseId", ENTERPRISE_A),
                        401, 200, 200, 200, 200, 200, 403, 200, 200, 403),
                row("GET /api/decisions/{auditId}", () -> get("/api/decisions/{a}", auditA),
                        401, 200, 200, 200, 200, 200, 403, 200, 404, 403),
                row("POST /api/certificates/{number}/suspend", () -> action("suspend", CertificateStatus.ACTIVE),
                        401, 403, 403, 403, 200, 200, 403, 403, 404, 403),
                row("POST /api/certificates/{number}/restore", () -> action("restore", CertificateStatus.SUSPENDED),
                        401, 403, 403, 403, 200, 200, 403, 403, 404, 403),
                row("POST /api/certificates/{number}/withdraw", () -> action("withdraw", CertificateStatus.SUSPENDED),
                        401, 403, 403, 403, 200, 200, 403, 403, 404, 403),
                row("POST /api/certificates/{number}/cancel", () -> action("cancel", CertificateStatus.ACTIVE),
                        401, 403, 403, 403, 200, 200, 403, 403, 404, 403),
                row("GET /api/public/certificates/{number}", () -> get("/api/public/certificates/{n}", number()),
                        200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("GET /api/public/certificates",
                        () -> get("/api/public/certificates").param("uscc", HOLDER_A.uscc()),
                        200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("GET /api/public/keys", () -> get("/api/public/keys"),
                        200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("POST /api/public/certificates/verify", () -> post("/api/public/certificates/verify")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"signature\":\"" + certificateA.signature() + "\"}"),
                        200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
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
        ScoreComputed score = TestEvents.score(ENTERPRISE_A, HOLDER_A, AuditType.INITIAL, "88.0", 0, false);
        TestEvents.send(score, "/starcert/scoring-service");
        Decision decision = await().atMost(TestEvents.WAIT).until(() -> decisions.latest(score.auditId()),
                Optional::isPresent).orElseThrow();
        auditA = score.auditId();
        certificateA = certificates.byNumber(decision.certificateNumber()).orElseThrow();
        org.assertj.core.api.Assertions.assertThat(decision.outcome()).isEqualTo(Outcome.ISSUED);

        new AccessMatrix(ISSUER, ENTERPRISE_A, ENTERPRISE_B).assertStatuses(mvc, rows());
    }

    private String number() {
        return certificateA.number();
    }

    /** The action on a certificate of enterprise A of its own, in {@code status}. */
    private MockHttpServletRequestBuilder action(String action, CertificateStatus status) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        String number = numbers.reserve(2095, "matrix-" + UUID.randomUUID()).value();
        certificates.insert(new Certificate(number, 1, ENTERPRISE_A, HOLDER_A, status, Band.COMPLIANT,
                certificateA.score(), today.minusMonths(1), today.plusYears(3), certificateA.scheme(),
                "matrix-" + UUID.randomUUID(), 1, "StarCert Certification", certificateA.sites(), Instant.now(), null,
                null, List.of(), List.of(), 0L, today.minusMonths(1), today.plusMonths(11),
                status == CertificateStatus.SUSPENDED ? today : null, null, null, List.of()));
        return post("/api/certificates/{n}/" + action, number).contentType(MediaType.APPLICATION_JSON).content(REASON);
    }
}
