package com.starcert.certificate.issuance;

import static com.starcert.certificate.TestEvents.WAIT;
import static com.starcert.certificate.TestEvents.awaitRecord;
import static com.starcert.certificate.TestEvents.readAll;
import static com.starcert.certificate.TestEvents.score;
import static com.starcert.certificate.TestEvents.send;
import static com.starcert.certificate.TestEvents.sendBytes;
import static com.starcert.certificate.TestEvents.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.starcert.certificate.IntegrationTest;
import com.starcert.certificate.MovableClock;
import com.starcert.certificate.TestEvents;
import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.certificate.decision.Decision;
import com.starcert.certificate.decision.Decisions;
import com.starcert.certificate.decision.Outcome;
import com.starcert.certificate.lifecycle.CertificateLifecycle;
import com.starcert.certificate.register.Certificate;
import com.starcert.certificate.register.Certificates;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Band;
import com.starcert.contracts.CertificateStatusChanged;
import com.starcert.contracts.CertificationRefused;
import com.starcert.contracts.CorrectiveActionsVerified;
import com.starcert.contracts.Holder;
import com.starcert.contracts.ScoreComputed;
import com.starcert.contracts.Topics;

/**
 * Every decision on an audit is visible on a topic with the audit's id and revision (audit-service decides the audit
 * when it sees it): CloudEvents in through a plain KafkaProducer, our events read back with a plain KafkaConsumer.
 */
class DecisionEventsIntegrationTest extends IntegrationTest {

    static final String SCORING = "/starcert/scoring-service";
    static final ZoneId CB_ZONE = ZoneId.of("Asia/Shanghai");
    static final com.starcert.contracts.CertificateStatus ACTIVE = com.starcert.contracts.CertificateStatus.ACTIVE;
    static final com.starcert.contracts.CertificateStatus SUSPENDED =
            com.starcert.contracts.CertificateStatus.SUSPENDED;

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

    @Test
    void a_maintained_surveillance_and_a_suspension_publish_status_changes_with_the_audit_revision_once()
            throws Exception {
        Certificate issued = issueInitial("80.0", false);
        String number = issued.number();
        String enterprise = issued.enterpriseId();

        // a rescored audit (revision 2) maintains the certificate: ACTIVE → ACTIVE, naming the audit and revision 2
        ScoreComputed maintaining = revision(score(enterprise, issued.holder(), AuditType.SURVEILLANCE, "78.0", 0,
                false), 2);
        byte[] maintainingBytes = send(maintaining, SCORING);
        assertThat(awaitDecision(maintaining.auditId()).outcome()).isEqualTo(Outcome.MAINTAINED);
        CertificateStatusChanged maintained = awaitStatusBy(maintaining.auditId());
        assertThat(maintained.certificateNumber()).isEqualTo(number);
        assertThat(maintained.previousStatus()).isEqualTo(ACTIVE);
        assertThat(maintained.status()).isEqualTo(ACTIVE);
        assertThat(maintained.auditRevision()).isEqualTo(2);
        assertThat(maintained.level()).isEqualTo(Band.COMPLIANT);
        assertThat(maintained.certificateRevision()).isEqualTo(1);
        assertThat(maintained.reason()).contains("maintained");
        assertThat(certificates.byNumber(number).orElseThrow().transitions())
                .as("a maintained certificate did not change status").isEmpty();

        // the next surveillance fails: ACTIVE → SUSPENDED with the audit's id and revision
        ScoreComputed failing = revision(score(enterprise, issued.holder(), AuditType.SURVEILLANCE, "64.0", 0,
                false), 3);
        byte[] failingBytes = send(failing, SCORING);
        assertThat(awaitDecision(failing.auditId()).outcome()).isEqualTo(Outcome.SUSPENDED);
        CertificateStatusChanged suspended = awaitStatusBy(failing.auditId());
        assertThat(suspended.previousStatus()).isEqualTo(ACTIVE);
        assertThat(suspended.status()).isEqualTo(SUSPENDED);
        assertThat(suspended.auditRevision()).isEqualTo(3);
        assertThat(suspended.reason()).contains("below 70");

        // replays (same record, and the same score in a new CloudEvent) publish nothing more
        sendBytes(Topics.SCORE_COMPUTED, enterprise, maintainingBytes);
        sendBytes(Topics.SCORE_COMPUTED, enterprise, failingBytes);
        send(maintaining, SCORING);
        send(failing, SCORING);
        awaitMarkerAfterReplays(enterprise, issued.holder());
        awaitOutboxEmpty(number);
        Thread.sleep(1_000);
        List<CertificateStatusChanged> events = statusEventsOf(number);
        assertThat(events).filteredOn(e -> maintaining.auditId().equals(e.auditId())).hasSize(1);
        assertThat(events).filteredOn(e -> failing.auditId().equals(e.auditId())).hasSize(1);
        assertThat(events).hasSize(2);
    }

