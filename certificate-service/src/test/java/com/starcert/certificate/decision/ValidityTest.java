package com.starcert.certificate.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ValidityTest {

    @Test
    void valid_three_years_to_the_day_the_last_valid_day_being_the_day_before_the_third_anniversary() {
        assertThat(Validity.startingOn(LocalDate.of(2026, 12, 3)))
                .isEqualTo(new Validity(LocalDate.of(2026, 12, 3), LocalDate.of(2029, 12, 2)));
        assertThat(Validity.startingOn(LocalDate.of(2026, 3, 10)))
                .isEqualTo(new Validity(LocalDate.of(2026, 3, 10), LocalDate.of(2029, 3, 9)));
        assertThat(Validity.startingOn(LocalDate.of(2026, 1, 1)).validUntil()).isEqualTo(LocalDate.of(2028, 12, 31));
    }

    @Test
    void a_29_february_decision_runs_until_the_day_before_28_february() {
        assertThat(Validity.startingOn(LocalDate.of(2028, 2, 29)))
                .isEqualTo(new Validity(LocalDate.of(2028, 2, 29), LocalDate.of(2031, 2, 27)));
    }

    @Test
    void the_decision_date_is_taken_in_the_cb_zone() {
        // 16:30 UTC on 28 February is already 29 February in Shanghai
        Instant decided = Instant.parse("2028-02-28T16:30:00Z");
        LocalDate date = LocalDate.ofInstant(decided, ZoneId.of("Asia/Shanghai"));

        assertThat(Validity.startingOn(date).validFrom()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Validity.startingOn(date).validUntil()).isEqualTo(LocalDate.of(2031, 2, 27));
    }

    @Test
    void early_renewal_starts_the_new_cycle_the_day_after_the_old_last_valid_day() {
        // old cycle 2026-08-02 … 2029-08-01; renewed on 2029-05-01: new cycle 2029-08-02 … 2032-08-01
        assertThat(Validity.renewing(LocalDate.of(2029, 5, 1), LocalDate.of(2029, 8, 1)))
                .isEqualTo(new Validity(LocalDate.of(2029, 5, 1), LocalDate.of(2032, 8, 1)));
        assertThat(Validity.renewing(LocalDate.of(2029, 8, 1), LocalDate.of(2029, 8, 1)).validUntil())
                .as("renewed on the last valid day").isEqualTo(LocalDate.of(2032, 8, 1));
        assertThat(Validity.renewing(LocalDate.of(2029, 9, 1), LocalDate.of(2029, 8, 1)))
                .as("after expiry a new cycle starts on the decision date")
                .isEqualTo(Validity.startingOn(LocalDate.of(2029, 9, 1)));
    }

    @Test
    void a_cycle_is_exactly_three_calendar_years_whatever_the_start() {
        for (LocalDate base = LocalDate.of(2026, 1, 1); base.isBefore(LocalDate.of(2030, 1, 1));
             base = base.plusDays(1)) {
            LocalDate last = Validity.startingOn(base).validUntil();
            assertThat(last.plusDays(1)).as("the day after the last valid day of %s", base)
                    .isEqualTo(base.plusYears(3));
        }
    }
}
