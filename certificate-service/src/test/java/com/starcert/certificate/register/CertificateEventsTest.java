package com.starcert.certificate.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.contracts.Band;
import com.starcert.contracts.CertificateStatusChanged;
import com.starcert.contracts.Holder;
import com.starcert.contracts.Scheme;
import com.starcert.contracts.SchemeRef;

class CertificateEventsTest {

    static final Instant AT = Instant.parse("2026-11-27T04:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    static Certificate certificate(CertificateStatus status) {
        return new Certificate("GBT27922-2026-000042", 3, "ent-1", new Holder("华星电器有限公司", "91350100M000100Y43"),
                status, Band.THREE_STAR, new BigDecimal("84.0"), TODAY.minusYears(1), TODAY.plusYears(2),
                new SchemeRef(Scheme.DEFAULT_ID, 1), "audit-9", 2, "StarCert Certification", List.of(), AT, null,
                null, List.of(), List.of());
    }

    @Test
    void a_status_change_by_an_audit_carries_its_revision() {
        StatusTransition t = new StatusTransition(CertificateStatus.ACTIVE, CertificateStatus.SUSPENDED, "below 70",
                "AUDIT", "audit-10", TODAY, AT);

        CertificateStatusChanged e = certificate(CertificateStatus.ACTIVE).statusChangedEvent(t, 4);

        assertThat(e.auditId()).isEqualTo("audit-10");
        assertThat(e.auditRevision()).isEqualTo(4);
        assertThat(e.previousStatus()).isEqualTo(com.starcert.contracts.CertificateStatus.ACTIVE);
        assertThat(e.status()).isEqualTo(com.starcert.contracts.CertificateStatus.SUSPENDED);
        assertThat(e.certificateRevision()).isEqualTo(3);
        assertThat(e.level()).isEqualTo(Band.THREE_STAR);
    }

    @Test
    void a_status_change_from_no_audit_has_revision_0() {
        StatusTransition t = new StatusTransition(CertificateStatus.ACTIVE, CertificateStatus.EXPIRED, "validity ended",
                "SWEEP", null, TODAY, AT);

        CertificateStatusChanged e = certificate(CertificateStatus.ACTIVE).statusChangedEvent(t, 7);

        assertThat(e.auditId()).isNull();
        assertThat(e.auditRevision()).isZero();
    }

    @Test
    void a_kept_certificate_reports_the_same_status_before_and_after() {
        CertificateStatusChanged e = certificate(CertificateStatus.ACTIVE).keptEvent("maintained", "audit-11", 2,
                TODAY, AT);

        assertThat(e.previousStatus()).isEqualTo(com.starcert.contracts.CertificateStatus.ACTIVE);
        assertThat(e.status()).isEqualTo(e.previousStatus());
        assertThat(e.auditId()).isEqualTo("audit-11");
        assertThat(e.auditRevision()).isEqualTo(2);
        assertThat(e.reason()).isEqualTo("maintained");
        assertThat(e.effectiveOn()).isEqualTo(TODAY);
        assertThat(e.changedAt()).isEqualTo(AT);
        assertThat(e.subject()).isEqualTo("GBT27922-2026-000042");
    }
}
