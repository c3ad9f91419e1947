package com.starcert.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.starcert.contracts.Band;
import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.CertificateStatus;
import com.starcert.contracts.CertificateStatusChanged;
import com.starcert.contracts.OutletChanged.OutletKind;
import com.starcert.contracts.OutletChanged.OutletStatus;

import tools.jackson.databind.JsonNode;

/**
 * Issue 5 flows against the real broker and Mongo wire server: decisions that issue no certificate
 * (certificate.status-changed with the audit and its revision) and planning SPECIAL audits.
 */
class SpecialAuditIntegrationTest extends IntegrationTestBase {

    // ---------------------------------------------------------------- decisions without a certificate

    @Test
    void aMaintainedSurveillanceIsDecidedByItsCurrentRevisionOnlyAndOnce() throws Exception {
        String enterpriseId = UUID.randomUUID().toString();
        send(enterprise(enterpriseId, 1));
        awaitScope(enterpriseId, s -> true);
        JsonNode audit = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId,
                "type", "SURVEILLANCE"))).andReturn().getResponse(), 201);
        String auditId = audit.get("id").asString();
        String number = "SC-M-" + auditId.substring(0, 8);

        // revision 1 is returned, revision 2 scored
        body(mvc.perform(json(put("/api/audits/{id}/findings", auditId),
                Map.of("findings", findingsFor(audit, "CENTRAL"))).with(asLead())).andReturn().getResponse(), 200);
        body(mvc.perform(post("/api/audits/{id}/submit", auditId).with(asLead())).andReturn().getResponse(), 202);
        body(mvc.perform(json(post("/api/audits/{id}/return", auditId), Map.of("reason", "photos missing"))
                .with(asReviewer())).andReturn().getResponse(), 200);
        body(mvc.perform(post("/api/audits/{id}/submit", auditId).with(asLead())).andReturn().getResponse(), 202);
        send(CertificationCycleIntegrationTest.score(auditId, 2, enterpriseId, "88.0", Band.THREE_STAR, 0),
                "scoring-service");
        awaitAudit(auditId, a -> a.get("status").asString().equals("SCORED"));

        // a CB action without an audit: nothing changes (a decision on the returned revision 1 would stand and
        // decide the audit: see CertificationCycleIntegrationTest)
        send(new CertificateStatusChanged(number, 1, enterpriseId, CertificateStatus.ACTIVE,
                CertificateStatus.SUSPENDED, Band.THREE_STAR, "holder's request", null, LocalDate.of(2027, 2, 1),
                Instant.parse("2027-02-01T09:00:00Z")), "certificate-service");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode now = getAudit(auditId);
            assertThat(now.get("status").asString()).isEqualTo("SCORED");
            assertThat(now.get("decision").isNull()).isTrue();
        });

        // the current revision's: DECIDED, maintained
        send(maintained(number, enterpriseId, auditId, 2, "2027-02-02T08:00:00Z"), "certificate-service");
        JsonNode decided = awaitAudit(auditId, a -> a.get("status").asString().equals("DECIDED"));
        JsonNode decision = decided.get("decision");
        assertThat(decision.get("outcome").asString()).isEqualTo("MAINTAINED");
        assertThat(decision.get("certificateNumber").asString()).isEqualTo(number);
        assertThat(decision.get("level").asString()).isEqualTo("THREE_STAR");
        assertThat(decision.get("reason").asString()).isEqualTo("surveillance at the current level");
        assertThat(decision.get("certificateStatus").asString()).isEqualTo("ACTIVE");
        assertThat(decision.get("score").decimalValue()).isEqualByComparingTo("88.0");
        assertThat(decision.get("decidedAt").asString()).isEqualTo("2027-02-02T08:00:00Z");
        assertThat(decided.get("certificateNumber").asString()).isEqualTo(number);
        assertThat(last(decided.get("timeline")).get("by").asString()).isEqualTo("certificate-service");
        assertThat(last(decided.get("timeline")).get("note").asString()).contains("MAINTAINED");

        // a replay, and the older revision once more: nothing changes
        long version = decided.get("version").asLong();
        send(maintained(number, enterpriseId, auditId, 2, "2027-02-02T08:00:00Z"), "certificate-service");
        send(new CertificateStatusChanged(number, 1, enterpriseId, CertificateStatus.ACTIVE,
                CertificateStatus.SUSPENDED, Band.THREE_STAR, "score below 70", auditId, 1,
                LocalDate.of(2027, 2, 3), Instant.parse("2027-02-03T08:00:00Z")), "certificate-service");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode now = getAudit(auditId);
            assertThat(now.get("version").asLong()).isEqualTo(version);
            assertThat(now.get("decision").get("outcome").asString()).isEqualTo("MAINTAINED");
            assertThat(now.get("timeline")).hasSize(decided.get("timeline").size());
        });
    }

    @Test
    void aSuspendingSurveillanceIsDecidedAsSuspended() throws Exception {
        String enterpriseId = UUID.randomUUID().toString();
        JsonNode audit = submittedCentralOnlyAudit(enterpriseId, "SURVEILLANCE");
        String auditId = audit.get("id").asString();
        // the decision may come before the score: still decided from SUBMITTED
        send(new CertificateStatusChanged("SC-S-" + auditId.substring(0, 8), 1, enterpriseId,
                CertificateStatus.ACTIVE, CertificateStatus.SUSPENDED, Band.COMPLIANT, "surveillance scored 62.0",
                auditId, 1, LocalDate.of(2027, 2, 1), Instant.parse("2027-02-01T08:00:00Z")), "certificate-service");
        JsonNode decided = awaitAudit(auditId, a -> a.get("status").asString().equals("DECIDED"));
        assertThat(decided.get("decision").get("outcome").asString()).isEqualTo("SUSPENDED");
        assertThat(decided.get("decision").get("certificateStatus").asString()).isEqualTo("SUSPENDED");
        assertThat(decided.get("decision").get("reason").asString()).isEqualTo("surveillance scored 62.0");
        assertThat(decided.get("decision").get("score").isNull()).isTrue();
        // the late score is stored, in the decision too
        send(CertificationCycleIntegrationTest.score(auditId, 1, enterpriseId, "62.0", Band.NOT_CERTIFIED, 0),
                "scoring-service");
        JsonNode scored = awaitAudit(auditId, a -> !a.get("score").isNull());
        assertThat(scored.get("status").asString()).isEqualTo("DECIDED");
        assertThat(scored.get("decision").get("score").decimalValue()).isEqualByComparingTo("62.0");
        assertThat(scored.get("decision").get("outcome").asString()).isEqualTo("SUSPENDED");
    }

    // ---------------------------------------------------------------- planning special audits

    @Test
    void aSpecialAuditNeedsACertificateVisitsTheNamedOutletsFirstAndIsNoProgrammeStep() throws Exception {
        String enterpriseId = UUID.randomUUID().toString();
        registerNetwork(enterpriseId);
        send(outlet(enterpriseId, "o4-" + enterpriseId, 1, OutletKind.BRANCH, OutletStatus.SUSPENDED, "350200"));
        awaitScope(enterpriseId, s -> s.get("activeOutlets").asInt() == 3
                && s.get("sampleSizes").get("SPECIAL").asInt() == 2);
        String o2 = "o2-" + enterpriseId;

        JsonNode noCertificate = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId,
                "type", "SPECIAL"))).andReturn().getResponse(), 409);
        assertThat(noCertificate.get("detail").asString()).contains("no certificate");

        JsonNode notForSurveillance = body(mvc.perform(plan(Map.of("enterpriseId",
                enterpriseId, "type", "SURVEILLANCE", "focusOutlets", List.of(o2)))).andReturn().getResponse(), 400);
        assertThat(fields(notForSurveillance)).containsExactly("focusOutlets");

        String initialId = UUID.randomUUID().toString();
        send(new CertificateIssued("SC-X-" + initialId.substring(0, 8), 1, initialId, 1, enterpriseId,
                CertificationCycleIntegrationTest.HOLDER, SCHEME.ref(), Band.COMPLIANT, new BigDecimal("85.0"),
                LocalDate.of(2026, 3, 1), LocalDate.of(2029, 2, 28), List.of(),
                Instant.parse("2026-03-01T09:00:00Z")), "certificate-service");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(
                () -> body(mvc.perform(get("/api/enterprises/{id}/programme", enterpriseId).with(asAdmin())).andReturn()
                        .getResponse(), 200), p -> !p.get("certificateNumber").isNull());
        awaitProgramme(enterpriseId, "ACTIVE"); // a certificate just issued is in force

        // unknown, suspended and headquarters outlets: each named in the answer
        JsonNode bad = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId,
                "type", "SPECIAL", "focusOutlets", List.of(o2, "nope", "o4-" + enterpriseId, "hq-" + enterpriseId))))
                .andReturn().getResponse(), 400);
        assertThat(fields(bad)).containsExactly("focusOutlets[1]", "focusOutlets[2]", "focusOutlets[3]");
        assertThat(bad.get("errors").get(1).get("reason").asString()).contains("SUSPENDED");

        JsonNode special = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId,
                "type", "SPECIAL", "randomSeed", 4, "seedReason", "the draw agreed with the complainant",
                "focusOutlets", List.of(o2)))).andReturn().getResponse(), 201);
        assertThat(special.get("type").asString()).isEqualTo("SPECIAL");
        assertThat(special.get("programmeStep").isNull()).isTrue();
        assertThat(special.get("sampleSize").asInt()).isEqualTo(2);
        assertThat(special.get("sites").toString()).doesNotContain("enlarged");
        JsonNode sites = special.get("sites");
        assertThat(sites).hasSize(3);
        assertThat(sites.get(1).get("outletId").asString()).isEqualTo(o2);
        assertThat(sites.get(1).get("selection").asString()).isEqualTo("RISK");
        assertThat(sites.get(1).get("reason").asString()).isEqualTo("named by the CB for this special audit");
        assertThat(sites.get(2).get("selection").asString()).isEqualTo("RANDOM");
        assertThat(sites.get(2).get("outletId").asString()).isNotEqualTo(o2);

        // a suspended certificate may still get a special audit, a withdrawn one not
        String number = "SC-X-" + initialId.substring(0, 8);
        send(new CertificateStatusChanged(number, 1, enterpriseId, CertificateStatus.ACTIVE,
                CertificateStatus.SUSPENDED, Band.COMPLIANT, "serious complaints", null, LocalDate.of(2026, 9, 1),
                Instant.parse("2026-09-01T00:00:00Z")), "certificate-service");
        awaitProgramme(enterpriseId, "SUSPENDED");
        body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId, "type", "SPECIAL")))
                .andReturn().getResponse(), 201);
        send(new CertificateStatusChanged(number, 1, enterpriseId, CertificateStatus.SUSPENDED,
                CertificateStatus.WITHDRAWN, Band.COMPLIANT, "suspension not lifted in 6 months", null,
                LocalDate.of(2027, 3, 1), Instant.parse("2027-03-01T00:00:00Z")), "certificate-service");
        awaitProgramme(enterpriseId, "WITHDRAWN");
        JsonNode withdrawn = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId,
                "type", "SPECIAL"))).andReturn().getResponse(), 409);
        assertThat(withdrawn.get("detail").asString()).contains("WITHDRAWN");

        // the programme's first surveillance is still to come
        JsonNode surveillance = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId,
                "type", "SURVEILLANCE"))).andReturn().getResponse(), 201);
        assertThat(surveillance.get("programmeStep").asString()).isEqualTo("SURVEILLANCE_1");
    }

    void awaitProgramme(String enterpriseId, String certificateStatus) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(
                () -> body(mvc.perform(get("/api/enterprises/{id}/programme", enterpriseId).with(asAdmin())).andReturn()
                        .getResponse(), 200), p -> certificateStatus.equals(p.get("certificateStatus").asString(null)));
    }

    @Test
    void aSurveillanceMaintainedOnARevisionBeforeItsReturnReachedCertificateServiceDecidesTheAudit() throws Exception {
        String enterpriseId = UUID.randomUUID().toString();
        JsonNode audit = submittedCentralOnlyAudit(enterpriseId, "SURVEILLANCE");
        String auditId = audit.get("id").asString();
        body(mvc.perform(json(post("/api/audits/{id}/return", auditId), Map.of("reason", "photos missing"))
                .with(asReviewer())).andReturn().getResponse(), 200);
        body(mvc.perform(post("/api/audits/{id}/submit", auditId).with(asLead())).andReturn().getResponse(), 202);

        // certificate-service had kept the certificate on revision 1 before the return reached it: that stands
        String number = "SC-MR-" + auditId.substring(0, 8);
        send(maintained(number, enterpriseId, auditId, 1, "2027-02-01T08:00:00Z"), "certificate-service");
        JsonNode decided = awaitAudit(auditId, a -> a.get("status").asString().equals("DECIDED"));
        assertThat(decided.get("revision").asInt()).isEqualTo(2);
        assertThat(decided.get("decision").get("outcome").asString()).isEqualTo("MAINTAINED");
        assertThat(decided.get("decision").get("revision").asInt()).isEqualTo(1);
        assertThat(decided.get("certificateNumber").asString()).isEqualTo(number);
        assertThat(last(decided.get("timeline")).get("note").asString()).contains("revision 1 had already been decided");
    }

    static CertificateStatusChanged maintained(String number, String enterpriseId, String auditId, int revision,
                                               String at) {
        return new CertificateStatusChanged(number, 1, enterpriseId, CertificateStatus.ACTIVE,
                CertificateStatus.ACTIVE, Band.THREE_STAR, "surveillance at the current level", auditId, revision,
                LocalDate.of(2027, 2, 1), Instant.parse(at));
    }
}
