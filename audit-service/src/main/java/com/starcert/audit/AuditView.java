package com.starcert.audit;

import java.math.BigDecimal;
import java.util.List;

import com.starcert.audit.decision.Decision;
import com.starcert.audit.planning.PlannedSite;
import com.starcert.contracts.AuditSubmitted.Bonus;
import com.starcert.contracts.AuditSubmitted.Exclusion;
import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.SpecialDeduction;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Band;
import com.starcert.contracts.SchemeRef;

/** The audit as the HTTP API shows it (the outbox, the holder snapshot and the lock stay inside). */
public record AuditView(
        String id,
        String enterpriseId,
        AuditType type,
        AuditStatus status,
        int revision,
        SchemeRef scheme,
        int sampleBase,
        int sampleSize,
        long randomSeed,
        boolean samplingAppropriate,
        boolean outstanding,
        BigDecimal minimumAuditDays,
        List<PlannedSite> sites,
        List<Finding> findings,
        List<Exclusion> exclusions,
        List<SpecialDeduction> specialDeductions,
        Bonus bonus,
        BigDecimal score,
        Band band,
        String certificateNumber,
        Decision decision,
        List<TimelineEntry> timeline) {

    public static AuditView of(Audit a) {
        return new AuditView(a.id(), a.enterpriseId(), a.type(), a.status(), a.revision(), a.scheme(),
                a.sampleBase(), a.sampleSize(), a.randomSeed(), a.samplingAppropriate(), a.outstanding(),
                a.minimumAuditDays(), a.sites(), a.findings(), a.exclusions(), a.specialDeductions(), a.bonus(),
                a.score(), a.band(), a.certificateNumber(), a.decision(), a.timeline());
    }
}
