package com.starcert.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.starcert.audit.correction.CorrectiveActionStatus;
import com.starcert.audit.correction.Evidence;
import com.starcert.audit.findings.FindingsUpdate;
import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.AuditSubmitted.DeductionCategory;
import com.starcert.contracts.AuditSubmitted.SpecialDeduction;
import com.starcert.contracts.CorrectiveActionsVerified;

/** The revision loop and the corrective-action hold on the Audit aggregate. */
class RevisionAndCorrectionTest {

    static final Instant T = Instant.parse("2026-03-01T08:00:00Z");
    static final LocalDate DUE = LocalDate.of(2026, 4, 1);
    static final Who BOB = new Who("aud-bob", "Bob");
    static final Who CAROL = new Who("aud-carol", "Carol");
    static final Who REVIEWER = new Who("rev-1", "Reviewer One");
    static final Who ENTERPRISE = new Who("ent-user-e1", "ACME quality");
    static final SpecialDeduction LICENCE = new SpecialDeduction(DeductionCategory.LEGAL, "expired licence");

    static Audit withDeduction() {
        Audit audit = AuditTest.planned();
        audit.record(new FindingsUpdate(List.of(), null, List.of(LICENCE), null), T, BOB);
        return audit;
    }

    @Test
    void aSubmittedAuditReturnedForCorrectionIsResubmittedAsTheNextRevision() {
        Audit audit = AuditTest.planned();
        assertThatThrownBy(() -> audit.returnForCorrection("why", T, REVIEWER))
                .isInstanceOf(IllegalStateException.class);
        audit.submit(audit.holder(), T, CAROL, DUE);

        audit.returnForCorrection("S01 findings incomplete", T.plusSeconds(10), REVIEWER);

        assertThat(audit.status()).isEqualTo(AuditStatus.RETURNED);
        assertThat(audit.status().open()).isTrue();
        assertThat(audit.score()).isNull();
        assertThat(audit.timeline().get(audit.timeline().size() - 1)).satisfies(t -> {
            assertThat(t.status()).isEqualTo(AuditStatus.RETURNED);
            assertThat(t.by()).isEqualTo("rev-1");
            assertThat(t.byName()).isEqualTo("Reviewer One");
            assertThat(t.note()).contains("revision 1").contains("S01 findings incomplete");
        });
        audit.record(new FindingsUpdate(List.of(), null, null, null), T.plusSeconds(20), BOB);
        assertThat(audit.status()).isEqualTo(AuditStatus.RETURNED);

        AuditSubmitted second = audit.submit(audit.holder(), T.plusSeconds(30), CAROL, DUE);
        assertThat(second.revision()).isEqualTo(2);
        assertThat(audit.revision()).isEqualTo(2);
        assertThat(audit.timeline()).extracting(TimelineEntry::status).containsExactly(AuditStatus.PLANNED,
                AuditStatus.SUBMITTED, AuditStatus.RETURNED, AuditStatus.SUBMITTED);
    }

    @Test
    void onlyAuditsNotYetDecidedCanBeReturned() {
        for (AuditStatus s : AuditStatus.values()) {
            assertThat(s.returnable()).as(s.name()).isEqualTo(s == AuditStatus.SUBMITTED || s == AuditStatus.SCORED
                    || s == AuditStatus.AWAITING_CORRECTIVE_ACTIONS);
        }
    }

    @Test
    void submissionOpensACorrectiveActionPerDeductionAndTheLastVerificationReleasesTheDecisionOnce() {
        Audit audit = withDeduction();
        audit.submit(audit.holder(), T, CAROL, DUE);
        assertThat(audit.correctiveActions()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(CorrectiveActionStatus.OPEN);
            assertThat(a.dueDate()).isEqualTo(DUE);
            assertThat(a.description()).isEqualTo("expired licence");
        });
        assertThat(audit.settleCorrectiveActions(T)).isEmpty();
        assertThatThrownBy(() -> audit.verifyCorrectiveAction("CA1", REVIEWER, null, T))
                .isInstanceOf(IllegalStateException.class);

        audit.answerCorrectiveAction("CA1", new Evidence("renewed", List.of(), ENTERPRISE, T));
        Optional<CorrectiveActionsVerified> verified = audit.verifyCorrectiveAction("CA1", REVIEWER, "ok",
                T.plusSeconds(5));

        assertThat(verified).hasValueSatisfying(v -> {
            assertThat(v.auditId()).isEqualTo("a1");
            assertThat(v.revision()).isEqualTo(1);
            assertThat(v.enterpriseId()).isEqualTo("e1");
            assertThat(v.actions()).isEqualTo(1);
        });
        assertThat(audit.correctiveActionsVerifiedAt()).isEqualTo(T.plusSeconds(5));
        assertThat(audit.settleCorrectiveActions(T.plusSeconds(9))).isEmpty(); // exactly once per revision
        assertThatThrownBy(() -> audit.answerCorrectiveAction("nope", new Evidence("x", List.of(), ENTERPRISE, T)))
                .isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void aResubmissionWhoseDeductionsWereAllVerifiedReleasesTheDecisionAtOnce() {
        Audit audit = withDeduction();
        audit.submit(audit.holder(), T, CAROL, DUE);
        audit.answerCorrectiveAction("CA1", new Evidence("renewed", List.of(), ENTERPRISE, T));
        audit.verifyCorrectiveAction("CA1", REVIEWER, null, T);
        // no score yet, so revision 1 is still SUBMITTED and the CB may return it
        audit.returnForCorrection("typo in S01", T, REVIEWER);
        audit.submit(audit.holder(), T.plusSeconds(60), CAROL, DUE);

        assertThat(audit.revision()).isEqualTo(2);
        assertThat(audit.settleCorrectiveActions(T.plusSeconds(60))).hasValueSatisfying(v ->
                assertThat(v.revision()).isEqualTo(2));
    }

    @Test
    void correctiveActionsAreHandledOnlyBetweenSubmissionAndDecision() {
        Audit audit = withDeduction();
        assertThatThrownBy(() -> audit.answerCorrectiveAction("CA1", new Evidence("x", List.of(), ENTERPRISE, T)))
                .isInstanceOf(IllegalStateException.class);
        for (AuditStatus s : AuditStatus.values()) {
            assertThat(s.correcting()).as(s.name()).isEqualTo(s == AuditStatus.SUBMITTED || s == AuditStatus.SCORED
                    || s == AuditStatus.AWAITING_CORRECTIVE_ACTIONS);
        }
    }
}
