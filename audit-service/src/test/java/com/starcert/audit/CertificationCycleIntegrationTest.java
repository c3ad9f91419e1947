package com.starcert.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Band;
import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.CertificationRefused;
import com.starcert.contracts.CertificateStatus;
import com.starcert.contracts.CertificateStatusChanged;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.CorrectiveActionsVerified;
import com.starcert.contracts.Holder;
import com.starcert.contracts.OutletChanged.OutletKind;
import com.starcert.contracts.OutletChanged.OutletStatus;
import com.starcert.contracts.Scheme;
import com.starcert.contracts.SchemePublished;
import com.starcert.contracts.ScoreComputed;
import com.starcert.contracts.Topics;
import com.starcert.infra.SharedTestInfrastructure;

import tools.jackson.databind.JsonNode;

/** Issue 3 flows against the real broker and Mongo wire server: revisions, corrective actions, evidence, programme. */
class CertificationCycleIntegrationTest extends IntegrationTestBase {

    static final Holder HOLDER = new Holder("ACME 售后服务", "91350100M000100Y43");

    @Autowired
    AuditRepository repository;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    // ---------------------------------------------------------------- revisions

    @Test
    void aReturnedAuditIsResubmittedAsRevisionTwoAndLateRevisionOneOutcomesChangeNothing() throws Exception {
        String enterpriseId = UUID.randomUUID().toString();
        JsonNode audit = submittedCentralOnlyAudit(enterpriseId, "INITIAL");
        String auditId = audit.get("id").asString();
        assertThat(CODEC.data(awaitEvent(Topics.AUDIT_SUBMITTED, auditId, e -> true), AuditSubmitted.class)
                .revision()).isEqualTo(1);

        // the CB returns it: editable again
        body(mvc.perform(json(post("/api/audits/{id}/return", auditId), Map.of()).with(asReviewer()))
                .andReturn().getResponse(), 400);
        JsonNode returned = body(mvc.perform(json(post("/api/audits/{id}/return", auditId),
                Map.of("reason", "CENTRAL PRD-RCY evidence missing")).with(asReviewer())
                .header("X-StarCert-User", "someone-else")) // ignored: the actor comes from the token
                .andReturn().getResponse(), 200);
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(last(returned.get("timeline")).get("by").asString()).isEqualTo(REVIEWER);
        assertThat(last(returned.get("timeline")).get("byName").asString()).isEqualTo("Reviewer " + REVIEWER);
        assertThat(last(returned.get("timeline")).get("note").asString()).contains("PRD-RCY");
        // scoring and certificate service learn of it: audit.returned, keyed by the enterprise
        var returnedEvent = awaitRecord(Topics.AUDIT_RETURNED, auditId, e -> true);
        assertThat(returnedEvent.key()).isEqualTo(enterpriseId);
        com.starcert.contracts.AuditReturned returnedData = CODEC.data(CODEC.read(returnedEvent.value()),
                com.starcert.contracts.AuditReturned.class);
        assertThat(returnedData.revision()).isEqualTo(1);
        assertThat(returnedData.reason()).isEqualTo("CENTRAL PRD-RCY evidence missing");
        body(mvc.perform(json(post("/api/audits/{id}/return", auditId), Map.of("reason", "again")).with(asReviewer()))
                .andReturn().getResponse(), 409);

        // a late revision-1 score while it is being corrected changes nothing
        send(score(auditId, 1, enterpriseId, "55.0", Band.NOT_CERTIFIED, 0), "scoring-service");
        JsonNode corrected = body(mvc.perform(json(put("/api/audits/{id}/findings", auditId), Map.of("findings",
                List.of(finding("CENTRAL", "PRD-RCY", "NONCONFORMING", null, null))
        )).with(asLead())).andReturn().getResponse(), 400); // reason required: still validated
        assertThat(fields(corrected)).containsExactly("findings[0].reason");
        Map<String, Object> rcy = finding("CENTRAL", "PRD-RCY", "NONCONFORMING", null, null);
        rcy.put("reason", "no take-back scheme");
        rcy.put("evidence", "interview with the service manager, 2026-03-02");
        JsonNode edited = body(mvc.perform(json(put("/api/audits/{id}/findings", auditId),
                Map.of("findings", List.of(rcy))).with(asLead())).andReturn().getResponse(), 200);
        assertThat(edited.get("status").asString()).isEqualTo("RETURNED");
        assertThat(edited.get("score").isNull()).isTrue();

        JsonNode resubmitted = body(mvc.perform(post("/api/audits/{id}/submit", auditId).with(asLead()))
                .andReturn().getResponse(), 202);
        assertThat(resubmitted.get("revision").asInt()).isEqualTo(2);
        AuditSubmitted second = CODEC.data(awaitEvent(Topics.AUDIT_SUBMITTED, auditId,
                e -> e.data().get("revision").asInt() == 2), AuditSubmitted.class);
        assertThat(second.findings()).anySatisfy(f -> assertThat(f.indicator()).isEqualTo("PRD-RCY"));

        // revision-1 outcomes arriving late: ignored (a refusal changed no certificate, so certificate-service
        // decides revision 2 normally); revision 2's: applied
        send(score(auditId, 1, enterpriseId, "99.0", Band.FIVE_STAR, 0), "scoring-service");
        send(new CertificationRefused(auditId, 1, enterpriseId, new BigDecimal("65.0"), Band.NOT_CERTIFIED,
                "below 70", Instant.now()), "certificate-service");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode now = getAudit(auditId);
            assertThat(now.get("status").asString()).isEqualTo("SUBMITTED");
            assertThat(now.get("score").isNull()).isTrue();
        });
        send(score(auditId, 2, enterpriseId, "94.5", Band.FOUR_STAR, 0), "scoring-service");
        JsonNode scored = awaitAudit(auditId, a -> a.get("status").asString().equals("SCORED"));
        assertThat(scored.get("score").decimalValue()).isEqualByComparingTo("94.5");
        send(issued(auditId, 2, enterpriseId, "SC-NEW-" + auditId.substring(0, 8)), "certificate-service");
        JsonNode decided = awaitAudit(auditId, a -> a.get("status").asString().equals("DECIDED"));
        assertThat(decided.get("certificateNumber").asString()).startsWith("SC-NEW-");
        assertThat(decided.get("timeline")).extracting(t -> t.get("status").asString()).containsExactly("PLANNED",
                "IN_PROGRESS", "SUBMITTED", "RETURNED", "SUBMITTED", "SCORED", "DECIDED");
        body(mvc.perform(json(post("/api/audits/{id}/return", auditId), Map.of("reason", "too late"))
                .with(asReviewer())).andReturn().getResponse(), 409);
    }

    @Test
    void aCertificateIssuedOnARevisionBeforeItsReturnReachedCertificateServiceDecidesTheAudit() throws Exception {
        // returned while the certificate was being issued on it, corrected and resubmitted: certificate-service
        // keeps a decision that changed a certificate and will not decide revision 2, so the audit takes it
        String enterpriseId = UUID.randomUUID().toString();
        JsonNode audit = submittedCentralOnlyAudit(enterpriseId, "INITIAL");
        String auditId = audit.get("id").asString();
        send(score(auditId, 1, enterpriseId, "88.0", Band.THREE_STAR, 0), "scoring-service");
        awaitAudit(auditId, a -> a.get("status").asString().equals("SCORED"));
        body(mvc.perform(json(post("/api/audits/{id}/return", auditId), Map.of("reason", "photos missing"))
                .with(asReviewer())).andReturn().getResponse(), 200);
        body(mvc.perform(post("/api/audits/{id}/submit", auditId).with(asLead())).andReturn().getResponse(), 202);

        send(issued(auditId, 1, enterpriseId, "SC-RACE-" + auditId.substring(0, 8)), "certificate-service");
        JsonNode decided = awaitAudit(auditId, a -> a.get("status").asString().equals("DECIDED"));
        assertThat(decided.get("revision").asInt()).isEqualTo(2);
        assertThat(decided.get("certificateNumber").asString()).startsWith("SC-RACE-");
        assertThat(decided.get("decision").get("revision").asInt()).isEqualTo(1);
        assertThat(decided.get("decision").get("outcome").asString()).isEqualTo("ISSUED");
        assertThat(last(decided.get("timeline")).get("note").asString())
                .contains("revision 1 had already been decided", "stands");
        // redelivered: once
        send(issued(auditId, 1, enterpriseId, "SC-RACE-" + auditId.substring(0, 8)), "certificate-service");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(getAudit(auditId).get("timeline")).filteredOn(t -> t.get("status").asString()
                        .equals("DECIDED")).hasSize(1));

        // the same while still being corrected (returned, not resubmitted)
        JsonNode other = submittedCentralOnlyAudit(UUID.randomUUID().toString(), "INITIAL");
        String otherId = other.get("id").asString();
        String otherEnterprise = other.get("enterpriseId").asString();
        body(mvc.perform(json(post("/api/audits/{id}/return", otherId), Map.of("reason", "photos missing"))
                .with(asReviewer())).andReturn().getResponse(), 200);
        send(issued(otherId, 1, otherEnterprise, "SC-RACE2-" + otherId.substring(0, 8)), "certificate-service");
        JsonNode otherDecided = awaitAudit(otherId, a -> a.get("status").asString().equals("DECIDED"));
        assertThat(otherDecided.get("revision").asInt()).isEqualTo(1);
        assertThat(otherDecided.get("score").decimalValue()).isEqualByComparingTo("90.0");
    }

    @Autowired
    com.starcert.audit.decision.DecisionEventConsumer decisionEvents;

    @Test
    void aPollOfScoresAndDecisionsIsAppliedInOrderOnceEach() throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> enterprises = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String enterpriseId = UUID.randomUUID().toString();
            JsonNode audit = submittedCentralOnlyAudit(enterpriseId, "INITIAL");
            String auditId = audit.get("id").asString();
            ids.add(auditId);
            enterprises.add(enterpriseId);
        }
        // one poll: a score, the same score again, the other audit's score, and its decision right after it
        CloudEvent first = CODEC.wrap(score(ids.get(0), 1, enterprises.get(0), "91.0", Band.FOUR_STAR, 0),
                "/starcert/scoring-service", "c-1", Instant.now());
        CloudEvent second = CODEC.wrap(score(ids.get(1), 1, enterprises.get(1), "81.0", Band.THREE_STAR, 0),
                "/starcert/scoring-service", "c-2", Instant.now());
        decisionEvents.onScoreComputed(List.of(record(Topics.SCORE_COMPUTED, 0, first),
                record(Topics.SCORE_COMPUTED, 1, first), record(Topics.SCORE_COMPUTED, 2, second)));
        decisionEvents.onCertificateIssued(List.of(record(Topics.CERTIFICATE_ISSUED, 0, CODEC.wrap(
                issued(ids.get(1), 1, enterprises.get(1), "SC-POLL-" + ids.get(1).substring(0, 8)),
                "/starcert/certificate-service", "c-3", Instant.now()))));

        JsonNode scored = getAudit(ids.get(0));
        assertThat(scored.get("status").asString()).isEqualTo("SCORED");
        assertThat(scored.get("timeline")).filteredOn(t -> t.get("status").asString().equals("SCORED")).hasSize(1);
        JsonNode decided = getAudit(ids.get(1));
        assertThat(decided.get("status").asString()).isEqualTo("DECIDED");
        assertThat(decided.get("timeline")).extracting(t -> t.get("status").asString()).containsExactly("PLANNED",
                "IN_PROGRESS", "SUBMITTED", "SCORED", "DECIDED");
    }

    private static ConsumerRecord<String, CloudEvent> record(String topic, long offset, CloudEvent event) {
        return new ConsumerRecord<>(topic, 0, offset, event.enterpriseid(), event);
    }

    // ---------------------------------------------------------------- corrective actions

    @Test
    void aSpecialDeductionHoldsTheDecisionUntilItsCorrectiveActionIsVerified() throws Exception {
        String enterpriseId = UUID.randomUUID().toString();
        JsonNode audit = centralOnlyAudit(enterpriseId, "INITIAL");
        String auditId = audit.get("id").asString();
        body(mvc.perform(json(put("/api/audits/{id}/findings", auditId), Map.of(
                "findings", findingsFor(audit, "CENTRAL"),
                "specialDeductions", List.of(Map.of("category", "LEGAL", "description", "expired business licence"))))
                .with(asLead())).andReturn().getResponse(), 200);
        body(mvc.perform(post("/api/audits/{id}/submit", auditId).with(asLead())).andReturn().getResponse(), 202);

        JsonNode actions = body(mvc.perform(get("/api/audits/{id}/corrective-actions", auditId).with(asAdmin()))
                .andReturn().getResponse(), 200);
        assertThat(actions.get("revision").asInt()).isEqualTo(1);
        JsonNode action = actions.get("actions").get(0);
        assertThat(actions.get("actions")).hasSize(1);
        assertThat(action.get("id").asString()).isEqualTo("CA1");
        assertThat(action.get("status").asString()).isEqualTo("OPEN");
        assertThat(action.get("category").asString()).isEqualTo("LEGAL");
        assertThat(action.get("description").asString()).isEqualTo("expired business licence");
        assertThat(LocalDate.parse(action.get("dueDate").asString())).isAfter(LocalDate.now().plusDays(28));

        // no verification without evidence; unknown actions are 404
        body(mvc.perform(json(post("/api/audits/{id}/corrective-actions/CA1/verify", auditId),
                Map.of("verifiedBy", "cb-admin")).with(asReviewer())).andReturn().getResponse(), 409);
        body(mvc.perform(json(post("/api/audits/{id}/corrective-actions/CA9/evidence", auditId),
                Map.of("text", "x")).with(asEnterprise(enterpriseId))).andReturn().getResponse(), 404);

        // the score with a special deduction: held
        send(score(auditId, 1, enterpriseId, "91.0", Band.FOUR_STAR, 1), "scoring-service");
        JsonNode held = awaitAudit(auditId, a -> a.get("status").asString().equals("AWAITING_CORRECTIVE_ACTIONS"));
        assertThat(held.get("score").decimalValue()).isEqualByComparingTo("91.0");

        JsonNode answered = body(mvc.perform(json(post("/api/audits/{id}/corrective-actions/CA1/evidence", auditId),
                Map.of("text", "licence renewed on 2026-03-05")).with(asEnterprise(enterpriseId))
                .header("X-StarCert-User", "acme-quality")) // ignored: the actor comes from the token
                .andReturn().getResponse(), 200);
        assertThat(answered.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(answered.get("evidence").get(0).get("by").asString()).isEqualTo("ent-user-" + enterpriseId);
        assertThat(answered.get("evidence").get(0).get("byName").asString()).isEqualTo("Enterprise " + enterpriseId);
        // a name in the body cannot sign for someone else: the verifier is the caller
        JsonNode verified = body(mvc.perform(json(post("/api/audits/{id}/corrective-actions/CA1/verify", auditId),
                Map.of("verifiedBy", "cb-admin", "note", "original seen")).with(asReviewer()))
                .andReturn().getResponse(), 200);
        assertThat(verified.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(verified.get("verifiedBy").asString()).isEqualTo(REVIEWER);
        assertThat(verified.get("verifiedByName").asString()).isEqualTo("Reviewer " + REVIEWER);
        assertThat(verified.get("verificationNote").asString()).isEqualTo("original seen");
        body(mvc.perform(json(post("/api/audits/{id}/corrective-actions/CA1/verify", auditId),
                Map.of("verifiedBy", "cb-admin")).with(asReviewer())).andReturn().getResponse(), 409);

        ConsumerRecord<String, String> record = awaitRecord(Topics.CORRECTIVE_ACTIONS_VERIFIED, auditId, e -> true);
        assertThat(record.key()).isEqualTo(enterpriseId);
        CorrectiveActionsVerified event = CODEC.data(CODEC.read(record.value()), CorrectiveActionsVerified.class);
        assertThat(event.revision()).isEqualTo(1);
        assertThat(event.enterpriseId()).isEqualTo(enterpriseId);
        assertThat(event.actions()).isEqualTo(1);
        // reported verified: certificate-service decides now, so the audit can no longer be returned
        body(mvc.perform(json(post("/api/audits/{id}/return", auditId), Map.of("reason", "too late"))
                .with(asReviewer())).andReturn().getResponse(), 409);

        // certificate-service releases its decision
        send(issued(auditId, 1, enterpriseId, "SC-CA-" + auditId.substring(0, 8)), "certificate-service");
        JsonNode decided = awaitAudit(auditId, a -> a.get("status").asString().equals("DECIDED"));
        assertThat(decided.get("timeline")).extracting(t -> t.get("status").asString()).containsExactly("PLANNED",
                "IN_PROGRESS", "SUBMITTED", "SCORED", "AWAITING_CORRECTIVE_ACTIONS", "DECIDED");
        assertThat(decided.get("correctiveActionsVerifiedAt").isNull()).isFalse();
        assertThat(eventsFor(Topics.CORRECTIVE_ACTIONS_VERIFIED, auditId)).hasSize(1); // exactly once
    }

    // ---------------------------------------------------------------- evidence files

    @Test
    void aHeldAuditCanBeReturnedBeforeItsDecisionAndIsResubmittedAsTheNextRevision() throws Exception {
        String enterpriseId = UUID.randomUUID().toString();
        JsonNode audit = centralOnlyAudit(enterpriseId, "INITIAL");
        String auditId = audit.get("id").asString();
        body(mvc.perform(json(put("/api/audits/{id}/findings", auditId), Map.of(
                "findings", findingsFor(audit, "CENTRAL"),
                "specialDeductions", List.of(Map.of("category", "POLICY", "description", "hotline not staffed"))))
                .with(asLead())).andReturn().getResponse(), 200);
        body(mvc.perform(post("/api/audits/{id}/submit", auditId).with(asLead())).andReturn().getResponse(), 202);
        send(score(auditId, 1, enterpriseId, "99.0", Band.FIVE_STAR, 1), "scoring-service");
        awaitAudit(auditId, a -> a.get("status").asString().equals("AWAITING_CORRECTIVE_ACTIONS"));

        // the CB finds the deduction was recorded wrongly: back to the auditor before any decision
        JsonNode returned = body(mvc.perform(json(post("/api/audits/{id}/return", auditId),
                Map.of("reason", "deduction belongs to another enterprise")).with(asReviewer()))
                .andReturn().getResponse(), 200);
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        body(mvc.perform(json(put("/api/audits/{id}/findings", auditId), Map.of("specialDeductions", List.of()))
                .with(asLead())).andReturn().getResponse(), 200);
        JsonNode resubmitted = body(mvc.perform(post("/api/audits/{id}/submit", auditId).with(asLead()))
                .andReturn().getResponse(), 202);
        assertThat(resubmitted.get("revision").asInt()).isEqualTo(2);

        // a late score of revision 1 changes nothing; the decision on revision 2 decides the audit
        send(score(auditId, 1, enterpriseId, "99.0", Band.FIVE_STAR, 1), "scoring-service");
        send(issued(auditId, 2, enterpriseId, "SC-R2-" + auditId.substring(0, 8)), "certificate-service");
        JsonNode decided = awaitAudit(auditId, a -> a.get("status").asString().equals("DECIDED"));
        assertThat(decided.get("revision").asInt()).isEqualTo(2);
        assertThat(decided.get("certificateNumber").asString()).startsWith("SC-R2-");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.gridfs.GridFsTemplate gridFs;
    @org.springframework.beans.factory.annotation.Autowired
    com.starcert.audit.attachments.OrphanedFiles orphanedFiles;

    @Test
    void evidenceFilesAreStoredWithTheAuditCheckedByContentAndSize() throws Exception {
        String enterpriseId = UUID.randomUUID().toString();
        String auditId = centralOnlyAudit(enterpriseId, "INITIAL").get("id").asString();
        byte[] png = new byte[2048];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(header, 0, png, 0, header.length);
        Arrays.fill(png, header.length, png.length, (byte) 7);

        MockHttpServletResponse created = mvc.perform(multipart("/api/audits/{id}/attachments", auditId)
                .file(new MockMultipartFile("file", "前台.png", "image/png", png))
                .param("siteId", "CENTRAL").param("indicator", "SYS-ORG").param("note", "organisation chart")
                .with(asAuditor(MEMBER))).andReturn().getResponse();
        JsonNode attachment = body(created, 201);
        String attachmentId = attachment.get("id").asString();
        assertThat(created.getHeader("Location")).isEqualTo("/api/audits/" + auditId + "/attachments/" + attachmentId);
        assertThat(attachment.get("contentType").asString()).isEqualTo("image/png");
        assertThat(attachment.get("size").asLong()).isEqualTo(2048);
        assertThat(attachment.get("fileName").asString()).isEqualTo("前台.png");
        assertThat(attachment.get("siteId").asString()).isEqualTo("CENTRAL");
        assertThat(attachment.get("indicator").asString()).isEqualTo("SYS-ORG");
        assertThat(attachment.get("uploadedBy").asString()).isEqualTo(MEMBER);
        assertThat(attachment.get("uploadedByName").asString()).isEqualTo("Auditor " + MEMBER);
        assertThat(attachment.get("sha256").asString()).hasSize(64);

        MockHttpServletResponse download = mvc.perform(get("/api/audits/{id}/attachments/{a}", auditId, attachmentId)
                .with(asAdmin())).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentType()).isEqualTo("image/png");
        assertThat(download.getContentAsByteArray()).isEqualTo(png);
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;");
        assertThat(getAudit(auditId).get("attachments")).hasSize(1);
        body(mvc.perform(get("/api/audits/{id}/attachments/{a}", auditId, "000000000000000000000000").with(asAdmin()))
                .andReturn().getResponse(), 404);

        // a crash between storing a file and saving the audit leaves a file no audit lists: the pass removes it
        // (and one of an audit that does not exist), never a file an audit lists
        org.bson.types.ObjectId orphan = gridFs.store(new java.io.ByteArrayInputStream(png), "orphan.png",
                "image/png", new org.bson.Document("auditId", auditId));
        org.bson.types.ObjectId stray = gridFs.store(new java.io.ByteArrayInputStream(png), "stray.png",
                "image/png", new org.bson.Document("auditId", "no-such-audit"));
        assertThat(orphanedFiles.removeStoredBefore(java.time.Instant.now().minusSeconds(3600)))
                .as("nothing younger than the cut-off").isZero();
        assertThat(orphanedFiles.removeStoredBefore(java.time.Instant.now().plusSeconds(5))).isGreaterThanOrEqualTo(2);
        assertThat(gridFs.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(orphan)))).isNull();
        assertThat(gridFs.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(stray)))).isNull();
        assertThat(mvc.perform(get("/api/audits/{id}/attachments/{a}", auditId, attachmentId).with(asAdmin()))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(png);

        // an HTML page declared as a PNG, a PNG declared as a PDF, a bad site: 400 naming the fields
        JsonNode wrongType = body(mvc.perform(multipart("/api/audits/{id}/attachments", auditId).with(asLead())
                .file(new MockMultipartFile("file", "x.png", "image/png",
                        "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .param("siteId", "S07")).andReturn().getResponse(), 400);
        assertThat(fields(wrongType)).containsExactly("file", "siteId");
        JsonNode mislabelled = body(mvc.perform(multipart("/api/audits/{id}/attachments", auditId).with(asLead())
                .file(new MockMultipartFile("file", "x.pdf", "application/pdf", png))).andReturn().getResponse(), 400);
        assertThat(mislabelled.get("errors").get(0).get("reason").asString()).contains("image/png");

        // more than 10 MB: 413
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(header, 0, big, 0, header.length);
        JsonNode tooLarge = body(mvc.perform(multipart("/api/audits/{id}/attachments", auditId).with(asLead())
                .file(new MockMultipartFile("file", "big.png", "image/png", big))).andReturn().getResponse(), 413);
        assertThat(fields(tooLarge)).containsExactly("file");
        assertThat(getAudit(auditId).get("attachments")).hasSize(1);

        // evidence notes on findings; corrective-action evidence may point at attachments
        Map<String, Object> org = finding("CENTRAL", "SYS-ORG", "CONFORMING", null, null);
        org.put("evidence", "chart dated 2026-01, see attachment");
        JsonNode withNote = body(mvc.perform(json(put("/api/audits/{id}/findings", auditId),
                Map.of("findings", List.of(org))).with(asLead())).andReturn().getResponse(), 200);
        assertThat(withNote.get("findings").get(0).get("evidence").asString()).startsWith("chart dated");
    }

    // ---------------------------------------------------------------- programme

    @Test
    void theProgrammeFollowsTheCertificateAndTheSecondSurveillanceAvoidsTheFirstOnesOutlets() throws Exception {
        String enterpriseId = UUID.randomUUID().toString();
        body(mvc.perform(get("/api/enterprises/{id}/programme", enterpriseId).with(asAdmin())).andReturn()
                .getResponse(), 404);
        send(enterprise(enterpriseId, 1));
        send(outlet(enterpriseId, "hq-" + enterpriseId, 1, OutletKind.HEADQUARTERS, OutletStatus.ACTIVE, "350100"));
        for (int i = 0; i < 12; i++) {
            send(outlet(enterpriseId, "o" + i + "-" + enterpriseId, 1, OutletKind.BRANCH, OutletStatus.ACTIVE,
                    "350100"));
        }
        awaitScope(enterpriseId, s -> s.get("activeOutlets").asInt() == 12);

        JsonNode initial = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId,
                "type", "INITIAL", "team", Map.of("leadAuditor", "aud-li-wei", "members", List.of("aud-zhang-min"),
                        "displayNames", List.of(Map.of("sub", "aud-li-wei", "name", "李伟 Li Wei"))))))
                .andReturn().getResponse(), 201);
        String initialId = initial.get("id").asString();
        assertThat(initial.get("programmeStep").asString()).isEqualTo("INITIAL");
        assertThat(initial.get("team").get("leadAuditor").asString()).isEqualTo("aud-li-wei");
        assertThat(JSON.convertValue(initial.get("team").get("members"), List.class)).containsExactly("aud-zhang-min");
        assertThat(initial.get("team").get("displayNames").get(0).get("sub").asString()).isEqualTo("aud-li-wei");
        assertThat(initial.get("team").get("displayNames").get(0).get("name").asString()).isEqualTo("李伟 Li Wei");
        JsonNode before = body(mvc.perform(get("/api/enterprises/{id}/programme", enterpriseId).with(asAdmin()))
                .andReturn().getResponse(), 200);
        assertThat(before.get("entries")).hasSize(1);
        assertThat(before.get("entries").get(0).get("auditId").asString()).isEqualTo(initialId);

        send(new CertificateIssued("SC-P-" + initialId.substring(0, 8), 1, initialId, 1, enterpriseId, HOLDER,
                SCHEME.ref(), Band.COMPLIANT, new BigDecimal("85.0"), LocalDate.of(2026, 3, 1),
                LocalDate.of(2029, 2, 28), List.of(), Instant.parse("2026-03-01T09:00:00Z")), "certificate-service");
        JsonNode programme = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(
                () -> body(mvc.perform(get("/api/enterprises/{id}/programme", enterpriseId).with(asAdmin()))
                        .andReturn().getResponse(), 200), p -> p.get("entries").size() == 4);
        assertThat(programme.get("decidedOn").asString()).isEqualTo("2026-03-01");
        assertThat(programme.get("validUntil").asString()).isEqualTo("2029-02-28");
        assertThat(programme.get("cycleStartedByAuditId").asString()).isEqualTo(initialId);
        assertThat(programme.get("entries")).extracting(e -> e.get("step").asString() + "@" + e.get("dueDate"))
                .containsExactly("INITIAL@null", "SURVEILLANCE_1@\"2027-03-01\"", "SURVEILLANCE_2@\"2028-03-01\"",
                        "RECERTIFICATION@\"2028-11-28\"");

        // two surveillances: the second visits other outlets (n = 12: 3 each, 12 - 3 leaves enough)
        JsonNode s1 = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId,
                "type", "SURVEILLANCE", "randomSeed", 5, "seedReason", "same seed for both, to show the rotation")))
                .andReturn().getResponse(), 201);
        JsonNode s2 = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId,
                "type", "SURVEILLANCE", "randomSeed", 5, "seedReason", "same seed for both, to show the rotation")))
                .andReturn().getResponse(), 201);
        assertThat(s1.get("programmeStep").asString()).isEqualTo("SURVEILLANCE_1");
        assertThat(s2.get("programmeStep").asString()).isEqualTo("SURVEILLANCE_2");
        assertThat(outlets(s1)).hasSize(3).doesNotContainAnyElementsOf(outlets(s2));
        assertThat(outlets(s2)).hasSize(3);

        JsonNode planned = body(mvc.perform(get("/api/enterprises/{id}/programme", enterpriseId).with(asAdmin()))
                .andReturn().getResponse(), 200);
        assertThat(planned.get("entries").get(1).get("auditId").asString()).isEqualTo(s1.get("id").asString());
        assertThat(planned.get("entries").get(1).get("auditStatus").asString()).isEqualTo("PLANNED");
        assertThat(planned.get("entries").get(2).get("auditId").asString()).isEqualTo(s2.get("id").asString());

        send(new CertificateStatusChanged("SC-P-" + initialId.substring(0, 8), 1, enterpriseId,
                CertificateStatus.ACTIVE, CertificateStatus.SUSPENDED, Band.COMPLIANT, "surveillance overdue", null,
                LocalDate.of(2027, 3, 2), Instant.parse("2027-03-02T00:00:00Z")), "certificate-service");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(
                () -> body(mvc.perform(get("/api/enterprises/{id}/programme", enterpriseId).with(asAdmin()))
                        .andReturn().getResponse(), 200),
                p -> "SUSPENDED".equals(p.get("certificateStatus").asString(null)));
    }

    @Test
    void theNewestCertificateFactWinsWhateverOrderItsEventsArriveIn(
            @Autowired com.starcert.audit.programme.ProgrammeStore programmes) {
        String enterpriseId = "ent-" + UUID.randomUUID();
        String number = "GBT27922-2026-000101";
        CertificateIssued issued = new CertificateIssued(number, 1, "A-order-1", 1, enterpriseId, HOLDER,
                SCHEME.ref(), Band.COMPLIANT, new BigDecimal("85.0"), LocalDate.of(2026, 3, 1),
                LocalDate.of(2029, 2, 28), List.of(), Instant.parse("2026-03-01T09:00:00Z"));
        CertificateStatusChanged suspended = new CertificateStatusChanged(number, 1, enterpriseId,
                CertificateStatus.ACTIVE, CertificateStatus.SUSPENDED, Band.COMPLIANT, "holder asked", null,
                LocalDate.of(2026, 6, 1), Instant.parse("2026-06-01T00:00:00Z"));

        // the status change comes first (a backlog after a restart), then its certificate's issue
        assertThat(programmes.apply(suspended)).isTrue();
        assertThat(programmes.apply(issued)).isTrue();
        var programme = programmes.programme(enterpriseId).orElseThrow();
        assertThat(programme.certificateStatus()).as("the later fact, whatever came first")
                .isEqualTo(CertificateStatus.SUSPENDED);
        assertThat(programme.cycleId()).isEqualTo("A-order-1");
        assertThat(programme.decidedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(programme.validUntil()).isEqualTo(LocalDate.of(2029, 2, 28));

        // replays, and the events of an earlier certificate arriving late, change nothing
        assertThat(programmes.apply(suspended)).isFalse();
        assertThat(programmes.apply(issued)).isFalse();
        String earlier = "GBT27922-2023-000900";
        assertThat(programmes.apply(new CertificateStatusChanged(earlier, 1, enterpriseId, CertificateStatus.ACTIVE,
                CertificateStatus.EXPIRED, Band.COMPLIANT, "superseded", null, LocalDate.of(2026, 7, 1),
                Instant.parse("2026-07-01T00:00:00Z")))).isFalse();
        assertThat(programmes.apply(new CertificateIssued(earlier, 2, "A-order-0", 1, enterpriseId, HOLDER,
                SCHEME.ref(), Band.COMPLIANT, new BigDecimal("80.0"), LocalDate.of(2023, 5, 1),
                LocalDate.of(2026, 4, 30), List.of(), Instant.parse("2026-08-01T00:00:00Z")))).isFalse();
        assertThat(programmes.programme(enterpriseId).orElseThrow()).isEqualTo(programme);

        // in order, a later status change still applies
        CertificateStatusChanged restored = new CertificateStatusChanged(number, 1, enterpriseId,
                CertificateStatus.SUSPENDED, CertificateStatus.ACTIVE, Band.COMPLIANT, "cause dealt with", null,
                LocalDate.of(2026, 9, 1), Instant.parse("2026-09-01T00:00:00Z"));
        assertThat(programmes.apply(restored)).isTrue();
        assertThat(programmes.programme(enterpriseId).orElseThrow().certificateStatus())
                .isEqualTo(CertificateStatus.ACTIVE);
    }

    @Test
    void savingAnAuditNeverUndoesTheRelay(@Autowired com.starcert.support.messaging.OutboxEvents outboxEvents,
                                          @Autowired com.starcert.support.messaging.OutboxRelay relay)
            throws Exception {
        String auditId = centralOnlyAudit(UUID.randomUUID().toString(), "INITIAL").get("id").asString();
        relay.stop(); // this test plays the relay's part itself
        try {
            saveWhileTheRelayWorks(auditId, outboxEvents);
        } finally {
            relay.start();
        }
    }

    private void saveWhileTheRelayWorks(String auditId, com.starcert.support.messaging.OutboxEvents outboxEvents) {
        var byId = org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(auditId));
        // an event waits in the outbox and a relay (elsewhere) holds the document's lease; the audit is read so
        mongo.updateFirst(byId, new org.springframework.data.mongodb.core.query.Update().push("outbox",
                mongo.getConverter().convertToMongoType(outboxEvents.message(new com.starcert.contracts.AuditReturned(
                        auditId, 9, "ent-x", "waiting", Instant.now()), "corr-waiting")))
                .set("outboxLeaseOwner", "relay-elsewhere")
                .set("outboxLeaseUntil", java.util.Date.from(Instant.now().plusSeconds(60))), "audits");
        Audit read = repository.findById(auditId).orElseThrow();
        Audit stale = repository.findById(auditId).orElseThrow();
        String waiting = read.outbox().get(read.outbox().size() - 1).eventId();
        // meanwhile that relay sends the event and removes it
        mongo.updateFirst(byId, new org.springframework.data.mongodb.core.query.Update()
                .pull("outbox", new org.bson.Document("eventId", waiting)), "audits");
        read.assignTeam(read.team());
        com.starcert.contracts.AuditReturned event = new com.starcert.contracts.AuditReturned(auditId, 1,
                read.enterpriseId(), "test", Instant.now());
        read.enqueue(outboxEvents.message(event, "corr-relay-test"));
        String queued = read.enqueued().get(0).eventId();
        long version = read.version();

        Audit saved = repository.save(read);

        org.bson.Document stored = mongo.findById(auditId, org.bson.Document.class, "audits");
        assertThat(stored.getString("outboxLeaseOwner")).as("the relay's lease is left alone")
                .isEqualTo("relay-elsewhere");
        assertThat(stored.getList("outbox", org.bson.Document.class)).extracting(d -> d.getString("eventId"))
                .as("what the relay sent is not put back; what was queued now is appended")
                .doesNotContain(waiting).contains(queued);
        assertThat(saved.version()).isEqualTo(version + 1);
        assertThat(stored.getLong("version")).isEqualTo(version + 1);
        // a stale copy is refused as before
        assertThatThrownBy(() -> repository.save(stale))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
    }

    @Test
    void findingsMayBeLargeButNotUnbounded() throws Exception {
        JsonNode audit = centralOnlyAudit(UUID.randomUUID().toString(), "INITIAL");
        String auditId = audit.get("id").asString();
        // 2 MB of findings (over the 1 MB of other bodies): read, and refused for what they say, not for their size
        String note = "x".repeat(2_000);
        StringBuilder two = new StringBuilder("{\"findings\":[");
        for (int i = 0; i < 1_000; i++) {
            two.append(i == 0 ? "" : ",").append("{\"siteId\":\"NOPE\",\"indicator\":\"SYS-ORG\",")
                    .append("\"result\":\"CONFORMING\",\"evidence\":\"").append(note).append("\"}");
        }
        two.append("]}");
        mvc.perform(put("/api/audits/{id}/findings", auditId).with(asLead())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(two.toString()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$.errors.length()").value(101));
        // over 8 MB: 413
        String nine = "{\"findings\":[],\"pad\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}";
        mvc.perform(put("/api/audits/{id}/findings", auditId).with(asLead())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(nine))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isContentTooLarge());
        // other bodies: 1 MB
        mvc.perform(post("/api/audits/{id}/return", auditId).with(asReviewer())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"" + "x".repeat(1_100_000) + "\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isContentTooLarge());
    }

    // ---------------------------------------------------------------- concurrency, team, schemes

    @Test
    void concurrentWritesOfTheSameAuditConflict() throws Exception {
        String enterpriseId = UUID.randomUUID().toString();
        String auditId = centralOnlyAudit(enterpriseId, "SURVEILLANCE").get("id").asString();

        Audit first = repository.findById(auditId).orElseThrow();
        Audit second = repository.findById(auditId).orElseThrow();
        first.assignTeam(new com.starcert.audit.planning.AuditTeam("Li Wei", List.of()));
        repository.save(first);
        second.assignTeam(new com.starcert.audit.planning.AuditTeam("Wang Fang", List.of()));
        assertThatThrownBy(() -> repository.save(second)).isInstanceOf(OptimisticLockingFailureException.class);

        // over HTTP: replacing the team needs If-Match (428 without), a stale ETag is 412, a current one succeeds
        MockHttpServletResponse current = mvc.perform(get("/api/audits/{id}", auditId).with(asAdmin()))
                .andReturn().getResponse();
        long version = JSON.readTree(current.getContentAsString(StandardCharsets.UTF_8)).get("version").asLong();
        assertThat(current.getHeader("ETag")).isEqualTo("\"" + version + "\"");
        JsonNode required = body(mvc.perform(json(put("/api/audits/{id}/team", auditId),
                Map.of("leadAuditor", "aud-zhao")).with(asAdmin())).andReturn().getResponse(), 428);
        assertThat(fields(required)).containsExactly("If-Match");
        body(mvc.perform(json(put("/api/audits/{id}/team", auditId), Map.of("leadAuditor", "aud-zhao"))
                .with(asAdmin()).header("If-Match", "\"" + (version - 1) + "\"")).andReturn().getResponse(), 412);
        MockHttpServletResponse ok = mvc.perform(json(put("/api/audits/{id}/team", auditId),
                Map.of("leadAuditor", "aud-zhao", "members", List.of("aud-sun", "aud-zhao"))).with(asAdmin())
                .header("If-Match", "\"" + version + "\"")).andReturn().getResponse();
        JsonNode team = body(ok, 200);
        assertThat(ok.getHeader("ETag")).isEqualTo("\"" + (version + 1) + "\"");
        assertThat(team.get("team").get("leadAuditor").asString()).isEqualTo("aud-zhao");
        assertThat(JSON.convertValue(team.get("team").get("members"), List.class)).containsExactly("aud-sun");
        // findings merge, so If-Match is checked when sent: the version before the team change is stale
        body(mvc.perform(json(put("/api/audits/{id}/findings", auditId), Map.of("findings", List.of()))
                .with(asAuditor("aud-sun")).header("If-Match", "\"" + version + "\"")).andReturn().getResponse(), 412);
        MockHttpServletResponse etagged = mvc.perform(get("/api/audits/{id}", auditId).with(asAdmin()))
                .andReturn().getResponse();
        assertThat(etagged.getHeader("ETag")).isEqualTo("\"" + (version + 1) + "\"");
        JsonNode noLead = body(mvc.perform(json(put("/api/audits/{id}/team", auditId), Map.of("members",
                List.of("x"))).with(asAdmin()).header("If-Match", "\"" + (version + 1) + "\"")).andReturn()
                .getResponse(), 400);
        assertThat(fields(noLead)).containsExactly("leadAuditor");
    }

    @Test
    void aPublishedSchemeCanBePinnedAndFindingsAreCheckedAgainstThePinnedVersion() throws Exception {
        String schemeId = "TEST-" + UUID.randomUUID().toString().substring(0, 8);
        List<Scheme.Indicator> indicators = SCHEME.indicators().stream()
                .filter(i -> !i.code().equals("PRD-RCY")).toList();
        SchemePublished published = new SchemePublished(new Scheme(schemeId, 1, "test scheme", indicators),
                Instant.now());
        send(published, "scoring-service");
        send(published, "scoring-service"); // replay: stored once

        String enterpriseId = UUID.randomUUID().toString();
        send(enterprise(enterpriseId, 1));
        awaitScope(enterpriseId, s -> true);
        JsonNode unknown = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId,
                "type", "INITIAL", "scheme", Map.of("id", schemeId, "version", 2)))).andReturn().getResponse(), 400);
        assertThat(fields(unknown)).containsExactly("scheme");
        JsonNode audit = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
            MockHttpServletResponse r = mvc.perform(plan(Map.of("enterpriseId", enterpriseId,
                    "type", "INITIAL", "scheme", Map.of("id", schemeId, "version", 1)))).andReturn().getResponse();
            return r.getStatus() == 201 ? JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8)) : null;
        }, java.util.Objects::nonNull);
        assertThat(audit.get("scheme").get("id").asString()).isEqualTo(schemeId);
        JsonNode bad = body(mvc.perform(json(put("/api/audits/{id}/findings", audit.get("id").asString()),
                Map.of("findings", List.of(finding("CENTRAL", "PRD-RCY", "CONFORMING", null, null)))).with(asLead()))
                .andReturn().getResponse(), 400);
        assertThat(bad.get("errors").get(0).get("reason").asString()).contains(schemeId);
        // the missing list follows the pinned version: one indicator fewer
        JsonNode missing = body(mvc.perform(post("/api/audits/{id}/submit", audit.get("id").asString()).with(asLead()))
                .andReturn().getResponse(), 422);
        assertThat(missing.get("errors")).hasSize(indicators.size());

        // new audits pin the latest known version of the configured scheme
        SchemeCatalog catalog = new SchemeCatalog(new AuditSettings(schemeId, 1, null, null, null, null, null), mongo);
        assertThat(catalog.current().version()).isEqualTo(1);
        send(new SchemePublished(new Scheme(schemeId, 2, "test scheme v2", SCHEME.indicators()), Instant.now()),
                "scoring-service");
        await().atMost(PATIENCE).until(() -> catalog.current().version() == 2);
        assertThat(catalog.current().indicators()).hasSize(SCHEME.indicators().size());
    }

    // ---------------------------------------------------------------- helpers

    static Set<String> outlets(JsonNode audit) {
        Set<String> ids = new HashSet<>();
        audit.get("sites").forEach(s -> {
            if (!s.get("central").asBoolean()) {
                ids.add(s.get("outletId").asString());
            }
        });
        return ids;
    }

    static ScoreComputed score(String auditId, int revision, String enterpriseId, String score, Band band,
                               int deductions) {
        return new ScoreComputed(auditId, revision, enterpriseId, HOLDER, AuditType.INITIAL, SCHEME.ref(),
                new BigDecimal(score), band, List.of(), deductions, false, Instant.now());
    }

    static CertificateIssued issued(String auditId, int revision, String enterpriseId, String number) {
        return new CertificateIssued(number, 1, auditId, revision, enterpriseId, HOLDER, SCHEME.ref(),
                Band.COMPLIANT, new BigDecimal("90.0"), LocalDate.now(), LocalDate.now().plusYears(3).minusDays(1),
                List.of(), Instant.now());
    }

    static CloudEvent awaitEvent(String topic, String subject, Predicate<CloudEvent> condition) {
        return CODEC.read(awaitRecord(topic, subject, condition).value());
    }

    static ConsumerRecord<String, String> awaitRecord(String topic, String subject, Predicate<CloudEvent> condition) {
        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvent e = CODEC.read(r.value());
                    if (subject.equals(e.subject()) && condition.test(e)) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no event for " + subject + " on " + topic);
    }

    /** Every event about the subject on the topic, read until nothing more came for 3 s after the first one. */
    static List<CloudEvent> eventsFor(String topic, String subject) {
        List<CloudEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
            long quietSince = System.currentTimeMillis();
            while (System.currentTimeMillis() < deadline
                    && (events.isEmpty() || System.currentTimeMillis() - quietSince < 3_000)) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    quietSince = System.currentTimeMillis();
                }
                for (ConsumerRecord<String, String> r : records) {
                    CloudEvent e = CODEC.read(r.value());
                    if (subject.equals(e.subject())) {
                        events.add(e);
                    }
                }
            }
        }
        return events;
    }

    static KafkaConsumer<String, String> consumer(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", SharedTestInfrastructure.get().kafkaBootstrapServers(),
                "group.id", "audit-test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
