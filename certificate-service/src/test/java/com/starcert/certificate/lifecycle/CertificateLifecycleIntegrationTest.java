package com.starcert.certificate.lifecycle;

import static com.starcert.certificate.TestEvents.WAIT;
import static com.starcert.certificate.TestEvents.awaitRecord;
import static com.starcert.certificate.TestEvents.issued;
import static com.starcert.certificate.TestEvents.readAll;
import static com.starcert.certificate.TestEvents.score;
import static com.starcert.certificate.TestEvents.send;
import static com.starcert.certificate.TestEvents.sendBytes;
import static com.starcert.certificate.TestEvents.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.starcert.certificate.IntegrationTest;
import com.starcert.certificate.MovableClock;
import com.starcert.certificate.decision.CertificateNumber;
import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.certificate.decision.Decision;
import com.starcert.certificate.decision.Decisions;
import com.starcert.certificate.decision.Outcome;
import com.starcert.certificate.issuance.CertificateNumbers;
import com.starcert.certificate.issuance.CertificationDecisions;
import com.starcert.certificate.register.Actor;
import com.starcert.certificate.register.Certificate;
import com.starcert.certificate.register.Certificates;
import com.starcert.certificate.register.StatusTransition;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Band;
import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.CertificateStatusChanged;
import com.starcert.contracts.CorrectiveActionsVerified;
import com.starcert.contracts.Holder;
import com.starcert.contracts.ScoreComputed;
import com.starcert.contracts.Topics;

/** Decisions over time, the sweep, CB actions and held decisions, with a clock that moves through the years. */
class CertificateLifecycleIntegrationTest extends IntegrationTest {

    static final String SCORING = "/starcert/scoring-service";
    static final ZoneId CB_ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;
    @Autowired
    Decisions decisions;
    @Autowired
    Certificates certificates;
    @Autowired
    CertificateLifecycle lifecycle;
    @Autowired
    CertificationDecisions certificationDecisions;
    @Autowired
    CertificateNumbers numbers;
    @Autowired
    MongoTemplate mongo;

