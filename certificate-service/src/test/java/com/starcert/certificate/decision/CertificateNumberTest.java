package com.starcert.certificate.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CertificateNumberTest {

    @Test
    void formats_year_and_six_digit_sequence() {
        assertThat(new CertificateNumber(2026, 1).value()).isEqualTo("GBT27922-2026-000001");
        assertThat(new CertificateNumber(2026, 123456).value()).isEqualTo("GBT27922-2026-123456");
        assertThat(new CertificateNumber(2027, 999_999).toString()).isEqualTo("GBT27922-2027-999999");
    }

    @Test
    void parses_what_it_formats() {
        assertThat(CertificateNumber.parse("GBT27922-2026-000042")).isEqualTo(new CertificateNumber(2026, 42));
        assertThat(CertificateNumber.isWellFormed("GBT27922-2026-42")).isFalse();
        assertThat(CertificateNumber.isWellFormed("GBT27922-2026-0000042")).isFalse();
    }

    @Test
    void sequence_beyond_six_digits_is_refused() {
        assertThatThrownBy(() -> new CertificateNumber(2026, 1_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CertificateNumber(2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_revised_certificate_shows_its_revision_after_the_number() {
        assertThat(CertificateNumber.displayed("GBT27922-2026-000123", 1)).isEqualTo("GBT27922-2026-000123");
        assertThat(CertificateNumber.displayed("GBT27922-2026-000123", 2)).isEqualTo("GBT27922-2026-000123-R2");
        assertThat(CertificateNumber.parseRevised("GBT27922-2026-000123-R2"))
                .contains(new CertificateNumber.Revised("GBT27922-2026-000123", 2));
        assertThat(CertificateNumber.parseRevised("GBT27922-2026-000123"))
                .contains(new CertificateNumber.Revised("GBT27922-2026-000123", 0));
        assertThat(CertificateNumber.parseRevised("GBT27922-2026-000123-2")).isEmpty();
        assertThat(CertificateNumber.parseRevised("nonsense")).isEmpty();
        assertThat(CertificateNumber.parseRevised(null)).isEmpty();
    }
}
