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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Band;
import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.CertificationRefused;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EnterpriseChanged;
import com.starcert.contracts.Holder;
import com.starcert.contracts.OutletChanged;
import com.starcert.contracts.OutletChanged.OutletKind;
import com.starcert.contracts.OutletChanged.OutletStatus;
import com.starcert.contracts.ScoreComputed;

import tools.jackson.databind.JsonNode;

/** audit-service against a real KRaft broker and a Mongo wire server, fed with real CloudEvents (issue 2 flows). */
class AuditServiceIntegrationTest extends IntegrationTestBase {

    // ---------------------------------------------------------------- network read model

    @Test
    void outletIdsShapedLikeObjectIdsAsOutletServiceIssuesThemAreReadBack() throws Exception {
        String enterpriseId = new org.bson.types.ObjectId().toHexString();
        String outletId = new org.bson.types.ObjectId().toHexString();
        send(enterprise(enterpriseId, 1));
        send(outlet(enterpriseId, outletId, 1, OutletKind.BRANCH, OutletStatus.ACTIVE, "410105"));

        JsonNode scope = awaitScope(enterpriseId, s -> s.get("activeOutlets").asInt() == 1);
        assertThat(scope.get("provinces").toString()).contains("41");
        mvc.perform(post("/api/audits").with(asAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":\"" + enterpriseId + "\",\"type\":\"INITIAL\"}"))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(201))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains(outletId));
    }

    @Test
    void outletsArrivingAsEventsMakeTheAuditScopeAndStaleOrReplayedEventsChangeNothing() throws Exception {
        String enterpriseId = UUID.randomUUID().toString();
        mvc.perform(get("/api/enterprises/{id}/audit-scope", enterpriseId).with(asAdmin()))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));

        registerNetwork(enterpriseId);
        OutletChanged o4 = outlet(enterpriseId, "o4-" + enterpriseId, 1, OutletKind.BRANCH, OutletStatus.ACTIVE, "120000");
        send(o4);
        send(new OutletChanged(enterpriseId, o4.outletId(), OutletChanged.Change.SUSPENDED, 2, o4.name(), o4.kind(),
                OutletStatus.SUSPENDED, o4.regionCode(), o4.addressLine(), o4.registeredAt()));
        send(o4); // replay of the older version: must not bring the outlet back
        send(outlet(enterpriseId, "o5-" + enterpriseId, 1, OutletKind.PARTNER, OutletStatus.ACTIVE, "110000"));

        JsonNode scope = awaitScope(enterpriseId, s -> s.get("provinces").toString().contains("\"11\""));
        assertThat(scope.get("enterpriseId").asString()).isEqualTo(enterpriseId);
        assertThat(scope.get("name").asString()).isEqualTo("ACME 售后服务");
        assertThat(scope.get("uscc").asString()).isEqualTo("91350100M000100Y43");
        assertThat(scope.get("central").get("outletId").asString()).isEqualTo("hq-" + enterpriseId);
        assertThat(scope.get("central").get("regionCode").asString()).isEqualTo("350100");
        assertThat(scope.get("central").get("addressLine").asString()).isEqualTo("HQ street 1");
        // o1..o3 and o5; HQ never counts, o4 stays suspended
        assertThat(scope.get("activeOutlets").asInt()).isEqualTo(4);
        assertThat(JSON.convertValue(scope.get("provinces"), List.class)).containsExactly("11", "33", "35", "44");
        assertThat(scope.get("sampleSizes").get("INITIAL").asInt()).isEqualTo(2);
        assertThat(scope.get("sampleSizes").get("SURVEILLANCE").asInt()).isEqualTo(2);
        assertThat(scope.get("sampleSizes").get("RECERTIFICATION").asInt()).isEqualTo(2);
        assertThat(scope.get("sampleSizes").get("SPECIAL").asInt()).isEqualTo(2);

        // enterprise events: a stale version and a replay change nothing
        EnterpriseChanged renamed = new EnterpriseChanged(enterpriseId, EnterpriseChanged.Change.UPDATED, 5,
                "ACME renamed", "91350100M000100Y43", "350100", "new address");
        assertThat(networkStore.apply(renamed)).isTrue();
        assertThat(networkStore.apply(renamed)).isFalse();
        assertThat(networkStore.apply(enterprise(enterpriseId, 4))).isFalse();
        assertThat(networkStore.enterprise(enterpriseId).orElseThrow().name()).isEqualTo("ACME renamed");
    }

    @Test
    void anEnterpriseWithoutOutletsIsAuditedAtItsRegisteredAddress() throws Exception {
        String enterpriseId = UUID.randomUUID().toString();
        send(enterprise(enterpriseId, 1));
        JsonNode scope = awaitScope(enterpriseId, s -> true);
        assertThat(scope.get("central").get("outletId").isNull()).isTrue();
        assertThat(scope.get("central").get("addressLine").asString()).isEqualTo("Registered road 8");
        assertThat(scope.get("activeOutlets").asInt()).isZero();

        JsonNode audit = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId,
                "type", "INITIAL"))).andReturn().getResponse(), 201);
        assertThat(audit.get("sites")).hasSize(1);
        assertThat(audit.get("sites").get(0).get("siteId").asString()).isEqualTo("CENTRAL");
        assertThat(audit.get("sampleSize").asInt()).isZero();
        assertThat(audit.get("minimumAuditDays").decimalValue()).isEqualByComparingTo("0.5");

        JsonNode missing = body(mvc.perform(post("/api/audits/{id}/submit", audit.get("id").asString())
                .with(asLead())).andReturn().getResponse(), 422);
        assertThat(missing.get("errors")).hasSize(SCHEME.indicators().size());
    }

    // ---------------------------------------------------------------- plan → findings → submit → decisions

    @Test
    void anAuditGoesFromPlanToDecisionAndRedeliveredDecisionsChangeNothing() throws Exception {
        String enterpriseId = UUID.randomUUID().toString();
        registerNetwork(enterpriseId);
        awaitScope(enterpriseId, s -> s.get("activeOutlets").asInt() == 3);

        // plan, by the CB administrator, with a seed of its choosing
        MockHttpServletResponse created = mvc.perform(plan(Map.of(
                "enterpriseId", enterpriseId, "type", "INITIAL", "randomSeed", 7, "outstanding", true,
                "seedReason", "replaying the draw shown to the client"))).andReturn().getResponse();
        JsonNode audit = body(created, 201);
        String auditId = audit.get("id").asString();
        assertThat(created.getHeader("Location")).isEqualTo("/api/audits/" + auditId);
        assertThat(audit.get("enterpriseId").asString()).isEqualTo(enterpriseId);
        assertThat(audit.get("type").asString()).isEqualTo("INITIAL");
        assertThat(audit.get("status").asString()).isEqualTo("PLANNED");
        assertThat(audit.get("revision").asInt()).isZero();
        assertThat(audit.get("scheme").get("id").asString()).isEqualTo("GBT27922-2011");
        assertThat(audit.get("scheme").get("version").asInt()).isEqualTo(1);
        assertThat(audit.get("sampleBase").asInt()).isEqualTo(3);
        assertThat(audit.get("sampleSize").asInt()).isEqualTo(2);
        assertThat(audit.get("randomSeed").asLong()).isEqualTo(7L);
        assertThat(audit.get("seedChoice").get("reason").asString())
                .isEqualTo("replaying the draw shown to the client");
        assertThat(audit.get("seedChoice").get("by").asString()).isEqualTo("admin-1");
        assertThat(audit.get("seedChoice").get("byName").asString()).isEqualTo("CB Admin");
        assertThat(audit.get("team").get("leadAuditor").asString()).isEqualTo(LEAD);
        assertThat(JSON.convertValue(audit.get("team").get("members"), List.class)).containsExactly(MEMBER);
        assertThat(audit.get("samplingAppropriate").asBoolean()).isTrue();
        assertThat(audit.get("outstanding").asBoolean()).isTrue();
        assertThat(audit.get("minimumAuditDays").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(audit.get("sites")).hasSize(3);
        JsonNode central = audit.get("sites").get(0);
        assertThat(central.get("siteId").asString()).isEqualTo("CENTRAL");
        assertThat(central.get("central").asBoolean()).isTrue();
        assertThat(central.get("selection").asString()).isEqualTo("CENTRAL");
        assertThat(central.get("outletId").asString()).isEqualTo("hq-" + enterpriseId);
        assertThat(audit.get("sites").get(1).get("siteId").asString()).isEqualTo("S01");
        assertThat(audit.get("sites").get(1).get("selection").asString()).isEqualTo("RANDOM");
        assertThat(audit.get("sites").get(2).get("selection").asString()).isEqualTo("RISK");
        assertThat(audit.get("sites").get(2).get("reason").asString()).isNotBlank();
        for (String empty : List.of("findings", "exclusions", "specialDeductions")) {
            assertThat(audit.get(empty).isArray() && audit.get(empty).isEmpty()).as(empty).isTrue();
        }
        for (String nothing : List.of("bonus", "score", "band", "certificateNumber", "decision")) {
            assertThat(audit.get(nothing).isNull()).as(nothing).isTrue();
        }
        assertThat(audit.get("timeline").get(0).get("status").asString()).isEqualTo("PLANNED");
        // the actor is the token's subject and name
        assertThat(audit.get("timeline").get(0).get("by").asString()).isEqualTo("admin-1");
        assertThat(audit.get("timeline").get(0).get("byName").asString()).isEqualTo("CB Admin");

        // the same seed and network reproduce the same draw
        JsonNode again = body(mvc.perform(plan(Map.of(
                "enterpriseId", enterpriseId, "type", "INITIAL", "randomSeed", 7, "seedReason", "same draw again")))
                .andReturn().getResponse(), 201);
        assertThat(again.get("sites").get(1).get("outletId")).isEqualTo(audit.get("sites").get(1).get("outletId"));

        // incomplete submit: 422 listing what is missing
        JsonNode incomplete = body(mvc.perform(post("/api/audits/{id}/submit", auditId).with(asLead()))
                .andReturn().getResponse(), 422);
        assertThat(fields(incomplete)).contains("sites[S01].SYS-STAFF", "sites[CENTRAL].SYS-ORG", "sites[S02].CUS-CMP");
        assertThat(incomplete.get("errors").get(0).get("reason").asString()).isEqualTo("not assessed");

        // bad findings: 400 naming every bad item
        JsonNode bad = body(mvc.perform(json(put("/api/audits/{id}/findings", auditId), Map.of("findings", List.of(
                finding("S01", "SYS-ORG", "CONFORMING", null, null),
                finding("S01", "SYS-STAFF", "CONFORMING", 0, 0),
                finding("S07", "PRD-INFO", "CONFORMING", null, null),
                finding("S02", "CUS-CMP", "NONCONFORMING", 3, 1)))).with(asLead())).andReturn().getResponse(), 400);
        assertThat(fields(bad)).containsExactly("findings[0].indicator", "findings[1].samplesChecked",
                "findings[2].siteId", "findings[3].reason");

        // findings, site by site: the member takes the central function, the lead the outlets
        JsonNode afterCentral = body(mvc.perform(json(put("/api/audits/{id}/findings", auditId),
                Map.of("findings", findingsFor(audit, "CENTRAL"))).with(asAuditor(MEMBER)))
                .andReturn().getResponse(), 200);
        assertThat(afterCentral.get("status").asString()).isEqualTo("IN_PROGRESS");
        Map<String, Object> rest = new LinkedHashMap<>();
        List<Map<String, Object>> outletFindings = new ArrayList<>(findingsFor(audit, "S01"));
        outletFindings.addAll(findingsFor(audit, "S02"));
        outletFindings.set(0, finding("S01", outletFindings.get(0).get("indicator").toString(), "NONCONFORMING",
                4, 1));
        outletFindings.get(0).put("reason", "one of four repair records incomplete");
        rest.put("findings", outletFindings);
        rest.put("specialDeductions", List.of(Map.of("category", "LEGAL", "description", "expired licence at S02")));
        rest.put("bonus", Map.of("description", "industry-leading 2 h on-site commitment"));
        JsonNode complete = body(mvc.perform(json(put("/api/audits/{id}/findings", auditId), rest).with(asLead()))
                .andReturn().getResponse(), 200);
        assertThat(complete.get("findings")).hasSize(afterCentral.get("findings").size() + outletFindings.size());
        assertThat(complete.get("bonus").get("description").asString()).startsWith("industry-leading");
        // an explicit null removes a recorded bonus, leaving it out keeps it
        JsonNode withoutBonus = body(mvc.perform(put("/api/audits/{id}/findings", auditId)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"bonus\": null}")
                .with(asLead())).andReturn().getResponse(), 200);
        assertThat(withoutBonus.get("bonus").isNull()).isTrue();
        assertThat(withoutBonus.get("specialDeductions")).hasSize(1);
        rest.remove("findings");
        rest.remove("specialDeductions");
        body(mvc.perform(json(put("/api/audits/{id}/findings", auditId), rest).with(asLead()))
                .andReturn().getResponse(), 200);
        JsonNode kept = body(mvc.perform(put("/api/audits/{id}/findings", auditId)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{}")
                .with(asLead())).andReturn().getResponse(), 200);
        assertThat(kept.get("bonus").get("description").asString()).startsWith("industry-leading");

        // submit: one save with the outbox; the event goes to audit.submitted keyed by the enterprise
        JsonNode submitted = body(mvc.perform(post("/api/audits/{id}/submit", auditId).with(asLead()))
                .andReturn().getResponse(), 202);
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("revision").asInt()).isEqualTo(1);
        body(mvc.perform(post("/api/audits/{id}/submit", auditId).with(asLead())).andReturn().getResponse(), 409);
        body(mvc.perform(json(put("/api/audits/{id}/findings", auditId), Map.of("findings", List.of()))
                .with(asLead())).andReturn().getResponse(), 409);

        ConsumerRecord<String, String> record = awaitSubmitted(auditId);
        assertThat(record.key()).isEqualTo(enterpriseId);
        CloudEvent cloudEvent = CODEC.read(record.value());
        assertThat(cloudEvent.type()).isEqualTo("com.starcert.audit.submitted.v1");
        assertThat(cloudEvent.enterpriseid()).isEqualTo(enterpriseId);
        assertThat(cloudEvent.correlationid()).isNotBlank();
        assertThat(cloudEvent.source()).isEqualTo("/starcert/audit-service");
        AuditSubmitted event = CODEC.data(cloudEvent, AuditSubmitted.class);
        assertThat(event.revision()).isEqualTo(1);
        assertThat(event.holder()).isEqualTo(new Holder("ACME 售后服务", "91350100M000100Y43"));
        assertThat(event.auditType()).isEqualTo(AuditType.INITIAL);
        assertThat(event.scheme()).isEqualTo(SCHEME.ref());
        assertThat(event.sites()).hasSize(3);
        assertThat(event.sites().get(0).central()).isTrue();
        assertThat(event.findings()).hasSize(complete.get("findings").size());
        assertThat(event.specialDeductions()).hasSize(1);
        assertThat(event.bonus()).isNotNull();
        assertThat(event.outstanding()).isTrue();

        // score, then decision; stale revisions and redeliveries change nothing
        ScoreComputed score = new ScoreComputed(auditId, 1, enterpriseId, event.holder(), AuditType.INITIAL,
                event.scheme(), new BigDecimal("92.5"), Band.FOUR_STAR, event.sites(), 1, true, Instant.now());
        send(new ScoreComputed(auditId, 2, enterpriseId, event.holder(), AuditType.INITIAL, event.scheme(),
                new BigDecimal("10.0"), Band.NOT_CERTIFIED, event.sites(), 0, true, Instant.now()), "scoring-service");
        send(score, "scoring-service");
        // the special deduction opened a corrective action: the decision is held (issue 3)
        JsonNode scored = awaitAudit(auditId, a -> a.get("status").asString().equals("AWAITING_CORRECTIVE_ACTIONS"));
        assertThat(scored.get("score").decimalValue()).isEqualByComparingTo("92.5");
        assertThat(scored.get("band").asString()).isEqualTo("FOUR_STAR");
        assertThat(last(scored.get("timeline")).get("by").asString()).isEqualTo("scoring-service");

        CertificateIssued issued = new CertificateIssued("SC-2026-000123", 1, auditId, 1, enterpriseId,
                event.holder(), event.scheme(), Band.FOUR_STAR, new BigDecimal("92.5"), LocalDate.of(2026, 3, 1),
                LocalDate.of(2029, 2, 28), event.sites(), Instant.now());
        send(issued, "certificate-service");
        JsonNode decided = awaitAudit(auditId, a -> a.get("status").asString().equals("DECIDED"));
        assertThat(decided.get("certificateNumber").asString()).isEqualTo("SC-2026-000123");
        assertThat(decided.get("decision").get("outcome").asString()).isEqualTo("ISSUED");
        assertThat(decided.get("score").decimalValue()).isEqualByComparingTo("92.5");
        assertThat(decided.get("timeline")).extracting(t -> t.get("status").asString())
                .containsExactly("PLANNED", "IN_PROGRESS", "SUBMITTED", "SCORED", "AWAITING_CORRECTIVE_ACTIONS",
                        "DECIDED");
        assertThat(decided.get("timeline").get(1).get("by").asString()).isEqualTo(MEMBER);
        assertThat(decided.get("timeline").get(1).get("byName").asString()).isEqualTo("Auditor " + MEMBER);
        assertThat(decided.get("timeline").get(2).get("by").asString()).isEqualTo(LEAD);
        assertThat(decided.get("timeline").get(2).get("byName").asString()).isEqualTo("Auditor " + LEAD);
        assertThat(last(decided.get("timeline")).get("by").asString()).isEqualTo("certificate-service");

        send(score, "scoring-service");
        send(issued, "certificate-service");
        send(new CertificationRefused(auditId, 1, enterpriseId, new BigDecimal("92.5"), Band.FOUR_STAR, "late",
                Instant.now()), "certificate-service");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(getAudit(auditId)).isEqualTo(decided));

        // newest first
        JsonNode list = body(mvc.perform(get("/api/audits").with(asAdmin()).param("enterpriseId", enterpriseId))
                .andReturn().getResponse(), 200);
        assertThat(list).extracting(a -> a.get("id").asString())
                .containsExactly(again.get("id").asString(), auditId);
    }

    @Test
    void aDecisionArrivingBeforeTheScoreIsKeptAndTheLateScoreIsStored() throws Exception {
        String enterpriseId = UUID.randomUUID().toString();
        JsonNode audit = submittedCentralOnlyAudit(enterpriseId, "SURVEILLANCE");
        String auditId = audit.get("id").asString();

        send(new CertificationRefused(auditId, 1, enterpriseId, new BigDecimal("65.0"), Band.NOT_CERTIFIED,
                "below 70", Instant.now()), "certificate-service");
        JsonNode decided = awaitAudit(auditId, a -> a.get("status").asString().equals("DECIDED"));
        assertThat(decided.get("decision").get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(decided.get("decision").get("reason").asString()).isEqualTo("below 70");
        assertThat(decided.get("certificateNumber").isNull()).isTrue();

        send(new ScoreComputed(auditId, 1, enterpriseId, new Holder("ACME 售后服务", "91350100M000100Y43"),
                AuditType.SURVEILLANCE, SCHEME.ref(), new BigDecimal("65.0"), Band.NOT_CERTIFIED, List.of(), 0, false,
                Instant.now()), "scoring-service");
        JsonNode withScore = awaitAudit(auditId, a -> !a.get("score").isNull());
        assertThat(withScore.get("status").asString()).isEqualTo("DECIDED");
        assertThat(withScore.get("band").asString()).isEqualTo("NOT_CERTIFIED");
        assertThat(withScore.get("timeline")).hasSize(decided.get("timeline").size());
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void badRequestsAreProblemsNotServerErrors() throws Exception {
        JsonNode malformed = body(mvc.perform(post("/api/audits").with(asAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("{\"enterpriseId\": "))
                .andReturn().getResponse(), 400);
        assertThat(malformed.get("title").asString()).isEqualTo("Malformed request body");
        assertThat(malformed.get("errors").get(0).get("field").asString()).isNotBlank();

        JsonNode wrongType = body(mvc.perform(post("/api/audits").with(asAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enterpriseId\": \"e\", \"type\": \"INITIAL\", \"randomSeed\": \"soon\"}"))
                .andReturn().getResponse(), 400);
        assertThat(fields(wrongType)).containsExactly("randomSeed");

        JsonNode fields = body(mvc.perform(json(post("/api/audits"), Map.of("type", "ANNUAL",
                "enlargement", Map.of("extraSites", 0))).with(asAdmin())).andReturn().getResponse(), 400);
        assertThat(fields(fields)).containsExactly("enterpriseId", "type", "enlargement.extraSites",
                "enlargement.reason");

        body(mvc.perform(plan(Map.of("enterpriseId", "nobody", "type", "INITIAL")))
                .andReturn().getResponse(), 404);
        body(mvc.perform(get("/api/audits/{id}", "no-such-audit").with(asAdmin())).andReturn().getResponse(), 404);
        body(mvc.perform(post("/api/audits/{id}/submit", "no-such-audit").with(asLead())).andReturn().getResponse(),
                404);
        body(mvc.perform(json(put("/api/audits/{id}/findings", "no-such-audit"), Map.of()).with(asLead()))
                .andReturn().getResponse(), 404);
        body(mvc.perform(get("/api/audits").with(asAdmin())).andReturn().getResponse(), 400);
    }

    @Test
    void theCbMayEnlargeASampleWithinTheNetworkButNeverBeyondIt() throws Exception {
        String enterpriseId = UUID.randomUUID().toString();
        registerNetwork(enterpriseId);
        awaitScope(enterpriseId, s -> s.get("activeOutlets").asInt() == 3);

        // n = 3: surveillance ⌈0.6·√3⌉ = 2, so one more outlet is all the network has
        JsonNode enlarged = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId,
                "type", "SURVEILLANCE", "enlargement", Map.of("extraSites", 1, "reason", "complaints in Guangzhou"))))
                .andReturn().getResponse(), 201);
        assertThat(enlarged.get("sampleSize").asInt()).isEqualTo(3);
        assertThat(last(enlarged.get("sites")).get("reason").asString()).contains("complaints in Guangzhou");
        assertThat(enlarged.get("randomSeed").asLong()).isBetween(0L, 1L << 53);

        JsonNode tooMany = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId,
                "type", "SURVEILLANCE", "enlargement", Map.of("extraSites", 2, "reason", "everything"))))
                .andReturn().getResponse(), 400);
        assertThat(fields(tooMany)).containsExactly("enlargement.extraSites");
    }

}