    @Test
    void one_enterprise_from_initial_through_a_raise_a_suspension_a_restore_to_recertification() throws Exception {
        String enterprise = "ent-" + UUID.randomUUID();
        Holder holder = new Holder("星光家电股份有限公司", "91110000600037341L");

        ScoreComputed initial = score(enterprise, holder, AuditType.INITIAL, "92.0", 0, false);
        send(initial, SCORING);
        Decision first = awaitDecision(initial.auditId());
        assertThat(first.outcome()).isEqualTo(Outcome.ISSUED);
        String number = first.certificateNumber();
        Certificate issued = certificates.byNumber(number).orElseThrow();
        assertThat(issued.level()).as("capped at compliant in the first year").isEqualTo(Band.COMPLIANT);
        assertThat(issued.revision()).isEqualTo(1);
        assertThat(issued.surveillanceDue()).isEqualTo(issued.validFrom().plusYears(1));
        assertThat(issued.signature()).isNotBlank();
        LocalDate validFrom = issued.validFrom();

        // one year later a surveillance at three-star raises the level: revised certificate, revision 2
        moveTo(validFrom.plusYears(1));
        ScoreComputed raising = score(enterprise, holder, AuditType.SURVEILLANCE, "85.0", 0, false);
        byte[] raisingBytes = send(raising, SCORING);
        assertThat(awaitDecision(raising.auditId()).outcome()).isEqualTo(Outcome.RAISED);
        CertificateIssued revised = issued(awaitRecord(Topics.CERTIFICATE_ISSUED,
                r -> issued(r).auditId().equals(raising.auditId())));
        assertThat(revised.certificateNumber()).isEqualTo(number);
        assertThat(revised.certificateRevision()).isEqualTo(2);
        assertThat(revised.level()).isEqualTo(Band.THREE_STAR);
        mvc.perform(get("/api/certificates/{number}", number + "-R2").with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(number))
                .andExpect(jsonPath("$.displayNumber").value(number + "-R2"))
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.level").value("THREE_STAR"))
                .andExpect(jsonPath("$.surveillanceDue").value(validFrom.plusYears(2).toString()));
        assertThat(certificates.byNumber(number).orElseThrow().signature()).isNotEqualTo(issued.signature());

        // the next surveillance fails: suspended
        moveTo(validFrom.plusYears(2));
        ScoreComputed failing = score(enterprise, holder, AuditType.SURVEILLANCE, "61.0", 0, false);
        send(failing, SCORING);
        assertThat(awaitDecision(failing.auditId()).outcome()).isEqualTo(Outcome.SUSPENDED);
        CertificateStatusChanged suspended = awaitStatus(number, CertificateStatus.SUSPENDED);
        assertThat(suspended.previousStatus()).isEqualTo(com.starcert.contracts.CertificateStatus.ACTIVE);
        assertThat(suspended.auditId()).isEqualTo(failing.auditId());
        assertThat(suspended.level()).isEqualTo(Band.THREE_STAR);
        assertThat(suspended.reason()).contains("below 70");

        // the CB restores it
        mvc.perform(post("/api/certificates/{number}/restore", number).with(asReviewer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"follow-up visit found the failures corrected\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.statusReason").value("follow-up visit found the failures corrected"));
        CertificateStatusChanged restored = awaitStatus(number, CertificateStatus.ACTIVE);
        assertThat(restored.previousStatus()).isEqualTo(com.starcert.contracts.CertificateStatus.SUSPENDED);

        // recertification two months before expiry: a new cycle that supersedes the certificate
        moveTo(issued.validUntil().minusMonths(2));
        ScoreComputed recert = score(enterprise, holder, AuditType.RECERTIFICATION, "88.0", 0, false);
        byte[] recertBytes = send(recert, SCORING);
        Decision renewal = awaitDecision(recert.auditId());
        assertThat(renewal.outcome()).isEqualTo(Outcome.ISSUED);
        String next = renewal.certificateNumber();
        assertThat(next).isNotEqualTo(number);
        Certificate renewed = certificates.byNumber(next).orElseThrow();
        assertThat(renewed.level()).as("certified for more than a year").isEqualTo(Band.THREE_STAR);
        assertThat(renewed.supersedes()).isEqualTo(number);
        assertThat(renewed.validUntil()).isEqualTo(issued.validUntil().plusYears(3));
        assertThat(renewed.certifiedSince()).isEqualTo(validFrom);
        Certificate superseded = certificates.byNumber(number).orElseThrow();
        assertThat(superseded.status()).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(superseded.supersededBy()).isEqualTo(next);
        assertThat(awaitStatus(number, CertificateStatus.EXPIRED).reason()).contains("superseded by " + "certificate " + next);

        // replays change nothing
        sendBytes(Topics.SCORE_COMPUTED, enterprise, raisingBytes);
        sendBytes(Topics.SCORE_COMPUTED, enterprise, recertBytes);
        send(raising, SCORING);
        send(failing, SCORING);
        ScoreComputed marker = score(enterprise, holder, AuditType.INITIAL, "90.0", 0, false);
        send(marker, SCORING);
        assertThat(awaitDecision(marker.auditId()).outcome()).isEqualTo(Outcome.REFUSED);
        awaitOutboxesEmpty(number, next);
        Thread.sleep(1_000);
        assertThat(readAll(Topics.CERTIFICATE_ISSUED)).filteredOn(r -> r.key().equals(enterprise)).hasSize(3);
        List<CertificateStatusChanged> changes = readAll(Topics.CERTIFICATE_STATUS_CHANGED).stream()
                .filter(r -> r.key().equals(enterprise)).map(r -> statusChanged(r)).toList();
        assertThat(changes).extracting(CertificateStatusChanged::status).containsExactly(
                com.starcert.contracts.CertificateStatus.SUSPENDED, com.starcert.contracts.CertificateStatus.ACTIVE,
                com.starcert.contracts.CertificateStatus.EXPIRED);
        assertThat(certificates.byNumber(number).orElseThrow().revision()).isEqualTo(2);
        assertThat(certificates.ofEnterprise(enterprise)).hasSize(2);
    }

