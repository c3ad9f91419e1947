package com.starcert.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.starcert.contracts.Band;
import com.starcert.contracts.CertificationRefused;

import tools.jackson.databind.JsonNode;

/**
 * Issue 7's rules that the access matrix does not show by status alone: who chose a seed and why, teams stored as
 * free text, what the audited enterprise sees of its audits and of other enterprises'.
 */
class IdentityRulesIntegrationTest extends IntegrationTestBase {

    @Autowired
    MongoTemplate mongo;

    // ---------------------------------------------------------------- the random seed

    @Test
    void aSeedTheCbChoosesNeedsAReasonAndIsRecordedWithWhoChoseIt() throws Exception {
        String enterpriseId = centralOnly();

        JsonNode noReason = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId, "type", "INITIAL",
                "randomSeed", 42))).andReturn().getResponse(), 400);
        assertThat(fields(noReason)).containsExactly("seedReason");
        assertThat(noReason.get("errors").get(0).get("reason").asString()).contains("randomSeed");
        JsonNode reasonOnly = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId, "type", "INITIAL",
                "seedReason", "lucky"))).andReturn().getResponse(), 400);
        assertThat(fields(reasonOnly)).containsExactly("seedReason");
        // a refused request stores nothing
        assertThat(list(enterpriseId, asAdmin())).isEmpty();

        JsonNode chosen = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId, "type", "INITIAL",
                "randomSeed", 42, "seedReason", "re-running the draw witnessed by the client"))).andReturn()
                .getResponse(), 201);
        assertThat(chosen.get("randomSeed").asLong()).isEqualTo(42L);
        JsonNode choice = chosen.get("seedChoice");
        assertThat(choice.get("reason").asString()).isEqualTo("re-running the draw witnessed by the client");
        assertThat(choice.get("by").asString()).isEqualTo("admin-1");
        assertThat(choice.get("byName").asString()).isEqualTo("CB Admin");
        assertThat(Instant.parse(choice.get("at").asString())).isEqualTo(
                Instant.parse(chosen.get("timeline").get(0).get("at").asString()));
        JsonNode stored = getAudit(chosen.get("id").asString()).get("seedChoice"); // as stored: time in ms
        for (String field : List.of("reason", "by", "byName")) {
            assertThat(stored.get(field)).isEqualTo(choice.get(field));
        }
        assertThat(Instant.parse(stored.get("at").asString())).isEqualTo(Instant.parse(choice.get("at").asString())
                .truncatedTo(ChronoUnit.MILLIS));

        // by default the server draws the seed, and no one is recorded as having chosen it
        JsonNode drawn = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId, "type", "INITIAL")))
                .andReturn().getResponse(), 201);
        assertThat(drawn.get("seedChoice").isNull()).isTrue();
        assertThat(drawn.get("randomSeed").asLong()).isBetween(0L, 1L << 53);
    }

    // ---------------------------------------------------------------- teams stored as free text

    @Test
    void aTeamStoredAsFreeTextNamesIsUnassignedUntilTheAdministratorSetsIt() throws Exception {
        String enterpriseId = centralOnly();
        String auditId = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId, "type", "INITIAL")))
                .andReturn().getResponse(), 201).get("id").asString();
        // the document as audit-service stored it before accounts: names typed by hand
        mongo.updateFirst(Query.query(Criteria.where("_id").is(auditId)), Update.update("team",
                new Document("leadAuditor", "Li Wei").append("members", List.of("Zhang Min"))), "audits");

        JsonNode migrated = getAudit(auditId);
        JsonNode team = migrated.get("team");
        assertThat(team.get("leadAuditor").isNull()).isTrue();
        assertThat(team.get("members")).isEmpty();
        assertThat(JSON.convertValue(team.get("formerNames"), List.class)).containsExactly("Li Wei", "Zhang Min");

        // nobody acts through a name: not the old team's accounts, not one whose sub equals the old name
        for (String sub : List.of(LEAD, "Li Wei")) {
            JsonNode refused = body(mvc.perform(json(put("/api/audits/{id}/findings", auditId), Map.of("findings",
                    findingsFor(migrated, "CENTRAL"))).with(asAuditor(sub))).andReturn().getResponse(), 403);
            assertThat(refused.get("detail").asString()).contains("no audit team yet");
        }

        // the administrator sets the team: accounts now, the old names kept on record
        JsonNode assigned = body(mvc.perform(json(put("/api/audits/{id}/team", auditId), Map.of(
                "leadAuditor", "aud-li-wei", "members", List.of("aud-zhang-min"), "displayNames", List.of(
                        Map.of("sub", "aud-li-wei", "name", "李伟 Li Wei"),
                        Map.of("sub", "aud-zhang-min", "name", "张敏 Zhang Min"))))
                .with(asAdmin()).header("If-Match", "\"" + migrated.get("version").asLong() + "\""))
                .andReturn().getResponse(), 200);
        assertThat(assigned.get("team").get("leadAuditor").asString()).isEqualTo("aud-li-wei");
        assertThat(JSON.convertValue(assigned.get("team").get("formerNames"), List.class))
                .containsExactly("Li Wei", "Zhang Min");
        Document stored = mongo.findById(auditId, Document.class, "audits");
        Document storedTeam = stored.get("team", Document.class);
        assertThat(storedTeam.getString("leadAuditor")).isEqualTo("aud-li-wei");
        assertThat(storedTeam.get("displayNames")).isNotNull(); // what tells a team of accounts from free text
        assertThat(getAudit(auditId).get("team")).isEqualTo(assigned.get("team"));

        JsonNode recorded = body(mvc.perform(json(put("/api/audits/{id}/findings", auditId), Map.of("findings",
                findingsFor(migrated, "CENTRAL"))).with(asAuditor("aud-zhang-min"))).andReturn().getResponse(), 200);
        assertThat(last(recorded.get("timeline")).get("by").asString()).isEqualTo("aud-zhang-min");
    }

    // ---------------------------------------------------------------- what the enterprise sees

    @Test
    void theEnterpriseSeesItsAuditWithoutTheFindingsUntilTheDecision() throws Exception {
        String enterpriseId = centralOnly();
        JsonNode audit = body(mvc.perform(plan(Map.of("enterpriseId", enterpriseId, "type", "SURVEILLANCE")))
                .andReturn().getResponse(), 201);
        String auditId = audit.get("id").asString();
        body(mvc.perform(json(put("/api/audits/{id}/findings", auditId), Map.of(
                "findings", findingsFor(audit, "CENTRAL"),
                "exclusions", List.of(),
                "bonus", Map.of("description", "24 h hotline")))
                .with(asLead())).andReturn().getResponse(), 200);
        body(mvc.perform(post("/api/audits/{id}/submit", auditId).with(asLead())).andReturn().getResponse(), 202);

        MockHttpServletResponse ownResponse = mvc.perform(get("/api/audits/{id}", auditId)
                .with(asEnterprise(enterpriseId))).andReturn().getResponse();
        JsonNode own = body(ownResponse, 200);
        assertThat(ownResponse.getHeader("ETag")).isEqualTo("\"" + own.get("version").asLong() + "\"");
        assertThat(own.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(own.has("findings")).isFalse();
        assertThat(own.has("exclusions")).isFalse();
        assertThat(own.has("specialDeductions")).isFalse();
        assertThat(own.get("bonus").isNull()).isTrue();
        assertThat(own.toString()).doesNotContain("SYS-ORG").doesNotContain("24 h hotline");
        // the rest of the audit is there: its plan, its timeline, its team
        assertThat(own.get("sites")).hasSize(1);
        assertThat(own.get("timeline")).hasSize(3);
        assertThat(own.get("team").get("leadAuditor").asString()).isEqualTo(LEAD);
        assertThat(list(enterpriseId, asEnterprise(enterpriseId))).singleElement()
                .satisfies(a -> assertThat(a.has("findings")).isFalse());
        // CB staff see everything
        JsonNode cb = getAudit(auditId);
        assertThat(cb.get("findings")).hasSize(findingsFor(audit, "CENTRAL").size());
        assertThat(cb.get("bonus").get("description").asString()).isEqualTo("24 h hotline");

        send(new CertificationRefused(auditId, 1, enterpriseId, new BigDecimal("65.0"), Band.NOT_CERTIFIED,
                "below 70", Instant.now()), "certificate-service");
        awaitAudit(auditId, a -> a.get("status").asString().equals("DECIDED"));
        JsonNode decided = body(mvc.perform(get("/api/audits/{id}", auditId).with(asEnterprise(enterpriseId)))
                .andReturn().getResponse(), 200);
        assertThat(decided.get("findings")).hasSize(cb.get("findings").size());
        assertThat(decided.get("exclusions")).isEmpty();
        assertThat(decided.get("specialDeductions")).isEmpty();
        assertThat(decided.get("bonus").get("description").asString()).isEqualTo("24 h hotline");
        assertThat(decided.get("decision").get("outcome").asString()).isEqualTo("REFUSED");
    }

    @Test
    void anotherEnterprisesAuditIsNotFoundAsIfItDidNotExist() throws Exception {
        String own = centralOnly();
        String other = centralOnly();
        String auditId = body(mvc.perform(plan(Map.of("enterpriseId", own, "type", "INITIAL")))
                .andReturn().getResponse(), 201).get("id").asString();

        JsonNode hidden = body(mvc.perform(get("/api/audits/{id}", auditId).with(asEnterprise(other)))
                .andReturn().getResponse(), 404);
        JsonNode missing = body(mvc.perform(get("/api/audits/{id}", "no-such-" + auditId.substring(8))
                .with(asEnterprise(other))).andReturn().getResponse(), 404);
        // the same answer as for an id that does not exist, bar the id itself
        assertThat(hidden.get("title")).isEqualTo(missing.get("title"));
        assertThat(hidden.get("detail").asString()).isEqualTo("no audit with id '" + auditId + "'");
        assertThat(hidden.has("errors")).isFalse();
        for (String path : List.of("/api/audits/{id}/attachments", "/api/audits/{id}/corrective-actions")) {
            body(mvc.perform(get(path, auditId).with(asEnterprise(other))).andReturn().getResponse(), 404);
            body(mvc.perform(get(path, auditId).with(asEnterprise(own))).andReturn().getResponse(), 200);
        }
        JsonNode programme = body(mvc.perform(get("/api/enterprises/{id}/programme", own)
                .with(asEnterprise(other))).andReturn().getResponse(), 404);
        assertThat(programme.get("detail").asString()).isEqualTo("no enterprise with id '" + own + "'");
        body(mvc.perform(get("/api/enterprises/{id}/programme", own).with(asEnterprise(own))).andReturn()
                .getResponse(), 200);
        // an ENTERPRISE token without enterprise_id sees nothing at all
        body(mvc.perform(get("/api/audits/{id}", auditId).with(bearer(ISSUER.token("ent-x").roles("ENTERPRISE")
                .sign()))).andReturn().getResponse(), 403);
    }

    @Test
    void listsHoldOnlyTheAuditsTheCallerMaySee() throws Exception {
        String a = centralOnly();
        String b = centralOnly();
        List<String> ofA = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ofA.add(0, body(mvc.perform(plan(Map.of("enterpriseId", a, "type", "INITIAL"))).andReturn()
                    .getResponse(), 201).get("id").asString());
        }
        String ofB = body(mvc.perform(plan(Map.of("enterpriseId", b, "type", "INITIAL"))).andReturn().getResponse(),
                201).get("id").asString();

        // the enterprise: its own, newest first, with or without naming itself
        assertThat(ids(list(a, asEnterprise(a)))).containsExactlyElementsOf(ofA);
        assertThat(ids(list(null, asEnterprise(a)))).containsExactlyElementsOf(ofA);
        // another enterprise's list is empty, as for an enterprise without audits
        assertThat(list(b, asEnterprise(a))).isEmpty();
        assertThat(ids(list(b, asEnterprise(b)))).containsExactly(ofB);
        // CB staff list any enterprise's, and must say which
        assertThat(ids(list(b, asReviewer()))).containsExactly(ofB);
        assertThat(ids(list(a, asAuditor("aud-anyone")))).containsExactlyElementsOf(ofA);
        JsonNode which = body(mvc.perform(get("/api/audits").with(asAdmin())).andReturn().getResponse(), 400);
        assertThat(fields(which)).containsExactly("enterpriseId");
    }

    // ---------------------------------------------------------------- helpers

    /** A fresh enterprise without outlets, known to audit-service. */
    String centralOnly() {
        String enterpriseId = UUID.randomUUID().toString();
        send(enterprise(enterpriseId, 1));
        awaitScope(enterpriseId, s -> true);
        return enterpriseId;
    }

    JsonNode list(String enterpriseId, RequestPostProcessor caller) throws Exception {
        var request = get("/api/audits").with(caller).accept(MediaType.APPLICATION_JSON);
        if (enterpriseId != null) {
            request.param("enterpriseId", enterpriseId);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        JsonNode list = body(response, 200);
        assertThat(list.isArray()).as(response.getContentAsString(StandardCharsets.UTF_8)).isTrue();
        return list;
    }

    static List<String> ids(JsonNode audits) {
        List<String> ids = new ArrayList<>();
        audits.forEach(a -> ids.add(a.get("id").asString()));
        return ids;
    }
}
