package com.starcert.audit.programme;

import java.time.LocalDate;
import java.util.List;

import com.starcert.contracts.CertificateStatus;

/** The answer of {@code GET /api/enterprises/{id}/programme}. */
public record ProgrammeView(
        String enterpriseId,
        String certificateNumber,
        CertificateStatus certificateStatus,
        LocalDate decidedOn,
        LocalDate validUntil,
        String cycleStartedByAuditId,
        List<ProgrammeSchedule.Entry> entries) {
}