    @Test
    void a_suspension_on_the_31st_ends_on_the_last_day_of_the_month_six_months_later() {
        int year = LocalDate.ofInstant(clock.instant(), CB_ZONE).getYear() + 1; // the shared clock only moves on
        moveTo(LocalDate.of(year, 8, 30));
        String number = issueInitial("80.0");
        LocalDate due = certificates.byNumber(number).orElseThrow().surveillanceDue();
        assertThat(due).isEqualTo(LocalDate.of(year + 1, 8, 30));
        moveTo(LocalDate.of(year + 1, 8, 31));
        lifecycle.sweep();
        assertThat(certificates.byNumber(number).orElseThrow().suspendedOn()).isEqualTo(LocalDate.of(year + 1, 8, 31));

        LocalDate endOfFebruary = java.time.YearMonth.of(year + 2, 2).atEndOfMonth();
        moveTo(endOfFebruary.minusDays(1));
        lifecycle.sweep();
        assertThat(certificates.byNumber(number).orElseThrow().status()).isEqualTo(CertificateStatus.SUSPENDED);

        moveTo(endOfFebruary); // there is no 31 February: the month's last day
        lifecycle.sweep();
        assertThat(certificates.byNumber(number).orElseThrow().status()).isEqualTo(CertificateStatus.WITHDRAWN);
        assertThat(awaitStatus(number, CertificateStatus.WITHDRAWN).effectiveOn()).isEqualTo(endOfFebruary);
    }

