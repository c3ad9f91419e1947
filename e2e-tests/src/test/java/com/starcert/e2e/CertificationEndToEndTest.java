package com.starcert.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

import com.starcert.contracts.Topics;
import com.starcert.infra.AuditWorksheet;
import com.starcert.infra.Demo;
import com.starcert.infra.Infrastructure;
import com.starcert.infra.LocalSuite;
import com.starcert.infra.SuiteClient;
import com.starcert.infra.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * The whole suite as its users meet it: real broker and Mongo wire server, identity-service, the four services and
 * the gateway as separate processes, and every request through the gateway — each made by the role that may make
 * it, with an access token got the way an API client gets one (client credentials at {@code /oauth2/token}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificationEndToEndTest {

    static final String LEAD_AUDITOR = "starcert-auditor";

    static LocalSuite suite;
    static Infrastructure infra;
    /** No token: the public. */
    static SuiteClient anonymous;
    /** CB_ADMIN: registers enterprises and outlets, plans audits. */
    static SuiteClient api;
    /** AUDITOR named as lead auditor on every audit planned here: records findings and submits. */
    static SuiteClient auditor;
    /** REVIEWER, on no team: verifies corrective actions, acts on certificates. */
    static SuiteClient reviewer;

    @BeforeAll
    static void startSuite() throws Exception {
        infra = Infrastructure.forTests();
        suite = SuiteFixtures.start(infra, "e2e", Map.of("STARCERT_MESSAGING_RETRYINTERVAL", "200ms"));
        anonymous = new SuiteClient(suite.gatewayUrl());
        api = anonymous.as(Tokens.forClient(suite.credentials(), "starcert-admin"));
        auditor = anonymous.as(Tokens.forClient(suite.credentials(), LEAD_AUDITOR));
        reviewer = anonymous.as(Tokens.forClient(suite.credentials(), "starcert-reviewer"));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void anEnterpriseGoesFromRegistrationToACertificateThroughTheGateway() {
        String enterpriseId = registerEnterprise("豫粤家电服务有限公司", Demo.randomUscc("410100"));
        registerOutlet(enterpriseId, "总部", "HEADQUARTERS", "410105");
        registerOutlet(enterpriseId, "郑州网点", "BRANCH", "410102");
        registerOutlet(enterpriseId, "广州网点", "BRANCH", "440106");
        registerOutlet(enterpriseId, "杭州网点", "PARTNER", "330106");
        registerOutlet(enterpriseId, "成都网点", "PARTNER", "510104");
        assertThat(api.get("/api/enterprises/" + enterpriseId + "/outlets").expect(200).body()).hasSize(5);

        // audit-service learns the network from outlet.changed; the headquarters is the central function, not in n
        JsonNode scope = awaitScope(enterpriseId, 4);
        assertThat(scope.path("sampleSizes").path("INITIAL").asInt()).isEqualTo(2);

        JsonNode audit = plan(enterpriseId);
        String auditId = audit.path("id").asString();
        assertThat(audit.path("sampleSize").asInt()).isEqualTo(2);
        assertThat(audit.path("sites")).hasSize(3);
        assertThat(audit.path("sites").get(0).path("central").asBoolean()).isTrue();
        assertThat(audit.path("sites").get(0).path("selection").asString()).isEqualTo("CENTRAL");

        AuditWorksheet sheet = new AuditWorksheet(audit);
        List<String> outletSites = sheet.siteIds().stream().filter(s -> !s.equals("CENTRAL")).toList();
        assertThat(outletSites).hasSize(2);
        // PRD-REP (9 points, sampled): 2 of 10 records nonconforming at one site, none at the other → 0.9
        sheet.sampled(outletSites.get(0), "PRD-REP", 10, 2, "two repair records without test results");
        // SYS-SUP (5 points, central, qualitative) nonconforming → all 5 lost
        sheet.nonconforming("CENTRAL", "SYS-SUP", "no supervision of outlets documented");

        // a submission before every site is assessed lists what is missing
        auditor.put("/api/audits/" + auditId + "/findings", sheet.siteBody("CENTRAL")).expect(200);
        JsonNode incomplete = auditor.post("/api/audits/" + auditId + "/submit", Map.of()).expect(422).body();
        assertThat(incomplete.path("errors").size()).isGreaterThan(0);

        for (String site : outletSites) {
            auditor.put("/api/audits/" + auditId + "/findings", sheet.siteBody(site)).expect(200);
        }
        auditor.put("/api/audits/" + auditId + "/findings", Map.of("exclusions", List.of(Map.of(
                "indicator", "PRD-RCY", "justification", "no products sold; recycling not in scope")))).expect(200);

        // the CB admin may plan but not submit (ISO/IEC 17021-1: whoever audits does not decide, and vice versa)
        api.post("/api/audits/" + auditId + "/submit", Map.of()).expect(403);
        auditor.post("/api/audits/" + auditId + "/submit", Map.of()).expect(202);
        auditor.post("/api/audits/" + auditId + "/submit", Map.of()).expect(409);

        JsonNode decided = api.await("/api/audits/" + auditId, r -> "DECIDED".equals(r.text("status")),
                Duration.ofSeconds(90)).body();
        assertThat(decided.path("timeline").toString()).contains("SUBMITTED", "DECIDED", LEAD_AUDITOR);

        // applicable 95 (PRD-RCY excluded); earned 95 − 0.9 − 5 = 89.1; 100 × 89.1 / 95 = 93.789… → 93.7
        JsonNode score = api.get("/api/scores/" + auditId).expect(200).body();
        assertThat(score.path("score").decimalValue()).isEqualByComparingTo("93.7");
        assertThat(score.path("band").asString()).isEqualTo("FOUR_STAR");

        JsonNode certificates = api.get("/api/certificates?enterpriseId=" + enterpriseId).expect(200).body();
        assertThat(certificates).hasSize(1);
        JsonNode certificate = certificates.get(0);
        assertThat(certificate.path("number").asString()).matches("GBT27922-\\d{4}-\\d{6}");
        assertThat(certificate.path("status").asString()).isEqualTo("ACTIVE");
        // a first certificate is capped at compliant even though the score reaches four stars
        assertThat(certificate.path("level").asString()).isEqualTo("COMPLIANT");
        assertThat(certificate.path("score").decimalValue()).isEqualByComparingTo("93.7");
        LocalDate from = LocalDate.parse(certificate.path("validFrom").asString());
        assertThat(LocalDate.parse(certificate.path("validUntil").asString())).isEqualTo(from.plusYears(3).minusDays(1));
        assertThat(certificate.path("sites")).hasSize(3);
        assertThat(api.get("/api/certificates/" + certificate.path("number").asString()).expect(200)
                .text("enterpriseId")).isEqualTo(enterpriseId);

        // replaying the audit's AuditSubmitted and ScoreComputed records yields no second score or certificate
        int replayed = replay(enterpriseId, List.of(Topics.AUDIT_SUBMITTED, Topics.SCORE_COMPUTED));
        assertThat(replayed).isEqualTo(2);
        sleep(Duration.ofSeconds(5));
        assertThat(api.get("/api/scores/" + auditId + "/revisions").expect(200).body()).hasSize(1);
        assertThat(api.get("/api/certificates?enterpriseId=" + enterpriseId).expect(200).body()).hasSize(1);
        assertThat(api.get("/api/audits/" + auditId).expect(200).text("status")).isEqualTo("DECIDED");
    }

    @Test
    @Order(2)
    void aSpecialDeductionHoldsTheCertificateUntilItsCorrectiveActionIsVerified() {
        String enterpriseId = registerEnterprise("整改测试服务有限公司", Demo.randomUscc("410100"));
        registerOutlet(enterpriseId, "开封网点", "BRANCH", "410202");
        registerOutlet(enterpriseId, "长沙网点", "BRANCH", "430102");
        awaitScope(enterpriseId, 2);
        JsonNode audit = plan(enterpriseId);
        String auditId = audit.path("id").asString();
        AuditWorksheet sheet = new AuditWorksheet(audit);
        for (String site : sheet.siteIds()) {
            auditor.put("/api/audits/" + auditId + "/findings", sheet.siteBody(site)).expect(200);
        }
        auditor.put("/api/audits/" + auditId + "/findings", Map.of("specialDeductions", List.of(Map.of(
                "category", "LEGAL", "description", "三包 warranty card not issued for two repairs")))).expect(200);
        auditor.post("/api/audits/" + auditId + "/submit", Map.of()).expect(202);

        // 100 − 1 special deduction = 99.0; the decision waits for the corrective action (docs/domain.md §5)
        api.await("/api/audits/" + auditId, r -> "AWAITING_CORRECTIVE_ACTIONS".equals(r.text("status")),
                Duration.ofSeconds(90));
        assertThat(api.get("/api/scores/" + auditId).expect(200).body().path("score").decimalValue())
                .isEqualByComparingTo("99.0");
        assertThat(api.get("/api/certificates?enterpriseId=" + enterpriseId).expect(200).body()).isEmpty();

        JsonNode actions = api.get("/api/audits/" + auditId + "/corrective-actions").expect(200).body();
        assertThat(actions.path("actions")).hasSize(1);
        String actionId = actions.path("actions").get(0).path("id").asString();
        reviewer.post("/api/audits/" + auditId + "/corrective-actions/" + actionId + "/verify",
                Map.of("note", "nothing to check yet")).expect(409); // no evidence yet
        // the enterprise answers its corrective action with its own API client (created by the CB admin)
        SuiteClient enterprise = enterpriseClient(enterpriseId);
        auditor.post("/api/audits/" + auditId + "/corrective-actions/" + actionId + "/evidence",
                Map.of("text", "written by the auditor")).expect(403);
        enterprise.post("/api/audits/" + auditId + "/corrective-actions/" + actionId + "/evidence",
                Map.of("text", "warranty cards issued and the procedure retrained")).expect(200);
        // the lead auditor may not verify (not a reviewer); a reviewer on no team may
        auditor.post("/api/audits/" + auditId + "/corrective-actions/" + actionId + "/verify",
                Map.of("note", "checked on site")).expect(403);
        reviewer.post("/api/audits/" + auditId + "/corrective-actions/" + actionId + "/verify",
                Map.of("note", "checked on site")).expect(200);

        // audit.corrective-actions-verified releases the held decision
        api.await("/api/audits/" + auditId, r -> "DECIDED".equals(r.text("status")), Duration.ofSeconds(90));
        JsonNode certificates = api.get("/api/certificates?enterpriseId=" + enterpriseId).expect(200).body();
        assertThat(certificates).hasSize(1);
        String number = certificates.get(0).path("number").asString();
        assertThat(certificates.get(0).path("level").asString()).isEqualTo("COMPLIANT");

        // the enterprise sees its own certificate, audit and score card; another enterprise sees none of them
        assertThat(enterprise.get("/api/certificates").expect(200).body()).hasSize(1);
        enterprise.get("/api/certificates/" + number).expect(200);
        enterprise.get("/api/audits/" + auditId).expect(200);
        // scoring-service shows the enterprise its score card once it has seen the decision event
        enterprise.await("/api/scores/" + auditId, r -> r.status() == 200, Duration.ofSeconds(30));
        enterprise.post("/api/certificates/" + number + "/suspend", Map.of("reason", "x")).expect(403);
        SuiteClient stranger = enterpriseClient(registerEnterprise("旁观者服务有限公司", Demo.randomUscc("410100")));
        stranger.get("/api/certificates/" + number).expect(404);
        stranger.get("/api/audits/" + auditId).expect(404);
        stranger.get("/api/scores/" + auditId).expect(404);
        stranger.get("/api/enterprises/" + enterpriseId).expect(404);
        assertThat(stranger.get("/api/certificates").expect(200).body()).isEmpty();

        // the public sees status and scope but not the score, and the signed document verifies
        JsonNode published = anonymous.get("/api/public/certificates/" + number).expect(200).body();
        assertThat(published.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(published.has("score")).isFalse();
        assertThat(anonymous.post("/api/public/certificates/verify", published).expect(200).body()
                .path("authentic").asBoolean()).isTrue();
        tools.jackson.databind.node.ObjectNode forged = (tools.jackson.databind.node.ObjectNode) published.deepCopy();
        forged.put("level", "FIVE_STAR");
        assertThat(anonymous.post("/api/public/certificates/verify", forged).expect(200).body()
                .path("authentic").asBoolean()).isFalse();
    }

    @Test
    @Order(4)
    void badInputIsAProblemNotAServerError() {
        JsonNode badUscc = api.post("/api/enterprises", Map.of("name", "X", "uscc", "91350100M000100Y44",
                "address", Map.of("regionCode", "350100", "line", "福州"),
                "contact", Map.of("name", "李", "phone", "13800138000"))).expect(400).body();
        assertThat(badUscc.toString()).contains("uscc");
        api.post("/api/enterprises", "{\"name\": ").expect(400);
        api.get("/api/audits/" + UUID.randomUUID()).expect(404);
        api.get("/api/certificates/GBT27922-1999-999999").expect(404);
        anonymous.get("/api/public/certificates/GBT27922-1999-999999").expect(404);
        api.get("/api/no-such-resource").expect(404);
        // a query string that is not percent-encoded UTF-8 is a 400 naming the parameter, on every service
        JsonNode badEncoding = anonymous.get("/api/public/certificates?name=%ff").expect(400).body();
        assertThat(badEncoding.path("errors").get(0).path("field").asString()).isEqualTo("name");
        for (String path : List.of("/api/enterprises?name=%ff", "/api/audits?enterpriseId=%ff",
                "/api/schemes?x=%ff", "/api/certificates?enterpriseId=%ff")) {
            api.get(path).expect(400);
        }
    }

    @Test
    @Order(3)
    void withoutAValidTokenOnlyPublicEndpointsAnswer() {
        assertThat(anonymous.get("/api/audits").expect(401).body().path("status").asInt()).isEqualTo(401);
        anonymous.get("/api/enterprises").expect(401);
        anonymous.post("/api/enterprises", Map.of("name", "x")).expect(401);
        anonymous.as(() -> "forged.token.value").get("/api/public/certificates/GBT27922-1999-999999").expect(401);
        anonymous.get("/.well-known/openid-configuration").expect(200);
        // an operator has no business data
        SuiteClient operator = anonymous.as(Tokens.forClient(suite.credentials(), "starcert-operator"));
        operator.get("/api/enterprises").expect(403);
        operator.get("/actuator/health").expect(200);
    }

    @Test
    @Order(5)
    void aSubmissionWhileTheBrokerIsDownIsCertifiedOnceItIsBack() {
        String enterpriseId = registerEnterprise("断网测试服务有限公司", Demo.randomUscc("410100"));
        registerOutlet(enterpriseId, "济南网点", "BRANCH", "370102");
        awaitScope(enterpriseId, 1);
        JsonNode audit = plan(enterpriseId);
        String auditId = audit.path("id").asString();
        AuditWorksheet sheet = new AuditWorksheet(audit);
        for (String site : sheet.siteIds()) {
            auditor.put("/api/audits/" + auditId + "/findings", sheet.siteBody(site)).expect(200);
        }

        infra.stopKafka();
        try {
            auditor.post("/api/audits/" + auditId + "/submit", Map.of()).expect(202);
            assertThat(api.get("/api/audits/" + auditId).expect(200).text("status")).isEqualTo("SUBMITTED");
            sleep(Duration.ofSeconds(3));
            assertThat(api.get("/api/audits/" + auditId).expect(200).text("status")).isEqualTo("SUBMITTED");
        } finally {
            infra.startKafka();
        }

        api.await("/api/audits/" + auditId, r -> "DECIDED".equals(r.text("status")), Duration.ofSeconds(120));
        assertThat(api.get("/api/scores/" + auditId).expect(200).body().path("score").decimalValue())
                .isEqualByComparingTo("100.0");
        JsonNode certificates = api.get("/api/certificates?enterpriseId=" + enterpriseId).expect(200).body();
        assertThat(certificates).hasSize(1);
        assertThat(certificates.get(0).path("level").asString()).isEqualTo("COMPLIANT");
    }

    @Test
    @Order(7)
    void threeConcurrentImportsOf64MegabytesLeaveTheOutletServiceHealthy() throws Exception {
        // 100,000 rows each (the most an import takes), the last one repeating the first: each file is read and
        // checked whole, then refused for that one row; outlet-service runs with a 384 MB heap here
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("starcert-e2e-", ".csv");
        try {
            String terms = "x".repeat(560);
            try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(csv)) {
                out.write("name,kind,regionCode,addressLine,contactName,contactPhone,daysPerWeek,hoursPerDay,"
                        + "responseHours,onSiteHours,resolutionHours,postWarrantyTerms\n");
                for (int i = 1; i <= 100_000; i++) {
                    int n = i == 100_000 ? 1 : i;
                    out.write("压力网点" + n + ",BRANCH,410102,中原路" + n + "号,王工,13912345678,7,12,2,4,24," + terms
                            + "\n");
                }
            }
            long size = java.nio.file.Files.size(csv);
            assertThat(size).isBetween(60L * 1024 * 1024, 64L * 1024 * 1024);

            List<String> enterprises = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                enterprises.add(registerEnterprise("大文件导入测试有限公司 " + i, Demo.randomUscc("410100")));
            }
            String token = Tokens.forClient(suite.credentials(), "starcert-admin").get();
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> answers = new ArrayList<>();
            for (String enterpriseId : enterprises) {
                answers.add(http.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(suite.gatewayUrl()
                                + "/api/enterprises/" + enterpriseId + "/outlets/imports"))
                        .timeout(Duration.ofMinutes(3))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofFile(csv)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()));
            }
            for (var answer : answers) {
                java.net.http.HttpResponse<String> response = answer.get(4, java.util.concurrent.TimeUnit.MINUTES);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
                JsonNode problem = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
                assertThat(problem.path("rowsRead").asInt()).isEqualTo(100_000);
                assertThat(problem.path("errorCount").asInt()).isEqualTo(1);
                assertThat(problem.path("errors").path(0).path("reason").asString()).contains("same name and address");
            }
            new SuiteClient(suite.url("outlet-service")).await("/actuator/health", r -> r.status() == 200,
                    Duration.ofSeconds(30));
            for (String enterpriseId : enterprises) {
                assertThat(api.get("/api/enterprises/" + enterpriseId + "/outlets").expect(200).body()).isEmpty();
            }
        } finally {
            java.nio.file.Files.deleteIfExists(csv);
        }
    }

    @Test
    @Order(6)
    void hostileRequestsAreProblemsNamingWhatIsWrongAndStoreNothing() throws Exception {
        String enterpriseId = registerEnterprise("攻击目标服务有限公司", Demo.randomUscc("410100"));
        registerOutlet(enterpriseId, "郑州网点", "BRANCH", "410102");
        String outletId = api.get("/api/enterprises/" + enterpriseId + "/outlets").expect(200).body().get(0)
                .path("id").asString();
        awaitScope(enterpriseId, 1);
        String auditId = plan(enterpriseId).path("id").asString();
        JsonNode auditBefore = api.get("/api/audits/" + auditId).expect(200).body();

        List<String> usccs = new ArrayList<>();
        List<HostileCorpus.Case> cases = HostileCorpus.build(enterpriseId, outletId, auditId,
                Tokens.forClient(suite.credentials(), "starcert-admin"),
                Tokens.forClient(suite.credentials(), LEAD_AUDITOR),
                Tokens.forClient(suite.credentials(), "starcert-reviewer"), () -> Demo.randomUscc("410100"), usccs);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(200);

        List<String> wrong = new ArrayList<>();
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        for (HostileCorpus.Case c : cases) {
            HostileCorpus.Answer answer = HostileCorpus.send(suite.gatewayUrl(), c);
            String seen = c.what() + " -> " + answer.status() + " "
                    + answer.body().substring(0, Math.min(160, answer.body().length()));
            if (answer.status() != 400 && answer.status() != 413) {
                wrong.add(seen);
            } else if (!answer.contentType().startsWith("application/problem+json")) {
                wrong.add("not a problem: " + seen + " (" + answer.contentType() + ")");
            } else {
                JsonNode problem = json.readTree(answer.body());
                boolean named = answer.status() == 413 ? !problem.path("detail").asString("").isBlank()
                        : !problem.path("errors").path(0).path("field").asString("").isBlank();
                if (!named || problem.path("status").asInt() != answer.status()) {
                    wrong.add("names nothing: " + seen);
                }
            }
        }
        assertThat(wrong).as("answers other than a 400/413 problem naming what is wrong").isEmpty();

        // nothing was stored: no enterprise, outlet, audit or finding came of any of them
        for (String uscc : usccs) {
            assertThat(api.get("/api/enterprises?uscc=" + uscc).expect(200).body()).as(uscc).isEmpty();
        }
        assertThat(api.get("/api/enterprises/" + enterpriseId + "/outlets").expect(200).body()).hasSize(1);
        assertThat(api.get("/api/users").expect(200).body().toString()).doesNotContain("hostile.one");
        assertThat(api.get("/api/enterprises/" + enterpriseId + "/outlets/" + outletId).expect(200).text("status"))
                .isEqualTo("ACTIVE");
        assertThat(api.get("/api/audits?enterpriseId=" + enterpriseId).expect(200).body()).hasSize(1);
        JsonNode auditAfter = api.get("/api/audits/" + auditId).expect(200).body();
        assertThat(auditAfter.path("findings")).isEqualTo(auditBefore.path("findings"));
        assertThat(auditAfter.path("status").asString()).isEqualTo(auditBefore.path("status").asString());
    }

    private static JsonNode plan(String enterpriseId) {
        return SuiteFixtures.plan(api, enterpriseId, LEAD_AUDITOR);
    }

    /** An API client of the enterprise's own (role ENTERPRISE), created by the CB admin; its secret is shown once. */
    private static SuiteClient enterpriseClient(String enterpriseId) {
        JsonNode created = api.post("/api/enterprises/" + enterpriseId + "/api-clients",
                Map.of("name", "e2e client")).expect(201).body();
        return anonymous.as(new Tokens(suite.credentials().tokenEndpoint(), created.path("clientId").asString(),
                created.path("clientSecret").asString()));
    }

    private static String registerEnterprise(String name, String uscc) {
        return SuiteFixtures.registerEnterprise(api, name, uscc);
    }

    private static void registerOutlet(String enterpriseId, String name, String kind, String region) {
        SuiteFixtures.registerOutlet(api, enterpriseId, name, kind, region);
    }

    private JsonNode awaitScope(String enterpriseId, int activeOutlets) {
        return SuiteFixtures.awaitScope(api, enterpriseId, activeOutlets);
    }

    /** Re-publishes, byte for byte, the records of {@code topics} keyed by this enterprise; returns how many. */
    private int replay(String enterpriseId, List<String> topics) {
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", infra.kafkaBootstrapServers(), "group.id", "e2e-replay-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && mine.size() < topics.size()) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (enterpriseId.equals(r.key())) {
                        mine.add(r);
                    }
                });
            }
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", infra.kafkaBootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> r : mine) {
                producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers())).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return mine.size();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
