package com.starcert.certificate.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.starcert.certificate.IntegrationTest;
import com.starcert.certificate.decision.CertificateNumber;
import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.certificate.decision.Decision;
import com.starcert.certificate.decision.Decisions;
import com.starcert.certificate.decision.Outcome;
import com.starcert.certificate.register.Certificate;
import com.starcert.certificate.register.CertificateChange;
import com.starcert.certificate.register.Certificates;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.AuditedSite;
import com.starcert.contracts.Band;
import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.CertificationRefused;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.Holder;
import com.starcert.contracts.Scheme;
import com.starcert.contracts.SchemeRef;
import com.starcert.contracts.ScoreComputed;
import com.starcert.contracts.Topics;
import com.starcert.infra.EventTraffic;

/** The service against a real (in-process KRaft) broker and a Mongo wire server. */
class CertificateIssuanceIntegrationTest extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final EventCodec CODEC = new EventCodec();

    @Autowired
    MockMvc mvc;
    @Autowired
    Decisions decisions;
    @Autowired
    Certificates certificates;
    @Autowired
    CertificateNumbers numbers;
    @Autowired
    MongoTemplate mongo;

    @Test
    void initial_audit_at_87_5_issues_a_compliant_certificate_readable_by_number_and_by_enterprise() throws Exception {
        ScoreComputed score = score(AuditType.INITIAL, "87.5", 0, false);
        String correlationId = "corr-" + UUID.randomUUID();

        send(score, correlationId);

        ConsumerRecord<String, String> record = awaitRecord(Topics.CERTIFICATE_ISSUED,
                r -> issued(r).auditId().equals(score.auditId()));
        assertThat(record.key()).isEqualTo(score.enterpriseId());
        CloudEvent envelope = CODEC.read(record.value());
        assertThat(envelope.correlationid()).isEqualTo(correlationId);
        assertThat(envelope.enterpriseid()).isEqualTo(score.enterpriseId());
        CertificateIssued issued = CODEC.data(envelope, CertificateIssued.class);
        assertThat(issued.level()).isEqualTo(Band.COMPLIANT);
        assertThat(issued.certificateRevision()).isEqualTo(1);
        assertThat(issued.score()).isEqualByComparingTo("87.5");
        assertThat(issued.validUntil()).isEqualTo(issued.validFrom().plusYears(3).minusDays(1));
        assertThat(CertificateNumber.isWellFormed(issued.certificateNumber())).isTrue();
        assertThat(issued.sites()).hasSize(2);

        String number = issued.certificateNumber();
        mvc.perform(get("/api/certificates/{number}", number).with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(number))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.enterpriseId").value(score.enterpriseId()))
                .andExpect(jsonPath("$.holder.name").value("华星电器有限公司"))
                .andExpect(jsonPath("$.holder.uscc").value("91350100M000100Y43"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.level").value("COMPLIANT"))
                .andExpect(jsonPath("$.score").value(87.5))
                .andExpect(jsonPath("$.validFrom").value(issued.validFrom().toString()))
                .andExpect(jsonPath("$.validUntil").value(issued.validUntil().toString()))
                .andExpect(jsonPath("$.scheme.id").value("GBT27922-2011"))
                .andExpect(jsonPath("$.scheme.version").value(1))
                .andExpect(jsonPath("$.auditId").value(score.auditId()))
                .andExpect(jsonPath("$.certificationBody").value("StarCert Certification"))
                .andExpect(jsonPath("$.sites", hasSize(2)))
                .andExpect(jsonPath("$.sites[0].central").value(true))
                .andExpect(jsonPath("$.sites[0].siteId").value("central"))
                .andExpect(jsonPath("$.sites[1].outletId").value("outlet-7"))
                .andExpect(jsonPath("$.sites[1].regionCode").value("350102"))
                .andExpect(jsonPath("$.sites[1].addressLine").value("福州市鼓楼区五四路 1 号"))
                .andExpect(jsonPath("$.issuedAt").isString());

        mvc.perform(get("/api/certificates").with(asAuditor()).param("enterpriseId", score.enterpriseId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].number").value(number));

        mvc.perform(get("/api/decisions/{auditId}", score.auditId()).with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ISSUED"))
                .andExpect(jsonPath("$.certificateNumber").value(number))
                .andExpect(jsonPath("$.auditType").value("INITIAL"))
                .andExpect(jsonPath("$.auditRevision").value(1))
                .andExpect(jsonPath("$.band").value("THREE_STAR"))
                .andExpect(jsonPath("$.score").value(87.5))
                .andExpect(jsonPath("$.reasons[1]", containsString("capped at COMPLIANT")));
    }

    @Test
    void initial_audit_at_65_is_refused_on_certificate_refused() throws Exception {
        ScoreComputed score = score(AuditType.INITIAL, "65.0", 0, false);

        send(score, "corr-refused");

        ConsumerRecord<String, String> record = awaitRecord(Topics.CERTIFICATE_REFUSED,
                r -> refused(r).auditId().equals(score.auditId()));
        assertThat(record.key()).isEqualTo(score.enterpriseId());
        assertThat(CODEC.read(record.value()).correlationid()).isEqualTo("corr-refused");
        CertificationRefused refused = refused(record);
        assertThat(refused.band()).isEqualTo(Band.NOT_CERTIFIED);
        assertThat(refused.reason()).contains("below 70");

        mvc.perform(get("/api/decisions/{auditId}", score.auditId()).with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("REFUSED"))
                .andExpect(jsonPath("$.certificateNumber").isEmpty())
                .andExpect(jsonPath("$.band").value("NOT_CERTIFIED"));
        mvc.perform(get("/api/certificates").with(asAuditor()).param("enterpriseId", score.enterpriseId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void open_special_deductions_hold_the_decision_and_publish_nothing() throws Exception {
        ScoreComputed score = score(AuditType.INITIAL, "88.0", 1, false);

        send(score, "corr-held");

        Decision held = await().atMost(WAIT).until(() -> decisions.latest(score.auditId()), Optional::isPresent)
                .orElseThrow();
        assertThat(held.outcome()).isEqualTo(Outcome.HELD);
        assertThat(held.heldOutcome()).isEqualTo(Outcome.ISSUED);
        assertThat(held.heldLevel()).isEqualTo(Band.COMPLIANT);
        assertThat(held.outbox()).isEmpty();
        assertThat(certificates.ofEnterprise(score.enterpriseId())).isEmpty();
        mvc.perform(get("/api/decisions/{auditId}", score.auditId()).with(asAuditor()))
                .andExpect(jsonPath("$.outcome").value("HELD"))
                .andExpect(jsonPath("$.reasons[2]", containsString("corrective actions")));
    }

    @Test
    void redelivered_and_replayed_score_yields_exactly_one_certificate_and_one_event() throws Exception {
        ScoreComputed score = score(AuditType.INITIAL, "91.0", 0, false);
        CloudEvent original = CODEC.wrap(score, "/starcert/scoring-service", "corr-dup", Instant.now());
        byte[] bytes = CODEC.writeBytes(original);

        EventTraffic.sendBytes(Topics.SCORE_COMPUTED, score.enterpriseId(), bytes);
        EventTraffic.sendBytes(Topics.SCORE_COMPUTED, score.enterpriseId(), bytes);
        send(score, "corr-dup"); // a replay: the same score in a new CloudEvent with a new id
        // same key, same partition: once this marker is decided, the three copies before it have been handled
        ScoreComputed marker = new ScoreComputed(UUID.randomUUID().toString(), 1, score.enterpriseId(),
                score.holder(), AuditType.SURVEILLANCE, score.scheme(), new BigDecimal("80.0"), Band.THREE_STAR,
                score.sites(), 0, false, Instant.now());
        send(marker, "corr-marker");
        await().atMost(WAIT).until(() -> decisions.latest(marker.auditId()), Optional::isPresent);
        assertThat(decisions.latest(marker.auditId()).orElseThrow().outcome()).isEqualTo(Outcome.MAINTAINED);

        List<Certificate> held = certificates.ofEnterprise(score.enterpriseId());
        assertThat(held).hasSize(1);
        // let the relay publish anything it might (wrongly) have been given
        await().atMost(WAIT).until(() -> mongo.findById(held.get(0).number(), Certificate.class).outbox().isEmpty());
        Thread.sleep(1_000);
        List<ConsumerRecord<String, String>> events = readAll(Topics.CERTIFICATE_ISSUED);
        assertThat(events).filteredOn(r -> issued(r).auditId().equals(score.auditId())).hasSize(1);
        assertThat(mongo.count(Query.query(
                Criteria.where("auditId").is(score.auditId())),
                Decision.class)).isEqualTo(1);
    }

    @Test
    void an_older_revision_than_the_decided_one_is_ignored() {
        ScoreComputed revision2 = score(AuditType.INITIAL, "66.0", 0, false);
        ScoreComputed revision2Again = withRevision(revision2, 2, "66.0");
        ScoreComputed revision1 = withRevision(revision2, 1, "85.0");

        send(revision2Again, "c");
        send(revision1, "c");
        ScoreComputed marker = score(AuditType.INITIAL, "60.0", 0, false);
        ScoreComputed sameEnterpriseMarker = new ScoreComputed(marker.auditId(), 1, revision2.enterpriseId(),
                marker.holder(), AuditType.INITIAL, marker.scheme(), marker.score(), marker.band(), marker.sites(), 0,
                false, Instant.now());
        send(sameEnterpriseMarker, "c");
        await().atMost(WAIT).until(() -> decisions.latest(sameEnterpriseMarker.auditId()), Optional::isPresent);

        Decision latest = decisions.latest(revision2.auditId()).orElseThrow();
        assertThat(latest.auditRevision()).isEqualTo(2);
        assertThat(latest.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(certificates.ofEnterprise(revision2.enterpriseId())).isEmpty();
    }

    @Test
    void several_audits_at_once_get_distinct_sequential_numbers() {
        List<ScoreComputed> scores = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            scores.add(score(AuditType.INITIAL, "80.0", 0, false));
        }
        scores.forEach(s -> EventTraffic.send(s, "/test", "corr-burst"));

        List<String> issued = new ArrayList<>();
        for (ScoreComputed s : scores) {
            Decision d = await().atMost(WAIT).until(() -> decisions.latest(s.auditId()), Optional::isPresent)
                    .orElseThrow();
            assertThat(d.outcome()).isEqualTo(Outcome.ISSUED);
            issued.add(d.certificateNumber());
        }
        assertThat(new HashSet<>(issued)).hasSize(scores.size());
        List<Long> sequences = issued.stream().map(n -> CertificateNumber.parse(n).sequence()).sorted().toList();
        assertThat(sequences.get(sequences.size() - 1) - sequences.get(0)).isEqualTo(scores.size() - 1);
    }

    @Test
    void a_retried_reservation_keeps_its_number_and_two_instances_leave_no_gap() {
        CertificateNumbers other = new CertificateNumbers(mongo); // a second instance, knowing nothing yet
        String first = "retry-" + UUID.randomUUID();
        CertificateNumber one = numbers.reserve(2096, first);
        assertThat(numbers.reserve(2096, first)).as("the same decision again").isEqualTo(one);
        CertificateNumber two = other.reserve(2096, "other-" + UUID.randomUUID());
        // this instance's next try (one + 1) is taken by the other instance: it moves on, without a gap
        CertificateNumber three = numbers.reserve(2096, "next-" + UUID.randomUUID());
        assertThat(other.reserve(2096, first)).as("a retry on the other instance").isEqualTo(one);
        assertThat(List.of(one.sequence(), two.sequence(), three.sequence()))
                .containsExactly(one.sequence(), one.sequence() + 1, one.sequence() + 2);
    }

    @Test
    void the_year_counter_never_hands_out_a_number_twice_under_contention() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<CertificateNumber>> futures = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                futures.add(pool.submit(() -> numbers.reserve(2099, "contention-" + UUID.randomUUID())));
            }
            Set<Long> sequences = new HashSet<>();
            for (Future<CertificateNumber> f : futures) {
                sequences.add(f.get().sequence());
            }
            assertThat(sequences).hasSize(60);
            assertThat(sequences).allMatch(s -> s >= 1 && s <= 60);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknown_number_is_a_404_problem() throws Exception {
        mvc.perform(get("/api/certificates/{number}", "GBT27922-1999-000001").with(asAuditor()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("GBT27922-1999-000001")));
        mvc.perform(get("/api/decisions/{auditId}", "no-such-audit").with(asAuditor()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("no-such-audit")));
    }

    @Test
    void listing_without_enterprise_id_is_a_400_naming_the_parameter() throws Exception {
        mvc.perform(get("/api/certificates").with(asAuditor()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("enterpriseId"));
    }

    @Test
    void surveillance_lowers_by_a_revised_certificate_then_suspends() {
        ScoreComputed initial = score(AuditType.INITIAL, "92.0", 0, true); // outstanding: FOUR_STAR
        send(initial, "corr-life");
        String number = await().atMost(WAIT).until(() -> decisions.latest(initial.auditId()), Optional::isPresent)
                .orElseThrow().certificateNumber();
        assertThat(certificates.byNumber(number).orElseThrow().level()).isEqualTo(Band.FOUR_STAR);

        ScoreComputed lowering = sameEnterprise(initial, AuditType.SURVEILLANCE, "81.0");
        send(lowering, "corr-life");
        ConsumerRecord<String, String> revised = awaitRecord(Topics.CERTIFICATE_ISSUED,
                r -> issued(r).auditId().equals(lowering.auditId()));
        CertificateIssued event = issued(revised);
        assertThat(event.certificateNumber()).isEqualTo(number);
        assertThat(event.certificateRevision()).isEqualTo(2);
        assertThat(event.level()).isEqualTo(Band.THREE_STAR);
        Certificate afterLowering = certificates.byNumber(number).orElseThrow();
        assertThat(afterLowering.revision()).isEqualTo(2);
        assertThat(afterLowering.level()).isEqualTo(Band.THREE_STAR);
        assertThat(afterLowering.validFrom()).isEqualTo(event.validFrom());
        assertThat(decisions.latest(lowering.auditId()).orElseThrow().outcome()).isEqualTo(Outcome.LOWERED);

        ScoreComputed failing = sameEnterprise(initial, AuditType.SURVEILLANCE, "62.0");
        send(failing, "corr-life");
        Decision suspended = await().atMost(WAIT).until(() -> decisions.latest(failing.auditId()),
                Optional::isPresent).orElseThrow();
        assertThat(suspended.outcome()).isEqualTo(Outcome.SUSPENDED);
        assertThat(suspended.certificateNumber()).isEqualTo(number);
        assertThat(certificates.byNumber(number).orElseThrow().status())
                .isEqualTo(CertificateStatus.SUSPENDED);
    }

    @Test
    void recertification_issues_a_new_certificate_and_the_previous_one_ends_superseded() throws Exception {
        ScoreComputed initial = score(AuditType.INITIAL, "78.0", 0, false);
        send(initial, "corr-recert");
        String first = await().atMost(WAIT).until(() -> decisions.latest(initial.auditId()), Optional::isPresent)
                .orElseThrow().certificateNumber();

        ScoreComputed recert = sameEnterprise(initial, AuditType.RECERTIFICATION, "84.0");
        send(recert, "corr-recert");
        Decision decision = await().atMost(WAIT).until(() -> decisions.latest(recert.auditId()), Optional::isPresent)
                .orElseThrow();

        assertThat(decision.outcome()).isEqualTo(Outcome.ISSUED);
        assertThat(decision.certificateNumber()).isNotEqualTo(first);
        Certificate previous = certificates.byNumber(first).orElseThrow();
        assertThat(previous.status()).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(previous.supersededBy()).isEqualTo(decision.certificateNumber());
        Certificate renewed = certificates.byNumber(decision.certificateNumber()).orElseThrow();
        assertThat(renewed.supersedes()).isEqualTo(first);
        assertThat(renewed.validUntil()).as("early renewal keeps the old expiry as base")
                .isEqualTo(previous.validUntil().plusYears(3));
        mvc.perform(get("/api/certificates").with(asAuditor()).param("enterpriseId", initial.enterpriseId()))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[1].status").value("EXPIRED"));
    }

    @Test
    void a_certificate_written_before_a_crash_is_completed_not_issued_again() {
        ScoreComputed score = score(AuditType.INITIAL, "83.0", 0, false);
        // the state a crash between the certificate write and the decision write leaves behind
        String number = numbers.reserve(2098, "crash-" + UUID.randomUUID()).value();
        mongo.insert(new Certificate(number, 1, score.enterpriseId(), score.holder(),
                CertificateStatus.ACTIVE, Band.COMPLIANT, score.score(),
                LocalDate.of(2098, 1, 2), LocalDate.of(2101, 1, 2), score.scheme(), score.auditId(),
                1, "StarCert Certification", score.sites(), Instant.now(), null, null,
                List.of(new CertificateChange(score.auditId(), 1, Outcome.ISSUED, 1,
                        Band.COMPLIANT, score.score(), List.of("issued before the crash"), Instant.now())),
                List.of()));

        send(score, "corr-crash");

        Decision decision = await().atMost(WAIT).until(() -> decisions.latest(score.auditId()), Optional::isPresent)
                .orElseThrow();
        assertThat(decision.outcome()).isEqualTo(Outcome.ISSUED);
        assertThat(decision.certificateNumber()).isEqualTo(number);
        assertThat(decision.reasons()).containsExactly("issued before the crash");
        assertThat(certificates.ofEnterprise(score.enterpriseId())).hasSize(1);
    }

    @Test
    void the_unique_audit_index_refuses_a_second_certificate_for_the_same_audit() {
        ScoreComputed score = score(AuditType.INITIAL, "83.0", 0, false);
        Certificate one = new Certificate(numbers.reserve(2097, "unique-" + UUID.randomUUID()).value(), 1, score.enterpriseId(), score.holder(),
                CertificateStatus.ACTIVE, Band.COMPLIANT, score.score(), null, null,
                score.scheme(), score.auditId(), 1, "x", List.of(), Instant.now(), null, null, List.of(), List.of());
        Certificate two = new Certificate(numbers.reserve(2097, "unique-" + UUID.randomUUID()).value(), 1, score.enterpriseId(), score.holder(),
                CertificateStatus.ACTIVE, Band.COMPLIANT, score.score(), null, null,
                score.scheme(), score.auditId(), 1, "x", List.of(), Instant.now(), null, null, List.of(), List.of());
        certificates.insert(one);

        assertThatThrownBy(() -> certificates.insert(two))
                .isInstanceOf(DuplicateKeyException.class);
    }

    // --- helpers

    static ScoreComputed score(AuditType type, String score, int specialDeductions, boolean outstanding) {
        BigDecimal shown = new BigDecimal(score);
        return new ScoreComputed(UUID.randomUUID().toString(), 1, "ent-" + UUID.randomUUID(),
                new Holder("华星电器有限公司", "91350100M000100Y43"), type, new SchemeRef(Scheme.DEFAULT_ID, 1), shown,
                Band.of(shown),
                List.of(new AuditedSite("site-7", "outlet-7", false, "鼓楼服务网点", "350102", "福州市鼓楼区五四路 1 号"),
                        new AuditedSite("central", null, true, "总部", "350100", "福州市台江区江滨路 8 号")),
                specialDeductions, outstanding, Instant.now());
    }

    static ScoreComputed sameEnterprise(ScoreComputed s, AuditType type, String score) {
        BigDecimal shown = new BigDecimal(score);
        return new ScoreComputed(UUID.randomUUID().toString(), 1, s.enterpriseId(), s.holder(), type, s.scheme(),
                shown, Band.of(shown), s.sites(), 0, false, Instant.now());
    }

    static ScoreComputed withRevision(ScoreComputed s, int revision, String score) {
        BigDecimal shown = new BigDecimal(score);
        return new ScoreComputed(s.auditId(), revision, s.enterpriseId(), s.holder(), s.auditType(), s.scheme(), shown,
                Band.of(shown), s.sites(), s.specialDeductions(), s.outstanding(), s.computedAt());
    }

    static void send(ScoreComputed score, String correlationId) {
        EventTraffic.send(score, "/starcert/scoring-service", correlationId);
    }

    static CertificateIssued issued(ConsumerRecord<String, String> r) {
        return CODEC.data(CODEC.read(r.value()), CertificateIssued.class);
    }

    static CertificationRefused refused(ConsumerRecord<String, String> r) {
        return CODEC.data(CODEC.read(r.value()), CertificationRefused.class);
    }

    static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> readAll(topic).stream().filter(match).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    static List<ConsumerRecord<String, String>> readAll(String topic) {
        return EventTraffic.readAll(topic);
    }
}
