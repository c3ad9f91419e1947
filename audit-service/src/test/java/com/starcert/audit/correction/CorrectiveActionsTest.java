package com.starcert.audit.correction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.starcert.audit.Who;
import com.starcert.contracts.AuditSubmitted.DeductionCategory;
import com.starcert.contracts.AuditSubmitted.SpecialDeduction;

class CorrectiveActionsTest {

    static final Instant T = Instant.parse("2026-03-01T08:00:00Z");
    static final LocalDate DUE = LocalDate.of(2026, 3, 31);
    static final SpecialDeduction LICENCE = new SpecialDeduction(DeductionCategory.LEGAL, "expired licence");
    static final Who ENTERPRISE = new Who("ent-user-e1", "王敏");
    static final Who REVIEWER = new Who("rev-1", "Reviewer One");
    static final SpecialDeduction RULES = new SpecialDeduction(DeductionCategory.POLICY, "own rules ignored");

    static Evidence evidence(String text) {
        return new Evidence(text, List.of(), ENTERPRISE, T.plusSeconds(60));
    }

    @Test
    void eachSpecialDeductionOpensOneAction() {
        List<CorrectiveAction> actions = CorrectiveActions.onSubmit(List.of(), List.of(LICENCE, RULES), 1, DUE, T);

        assertThat(actions).extracting(CorrectiveAction::id).containsExactly("CA1", "CA2");
        assertThat(actions).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(CorrectiveActionStatus.OPEN);
            assertThat(a.revision()).isEqualTo(1);
            assertThat(a.dueDate()).isEqualTo(DUE);
        });
        assertThat(actions.get(0).category()).isEqualTo(DeductionCategory.LEGAL);
        assertThat(CorrectiveActions.onSubmit(List.of(), List.of(), 1, DUE, T)).isEmpty();
    }

    @Test
    void openThenAnsweredThenVerifiedAndNeverVerifiedWithoutEvidence() {
        CorrectiveAction open = CorrectiveAction.open("CA1", 1, LICENCE, DUE, T);
        assertThatThrownBy(() -> open.verify(REVIEWER, "ok", T)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no evidence");

        CorrectiveAction answered = open.answer(evidence("licence renewed"));
        CorrectiveAction answeredTwice = answered.answer(evidence("copy attached"));
        assertThat(answeredTwice.status()).isEqualTo(CorrectiveActionStatus.ANSWERED);
        assertThat(answeredTwice.evidence()).hasSize(2);

        CorrectiveAction verified = answeredTwice.verify(REVIEWER, "seen the new licence", T.plusSeconds(120));
        assertThat(verified.status()).isEqualTo(CorrectiveActionStatus.VERIFIED);
        assertThat(verified.verifiedBy()).isEqualTo("rev-1");
        assertThat(verified.verifiedByName()).isEqualTo("Reviewer One");
        assertThat(answeredTwice.evidence()).allSatisfy(e -> {
            assertThat(e.by()).isEqualTo("ent-user-e1");
            assertThat(e.byName()).isEqualTo("王敏");
        });
        assertThat(verified.pending()).isFalse();
        assertThatThrownBy(() -> verified.answer(evidence("late"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> verified.verify(REVIEWER, null, T)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aResubmissionCarriesOverActionsStillDeductedAndSupersedesTheRest() {
        List<CorrectiveAction> r1 = CorrectiveActions.onSubmit(List.of(), List.of(LICENCE, RULES), 1, DUE, T);
        CorrectiveAction verifiedLicence = r1.get(0).answer(evidence("renewed")).verify(REVIEWER, null, T);
        List<CorrectiveAction> beforeReturn = List.of(verifiedLicence, r1.get(1));

        SpecialDeduction newOne = new SpecialDeduction(DeductionCategory.INDUSTRY, "no spare parts");
        List<CorrectiveAction> r2 = CorrectiveActions.onSubmit(beforeReturn, List.of(LICENCE, newOne), 2, DUE, T);

        assertThat(r2).extracting(CorrectiveAction::id, CorrectiveAction::revision, CorrectiveAction::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CA1", 2, CorrectiveActionStatus.VERIFIED),
                        org.assertj.core.groups.Tuple.tuple("CA2", 1, CorrectiveActionStatus.SUPERSEDED),
                        org.assertj.core.groups.Tuple.tuple("CA3", 2, CorrectiveActionStatus.OPEN));
        assertThat(CorrectiveActions.ofRevision(r2, 2)).extracting(CorrectiveAction::id).containsExactly("CA1", "CA3");
        assertThat(CorrectiveActions.settled(r2, 2)).isFalse();
    }

    @Test
    void aRevisionIsSettledWhenItHasActionsAndAllAreVerified() {
        assertThat(CorrectiveActions.settled(List.of(), 1)).isFalse();
        CorrectiveAction a = CorrectiveAction.open("CA1", 1, LICENCE, DUE, T);
        assertThat(CorrectiveActions.settled(List.of(a), 1)).isFalse();
        CorrectiveAction verified = a.answer(evidence("done")).verify(REVIEWER, null, T);
        assertThat(CorrectiveActions.settled(List.of(verified), 1)).isTrue();
        assertThat(CorrectiveActions.settled(List.of(verified), 2)).isFalse();
    }
}
