package com.starcert.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.Topics;
import com.starcert.infra.EventTraffic;
import com.starcert.contracts.OutletChanged.OutletKind;
import com.starcert.contracts.OutletChanged.OutletStatus;
import com.starcert.support.messaging.OutboxPayloads;

/**
 * An unsampled network of 300 outlets, every finding nonconforming with a long reason: findings up to the store's 16 MB document limit are
 * kept, a change beyond it is a 422 problem that stores nothing, and the submission of an audit holding some 15 MB of
 * findings goes out as AuditSubmitted parts kept beside the audit (inside it, they would have doubled it past the
 * limit).
 */
class LargeAuditIntegrationTest extends IntegrationTestBase {

    static final int OUTLETS = 300;

    @Autowired
    MongoTemplate mongo;

    @Test
    void anAuditUpToTheStoresLimitIsSubmittedInPartsKeptBesideItAndAChangeBeyondItIsAProblem() throws Exception {
        String enterpriseId = UUID.randomUUID().toString();
        send(enterprise(enterpriseId, 1));
        send(outlet(enterpriseId, "hq-" + enterpriseId, 1, OutletKind.HEADQUARTERS, OutletStatus.ACTIVE, "350100"));
        for (int i = 0; i < OUTLETS; i++) {
            send(outlet(enterpriseId, "o" + i + "-" + enterpriseId, 1, OutletKind.BRANCH, OutletStatus.ACTIVE,
                    i % 2 == 0 ? "350200" : "440100"));
        }
        awaitScope(enterpriseId, s -> s.get("activeOutlets").asInt() == OUTLETS);
        JsonNode audit = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId, "type", "INITIAL",
                "samplingAppropriate", false))).andReturn().getResponse(), 201);
        String auditId = audit.get("id").asString();
        List<String> sites = new ArrayList<>();
        audit.get("sites").forEach(site -> sites.add(site.get("siteId").asString()));
        assertThat(sites).hasSize(OUTLETS + 1);

        // every site with reasons of 500 characters (3,308 findings, about 5 MB in all)
        for (int from = 0; from < sites.size(); from += 25) {
            assertThat(record(audit, sites.subList(from, Math.min(sites.size(), from + 25)), 500).getStatus())
                    .isEqualTo(200);
        }
        // then with reasons of the longest allowed (2,000 characters, some 20 MB in all), 25 sites at a time: the change
        // that would take the audit past 16 MB is refused, and nothing of it is stored
        MockHttpServletResponse refused = null;
        int from = 0;
        for (; from < sites.size() && refused == null; from += 25) {
            long versionBefore = getAudit(auditId).get("version").asLong();
            MockHttpServletResponse answer = record(audit, sites.subList(from, Math.min(sites.size(), from + 25)),
                    2_000);
            if (answer.getStatus() != 200) {
                refused = answer;
                assertThat(getAudit(auditId).get("version").asLong()).as("nothing stored").isEqualTo(versionBefore);
            }
        }
        assertThat(refused).as("a change past 16 MB is refused").isNotNull();
        JsonNode problem = body(refused, 422);
        assertThat(problem.get("detail").asString()).contains("16 MB");
        assertThat(fields(problem)).containsExactly("findings");
        assertThat(from).as("most sites took the long reasons first").isGreaterThan(sites.size() / 2);

        // what was kept is submitted: some 15 MB of findings, going out in parts kept beside the audit
        body(mvc.perform(post("/api/audits/{id}/submit", auditId).with(asLead())).andReturn().getResponse(), 202);
        List<AuditSubmitted> parts = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() ->
                EventTraffic.readAll(Topics.AUDIT_SUBMITTED).stream()
                        .map(r -> CODEC.read(r.value()))
                        .filter(e -> auditId.equals(e.subject()))
                        .map(e -> CODEC.data(e, AuditSubmitted.class))
                        .toList(), found -> !found.isEmpty() && found.size() == found.get(0).parts());
        assertThat(parts.size()).as("parts").isGreaterThan(10);
        AuditSubmitted whole = AuditSubmitted.assemble(parts.stream()
                .sorted(Comparator.comparing(AuditSubmitted::part)).toList());
        assertThat(whole.sites()).hasSize(OUTLETS + 1);
        assertThat(whole.findings()).hasSize(OUTLETS * 11 + 8);
        assertThat(whole.findings().stream().filter(f -> f.reason().length() == 2_000))
                .as("the long reasons went out").isNotEmpty();
        // the relay removed each part's payload once the broker had it; the audit's outbox is empty
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(mongo.count(Query.query(Criteria.where("documentId").is(auditId)),
                    OutboxPayloads.COLLECTION)).isZero();
            Document stored = mongo.findById(auditId, Document.class, "audits");
            assertThat(stored.getList("outbox", Object.class, List.of())).isEmpty();
        });
    }

    /**
     * Findings for these sites, every one nonconforming with a reason {@code reasonLength} characters long (the
     * reasons go out with the submission; evidence notes stay in audit-service).
     */
    private MockHttpServletResponse record(JsonNode audit, List<String> sites, int reasonLength) throws Exception {
        String reason = "现场抽查发现维修记录缺失".repeat(reasonLength / 12 + 1).substring(0, reasonLength);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (String site : sites) {
            for (Map<String, Object> finding : findingsFor(audit, site)) {
                finding.put("result", "NONCONFORMING");
                if (finding.get("samplesChecked") != null) {
                    finding.put("samplesNonconforming", 1);
                }
                finding.put("reason", reason);
                findings.add(finding);
            }
        }
        return mvc.perform(json(put("/api/audits/{id}/findings", audit.get("id").asString()),
                Map.of("findings", findings)).with(asLead())).andReturn().getResponse();
    }
}