    @Test
    void a_special_audit_restores_a_suspended_certificate_at_the_lower_band_by_a_revised_certificate()
            throws Exception {
        Certificate issued = issueInitial("92.0", true); // outstanding: FOUR_STAR
        assertThat(issued.level()).isEqualTo(Band.FOUR_STAR);
        String number = issued.number();
        String enterprise = issued.enterpriseId();
        LocalDate validFrom = issued.validFrom();

        moveTo(validFrom.plusMonths(11));
        ScoreComputed failing = score(enterprise, issued.holder(), AuditType.SURVEILLANCE, "61.0", 0, false);
        send(failing, SCORING);
        assertThat(awaitDecision(failing.auditId()).outcome()).isEqualTo(Outcome.SUSPENDED);

        // a special audit below 70 does not lift the suspension; the decision is still published
        ScoreComputed notYet = score(enterprise, issued.holder(), AuditType.SPECIAL, "66.0", 0, false);
        send(notYet, SCORING);
        assertThat(awaitDecision(notYet.auditId()).outcome()).isEqualTo(Outcome.REFUSED);
        CertificationRefused refused = TestEvents.CODEC.data(TestEvents.CODEC.read(awaitRecord(
                Topics.CERTIFICATE_REFUSED, r -> TestEvents.CODEC.data(TestEvents.CODEC.read(r.value()),
                        CertificationRefused.class).auditId().equals(notYet.auditId())).value()),
                CertificationRefused.class);
        assertThat(refused.reason()).contains("not lifted", "stays SUSPENDED");
        assertThat(certificates.byNumber(number).orElseThrow().status()).isEqualTo(CertificateStatus.SUSPENDED);

        // two months after the surveillance date passed, a special audit at three-star restores it at three-star
        moveTo(validFrom.plusYears(1).plusMonths(2));
        ScoreComputed special = revision(score(enterprise, issued.holder(), AuditType.SPECIAL, "84.0", 0, false), 2);
        byte[] specialBytes = send(special, SCORING);
        Decision decision = awaitDecision(special.auditId());
        assertThat(decision.outcome()).isEqualTo(Outcome.RESTORED);
        assertThat(decision.certificateNumber()).isEqualTo(number);

        CertificateStatusChanged restored = awaitStatusBy(special.auditId());
        assertThat(restored.previousStatus()).isEqualTo(SUSPENDED);
        assertThat(restored.status()).isEqualTo(ACTIVE);
        assertThat(restored.auditRevision()).isEqualTo(2);
        assertThat(restored.certificateRevision()).as("revised: restored below its level").isEqualTo(2);
        assertThat(restored.level()).isEqualTo(Band.THREE_STAR);

        Certificate after = certificates.byNumber(number).orElseThrow();
        assertThat(after.status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(after.level()).isEqualTo(Band.THREE_STAR);
        assertThat(after.revision()).isEqualTo(2);
        assertThat(after.auditId()).isEqualTo(special.auditId());
        assertThat(after.suspendedOn()).isNull();
        assertThat(after.surveillanceDue()).as("recalculated as a CB restore does")
                .isEqualTo(validFrom.plusYears(2));
        assertThat(after.signature()).isNotEqualTo(issued.signature());
        mvc.perform(get("/api/certificates/{number}", number + "-R2").with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.displayNumber").value(number + "-R2"))
                .andExpect(jsonPath("$.level").value("THREE_STAR"));
        mvc.perform(get("/api/decisions/{auditId}", special.auditId()).with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("RESTORED"))
                .andExpect(jsonPath("$.auditType").value("SPECIAL"));

        // a replay restores nothing twice and publishes nothing more
        sendBytes(Topics.SCORE_COMPUTED, enterprise, specialBytes);
        send(special, SCORING);
        awaitMarkerAfterReplays(enterprise, issued.holder());
        awaitOutboxEmpty(number);
        Thread.sleep(1_000);
        assertThat(statusEventsOf(number)).extracting(CertificateStatusChanged::status)
                .containsExactly(SUSPENDED, ACTIVE);
        assertThat(readAll(Topics.CERTIFICATE_ISSUED)).filteredOn(r -> r.key().equals(enterprise))
                .as("only the first issue").hasSize(1);
        assertThat(certificates.byNumber(number).orElseThrow().revision()).isEqualTo(2);
    }

    @Test
    void a_special_audit_maintaining_an_active_certificate_leaves_the_surveillance_date_and_its_held_restore_waits()
            throws Exception {
        Certificate issued = issueInitial("86.0", false); // capped at COMPLIANT
        String number = issued.number();
        String enterprise = issued.enterpriseId();

        ScoreComputed special = score(enterprise, issued.holder(), AuditType.SPECIAL, "95.0", 0, true);
        send(special, SCORING);
        assertThat(awaitDecision(special.auditId()).outcome()).isEqualTo(Outcome.MAINTAINED);
        CertificateStatusChanged kept = awaitStatusBy(special.auditId());
        assertThat(kept.previousStatus()).isEqualTo(ACTIVE);
        assertThat(kept.status()).isEqualTo(ACTIVE);
        assertThat(kept.level()).as("a special audit never raises").isEqualTo(Band.COMPLIANT);
        assertThat(kept.auditRevision()).isEqualTo(1);
        assertThat(certificates.byNumber(number).orElseThrow().surveillanceDue())
                .isEqualTo(issued.surveillanceDue());

        // suspended by a special audit after complaints; a second special audit with open special deductions is
        // held, publishes nothing, and restores the certificate only when its corrective actions are verified
        ScoreComputed complaints = score(enterprise, issued.holder(), AuditType.SPECIAL, "55.0", 0, false);
        send(complaints, SCORING);
        assertThat(awaitDecision(complaints.auditId()).outcome()).isEqualTo(Outcome.SUSPENDED);
        assertThat(awaitStatusBy(complaints.auditId()).status()).isEqualTo(SUSPENDED);
        assertThat(certificates.byNumber(number).orElseThrow().surveillanceDue())
                .isEqualTo(issued.surveillanceDue());

        ScoreComputed followUp = score(enterprise, issued.holder(), AuditType.SPECIAL, "79.0", 1, false);
        send(followUp, SCORING);
        Decision held = awaitDecision(followUp.auditId());
        assertThat(held.outcome()).isEqualTo(Outcome.HELD);
        assertThat(held.heldOutcome()).isEqualTo(Outcome.RESTORED);
        assertThat(held.heldLevel()).isEqualTo(Band.COMPLIANT);
        awaitOutboxEmpty(number);
        Thread.sleep(1_000);
        assertThat(statusEventsOf(number)).noneMatch(e -> followUp.auditId().equals(e.auditId()));
        assertThat(certificates.byNumber(number).orElseThrow().status()).isEqualTo(CertificateStatus.SUSPENDED);

        send(new CorrectiveActionsVerified(followUp.auditId(), 1, enterprise, 1, Instant.now()),
                "/starcert/audit-service");
        Decision released = await().atMost(WAIT).until(() -> decisions.latest(followUp.auditId()).orElseThrow(),
                d -> d.outcome() != Outcome.HELD);
        assertThat(released.outcome()).isEqualTo(Outcome.RESTORED);
        CertificateStatusChanged restored = awaitStatusBy(followUp.auditId());
        assertThat(restored.previousStatus()).isEqualTo(SUSPENDED);
        assertThat(restored.status()).isEqualTo(ACTIVE);
        assertThat(restored.auditRevision()).isEqualTo(1);
        assertThat(restored.certificateRevision()).as("restored at its own level: not revised").isEqualTo(1);
        assertThat(certificates.byNumber(number).orElseThrow().status()).isEqualTo(CertificateStatus.ACTIVE);
    }

    @Test
    void a_held_special_audit_is_not_the_surveillance_so_an_overdue_certificate_is_still_suspended() {
        Certificate issued = issueInitial("81.0", false);
        String number = issued.number();
        ScoreComputed special = score(issued.enterpriseId(), issued.holder(), AuditType.SPECIAL, "80.0", 1, false);
        send(special, SCORING);
        Decision held = awaitDecision(special.auditId());
        assertThat(held.outcome()).isEqualTo(Outcome.HELD);
        assertThat(held.heldOutcome()).isEqualTo(Outcome.MAINTAINED);
        assertThat(certificates.byNumber(number).orElseThrow().surveillanceDue())
                .isEqualTo(issued.surveillanceDue());

        moveTo(issued.surveillanceDue().plusDays(1));
        lifecycle.sweep();

        Certificate swept = certificates.byNumber(number).orElseThrow();
        assertThat(swept.status()).isEqualTo(CertificateStatus.SUSPENDED);
        assertThat(swept.statusReason()).contains("surveillance not decided by its due date");
    }

    @Test
    void a_special_audit_without_a_certificate_is_refused() {
        ScoreComputed special = score("ent-" + UUID.randomUUID(), new Holder("无证企业", "91350100M000100Y43"),
                AuditType.SPECIAL, "90.0", 0, false);
        send(special, SCORING);

        Decision decision = awaitDecision(special.auditId());
        assertThat(decision.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(decision.reasons().get(0)).contains("no certificate in force");
        ConsumerRecord<String, String> record = awaitRecord(Topics.CERTIFICATE_REFUSED,
                r -> TestEvents.CODEC.data(TestEvents.CODEC.read(r.value()), CertificationRefused.class).auditId()
                        .equals(special.auditId()));
        assertThat(record.key()).isEqualTo(special.enterpriseId());
    }

    // --- helpers

    Certificate issueInitial(String score, boolean outstanding) {
        ScoreComputed initial = score("ent-" + UUID.randomUUID(), new Holder("华星电器有限公司", "91350100M000100Y43"),
                AuditType.INITIAL, score, 0, outstanding);
        send(initial, SCORING);
        Decision decision = awaitDecision(initial.auditId());
        assertThat(decision.outcome()).isEqualTo(Outcome.ISSUED);
        return certificates.byNumber(decision.certificateNumber()).orElseThrow();
    }

    static ScoreComputed revision(ScoreComputed s, int revision) {
        return new ScoreComputed(s.auditId(), revision, s.enterpriseId(), s.holder(), s.auditType(), s.scheme(),
                s.score(), s.band(), s.sites(), s.specialDeductions(), s.outstanding(), s.computedAt());
    }

    /** Same key, same partition: once this marker is decided, every copy sent before it has been handled. */
    void awaitMarkerAfterReplays(String enterprise, Holder holder) {
        ScoreComputed marker = score(enterprise, holder, AuditType.INITIAL, "90.0", 0, false);
        send(marker, SCORING);
        assertThat(awaitDecision(marker.auditId()).outcome()).isEqualTo(Outcome.REFUSED);
    }

    void moveTo(LocalDate date) {
        clock.moveTo(date.atTime(12, 0).atZone(CB_ZONE).toInstant());
        assertThat(LocalDate.ofInstant(clock.instant(), CB_ZONE)).isEqualTo(date);
    }

    Decision awaitDecision(String auditId) {
        return await().atMost(WAIT).until(() -> decisions.latest(auditId), Optional::isPresent).orElseThrow();
    }

    static CertificateStatusChanged awaitStatusBy(String auditId) {
        return statusChanged(awaitRecord(Topics.CERTIFICATE_STATUS_CHANGED,
                r -> auditId.equals(statusChanged(r).auditId())));
    }

    static List<CertificateStatusChanged> statusEventsOf(String number) {
        return readAll(Topics.CERTIFICATE_STATUS_CHANGED).stream().map(TestEvents::statusChanged)
                .filter(e -> e.certificateNumber().equals(number)).toList();
    }

    void awaitOutboxEmpty(String number) {
        await().atMost(WAIT).until(() -> certificates.byNumber(number).orElseThrow().outbox().isEmpty());
    }
}
