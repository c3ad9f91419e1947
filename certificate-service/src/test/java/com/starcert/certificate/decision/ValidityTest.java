package com.starcert.certificate.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ValidityTest {

    @Test
    void valid_three_years_from_the_decision() {
        assertThat(Validity.startingOn(LocalDate.of(2026, 3, 10)))
                .isEqualTo(new Validity(LocalDate.of(2026, 3, 10), LocalDate.of(2029, 3, 10)));
    }

    @Test
    void a_29_february_decision_runs_until_28_february() {
        assertThat(Validity.startingOn(LocalDate.of(2028, 2, 29)))
                .isEqualTo(new Validity(LocalDate.of(2028, 2, 29), LocalDate.of(2031, 2, 28)));
    }

    @Test
    void the_decision_date_is_taken_in_the_cb_zone() {
        // 16:30 UTC on 28 February is already 29 February in Shanghai
        Instant decided = Instant.parse("2028-02-28T16:30:00Z");
        LocalDate date = LocalDate.ofInstant(decided, ZoneId.of("Asia/Shanghai"));

        assertThat(Validity.startingOn(date).validFrom()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Validity.startingOn(date).validUntil()).isEqualTo(LocalDate.of(2031, 2, 28));
    }

    @Test
    void early_renewal_keeps_the_old_expiry_as_base() {
        assertThat(Validity.renewing(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 8, 1)))
                .isEqualTo(new Validity(LocalDate.of(2026, 5, 1), LocalDate.of(2029, 8, 1)));
        assertThat(Validity.renewing(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 8, 1)))
                .isEqualTo(Validity.startingOn(LocalDate.of(2026, 9, 1)));
    }
}
