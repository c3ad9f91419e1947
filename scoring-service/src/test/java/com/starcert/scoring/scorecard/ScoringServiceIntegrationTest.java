package com.starcert.scoring.scorecard;

import static com.starcert.scoring.engine.AuditBuilder.CENTRAL;
import static com.starcert.scoring.engine.AuditBuilder.defaultAudit;
import static com.starcert.scoring.engine.AuditBuilder.outlet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.ScoreComputed;
import com.starcert.contracts.Topics;
import com.starcert.infra.EventTraffic;
import com.starcert.infra.SharedTestInfrastructure;
import com.starcert.scoring.ServiceIntegrationTest;
import com.starcert.scoring.engine.AuditBuilder;

/** The service against the real embedded broker and Mongo wire server. */
class ScoringServiceIntegrationTest extends ServiceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final EventCodec codec = new EventCodec();

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Test
    void auditSubmittedIsScoredPublishedAndShown() throws Exception {
        String auditId = "A-" + UUID.randomUUID();
        String enterpriseId = "E-" + UUID.randomUUID();
        // −6 (SYS-ORG), −1.8 (2 of 10 repair records), −1 special deduction, PRD-RCY excluded: 100 × 87.2 / 95 − 1
        AuditSubmitted audit = defaultAudit(1)
                .nonconforming(CENTRAL, "SYS-ORG").sampled(outlet(1), "PRD-REP", 10, 2)
                .exclude("PRD-RCY").deduction().toEvent(auditId, 1, enterpriseId);
        CloudEvent event = codec.wrap(audit, "/test/audit-service", "corr-" + auditId, Instant.now());

        send(enterpriseId, codec.writeBytes(event));

        List<ConsumerRecord<String, String>> computed = scoreComputed(auditId, 1);
        ConsumerRecord<String, String> record = computed.get(0);
        assertThat(record.key()).isEqualTo(enterpriseId);
        CloudEvent envelope = codec.read(record.value());
        assertThat(envelope.correlationid()).isEqualTo("corr-" + auditId);
        assertThat(envelope.enterpriseid()).isEqualTo(enterpriseId);
        ScoreComputed score = codec.data(envelope, ScoreComputed.class);
        assertThat(score.score()).isEqualByComparingTo("90.7"); // 91.789… − 1 = 90.789… → 90.7
        assertThat(score.score().scale()).isEqualTo(1);
        assertThat(score.band().name()).isEqualTo("FOUR_STAR");
        assertThat(score.revision()).isEqualTo(1);
        assertThat(score.holder()).isEqualTo(audit.holder());
        assertThat(score.auditType()).isEqualTo(audit.auditType());
        assertThat(score.scheme()).isEqualTo(audit.scheme());
        assertThat(score.sites()).isEqualTo(audit.sites());
        assertThat(score.specialDeductions()).isEqualTo(1);
        assertThat(score.outstanding()).isFalse();

        mvc.perform(get("/api/scores/{auditId}", auditId).with(asAuditor()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"score\":90.7,")))
                .andExpect(jsonPath("$.auditId").value(auditId))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.enterpriseId").value(enterpriseId))
                .andExpect(jsonPath("$.scheme.id").value("GBT27922-2011"))
                .andExpect(jsonPath("$.scheme.version").value(1))
                .andExpect(jsonPath("$.band").value("FOUR_STAR"))
                .andExpect(jsonPath("$.applicableTotal").value(95))
                .andExpect(jsonPath("$.earnedTotal").value(87.2))
                .andExpect(jsonPath("$.indicators.length()").value(15))
                .andExpect(jsonPath("$.indicators[0].indicator").value("SYS-ORG"))
                .andExpect(jsonPath("$.indicators[0].group").value("售后服务体系 service system"))
                .andExpect(jsonPath("$.indicators[0].name").value("组织架构 Organisation"))
                .andExpect(jsonPath("$.indicators[0].points").value(6))
                .andExpect(jsonPath("$.indicators[0].applicable").value(true))
                .andExpect(jsonPath("$.indicators[0].excluded").value(false))
                .andExpect(jsonPath("$.indicators[0].conformity").value(0.0))
                .andExpect(jsonPath("$.indicators[0].earned").value(0.0))
                .andExpect(jsonPath("$.indicators[0].sites[0].siteId").value(CENTRAL))
                .andExpect(jsonPath("$.indicators[0].sites[0].central").value(true))
                .andExpect(jsonPath("$.indicators[0].sites[0].result").value("NONCONFORMING"))
                .andExpect(jsonPath("$.indicators[0].sites[0].reason").value("not met"))
                .andExpect(jsonPath("$.indicators[10].indicator").value("PRD-REP"))
                .andExpect(jsonPath("$.indicators[10].conformity").value(0.8))
                .andExpect(jsonPath("$.indicators[10].earned").value(7.2))
                .andExpect(jsonPath("$.indicators[10].sites[0].samplesChecked").value(10))
                .andExpect(jsonPath("$.indicators[10].sites[0].samplesNonconforming").value(2))
                .andExpect(jsonPath("$.indicators[10].sites[0].conformity").value(0.8))
                .andExpect(jsonPath("$.indicators[12].indicator").value("PRD-RCY"))
                .andExpect(jsonPath("$.indicators[12].applicable").value(false))
                .andExpect(jsonPath("$.indicators[12].excluded").value(true))
                .andExpect(jsonPath("$.indicators[12].justification").isNotEmpty())
                .andExpect(jsonPath("$.indicators[12].conformity").isEmpty())
                .andExpect(jsonPath("$.specialDeductions[0].category").value("LEGAL"))
                .andExpect(jsonPath("$.specialDeductions[0].points").value(-1))
                .andExpect(jsonPath("$.bonus").isEmpty())
                .andExpect(jsonPath("$.computedAt").isString());

        mvc.perform(get("/api/scores/{auditId}/revisions", auditId).with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].revision").value(1));
    }

    @Test
    void unknownAuditIsA404Problem() throws Exception {
        mvc.perform(get("/api/scores/{auditId}", "no-such-audit").with(asAuditor()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/scores/{auditId}/revisions", "no-such-audit").with(asAuditor()))
                .andExpect(status().isNotFound());
    }

    @Test
    void redeliveryAndReplayYieldOneScore() throws Exception {
        String auditId = "A-" + UUID.randomUUID();
        String enterpriseId = "E-" + UUID.randomUUID();
        AuditSubmitted audit = defaultAudit(2).nonconforming(outlet(2), "PRD-WAR").toEvent(auditId, 1, enterpriseId);
        CloudEvent event = codec.wrap(audit, "/test/audit-service", "corr-1", Instant.now());
        CloudEvent replay = codec.wrap(audit, "/test/audit-service", "corr-2", Instant.now());

        send(enterpriseId, codec.writeBytes(event));
        send(enterpriseId, codec.writeBytes(event));
        send(enterpriseId, codec.writeBytes(replay));
        // same key, same partition: once this marker is scored the three above have been handled
        String marker = "A-" + UUID.randomUUID();
        send(enterpriseId, codec.writeBytes(codec.wrap(defaultAudit(0).toEvent(marker, 1, enterpriseId),
                "/test/audit-service", "corr-m", Instant.now())));
        scoreComputed(marker, 1);
        awaitOutboxDrained(auditId);

        List<ConsumerRecord<String, String>> computed = scoreComputed(auditId, 1);
        assertThat(computed).hasSize(1);
        assertThat(codec.read(computed.get(0).value()).correlationid()).isEqualTo("corr-1");
        assertThat(mongo.count(Query.query(Criteria.where("auditId").is(auditId)), ScoreCardDocument.class))
                .isEqualTo(1);
    }

    @Autowired
    AuditScoring scoring;

    @Test
    void aPollIsScoredInOneWriteUpToTheFirstUnscorableSubmission() {
        String enterpriseId = "E-" + UUID.randomUUID();
        String first = "A-" + UUID.randomUUID();
        String second = "A-" + UUID.randomUUID();
        String after = "A-" + UUID.randomUUID();
        AuditSubmitted firstAudit = defaultAudit(1).toEvent(first, 1, enterpriseId);
        List<ConsumerRecord<String, CloudEvent>> poll = List.of(
                record(0, codec.wrap(firstAudit, "/test/audit-service", "c-1", Instant.now())),
                record(1, codec.wrap(firstAudit, "/test/audit-service", "c-1-replay", Instant.now())),
                record(2, codec.wrap(defaultAudit(1).toEvent(second, 1, enterpriseId), "/test/audit-service", "c-2",
                        Instant.now())),
                record(3, codec.wrap(defaultAudit(1).toEvent(second, 2, enterpriseId), "/test/audit-service", "c-3",
                        Instant.now())),
                record(4, codec.wrap(defaultAudit(1).without(outlet(1), "PRD-WAR").toEvent("A-bad", 1, enterpriseId),
                        "/test/audit-service", "c-4", Instant.now())),
                record(5, codec.wrap(defaultAudit(1).toEvent(after, 1, enterpriseId), "/test/audit-service", "c-5",
                        Instant.now())));

        assertThatThrownBy(() -> scoring.handle(poll))
                .isInstanceOfSatisfying(org.springframework.kafka.listener.BatchListenerFailedException.class,
                        e -> assertThat(e.getIndex()).as("the unscorable one is the failed record").isEqualTo(4));
        // what came before it is stored, once each, both revisions of the second; what came after is not (it is
        // delivered again)
        assertThat(mongo.count(Query.query(Criteria.where("auditId").is(first)), ScoreCardDocument.class)).isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("auditId").is(second)), ScoreCardDocument.class))
                .isEqualTo(2);
        assertThat(mongo.count(Query.query(Criteria.where("auditId").is(after)), ScoreCardDocument.class)).isZero();

        // the same poll again (a redelivery) writes nothing more
        assertThatThrownBy(() -> scoring.handle(poll));
        assertThat(mongo.count(Query.query(Criteria.where("enterpriseId").is(enterpriseId)), ScoreCardDocument.class))
                .isEqualTo(3);
    }

    @Test
    void aSubmissionSentInPartsIsScoredOnceWhenItsLastPartArrives() throws Exception {
        String auditId = "A-" + UUID.randomUUID();
        String enterpriseId = "E-" + UUID.randomUUID();
        AuditSubmitted whole = defaultAudit(4).nonconforming(outlet(2), "PRD-WAR").toEvent(auditId, 1, enterpriseId);
        List<AuditSubmitted> parts = whole.split(3);

        send(enterpriseId, bytes(parts.get(0)));
        send(enterpriseId, bytes(parts.get(1)));
        send(enterpriseId, bytes(parts.get(1))); // delivered again
        String marker = "A-" + UUID.randomUUID();
        send(enterpriseId, bytes(defaultAudit(0).toEvent(marker, 1, enterpriseId)));
        scoreComputed(marker, 1);
        assertThat(mongo.count(Query.query(Criteria.where("auditId").is(auditId)), ScoreCardDocument.class))
                .as("not scored before its last part").isZero();

        send(enterpriseId, bytes(parts.get(2)));
        List<ConsumerRecord<String, String>> computed = scoreComputed(auditId, 1);
        assertThat(computed).hasSize(1);
        ScoreComputed score = codec.data(codec.read(computed.get(0).value()), ScoreComputed.class);
        AuditSubmitted scoredWhole = defaultAudit(4).nonconforming(outlet(2), "PRD-WAR")
                .toEvent("A-whole-" + UUID.randomUUID(), 1, enterpriseId);
        scoring.handle(codec.wrap(scoredWhole, "/test/audit-service", "c-whole", Instant.now()));
        ScoreCardDocument sameAuditWhole = mongo.findById(ScoreCardDocument.idOf(scoredWhole.auditId(), 1),
                ScoreCardDocument.class);
        assertThat(score.score()).as("the same as the whole submission scores")
                .isEqualByComparingTo(sameAuditWhole.score());
        assertThat(score.sites()).hasSize(whole.sites().size());
        await().atMost(WAIT).until(() -> mongo.count(Query.query(Criteria.where("auditId").is(auditId)),
                "submissionParts") == 0);

        // a part delivered again after the scoring changes nothing and is not kept
        send(enterpriseId, bytes(parts.get(0)));
        String marker2 = "A-" + UUID.randomUUID();
        send(enterpriseId, bytes(defaultAudit(0).toEvent(marker2, 1, enterpriseId)));
        scoreComputed(marker2, 1);
        assertThat(mongo.count(Query.query(Criteria.where("auditId").is(auditId)), "submissionParts")).isZero();
        assertThat(scoreComputed(auditId, 1)).hasSize(1);
    }

    private static ConsumerRecord<String, CloudEvent> record(long offset, CloudEvent event) {
        return new ConsumerRecord<>(Topics.AUDIT_SUBMITTED, 0, offset, event.enterpriseid(), event);
    }

    @Test
    void laterRevisionsWinAndOlderOnesAreIgnored() throws Exception {
        String auditId = "A-" + UUID.randomUUID();
        String enterpriseId = "E-" + UUID.randomUUID();
        AuditBuilder first = defaultAudit(1).nonconforming(CENTRAL, "SYS-ORG");
        AuditBuilder corrected = defaultAudit(1);

        send(enterpriseId, bytes(first.toEvent(auditId, 1, enterpriseId)));
        send(enterpriseId, bytes(corrected.toEvent(auditId, 2, enterpriseId)));
        send(enterpriseId, bytes(first.toEvent(auditId, 1, enterpriseId))); // late replay of revision 1
        String marker = "A-" + UUID.randomUUID();
        send(enterpriseId, bytes(defaultAudit(0).toEvent(marker, 1, enterpriseId)));
        scoreComputed(marker, 1);
        awaitOutboxDrained(auditId);

        assertThat(scoreComputed(auditId, 2)).extracting(r -> codec.data(codec.read(r.value()),
                ScoreComputed.class).revision()).containsExactly(1, 2);
        mvc.perform(get("/api/scores/{auditId}", auditId).with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(content().string(containsString("\"score\":100.0,")));
        mvc.perform(get("/api/scores/{auditId}/revisions", auditId).with(asAuditor()))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].revision").value(1))
                .andExpect(jsonPath("$[0].score").value(94.0))
                .andExpect(jsonPath("$[1].revision").value(2));
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicAndLaterEventsAreStillScored() throws Exception {
        String enterpriseId = "E-" + UUID.randomUUID();
        String poison = "not json " + UUID.randomUUID();
        String unscorableId = "A-" + UUID.randomUUID();
        AuditSubmitted unscorable = defaultAudit(1).without(outlet(1), "PRD-WAR")
                .toEvent(unscorableId, 1, enterpriseId);
        String auditId = "A-" + UUID.randomUUID();

        send(enterpriseId, poison.getBytes(StandardCharsets.UTF_8));
        send(enterpriseId, bytes(unscorable));
        send(enterpriseId, bytes(defaultAudit(1).toEvent(auditId, 1, enterpriseId)));

        assertThat(scoreComputed(auditId, 1)).hasSize(1);
        List<ConsumerRecord<String, byte[]>> dead = deadLetters(2, r -> {
            String value = new String(r.value(), StandardCharsets.UTF_8);
            return value.equals(poison) || value.contains(unscorableId);
        });
        ConsumerRecord<String, byte[]> poisoned = dead.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).equals(poison)).findFirst().orElseThrow();
        assertThat(header(poisoned, "kafka_dlt-exception-message")).isNotBlank();
        assertThat(header(poisoned, "kafka_dlt-exception-fqcn")).isNotBlank();

        ConsumerRecord<String, byte[]> refused = dead.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(unscorableId))
                .findFirst().orElseThrow();
        assertThat(header(refused, "kafka_dlt-exception-message"))
                .contains("cannot be scored").contains("no finding for PRD-WAR at site S1");
        assertThat(header(refused, "kafka_dlt-exception-fqcn") + header(refused, "kafka_dlt-exception-cause-fqcn"))
                .contains("MalformedEventException");
        mvc.perform(get("/api/scores/{auditId}", unscorableId).with(asAuditor())).andExpect(status().isNotFound());
    }

    private static byte[] bytes(AuditSubmitted audit) {
        return codec.writeBytes(codec.wrap(audit, "/test/audit-service", "corr-" + audit.auditId(), Instant.now()));
    }

    private static void send(String key, byte[] value) throws Exception {
        EventTraffic.sendBytes(Topics.AUDIT_SUBMITTED, key, value);
    }

    private void awaitOutboxDrained(String auditId) {
        await().atMost(WAIT).until(() -> mongo.count(Query.query(new Criteria().andOperator(
                Criteria.where("auditId").is(auditId), Criteria.where("outbox.0").exists(true))),
                ScoreCardDocument.class) == 0);
    }

    /** Reads score.computed from the beginning until {@code expected} events of the audit are seen (and a bit more). */
    private static List<ConsumerRecord<String, String>> scoreComputed(String auditId, int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.SCORE_COMPUTED));
            long deadline = System.currentTimeMillis() + WAIT.toMillis();
            long quietUntil = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (auditId.equals(codec.read(r.value()).subject())) {
                        found.add(r);
                    }
                }
                if (found.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.currentTimeMillis() + 1_500; // let any duplicate show up
                }
            }
        }
        assertThat(found).as("ScoreComputed events of " + auditId).hasSizeGreaterThanOrEqualTo(expected);
        return found;
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(int expected,
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> wanted) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.AUDIT_SUBMITTED)));
            long deadline = System.currentTimeMillis() + WAIT.toMillis();
            while (found.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.value() != null && wanted.test(r)) {
                        found.add(r);
                    }
                }
            }
        }
        assertThat(found).hasSize(expected);
        return found;
    }

    private static Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
