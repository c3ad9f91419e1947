package com.starcert.audit.programme;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.starcert.contracts.CertificateStatus;

/**
 * An enterprise's certification programme (认证方案) as audit-service follows it: the current certification cycle,
 * started by the decision on an initial or recertification audit ({@code certificate.issued}), and the
 * certificate's status ({@code certificate.status-changed}). The due dates are derived, see {@link ProgrammeSchedule}.
 *
 * @param cycleId          the audit id whose decision started the cycle
 * @param decidedOn        the decision date (the certificate's effective date) the due dates count from
 * @param issuedAt         newest certificate event applied (stale and replayed events are ignored)
 * @param statusChangedAt  newest status event applied
 */
@Document("programmes")
public record Programme(
        @Id String enterpriseId,
        String cycleId,
        String certificateNumber,
        int certificateRevision,
        LocalDate decidedOn,
        LocalDate validUntil,
        Instant issuedAt,
        CertificateStatus certificateStatus,
        Instant statusChangedAt) {
}
