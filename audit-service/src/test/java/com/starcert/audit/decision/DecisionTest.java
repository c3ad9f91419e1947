package com.starcert.audit.decision;

import static com.starcert.contracts.CertificateStatus.ACTIVE;
import static com.starcert.contracts.CertificateStatus.CANCELLED;
import static com.starcert.contracts.CertificateStatus.EXPIRED;
import static com.starcert.contracts.CertificateStatus.SUSPENDED;
import static com.starcert.contracts.CertificateStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.starcert.audit.decision.Decision.Outcome;
import com.starcert.contracts.Band;
import com.starcert.contracts.CertificateStatusChanged;

class DecisionTest {

    @Test
    void aStatusChangeOnAnAuditNamesItsOutcome() {
        assertThat(Outcome.of(ACTIVE, ACTIVE)).isEqualTo(Outcome.MAINTAINED);
        assertThat(Outcome.of(ACTIVE, SUSPENDED)).isEqualTo(Outcome.SUSPENDED);
        assertThat(Outcome.of(SUSPENDED, ACTIVE)).isEqualTo(Outcome.RESTORED);
        assertThat(Outcome.of(SUSPENDED, SUSPENDED)).isEqualTo(Outcome.STILL_SUSPENDED);
        assertThat(Outcome.of(SUSPENDED, WITHDRAWN)).isEqualTo(Outcome.WITHDRAWN);
        assertThat(Outcome.of(ACTIVE, EXPIRED)).isNull();
        assertThat(Outcome.of(ACTIVE, CANCELLED)).isNull();
        assertThat(Outcome.of(ACTIVE, null)).isNull();
    }

    @Test
    void aRestoringSpecialAuditKeepsTheCertificateTheLevelAndTheReason() {
        Instant at = Instant.parse("2027-05-01T10:00:00Z");
        Decision d = Decision.of(new CertificateStatusChanged("SC-1", 2, "e1", SUSPENDED, ACTIVE, Band.COMPLIANT,
                "special audit: corrective actions effective", "a9", 1, LocalDate.of(2027, 5, 1), at),
                new BigDecimal("78.5"));
        assertThat(d).isEqualTo(new Decision(Outcome.RESTORED, "SC-1", Band.COMPLIANT, new BigDecimal("78.5"),
                "special audit: corrective actions effective", at, ACTIVE, 1));
    }
}