    @Test
    void overdue_surveillance_suspends_and_six_months_later_withdraws() throws Exception {
        String number = issueInitial("80.0");
        Certificate c = certificates.byNumber(number).orElseThrow();
        LocalDate due = c.surveillanceDue();

        moveTo(due);
        lifecycle.sweep();
        assertThat(certificates.byNumber(number).orElseThrow().status()).isEqualTo(CertificateStatus.ACTIVE);

        moveTo(due.plusDays(1));
        lifecycle.sweep();
        Certificate suspended = certificates.byNumber(number).orElseThrow();
        assertThat(suspended.status()).isEqualTo(CertificateStatus.SUSPENDED);
        assertThat(suspended.suspendedOn()).isEqualTo(due.plusDays(1));
        assertThat(suspended.statusReason()).contains("surveillance not decided by its due date " + due);
        lifecycle.sweep();
        assertThat(certificates.byNumber(number).orElseThrow().transitions()).hasSize(1);

        moveTo(due.plusDays(1).plusMonths(6).minusDays(1));
        lifecycle.sweep();
        assertThat(certificates.byNumber(number).orElseThrow().status()).isEqualTo(CertificateStatus.SUSPENDED);

        moveTo(due.plusDays(1).plusMonths(6));
        lifecycle.sweep();
        Certificate withdrawn = certificates.byNumber(number).orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(CertificateStatus.WITHDRAWN);
        assertThat(withdrawn.statusReason()).contains("not restored within 6 months");

        CertificateStatusChanged event = awaitStatus(number, CertificateStatus.WITHDRAWN);
        assertThat(event.previousStatus()).isEqualTo(com.starcert.contracts.CertificateStatus.SUSPENDED);
        assertThat(event.effectiveOn()).isEqualTo(due.plusDays(1).plusMonths(6));
        awaitOutboxesEmpty(number);
        assertThat(statusEvents(number)).extracting(CertificateStatusChanged::status).containsExactly(
                com.starcert.contracts.CertificateStatus.SUSPENDED,
                com.starcert.contracts.CertificateStatus.WITHDRAWN);
        mvc.perform(post("/api/certificates/{number}/restore", number).with(asReviewer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"too late\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void a_surveillance_held_for_corrective_actions_is_not_overdue_and_its_release_raises_the_level() {
        String number = issueInitial("79.0");
        Certificate c = certificates.byNumber(number).orElseThrow();
        LocalDate due = c.surveillanceDue();
        moveTo(due);
        ScoreComputed surveillance = score(c.enterpriseId(), c.holder(), AuditType.SURVEILLANCE, "91.0", 1, false);
        send(surveillance, SCORING);
        Decision held = awaitDecision(surveillance.auditId());
        assertThat(held.outcome()).isEqualTo(Outcome.HELD);
        assertThat(held.heldOutcome()).isEqualTo(Outcome.RAISED);

        moveTo(due.plusDays(20));
        lifecycle.sweep();
        assertThat(certificates.byNumber(number).orElseThrow().status()).isEqualTo(CertificateStatus.ACTIVE);

        send(new CorrectiveActionsVerified(surveillance.auditId(), 1, c.enterpriseId(), 1, Instant.now()),
                "/starcert/audit-service");
        Decision released = await().atMost(WAIT).until(() -> decisions.latest(surveillance.auditId()).orElseThrow(),
                d -> d.outcome() != Outcome.HELD);
        assertThat(released.outcome()).isEqualTo(Outcome.RAISED);
        Certificate raised = certificates.byNumber(number).orElseThrow();
        assertThat(raised.level()).isEqualTo(Band.FOUR_STAR);
        assertThat(raised.revision()).isEqualTo(2);
        assertThat(raised.surveillanceDue()).isEqualTo(due.plusYears(1));
        lifecycle.sweep();
        assertThat(certificates.byNumber(number).orElseThrow().status()).isEqualTo(CertificateStatus.ACTIVE);
    }

    @Test
    void a_returned_revision_is_never_decided_and_the_next_revision_is_decided_normally() {
        // returned before its score arrives: the score of revision 1 is not decided on
        ScoreComputed first = score("ent-" + UUID.randomUUID(), new Holder("退回测试有限公司", "91350100M000100Y43"),
                AuditType.INITIAL, "85.0", 0, false);
        send(new com.starcert.contracts.AuditReturned(first.auditId(), 1, first.enterpriseId(), "evidence missing",
                Instant.now()), "/starcert/audit-service");
        await().atMost(WAIT).until(() -> decisions.returned(Decision.idOf(first.auditId(), 1)));
        send(first, SCORING);
        ScoreComputed second = revision(first, 2, "88.0");
        send(second, SCORING);
        Decision decided = awaitDecision(first.auditId());
        assertThat(decided.auditRevision()).isEqualTo(2);
        assertThat(decided.outcome()).isEqualTo(Outcome.ISSUED);
        assertThat(decisions.byId(Decision.idOf(first.auditId(), 1))).isEmpty();
        assertThat(certificates.ofEnterprise(first.enterpriseId())).singleElement()
                .satisfies(c -> assertThat(c.auditRevision()).isEqualTo(2));

        // held for corrective actions, then returned: the held outcome is dropped, revision 2 is decided
        ScoreComputed held = score("ent-" + UUID.randomUUID(), new Holder("退回测试有限公司", "91350100M000100Y43"),
                AuditType.INITIAL, "85.0", 1, false);
        send(held, SCORING);
        assertThat(awaitDecision(held.auditId()).outcome()).isEqualTo(Outcome.HELD);
        send(new com.starcert.contracts.AuditReturned(held.auditId(), 1, held.enterpriseId(), "deduction disputed",
                Instant.now()), "/starcert/audit-service");
        await().atMost(WAIT).until(() -> decisions.byId(Decision.idOf(held.auditId(), 1)).orElseThrow().outcome(),
                o -> o == Outcome.RETURNED);
        send(new CorrectiveActionsVerified(held.auditId(), 1, held.enterpriseId(), 1, Instant.now()),
                "/starcert/audit-service");
        send(revision(held, 2, "86.0"), SCORING);
        Decision next = await().atMost(WAIT).until(() -> decisions.latest(held.auditId()).orElseThrow(),
                d -> d.auditRevision() == 2);
        assertThat(next.outcome()).isEqualTo(Outcome.ISSUED);
        assertThat(decisions.byId(Decision.idOf(held.auditId(), 1)).orElseThrow().outcome())
                .as("a verification of the returned revision releases nothing").isEqualTo(Outcome.RETURNED);
        assertThat(certificates.ofEnterprise(held.enterpriseId())).singleElement()
                .satisfies(c -> assertThat(c.auditRevision()).isEqualTo(2));
    }

    @Test
    void a_poll_of_scores_is_decided_in_order_reading_an_enterprise_afresh_once_a_decision_changed_it() {
        Holder holder = new Holder("批量决定测试有限公司", "91350100M000100Y43");
        String enterprise = "ent-" + UUID.randomUUID();
        ScoreComputed first = score(enterprise, holder, AuditType.INITIAL, "85.0", 0, false);
        ScoreComputed elsewhere = score("ent-" + UUID.randomUUID(), new Holder("邻居电器有限公司",
                "91350100M000100Y43"), AuditType.INITIAL, "75.0", 0, false);
        // later in the same poll, for the same enterprise: it must see the certificate the first one issued
        ScoreComputed recertification = score(enterprise, holder, AuditType.RECERTIFICATION, "96.0", 0, false);

        certificationDecisions.decideAll(List.of(first, elsewhere, first, recertification),
                List.of("c-1", "c-2", "c-1", "c-3"));

        assertThat(decisions.ofAudits(List.of(first.auditId()))).singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo(Outcome.ISSUED));
        assertThat(decisions.latest(elsewhere.auditId()).orElseThrow().outcome()).isEqualTo(Outcome.ISSUED);
        String firstNumber = decisions.latest(first.auditId()).orElseThrow().certificateNumber();
        Decision recertified = decisions.latest(recertification.auditId()).orElseThrow();
        assertThat(recertified.outcome()).isEqualTo(Outcome.ISSUED);
        assertThat(certificates.byNumber(recertified.certificateNumber()).orElseThrow().supersedes())
                .isEqualTo(firstNumber);
        assertThat(certificates.ofEnterprise(enterprise)).hasSize(2);
    }

    @Test
    void a_return_that_arrives_after_the_decision_leaves_the_decision_and_certificate_standing() {
        ScoreComputed first = score("ent-" + UUID.randomUUID(), new Holder("竞态测试有限公司", "91350100M000100Y43"),
                AuditType.INITIAL, "85.0", 0, false);
        send(first, SCORING);
        Decision decided = awaitDecision(first.auditId());
        assertThat(decided.outcome()).isEqualTo(Outcome.ISSUED);

        send(new com.starcert.contracts.AuditReturned(first.auditId(), 1, first.enterpriseId(), "too late",
                Instant.now()), "/starcert/audit-service");
        await().atMost(WAIT).until(() -> decisions.returned(Decision.idOf(first.auditId(), 1)));

        assertThat(decisions.byId(Decision.idOf(first.auditId(), 1)).orElseThrow().outcome())
                .isEqualTo(Outcome.ISSUED);
        assertThat(certificates.ofEnterprise(first.enterpriseId())).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(CertificateStatus.ACTIVE);
                    assertThat(c.auditRevision()).isEqualTo(1);
                });
    }

    private static ScoreComputed revision(ScoreComputed s, int revision, String score) {
        java.math.BigDecimal shown = new java.math.BigDecimal(score);
        return new ScoreComputed(s.auditId(), revision, s.enterpriseId(), s.holder(), s.auditType(), s.scheme(), shown,
                Band.of(shown), s.sites(), 0, s.outstanding(), Instant.now());
    }

    @Test
    void certificates_held_for_corrective_actions_do_not_keep_the_sweep_from_the_rest() {
        String held = issueInitial("79.0");
        String overdue = issueInitial("79.0"); // issued right after: the next number
        Certificate c = certificates.byNumber(held).orElseThrow();
        LocalDate due = c.surveillanceDue();
        assertThat(certificates.byNumber(overdue).orElseThrow().surveillanceDue()).isEqualTo(due);
        moveTo(due);
        ScoreComputed surveillance = score(c.enterpriseId(), c.holder(), AuditType.SURVEILLANCE, "91.0", 1, false);
        send(surveillance, SCORING);
        assertThat(awaitDecision(surveillance.auditId()).outcome()).isEqualTo(Outcome.HELD);

        moveTo(due.plusDays(20));
        lifecycle.sweep(1); // one certificate a page: the held one fills a page on its own
        assertThat(certificates.byNumber(held).orElseThrow().status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(certificates.byNumber(overdue).orElseThrow().status()).isEqualTo(CertificateStatus.SUSPENDED);
    }

    @Test
    void maintained_surveillances_keep_it_active_until_the_end_of_validity_expires_it() throws Exception {
        String number = issueInitial("75.0");
        Certificate c = certificates.byNumber(number).orElseThrow();
        String enterprise = c.enterpriseId();
        for (int year = 1; year <= 2; year++) {
            moveTo(c.validFrom().plusYears(year).minusDays(10));
            ScoreComputed surveillance = score(enterprise, c.holder(), AuditType.SURVEILLANCE, "76.0", 0, false);
            send(surveillance, SCORING);
            assertThat(awaitDecision(surveillance.auditId()).outcome()).isEqualTo(Outcome.MAINTAINED);
        }
        assertThat(certificates.byNumber(number).orElseThrow().surveillanceDue()).isNull();

        moveTo(c.validUntil());
        lifecycle.sweep();
        assertThat(certificates.byNumber(number).orElseThrow().status()).isEqualTo(CertificateStatus.ACTIVE);

        moveTo(c.validUntil().plusDays(1));
        lifecycle.sweep();
        assertThat(certificates.byNumber(number).orElseThrow().status()).isEqualTo(CertificateStatus.EXPIRED);
        CertificateStatusChanged expired = awaitStatus(number, CertificateStatus.EXPIRED);
        assertThat(expired.reason()).contains("validity ended on " + c.validUntil());
    }

    @Test
    void several_instances_sweeping_at_once_apply_and_publish_each_transition_once() throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CB_ZONE);
        List<String> expiring = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String number = numbers.reserve(2090, "sweep-" + UUID.randomUUID()).value();
            ScoreComputed s = score("ent-" + UUID.randomUUID(), new Holder("并发测试", "91350100M000100Y43"),
                    AuditType.INITIAL, "80.0", 0, false);
            certificates.insert(new Certificate(number, 1, s.enterpriseId(), s.holder(), CertificateStatus.ACTIVE,
                    Band.COMPLIANT, s.score(), today.minusYears(3).minusDays(1), today.minusDays(1), s.scheme(),
                    s.auditId(), 1, "StarCert Certification", s.sites(), Instant.now(), null, null, List.of(),
                    List.of()));
            expiring.add(number);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> sweeps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sweeps.add(pool.submit(() -> {
                    start.await();
                    return lifecycle.sweep();
                }));
            }
            start.countDown();
            for (Future<Integer> f : sweeps) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (String number : expiring) {
            Certificate c = certificates.byNumber(number).orElseThrow();
            assertThat(c.status()).isEqualTo(CertificateStatus.EXPIRED);
            assertThat(c.transitions()).hasSize(1);
        }
        awaitOutboxesEmpty(expiring.toArray(String[]::new));
        awaitStatus(expiring.get(expiring.size() - 1), CertificateStatus.EXPIRED);
        List<ConsumerRecord<String, String>> all = readAll(Topics.CERTIFICATE_STATUS_CHANGED);
        for (String number : expiring) {
            assertThat(all).filteredOn(r -> statusChanged(r).certificateNumber().equals(number)).hasSize(1);
        }
    }

    @Test
    void cb_actions_need_a_reason_and_final_statuses_stay_final() throws Exception {
        String number = issueInitial("82.0");
        mvc.perform(post("/api/certificates/{number}/suspend", number).with(asReviewer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/certificates/{number}/suspend", number).with(asReviewer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"holder asked for a suspension\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.suspendedOn").isString());
        mvc.perform(post("/api/certificates/{number}/suspend", number).with(asReviewer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"again\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/certificates/{number}/restore", number).with(asReviewer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"holder asked to resume\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(post("/api/certificates/{number}/cancel", number).with(asReviewer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"given up at the holder's request\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.transitions.length()").value(3));
        for (String action : List.of("restore", "withdraw", "suspend", "cancel")) {
            mvc.perform(post("/api/certificates/{number}/" + action, number).with(asReviewer())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\":\"x\"}"))
                    .andExpect(status().isConflict());
        }
        mvc.perform(post("/api/certificates/{number}/withdraw", "GBT27922-1999-000009").with(asReviewer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isNotFound());
        awaitStatus(number, CertificateStatus.CANCELLED);
        awaitOutboxesEmpty(number);
        assertThat(statusEvents(number)).extracting(CertificateStatusChanged::reason).containsExactly(
                "holder asked for a suspension", "holder asked to resume", "given up at the holder's request");
    }

    @Test
    void a_cb_action_records_the_reviewer_named_by_the_token_whatever_the_request_says() throws Exception {
        String number = issueInitial("83.0");
        String token = ISSUER.token("reviewer-7").name("李审定").roles("REVIEWER").sign();

        mvc.perform(post("/api/certificates/{number}/suspend", number).header("Authorization", "Bearer " + token)
                        .header("X-Actor", "someone-else").header("X-User-Id", "someone-else")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"complaints not handled\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.transitions[0].by").value("CB"))
                .andExpect(jsonPath("$.transitions[0].actor.subject").value("reviewer-7"))
                .andExpect(jsonPath("$.transitions[0].actor.name").value("李审定"));
        StatusTransition recorded = certificates.byNumber(number).orElseThrow().transitions().get(0);
        assertThat(recorded.actor()).isEqualTo(new Actor("reviewer-7", "李审定"));
        assertThat(recorded.reason()).isEqualTo("complaints not handled");
        assertThat(awaitStatus(number, CertificateStatus.SUSPENDED).reason()).isEqualTo("complaints not handled");
    }

    @Test
    void decisions_and_the_sweep_record_no_actor() {
        String number = issueInitial("81.0");
        Certificate c = certificates.byNumber(number).orElseThrow();
        moveTo(c.surveillanceDue().plusDays(1));
        lifecycle.sweep();
        StatusTransition swept = certificates.byNumber(number).orElseThrow().transitions().get(0);
        assertThat(swept.by()).isEqualTo(CertificateLifecycle.BY_SWEEP);
        assertThat(swept.actor()).isNull();
    }

    @Test
    void if_match_is_checked_when_sent_against_the_certificates_etag() throws Exception {
        String number = issueInitial("84.0");
        String etag = mvc.perform(get("/api/certificates/{number}", number).with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andReturn().getResponse().getHeader("ETag");
        long version = certificates.byNumber(number).orElseThrow().version();
        assertThat(etag).isEqualTo("\"" + version + "\"");

        mvc.perform(post("/api/certificates/{number}/suspend", number).with(asReviewer())
                        .header("If-Match", "\"" + (version + 7) + "\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"stale\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string("ETag", etag))
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        mvc.perform(post("/api/certificates/{number}/suspend", number).with(asReviewer())
                        .header("If-Match", "banana")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"bad\"}"))
                .andExpect(status().isBadRequest());
        assertThat(certificates.byNumber(number).orElseThrow().status()).isEqualTo(CertificateStatus.ACTIVE);

        String next = mvc.perform(post("/api/certificates/{number}/suspend", number).with(asReviewer())
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"current\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andReturn().getResponse().getHeader("ETag");
        assertThat(next).isEqualTo("\"" + (version + 1) + "\"");
        // the tag read before the suspension no longer matches
        mvc.perform(post("/api/certificates/{number}/restore", number).with(asReviewer())
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"late\"}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(post("/api/certificates/{number}/restore", number).with(asReviewer())
                        .header("If-Match", next)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"restored\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void corrective_actions_verified_release_the_held_decision_exactly_once() throws Exception {
        ScoreComputed held = score("ent-" + UUID.randomUUID(), new Holder("整改测试有限公司", "91350100M000100Y43"),
                AuditType.INITIAL, "86.0", 2, false);
        send(held, SCORING);
        assertThat(awaitDecision(held.auditId()).outcome()).isEqualTo(Outcome.HELD);

        CorrectiveActionsVerified verified = new CorrectiveActionsVerified(held.auditId(), 1, held.enterpriseId(), 2,
                Instant.now());
        byte[] bytes = send(verified, "/starcert/audit-service");
        sendBytes(Topics.CORRECTIVE_ACTIONS_VERIFIED, held.enterpriseId(), bytes);
        send(verified, "/starcert/audit-service");

        Decision released = await().atMost(WAIT).until(() -> decisions.latest(held.auditId()).orElseThrow(),
                d -> d.outcome() != Outcome.HELD);
        assertThat(released.outcome()).isEqualTo(Outcome.ISSUED);
        assertThat(released.releasedAt()).isNotNull();
        assertThat(released.reasons()).anyMatch(r -> r.contains("corrective action(s) verified"));
        mvc.perform(get("/api/decisions/{auditId}", held.auditId()).with(asAuditor()))
                .andExpect(jsonPath("$.outcome").value("ISSUED"))
                .andExpect(jsonPath("$.heldOutcome").value("ISSUED"))
                .andExpect(jsonPath("$.releasedAt").isString());
        awaitRecord(Topics.CERTIFICATE_ISSUED, r -> issued(r).auditId().equals(held.auditId()));
        awaitOutboxesEmpty(released.certificateNumber());
        Thread.sleep(2_000); // the two redeliveries had their chance
        assertThat(readAll(Topics.CERTIFICATE_ISSUED)).filteredOn(r -> issued(r).auditId().equals(held.auditId()))
                .hasSize(1);
        assertThat(certificates.ofEnterprise(held.enterpriseId())).hasSize(1);
        assertThat(decisions.latest(held.auditId()).orElseThrow().releasedAt()).isEqualTo(released.releasedAt());
    }

    @Test
    void corrective_actions_verified_before_the_score_arrives_mean_nothing_is_held() {
        ScoreComputed score = score("ent-" + UUID.randomUUID(), new Holder("先整改有限公司", "91350100M000100Y43"),
                AuditType.INITIAL, "84.0", 1, false);
        send(new CorrectiveActionsVerified(score.auditId(), 1, score.enterpriseId(), 1, Instant.now()),
                "/starcert/audit-service");
        await().atMost(WAIT).until(() -> mongo.findById(Decision.idOf(score.auditId(), 1), org.bson.Document.class,
                "corrective_action_verifications") != null);

        send(score, SCORING);

        Decision decision = awaitDecision(score.auditId());
        assertThat(decision.outcome()).isEqualTo(Outcome.ISSUED);
        assertThat(decision.reasons()).anyMatch(r -> r.contains("corrective actions verified"));
    }

    @Test
    void concurrent_issuance_gives_unique_numbers_without_gaps() throws Exception {
        List<ScoreComputed> scores = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            scores.add(score("ent-" + UUID.randomUUID(), new Holder("并发签发", "91350100M000100Y43"),
                    AuditType.INITIAL, "81.0", 0, false));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (ScoreComputed s : scores) {
                running.add(pool.submit(() -> {
                    start.await();
                    certificationDecisions.decide(s, "corr-parallel");
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> issued = scores.stream()
                .map(s -> decisions.latest(s.auditId()).orElseThrow().certificateNumber()).toList();
        assertThat(new HashSet<>(issued)).hasSize(scores.size());
        List<Long> sequences = issued.stream().map(n -> CertificateNumber.parse(n).sequence()).sorted().toList();
        assertThat(sequences.get(sequences.size() - 1) - sequences.get(0)).isEqualTo(scores.size() - 1);
    }

    @Test
    void a_reservation_is_kept_so_a_retried_issue_reuses_its_number_and_parallel_reservations_leave_no_gaps()
            throws Exception {
        CertificateNumber once = numbers.reserve(2091, "audit-x#1");
        assertThat(numbers.reserve(2091, "audit-x#1")).isEqualTo(once);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<CertificateNumber>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String key = "audit-" + (i % 20) + "#1"; // every reservation asked for twice, concurrently
                futures.add(pool.submit(() -> numbers.reserve(2091, key)));
            }
            List<Long> sequences = new ArrayList<>();
            for (Future<CertificateNumber> f : futures) {
                sequences.add(f.get().sequence());
            }
            assertThat(new HashSet<>(sequences)).hasSize(20).allMatch(s -> s >= 2 && s <= 21);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- helpers

    String issueInitial(String score) {
        ScoreComputed initial = score("ent-" + UUID.randomUUID(), new Holder("华星电器有限公司", "91350100M000100Y43"),
                AuditType.INITIAL, score, 0, false);
        send(initial, SCORING);
        Decision decision = awaitDecision(initial.auditId());
        assertThat(decision.outcome()).isEqualTo(Outcome.ISSUED);
        return decision.certificateNumber();
    }

    void moveTo(LocalDate date) {
        clock.moveTo(date.atTime(12, 0).atZone(CB_ZONE).toInstant());
        assertThat(LocalDate.ofInstant(clock.instant(), CB_ZONE)).isEqualTo(date);
    }

    Decision awaitDecision(String auditId) {
        return await().atMost(WAIT).until(() -> decisions.latest(auditId), Optional::isPresent).orElseThrow();
    }

    CertificateStatusChanged awaitStatus(String number, CertificateStatus status) {
        return statusChanged(awaitRecord(Topics.CERTIFICATE_STATUS_CHANGED,
                r -> statusChanged(r).certificateNumber().equals(number)
                        && statusChanged(r).status().name().equals(status.name())));
    }

    List<CertificateStatusChanged> statusEvents(String number) {
        return readAll(Topics.CERTIFICATE_STATUS_CHANGED).stream().map(r -> statusChanged(r))
                .filter(e -> e.certificateNumber().equals(number)).toList();
    }

    void awaitOutboxesEmpty(String... numbers) {
        for (String number : numbers) {
            await().atMost(WAIT).until(() -> certificates.byNumber(number).orElseThrow().outbox().isEmpty());
        }
    }
}
