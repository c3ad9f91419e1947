package com.starcert.certificate.lifecycle;

import static com.starcert.certificate.decision.CertificateStatus.ACTIVE;
import static com.starcert.certificate.decision.CertificateStatus.CANCELLED;
import static com.starcert.certificate.decision.CertificateStatus.EXPIRED;
import static com.starcert.certificate.decision.CertificateStatus.SUSPENDED;
import static com.starcert.certificate.decision.CertificateStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.starcert.certificate.decision.CertificateStatus;

class LifecycleRulesTest {

    static final LocalDate FROM = LocalDate.of(2026, 3, 10);
    static final LocalDate UNTIL = LocalDate.of(2029, 3, 10);

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "ACTIVE, SUSPENDED, true", "ACTIVE, WITHDRAWN, true", "ACTIVE, CANCELLED, true", "ACTIVE, EXPIRED, true",
            "ACTIVE, ACTIVE, false",
            "SUSPENDED, ACTIVE, true", "SUSPENDED, WITHDRAWN, true", "SUSPENDED, CANCELLED, true",
            "SUSPENDED, EXPIRED, true", "SUSPENDED, SUSPENDED, false",
            "WITHDRAWN, ACTIVE, false", "WITHDRAWN, SUSPENDED, false", "WITHDRAWN, CANCELLED, false",
            "EXPIRED, ACTIVE, false", "EXPIRED, WITHDRAWN, false",
            "CANCELLED, ACTIVE, false", "CANCELLED, SUSPENDED, false"})
    void transitions(CertificateStatus from, CertificateStatus to, boolean allowed) {
        assertThat(LifecycleRules.allowed(from, to)).isEqualTo(allowed);
    }

    @Test
    void withdrawn_expired_and_cancelled_are_final() {
        assertThat(LifecycleRules.isFinal(WITHDRAWN)).isTrue();
        assertThat(LifecycleRules.isFinal(EXPIRED)).isTrue();
        assertThat(LifecycleRules.isFinal(CANCELLED)).isTrue();
        assertThat(LifecycleRules.isFinal(ACTIVE)).isFalse();
        assertThat(LifecycleRules.isFinal(SUSPENDED)).isFalse();
    }

    @Test
    void the_sweep_selects_exactly_the_suspensions_whose_six_months_are_over() {
        // every (suspended on, today) pair over two years, month ends and 29 February included
        for (LocalDate today = LocalDate.of(2027, 1, 1); today.isBefore(LocalDate.of(2029, 1, 1));
             today = today.plusDays(1)) {
            LocalDate threshold = LifecycleRules.withdrawSuspendedOnOrBefore(today);
            for (LocalDate suspendedOn = today.minusMonths(8); !suspendedOn.isAfter(today);
                 suspendedOn = suspendedOn.plusDays(1)) {
                boolean due = LifecycleRules.due(SUSPENDED, null, null, suspendedOn, today)
                        .filter(d -> d.to() == WITHDRAWN).isPresent();
                assertThat(!suspendedOn.isAfter(threshold)).as("suspended %s, today %s", suspendedOn, today)
                        .isEqualTo(due);
            }
        }
    }

    @Test
    void suspended_on_a_31st_is_withdrawn_on_the_last_day_of_the_month_six_months_later() {
        assertThat(LifecycleRules.withdrawSuspendedOnOrBefore(LocalDate.of(2027, 2, 28)))
                .isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(LifecycleRules.withdrawSuspendedOnOrBefore(LocalDate.of(2027, 2, 27)))
                .isEqualTo(LocalDate.of(2026, 8, 27));
        assertThat(LifecycleRules.due(SUSPENDED, null, null, LocalDate.of(2026, 8, 31), LocalDate.of(2027, 2, 28)))
                .map(LifecycleRules.Due::to).contains(WITHDRAWN);
    }

    @Test
    void an_early_recertification_still_has_two_surveillances_not_three() {
        // renewed on 2029-05-01, three months early: the cycle runs to 2032-08-01, more than three years
        LocalDate from = LocalDate.of(2029, 5, 1);
        LocalDate until = LocalDate.of(2032, 8, 1);
        LocalDate first = LifecycleRules.firstSurveillanceDue(from, until);
        assertThat(first).isEqualTo(LocalDate.of(2030, 5, 1));
        LocalDate second = LifecycleRules.nextSurveillanceDue(first, from, until, first);
        assertThat(second).isEqualTo(LocalDate.of(2031, 5, 1));
        assertThat(LifecycleRules.nextSurveillanceDue(second, from, until, second))
                .as("the recertification comes next, not a third surveillance on 2032-05-01").isNull();
        assertThat(LifecycleRules.surveillanceDueAfterRestore(second, from, until, LocalDate.of(2031, 6, 1)))
                .isNull();
        assertThat(LifecycleRules.surveillanceDueAfterRestore(first, from, until, LocalDate.of(2030, 6, 1)))
                .isEqualTo(second);
    }

    @Test
    void first_surveillance_is_due_twelve_months_after_the_decision() {
        assertThat(LifecycleRules.firstSurveillanceDue(FROM, UNTIL)).isEqualTo(LocalDate.of(2027, 3, 10));
    }

    @Test
    void surveillances_follow_yearly_and_none_is_due_at_the_end_of_validity() {
        LocalDate first = LocalDate.of(2027, 3, 10);
        LocalDate second = LifecycleRules.nextSurveillanceDue(first, FROM, UNTIL, LocalDate.of(2027, 1, 5));
        assertThat(second).as("an early surveillance keeps the cadence").isEqualTo(LocalDate.of(2028, 3, 10));
        assertThat(LifecycleRules.nextSurveillanceDue(second, FROM, UNTIL, second))
                .as("the third anniversary is the end of validity: recertification, not surveillance").isNull();
    }

    @Test
    void a_late_surveillance_moves_to_the_first_anniversary_after_it() {
        assertThat(LifecycleRules.nextSurveillanceDue(LocalDate.of(2027, 3, 10), FROM, UNTIL,
                LocalDate.of(2028, 4, 1))).isNull();
        assertThat(LifecycleRules.nextSurveillanceDue(LocalDate.of(2027, 3, 10), FROM, UNTIL,
                LocalDate.of(2027, 5, 1))).isEqualTo(LocalDate.of(2028, 3, 10));
        assertThat(LifecycleRules.nextSurveillanceDue(LocalDate.of(2027, 3, 10), FROM, LocalDate.of(2031, 3, 10),
                LocalDate.of(2028, 4, 1))).as("never a surveillance after the cycle's second anniversary").isNull();
    }

    @Test
    void a_restore_after_the_due_date_moves_it_to_the_next_anniversary() {
        assertThat(LifecycleRules.surveillanceDueAfterRestore(LocalDate.of(2027, 3, 10), FROM, UNTIL,
                LocalDate.of(2027, 5, 1))).isEqualTo(LocalDate.of(2028, 3, 10));
        assertThat(LifecycleRules.surveillanceDueAfterRestore(LocalDate.of(2027, 3, 10), FROM, UNTIL,
                LocalDate.of(2027, 1, 1))).as("not yet due: unchanged").isEqualTo(LocalDate.of(2027, 3, 10));
    }

    @Test
    void overdue_surveillance_suspends_the_day_after_the_due_date() {
        LocalDate due = LocalDate.of(2027, 3, 10);
        assertThat(LifecycleRules.due(ACTIVE, UNTIL, due, null, due)).isEmpty();
        LifecycleRules.Due d = LifecycleRules.due(ACTIVE, UNTIL, due, null, due.plusDays(1)).orElseThrow();
        assertThat(d.to()).isEqualTo(SUSPENDED);
        assertThat(d.reason()).contains("surveillance", "2027-03-10");
    }

    @Test
    void a_suspension_of_six_months_becomes_a_withdrawal() {
        LocalDate since = LocalDate.of(2027, 3, 11);
        assertThat(LifecycleRules.due(SUSPENDED, UNTIL, null, since, LocalDate.of(2027, 9, 10))).isEmpty();
        assertThat(LifecycleRules.due(SUSPENDED, UNTIL, null, since, LocalDate.of(2027, 9, 11)).orElseThrow().to())
                .isEqualTo(WITHDRAWN);
    }

    @Test
    void the_day_after_validity_ends_the_certificate_expires_whatever_else_is_due() {
        assertThat(LifecycleRules.due(ACTIVE, UNTIL, null, null, UNTIL)).isEmpty();
        assertThat(LifecycleRules.due(ACTIVE, UNTIL, LocalDate.of(2028, 3, 10), null, UNTIL.plusDays(1))
                .orElseThrow().to()).isEqualTo(EXPIRED);
        assertThat(LifecycleRules.due(SUSPENDED, UNTIL, null, LocalDate.of(2029, 1, 1), UNTIL.plusDays(1))
                .orElseThrow().to()).isEqualTo(EXPIRED);
    }

    @Test
    void nothing_happens_to_a_final_certificate() {
        assertThat(LifecycleRules.due(WITHDRAWN, UNTIL, FROM, FROM, UNTIL.plusYears(1))).isEmpty();
        assertThat(LifecycleRules.due(CANCELLED, UNTIL, FROM, null, UNTIL.plusYears(1))).isEmpty();
    }
}
