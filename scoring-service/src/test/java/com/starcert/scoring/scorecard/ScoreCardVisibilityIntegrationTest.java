package com.starcert.scoring.scorecard;

import static com.starcert.scoring.engine.AuditBuilder.CENTRAL;
import static com.starcert.scoring.engine.AuditBuilder.defaultAudit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.Band;
import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.CertificateStatus;
import com.starcert.contracts.CertificateStatusChanged;
import com.starcert.contracts.CertificationRefused;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.Topics;
import com.starcert.infra.EventTraffic;
import com.starcert.scoring.ServiceIntegrationTest;

/**
 * Who sees a score card when: CB staff from the moment it is scored; the audited enterprise only once the decision
 * on that revision is on a decision topic; another enterprise never.
 */
class ScoreCardVisibilityIntegrationTest extends ServiceIntegrationTest {

    static final String CERTIFICATE_SERVICE = "/starcert/certificate-service";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final EventCodec codec = new EventCodec();

    @Autowired
    MockMvc mvc;
    @Autowired
    ScoreCards cards;
    @Autowired
    MongoTemplate mongo;

    @Test
    void theEnterpriseSeesItsScoreCardOnlyOnceTheDecisionIsPublished() throws Exception {
        String enterpriseId = "E-" + UUID.randomUUID();
        String auditId = submitAndAwaitScored(enterpriseId, 1);

        mvc.perform(get("/api/scores/{auditId}", auditId).with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decidedAt").isEmpty());
        // before the decision: not there yet for the enterprise, answered as for an unknown audit
        mvc.perform(get("/api/scores/{auditId}", auditId).with(asEnterprise(enterpriseId)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/scores/{auditId}/revisions", auditId).with(asEnterprise(enterpriseId)))
                .andExpect(status().isNotFound());

        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CertificateIssued issued = issued(auditId, 1, enterpriseId, issuedAt);
        byte[] bytes = EventTraffic.send(issued, CERTIFICATE_SERVICE);

        await().atMost(WAIT).untilAsserted(() ->
                mvc.perform(get("/api/scores/{auditId}", auditId).with(asEnterprise(enterpriseId)))
                        .andExpect(status().isOk()));
        mvc.perform(get("/api/scores/{auditId}", auditId).with(asEnterprise(enterpriseId)))
                .andExpect(jsonPath("$.auditId").value(auditId))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.enterpriseId").value(enterpriseId))
                .andExpect(jsonPath("$.score").value(94.0))
                .andExpect(jsonPath("$.decidedAt").value(issuedAt.toString()));
        mvc.perform(get("/api/scores/{auditId}/revisions", auditId).with(asEnterprise(enterpriseId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].revision").value(1));
        // another enterprise: decided or not, it does not exist for it
        mvc.perform(get("/api/scores/{auditId}", auditId).with(asEnterprise("E-" + UUID.randomUUID())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/scores/{auditId}/revisions", auditId).with(asEnterprise("E-" + UUID.randomUUID())))
                .andExpect(status().isNotFound());

        // a redelivery and a replay keep the first decision time
        EventTraffic.sendBytes(Topics.CERTIFICATE_ISSUED, enterpriseId, bytes);
        EventTraffic.send(issued(auditId, 1, enterpriseId, issuedAt.plusSeconds(3600)), CERTIFICATE_SERVICE);
        String marker = submitAndAwaitScored(enterpriseId, 1);
        EventTraffic.send(issued(marker, 1, enterpriseId, issuedAt), CERTIFICATE_SERVICE);
        await().atMost(WAIT).until(() -> cards.latest(marker, enterpriseId, true).isPresent());
        assertThat(cards.latest(auditId, null).orElseThrow().decidedAt()).isEqualTo(issuedAt);
    }

    @Test
    void onlyDecidedRevisionsAreShownToTheEnterprise() throws Exception {
        String enterpriseId = "E-" + UUID.randomUUID();
        String auditId = "A-" + UUID.randomUUID();
        // revision 1 was returned for correction before any decision; revision 2 is refused
        EventTraffic.send(defaultAudit(1).nonconforming(CENTRAL, "SYS-ORG").toEvent(auditId, 1, enterpriseId),
                "/starcert/audit-service");
        EventTraffic.send(defaultAudit(1).toEvent(auditId, 2, enterpriseId), "/starcert/audit-service");
        await().atMost(WAIT).until(() -> cards.revisions(auditId, null).size() == 2);

        // a CB action on some certificate names no audit: it decides nothing (and is not dead-lettered)
        EventTraffic.send(new CertificateStatusChanged("GBT27922-2026-000001", 1, enterpriseId,
                CertificateStatus.ACTIVE, CertificateStatus.SUSPENDED, Band.COMPLIANT, "CB action", null,
                LocalDate.now(), Instant.now()), CERTIFICATE_SERVICE);
        EventTraffic.send(new CertificationRefused(auditId, 2, enterpriseId, new BigDecimal("100.0"),
                Band.FIVE_STAR, "test refusal", Instant.now()), CERTIFICATE_SERVICE);
        await().atMost(WAIT).until(() -> cards.latest(auditId, enterpriseId, true).isPresent());

        mvc.perform(get("/api/scores/{auditId}", auditId).with(asEnterprise(enterpriseId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(2));
        mvc.perform(get("/api/scores/{auditId}/revisions", auditId).with(asEnterprise(enterpriseId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].revision").value(2));
        mvc.perform(get("/api/scores/{auditId}/revisions", auditId).with(asAuditor()))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].decidedAt").isEmpty())
                .andExpect(jsonPath("$[1].decidedAt").isString());
    }

    @Test
    void aDecisionOnACertificateInForceNamingTheAuditReleasesItsCard() throws Exception {
        String enterpriseId = "E-" + UUID.randomUUID();
        String auditId = submitAndAwaitScored(enterpriseId, 1);

        // a surveillance that maintains the certificate: previousStatus == status, the audit and revision named
        EventTraffic.send(new CertificateStatusChanged("GBT27922-2026-000002", 1, enterpriseId,
                CertificateStatus.ACTIVE, CertificateStatus.ACTIVE, Band.COMPLIANT, "maintained", auditId, 1,
                LocalDate.now(), Instant.now()), CERTIFICATE_SERVICE);

        await().atMost(WAIT).untilAsserted(() ->
                mvc.perform(get("/api/scores/{auditId}", auditId).with(asEnterprise(enterpriseId)))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.revision").value(1)));
    }

    @Test
    void aDecisionNamingAnotherEnterpriseReleasesNothing() throws Exception {
        String enterpriseId = "E-" + UUID.randomUUID();
        String other = "E-" + UUID.randomUUID();
        String auditId = submitAndAwaitScored(enterpriseId, 1);

        EventTraffic.send(issued(auditId, 1, other, Instant.now()), CERTIFICATE_SERVICE);
        // same key as the event above, so the same partition: once this marker is applied, that one was handled
        String marker = submitAndAwaitScored(other, 1);
        EventTraffic.send(issued(marker, 1, other, Instant.now()), CERTIFICATE_SERVICE);
        await().atMost(WAIT).until(() -> cards.latest(marker, other, true).isPresent());

        assertThat(cards.latest(auditId, null).orElseThrow().decidedAt()).isNull();
        mvc.perform(get("/api/scores/{auditId}", auditId).with(asEnterprise(enterpriseId)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/scores/{auditId}", auditId).with(asEnterprise(other)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aReturnedRevisionIsMarkedOnItsCardAndNotScoredWhenItsReturnCameFirst() throws Exception {
        String enterpriseId = "E-" + UUID.randomUUID();
        String scored = submitAndAwaitScored(enterpriseId, 1);
        EventTraffic.send(new com.starcert.contracts.AuditReturned(scored, 1, enterpriseId, "evidence missing",
                Instant.parse("2026-12-03T08:00:00Z")), "/starcert/audit-service");
        await().atMost(WAIT).until(() -> cards.latest(scored, enterpriseId).orElseThrow().returnedAt() != null);
        mvc.perform(get("/api/scores/{auditId}", scored).with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.returnedAt").value("2026-12-03T08:00:00Z"));

        // returned before its submission was scored (the events of different topics raced): never scored
        String late = "A-" + UUID.randomUUID();
        EventTraffic.send(new com.starcert.contracts.AuditReturned(late, 1, enterpriseId, "evidence missing",
                Instant.now()), "/starcert/audit-service");
        await().atMost(WAIT).until(() -> cards.returned(late, 1));
        EventTraffic.send(defaultAudit(1).toEvent(late, 1, enterpriseId), "/starcert/audit-service");
        EventTraffic.send(defaultAudit(1).toEvent(late, 2, enterpriseId), "/starcert/audit-service");
        await().atMost(WAIT).until(() -> cards.latest(late, enterpriseId).isPresent());
        assertThat(cards.revisions(late, enterpriseId)).extracting(ScoreCardDocument::revision).containsExactly(2);
    }

    @Test
    void aCardStoredWithoutItsEnterpriseIsForCbStaffOnly() throws Exception {
        String auditId = "A-" + UUID.randomUUID();
        String enterpriseId = "E-" + UUID.randomUUID();
        mongo.insert(new ScoreCardDocument(ScoreCardDocument.idOf(auditId, 1), auditId, 1, null, null,
                new BigDecimal("80.0"), "80", Band.THREE_STAR, new BigDecimal("100"), new BigDecimal("80"),
                List.of(), List.of(), null, Instant.now(), Instant.now(), null, List.of()));

        mvc.perform(get("/api/scores/{auditId}", auditId).with(asCbAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enterpriseId").isEmpty());
        mvc.perform(get("/api/scores/{auditId}", auditId).with(asEnterprise(enterpriseId)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/scores/{auditId}/revisions", auditId).with(asEnterprise(enterpriseId)))
                .andExpect(status().isNotFound());
    }

    private String submitAndAwaitScored(String enterpriseId, int revision) {
        String auditId = "A-" + UUID.randomUUID();
        AuditSubmitted audit = defaultAudit(1).nonconforming(CENTRAL, "SYS-ORG")
                .toEvent(auditId, revision, enterpriseId);
        EventTraffic.send(audit, "/starcert/audit-service");
        await().atMost(WAIT).until(() -> cards.latest(auditId, enterpriseId).isPresent());
        return auditId;
    }

    private static CertificateIssued issued(String auditId, int revision, String enterpriseId, Instant at) {
        return new CertificateIssued("GBT27922-2026-" + auditId.substring(2, 8), 1, auditId, revision, enterpriseId,
                null, null, Band.FOUR_STAR, new BigDecimal("94.0"), LocalDate.now(), LocalDate.now().plusYears(3),
                List.of(), at);
    }
}
