package com.starcert.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import com.starcert.contracts.Topics;
import com.starcert.infra.AuditWorksheet;
import com.starcert.infra.Demo;
import com.starcert.infra.EmbeddedInfrastructure;
import com.starcert.infra.LocalSuite;
import com.starcert.infra.SuiteClient;
import com.starcert.infra.Tokens;

/**
 * Faults on the whole suite (separate processes, real broker, the store behind a relay that can be cut), each case
 * followed by the same checks: every audit DECIDED with at most one score card per revision (the current one
 * always), one decision and one certificate; certificate numbers without gaps; every outbox empty; no dead letters except those a case sends.
 * Cases: the store away for 10 s during 20 submissions, every event sent again, a poison event, a service killed
 * (SIGKILL) mid-flow and started again, the broker stopped for 30 s during 50 submissions, returns racing the
 * decision, an event that can never be sent as it is (over the largest event size) parked, then sent again by the
 * operator once the cause is removed. Every submission goes out as several AuditSubmitted parts, as one too large for a single event does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    static final String LEAD_AUDITOR = "starcert-auditor";

    static EmbeddedInfrastructure infra;
    static LocalSuite suite;
    static SuiteClient api;
    static SuiteClient auditor;
    static final List<String> AUDITS = new ArrayList<>();
    static final Set<String> ENTERPRISES = new TreeSet<>();

    @BeforeAll
    static void startSuite() throws Exception {
        infra = EmbeddedInfrastructure.forFaultTests();
        // every submission goes out in parts, as an audit too large for one event would (a few kilobytes here,
        // 1 MB by default), so that every case also runs with parts
        suite = SuiteFixtures.start(infra, "fault", Map.of("STARCERT_MESSAGING_RETRYINTERVAL", "200ms",
                "STARCERT_MESSAGING_INFRASTRUCTURERETRY_MAXINTERVAL", "2s",
                "STARCERT_AUDIT_SUBMISSIONPARTSIZE", "3KB"));
        SuiteClient anonymous = new SuiteClient(suite.gatewayUrl());
        api = anonymous.as(Tokens.forClient(suite.credentials(), "starcert-admin"));
        auditor = anonymous.as(Tokens.forClient(suite.credentials(), LEAD_AUDITOR));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void theStoreAwayForTenSecondsDuringTwentySubmissionsDelaysThemOnly() throws Exception {
        List<String> ready = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ready.add(readyAudit("存储故障测试有限公司 " + i));
        }
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> submitted = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            String auditId = ready.get(i);
            submitted.add(clients.submit(() -> submit(auditId)));
            if (i == 7) {
                infra.stopStore();
                Thread back = new Thread(() -> {
                    sleep(Duration.ofSeconds(10));
                    infra.startStore();
                }, "store-back");
                back.setDaemon(true);
                back.start();
            }
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
        for (Future<Integer> answer : submitted) {
            assertThat(answer.get()).isEqualTo(202);
        }
        AUDITS.addAll(ready);
        everythingIsConsistent(Set.of());
    }

    @Test
    @Order(2)
    void eventsSentAgainByteForByteChangeNothing() throws Exception {
        // the submissions went out in parts (see startSuite): more than one audit.submitted per audit
        assertThat(recordsOf(Topics.AUDIT_SUBMITTED)).isGreaterThanOrEqualTo(2 * AUDITS.size());
        int replayed = replay(List.of(Topics.AUDIT_SUBMITTED, Topics.SCORE_COMPUTED, Topics.CERTIFICATE_ISSUED));
        assertThat(replayed).isGreaterThanOrEqualTo(4 * AUDITS.size());
        sleep(Duration.ofSeconds(5));
        everythingIsConsistent(Set.of());
    }

    @Test
    @Order(3)
    void aPoisonEventIsDeadLetteredAndTheRestFlows() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.AUDIT_SUBMITTED, key,
                    "not a CloudEvent".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(Topics.AUDIT_SUBMITTED, key, ("{\"specversion\":\"1.0\",\"id\":\""
                    + UUID.randomUUID() + "\",\"source\":\"/fault\",\"type\":\"com.starcert.audit.submitted.v1\","
                    + "\"data\":{\"auditId\":\"A-poison\"}}").getBytes(StandardCharsets.UTF_8))).get();
        }
        String after = readyAudit("毒消息之后有限公司");
        assertThat(submit(after)).isEqualTo(202);
        AUDITS.add(after);
        everythingIsConsistent(Set.of(key));
    }

    @Test
    @Order(4)
    void aServiceKilledMidFlowAndStartedAgainLosesNothing() throws Exception {
        List<String> ready = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ready.add(readyAudit("进程故障测试有限公司 " + i));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(submit(ready.get(i))).isEqualTo(202);
        }
        suite.kill("scoring-service", 1); // SIGKILL: no shutdown, whatever it was doing is cut off
        for (int i = 3; i < 6; i++) {
            assertThat(submit(ready.get(i))).isEqualTo(202);
        }
        suite.restart("scoring-service", 1);
        AUDITS.addAll(ready);
        everythingIsConsistent(poisonKey());
    }

    @Test
    @Order(5)
    void theBrokerStoppedForThirtySecondsDuringFiftySubmissionsDelaysThemOnly() throws Exception {
        List<String> ready = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ready.add(readyAudit("消息中断测试有限公司 " + i));
        }
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> submitted = new ArrayList<>();
        Thread back = new Thread(() -> {
            sleep(Duration.ofSeconds(30));
            infra.startKafka();
        }, "broker-back");
        back.setDaemon(true);
        for (int i = 0; i < ready.size(); i++) {
            String auditId = ready.get(i);
            submitted.add(clients.submit(() -> submit(auditId)));
            if (i == 14) {
                infra.stopKafka();
                back.start();
            }
            sleep(Duration.ofMillis(300)); // spread over the outage
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
        back.join(60_000);
        for (Future<Integer> answer : submitted) {
            assertThat(answer.get()).isEqualTo(202);
        }
        AUDITS.addAll(ready);
        everythingIsConsistent(poisonKey());
    }

    @Test
    @Order(6)
    void aReturnRacingTheDecisionEndsWithOneDecisionWhicheverComesFirst() throws Exception {
        // returned at different moments after the submission: before the score, between score and decision, after
        // the decision but before audit-service heard of it (the decision then stands and the audit takes it), after
        // the decision (409); each returned one is resubmitted
        List<String> ready = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ready.add(readyAudit("退回竞态测试有限公司 " + i));
        }
        SuiteClient reviewer = new SuiteClient(suite.gatewayUrl())
                .as(Tokens.forClient(suite.credentials(), "starcert-reviewer"));
        int returned = 0;
        for (int i = 0; i < ready.size(); i++) {
            String auditId = ready.get(i);
            assertThat(submit(auditId)).isEqualTo(202);
            sleep(Duration.ofMillis(25L * i)); // the whole flow takes a few hundred milliseconds
            var response = reviewer.post("/api/audits/" + auditId + "/return",
                    Map.of("reason", "照片证据不清晰，请补充"));
            int answer = response.status();
            assertThat(answer).as("return of " + auditId + ": " + response.body()).isIn(200, 409);
            if (answer == 200) {
                returned++;
                int again = auditor.post("/api/audits/" + auditId + "/submit", Map.of()).status();
                // 409: certificate-service had already decided revision 1, and audit-service took that decision
                assertThat(again).as("resubmission of " + auditId).isIn(202, 409);
            }
        }
        assertThat(returned).as("at least the early returns went through").isPositive();
        AUDITS.addAll(ready);
        everythingIsConsistent(poisonKey());
    }

    @Test
    @Order(7)
    void anEventThatCannotBeSentIsParkedTheRestFlowsAndTheOperatorSendsItAgain() throws Exception {
        String parked = readyAudit("超限消息测试有限公司");
        String after = readyAudit("超限之后有限公司");
        // audit-service started with a largest event of 1 KB: the 3 KB parts of the next submission can never be
        // sent as they are (the producer refuses them, as the broker refuses a record over its limit)
        suite.kill("audit-service", 1);
        suite.restart("audit-service", 1, Map.of("STARCERT_MESSAGING_MAXEVENTSIZE", "1KB"));
        assertThat(submit(parked)).isEqualTo(202);
        SuiteClient operatorOnAudit = new SuiteClient(suite.url("audit-service"))
                .as(Tokens.forClient(suite.credentials(), "starcert-operator"));
        operatorOnAudit.await("/actuator/health", r -> r.status() == 200 && r.body().path("components")
                .path("outbox").path("details").path("parkedEvents").asInt() > 0, Duration.ofSeconds(60));

        // the operator removes the cause (audit-service back to its usual settings); the rest flows, the parked
        // events wait (they are not tried again by themselves)
        suite.kill("audit-service", 1);
        suite.restart("audit-service", 1);
        assertThat(submit(after)).isEqualTo(202);
        api.await("/api/audits/" + after, r -> "DECIDED".equals(r.text("status")), Duration.ofSeconds(120));
        assertThat(api.get("/api/audits/" + parked).expect(200).body().path("status").asString())
                .isEqualTo("SUBMITTED");
        assertThat(api.get("/api/scores/" + parked).status()).isEqualTo(404);

        // and sends them again, through the gateway
        var resend = new SuiteClient(suite.gatewayUrl())
                .as(Tokens.forClient(suite.credentials(), "starcert-operator"))
                .post("/api/operations/outbox/parked/resend", Map.of());
        assertThat(resend.status()).as(String.valueOf(resend.body())).isEqualTo(200);
        assertThat(resend.body().path("services").path("audit-service").path("resent").asInt()).isPositive();
        AUDITS.add(parked);
        AUDITS.add(after);
        everythingIsConsistent(poisonKey());
    }

    private static Set<String> poisonKey() {
        return Set.of(deadLetterKeys().stream().filter(k -> k.startsWith("poison-")).findFirst().orElseThrow());
    }

    // ---- the checks after every case ----

    private static void everythingIsConsistent(Set<String> expectedDeadLetterKeys) {
        for (String auditId : AUDITS) {
            JsonNode audit = api.await("/api/audits/" + auditId, r -> "DECIDED".equals(r.text("status")),
                    Duration.ofSeconds(120)).body();
            int revision = audit.path("revision").asInt();
            // one score card per revision scored: the current one always; a revision returned before its score
            // was computed has none
            List<Integer> scored = new ArrayList<>();
            api.get("/api/scores/" + auditId + "/revisions").expect(200).body()
                    .forEach(card -> scored.add(card.path("revision").asInt()));
            assertThat(scored).as("score cards of " + auditId).doesNotHaveDuplicates().contains(revision)
                    .allMatch(r -> r >= 1 && r <= revision);
            api.get("/api/decisions/" + auditId).expect(200);
            assertThat(api.get("/api/certificates?enterpriseId=" + audit.path("enterpriseId").asString())
                    .expect(200).body()).as("certificates of " + auditId).hasSize(1);
        }
        List<Integer> sequence = new ArrayList<>();
        for (String enterpriseId : ENTERPRISES) {
            for (JsonNode certificate : api.get("/api/certificates?enterpriseId=" + enterpriseId).expect(200)
                    .body()) {
                String number = certificate.path("number").asString();
                sequence.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
            }
        }
        assertThat(new TreeSet<>(sequence)).as("certificate numbers without gaps or repeats")
                .hasSize(sequence.size()).first().isEqualTo(1);
        assertThat(new TreeSet<>(sequence).last()).isEqualTo(sequence.size());
        for (String module : List.of("outlet-service", "audit-service", "scoring-service", "certificate-service")) {
            JsonNode health = new SuiteClient(suite.url(module)).as(Tokens.forClient(suite.credentials(),
                    "starcert-operator")).await("/actuator/health", r -> r.status() == 200 && "none".equals(r.body()
                    .path("components").path("outbox").path("details").path("oldestPendingEvent").asString()),
                    Duration.ofSeconds(60)).body();
            assertThat(health.path("components").path("outbox").path("details").path("parkedEvents").asInt())
                    .as(module).isZero();
        }
        assertThat(deadLetterKeys()).as("dead letters").isEqualTo(new TreeSet<>(expectedDeadLetterKeys));
    }

    // ---- fixtures ----

    /** An enterprise with one outlet, an initial audit planned over it, every finding recorded. */
    private static String readyAudit(String name) {
        String enterpriseId = SuiteFixtures.registerEnterprise(api, name, Demo.randomUscc("410100"));
        ENTERPRISES.add(enterpriseId);
        SuiteFixtures.registerOutlet(api, enterpriseId, "郑州网点", "BRANCH", "410102");
        SuiteFixtures.awaitScope(api, enterpriseId, 1);
        JsonNode audit = SuiteFixtures.plan(api, enterpriseId, LEAD_AUDITOR);
        String auditId = audit.path("id").asString();
        AuditWorksheet sheet = new AuditWorksheet(audit);
        for (String site : sheet.siteIds()) {
            auditor.put("/api/audits/" + auditId + "/findings", sheet.siteBody(site)).expect(200);
        }
        return auditId;
    }

    /**
     * Submits as a client would: no answer, or one other than 202 (say the store is away), is tried again; a 409
     * then means an earlier try went through.
     */
    private static int submit(String auditId) {
        Instant deadline = Instant.now().plusSeconds(90);
        int status;
        do {
            try {
                status = auditor.post("/api/audits/" + auditId + "/submit", Map.of()).status();
            } catch (IllegalStateException noAnswer) {
                status = -1; // the client gave up waiting; the request may still have gone through
            }
            if (status == 202 || status == 409) {
                return 202; // 409: an earlier try went through after all
            }
            sleep(Duration.ofSeconds(1));
        } while (Instant.now().isBefore(deadline));
        return status;
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", infra.kafkaBootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends the records of these topics keyed by this suite's enterprises again, byte for byte; how many. */
    private static int replay(List<String> topics) throws Exception {
        List<ConsumerRecord<String, byte[]>> ours = ours(topics);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (ConsumerRecord<String, byte[]> r : ours) {
                producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers())).get();
            }
        }
        return ours.size();
    }

    /** How many records of the topic are keyed by this suite's enterprises. */
    private static int recordsOf(String topic) {
        return ours(List.of(topic)).size();
    }

    /** The records of these topics keyed by this suite's enterprises, read until none came for 3 s. */
    private static List<ConsumerRecord<String, byte[]>> ours(List<String> topics) {
        List<ConsumerRecord<String, byte[]>> ours = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", infra.kafkaBootstrapServers(), "group.id", "fault-read-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            long quietSince = System.currentTimeMillis();
            long deadline = quietSince + 30_000;
            while (System.currentTimeMillis() < deadline && System.currentTimeMillis() - quietSince < 3_000) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    quietSince = System.currentTimeMillis();
                    if (ENTERPRISES.contains(r.key())) {
                        ours.add(r);
                    }
                }
            }
        }
        return ours;
    }

    /** The keys of every record in every dead-letter topic. */
    private static Set<String> deadLetterKeys() {
        Set<String> keys = new TreeSet<>();
        List<String> deadLetterTopics = Topics.ALL.stream().map(Topics::deadLetter).toList();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", infra.kafkaBootstrapServers(), "group.id", "fault-dlt-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(deadLetterTopics);
            long until = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < until) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> keys.add(String.valueOf(r.key())));
            }
        }
        return keys;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
