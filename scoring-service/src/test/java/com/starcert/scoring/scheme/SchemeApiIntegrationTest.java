package com.starcert.scoring.scheme;

import static com.starcert.scoring.engine.AuditBuilder.outlet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.Scheme;
import com.starcert.contracts.SchemePublished;
import com.starcert.contracts.ScoreComputed;
import com.starcert.contracts.Topics;
import com.starcert.infra.EventTraffic;
import com.starcert.scoring.ServiceIntegrationTest;
import com.starcert.scoring.engine.AuditBuilder;
import com.starcert.scoring.scheme.SchemeDraft.IndicatorDraft;

/** Publishing scheme versions through the API, their events, and audits scored with the version they pinned. */
class SchemeApiIntegrationTest extends ServiceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final EventCodec codec = new EventCodec();

    @Autowired
    MockMvc mvc;

    private static String newSchemeId() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static IndicatorDraft indicator(String code, String points, String scope, boolean sampled) {
        return new IndicatorDraft(code, "体系 system", "指标 " + code, "Indicator " + code, new BigDecimal(points),
                scope, sampled);
    }

    private static String json(Object body) {
        return codec.mapper().writeValueAsString(body);
    }

    /** Three indicators, 50 points in all (see OtherSchemeScoringTest for the arithmetic). */
    private static SchemeDraft retail(Integer version, String staffPoints) {
        return new SchemeDraft(null, version, "零售 retail v" + (version == null ? 1 : version), List.of(
                indicator("R-ORG", "12.5", "CENTRAL", false),
                indicator("R-STAFF", staffPoints, "SITES", true),
                indicator("R-CMP", "7.5", "CENTRAL_AND_SITES", false)));
    }

    @Test
    void aPublishedVersionIsAnnouncedListedReadableAndUsedForAuditsPinnedToIt() throws Exception {
        String id = newSchemeId();

        mvc.perform(post("/api/schemes/{id}/versions", id).with(asCbAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .header("X-Correlation-Id", "corr-" + id).content(json(retail(null, "30"))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/schemes/" + id + "/versions/1")))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.indicators.length()").value(3))
                .andExpect(jsonPath("$.indicators[1].code").value("R-STAFF"))
                .andExpect(jsonPath("$.indicators[1].scope").value("SITES"))
                .andExpect(jsonPath("$.indicators[1].sampled").value(true));
        // version 2 gives R-STAFF 40 points: an audit pinned to version 1 must still be scored with 30
        mvc.perform(post("/api/schemes/{id}/versions", id).with(asCbAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content(json(retail(2, "40"))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/schemes/" + id + "/versions/2")));

        List<ConsumerRecord<String, String>> published = records(Topics.SCHEME_PUBLISHED, 2,
                r -> codec.read(r.value()).subject().startsWith(id + "/"));
        assertThat(published).extracting(ConsumerRecord::key).containsOnly(id);
        CloudEvent first = codec.read(published.get(0).value());
        assertThat(first.type()).isEqualTo("com.starcert.scheme.published.v1");
        assertThat(first.enterpriseid()).isNull();
        assertThat(published.get(0).value()).doesNotContain("enterpriseid");
        assertThat(first.correlationid()).isEqualTo("corr-" + id);
        assertThat(published).extracting(r -> codec.data(codec.read(r.value()), SchemePublished.class).scheme())
                .extracting(Scheme::version).containsExactly(1, 2);
        Scheme v1 = codec.data(first, SchemePublished.class).scheme();
        assertThat(v1.indicator("R-STAFF").orElseThrow().points()).isEqualByComparingTo("30");

        mvc.perform(get("/api/schemes").with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].latestVersion", contains(2)))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].title", contains("零售 retail v2")))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].versions[*]", contains(1, 2)))
                .andExpect(jsonPath("$[?(@.id == 'GBT27922-2011')].versions[*]", hasItem(1)));
        mvc.perform(get("/api/schemes/{id}/versions/{v}", id, 1).with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.title").value("零售 retail v1"))
                .andExpect(jsonPath("$.indicators[0].code").value("R-ORG"))
                .andExpect(jsonPath("$.indicators[0].group").value("体系 system"))
                .andExpect(jsonPath("$.indicators[0].nameZh").value("指标 R-ORG"))
                .andExpect(jsonPath("$.indicators[0].nameEn").value("Indicator R-ORG"))
                .andExpect(jsonPath("$.indicators[0].points").value(12.5))
                .andExpect(jsonPath("$.indicators[0].scope").value("CENTRAL"))
                .andExpect(jsonPath("$.indicators[1].points").value(30));
        mvc.perform(get("/api/schemes/{id}", id).with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.versions.length()").value(2));

        // the audit pinned to version 1 is scored with version 1: 41.75 of 50 = 83.5 (with version 2: 87.6…)
        String auditId = "A-" + UUID.randomUUID();
        String enterpriseId = "E-" + UUID.randomUUID();
        AuditSubmitted audit = AuditBuilder.audit(v1, 2)
                .sampled(outlet(1), "R-STAFF", 10, 3)
                .nonconforming(outlet(1), "R-CMP")
                .finding(new AuditSubmitted.Finding(outlet(2), "R-CMP", AuditSubmitted.Result.NOT_APPLICABLE,
                        "no complaints desk", null, null))
                .toEvent(auditId, 1, enterpriseId);
        send(enterpriseId, codec.writeBytes(codec.wrap(audit, "/test/audit-service", "c", Instant.now())));

        ConsumerRecord<String, String> computed = records(Topics.SCORE_COMPUTED, 1,
                r -> auditId.equals(codec.read(r.value()).subject())).get(0);
        ScoreComputed score = codec.data(codec.read(computed.value()), ScoreComputed.class);
        assertThat(score.scheme()).isEqualTo(v1.ref());
        assertThat(score.score()).isEqualByComparingTo("83.5");
        mvc.perform(get("/api/scores/{auditId}", auditId).with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"score\":83.5,")))
                .andExpect(jsonPath("$.scheme.id").value(id))
                .andExpect(jsonPath("$.scheme.version").value(1))
                .andExpect(jsonPath("$.applicableTotal").value(50.0))
                .andExpect(jsonPath("$.indicators[*].indicator", contains("R-ORG", "R-STAFF", "R-CMP")))
                .andExpect(jsonPath("$.indicators[1].points").value(30))
                .andExpect(jsonPath("$.indicators[1].earned").value(25.5))
                .andExpect(jsonPath("$.indicators[2].sites.length()").value(3))
                .andExpect(jsonPath("$.indicators[2].sites[2].result").value("NOT_APPLICABLE"))
                .andExpect(jsonPath("$.band").value("THREE_STAR"));
    }

    @Test
    void aPublishedVersionCannotBeReplaced() throws Exception {
        String id = newSchemeId();
        mvc.perform(post("/api/schemes/{id}/versions", id).with(asCbAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content(json(retail(1, "30")))).andExpect(status().isCreated());

        mvc.perform(post("/api/schemes/{id}/versions", id).with(asCbAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content(json(retail(1, "99"))))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("already published and cannot be changed")))
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(post("/api/schemes/{id}/versions", id).with(asCbAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content(json(retail(5, "30"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("the next version is 2")));
        mvc.perform(get("/api/schemes/{id}/versions/{v}", id, 1).with(asAuditor()))
                .andExpect(jsonPath("$.indicators[1].points").value(30));
        mvc.perform(get("/api/schemes/{id}/versions/{v}", id, 2).with(asAuditor())).andExpect(status().isNotFound());
    }

    @Test
    void anInvalidSchemeIsRefusedWithEveryProblem() throws Exception {
        String id = newSchemeId();
        String body = """
                {"title": "bad", "indicators": [
                  {"code": "A", "group": "g", "nameZh": "甲", "nameEn": "A", "points": 5, "scope": "CENTRAL", "sampled": false},
                  {"code": "A", "group": "g", "nameZh": "乙", "nameEn": "B", "points": 0, "scope": "SITES", "sampled": false},
                  {"code": "C", "group": " ", "nameZh": "", "nameEn": "C", "points": -1, "scope": "EVERYWHERE", "sampled": true},
                  {"code": "D", "group": "g", "nameZh": "丁", "nameEn": "D", "scope": "SITES"}
                ]}""";

        mvc.perform(post("/api/schemes/{id}/versions", id).with(asCbAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", contains(
                        "indicators[1].code", "indicators[1].points",
                        "indicators[2].group", "indicators[2].nameZh", "indicators[2].points",
                        "indicators[2].scope",
                        "indicators[3].points", "indicators[3].sampled")))
                .andExpect(jsonPath("$.errors[1].reason").value("must be positive"));
        mvc.perform(post("/api/schemes/{id}/versions", id).with(asCbAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"t\", \"indicators\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("indicators"));
        mvc.perform(post("/api/schemes/{id}/versions", id).with(asCbAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"t\", \"indicators\": [{\"points\": \"lots\"}]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/schemes/{id}", id).with(asAuditor())).andExpect(status().isNotFound());
    }

    @Test
    void aVersionMayBePublishedAsYaml() throws Exception {
        String id = newSchemeId();
        String yaml = """
                title: YAML scheme
                indicators:
                  - {code: Y-1, group: 体系 system, nameZh: 甲, nameEn: First, points: 4.5, scope: CENTRAL, sampled: false}
                  - {code: Y-2, group: 体系 system, nameZh: 乙, nameEn: Second, points: 5, scope: SITES, sampled: true}
                """;

        mvc.perform(post("/api/schemes/{id}/versions", id).with(asCbAdmin())
                        .contentType("application/yaml").content(yaml))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/schemes/" + id + "/versions/1")))
                .andExpect(jsonPath("$.indicators[0].points").value(4.5));
        mvc.perform(post("/api/schemes/{id}/versions", id).with(asCbAdmin()).contentType("application/yaml")
                        .content("title: t\nindicators: [{code: Z, points: lots}]\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("indicators[0].points"));
        mvc.perform(get("/api/schemes/{id}/versions/{v}", id, 1).with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators[1].code").value("Y-2"));
    }

    @Test
    void unknownSchemesAndVersionsAre404() throws Exception {
        mvc.perform(get("/api/schemes/{id}/versions/{v}", "NO-SUCH-SCHEME", 1).with(asAuditor()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/schemes/{id}/versions/{v}", Scheme.DEFAULT_ID, 999).with(asAuditor()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/schemes/{id}/versions/{v}", Scheme.DEFAULT_ID, "x").with(asAuditor()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/schemes/{id}/versions/{v}", Scheme.DEFAULT_ID, 1).with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators.length()").value(15));
    }

    @Test
    void anAuditPinnedToAnUnknownVersionIsDeadLettered() throws Exception {
        String auditId = "A-" + UUID.randomUUID();
        String enterpriseId = "E-" + UUID.randomUUID();
        Scheme unknown = new Scheme(newSchemeId(), 7, "never published", Scheme.defaultScheme().indicators());
        AuditSubmitted audit = AuditBuilder.audit(unknown, 1).toEvent(auditId, 1, enterpriseId);

        send(enterpriseId, codec.writeBytes(codec.wrap(audit, "/test/audit-service", "c", Instant.now())));

        ConsumerRecord<String, String> dead = records(Topics.deadLetter(Topics.AUDIT_SUBMITTED), 1,
                r -> r.value() != null && r.value().contains(auditId)).get(0);
        String reason = new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8);
        assertThat(reason).contains("unknown scheme " + unknown.id() + " version 7");
        mvc.perform(get("/api/scores/{auditId}", auditId).with(asAuditor())).andExpect(status().isNotFound());
    }

    private static void send(String key, byte[] value) throws Exception {
        EventTraffic.sendBytes(Topics.AUDIT_SUBMITTED, key, value);
    }

    /** Reads a topic from the beginning until {@code expected} matching records are seen. */
    private static List<ConsumerRecord<String, String>> records(String topic, int expected,
            Predicate<ConsumerRecord<String, String>> wanted) {
        List<ConsumerRecord<String, String>> found = org.awaitility.Awaitility.await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> EventTraffic.readAll(topic).stream().filter(r -> r.value() != null && wanted.test(r))
                        .toList(), list -> list.size() >= expected);
        assertThat(found).as(topic).hasSize(expected);
        return found;
    }
}
