package com.starcert.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.starcert.audit.attachments.Attachment;
import com.starcert.audit.correction.CorrectiveAction;
import com.starcert.audit.decision.Decision;
import com.starcert.audit.findings.FindingNote;
import com.starcert.audit.planning.AuditTeam;
import com.starcert.audit.planning.PlannedSite;
import com.starcert.audit.programme.ProgrammeStep;
import com.starcert.contracts.AuditSubmitted.Bonus;
import com.starcert.contracts.AuditSubmitted.Exclusion;
import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.Result;
import com.starcert.contracts.AuditSubmitted.SpecialDeduction;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Band;
import com.starcert.contracts.SchemeRef;

/**
 * The audit as the HTTP API shows it (the outbox and the holder snapshot stay inside). {@code version} is the
 * optimistic-lock version, also sent as the ETag.
 */
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
        List<FindingView> findings,
        List<Exclusion> exclusions,
        List<SpecialDeduction> specialDeductions,
        Bonus bonus,
        BigDecimal score,
        Band band,
        String certificateNumber,
        Decision decision,
        List<TimelineEntry> timeline,
        AuditTeam team,
        ProgrammeStep programmeStep,
        List<Attachment> attachments,
        List<CorrectiveAction> correctiveActions,
        Instant correctiveActionsVerifiedAt,
        Long version) {

    /** A finding with the auditor's evidence note. */
    public record FindingView(String siteId, String indicator, Result result, String reason,
                              Integer samplesChecked, Integer samplesNonconforming, String evidence) {
    }

    public static AuditView of(Audit a) {
        Map<String, String> notes = new HashMap<>();
        for (FindingNote n : a.findingNotes()) {
            notes.put(n.siteId() + "|" + n.indicator(), n.evidence());
        }
        List<FindingView> findings = a.findings().stream()
                .map((Finding f) -> new FindingView(f.siteId(), f.indicator(), f.result(), f.reason(),
                        f.samplesChecked(), f.samplesNonconforming(), notes.get(f.siteId() + "|" + f.indicator())))
                .toList();
        return new AuditView(a.id(), a.enterpriseId(), a.type(), a.status(), a.revision(), a.scheme(),
                a.sampleBase(), a.sampleSize(), a.randomSeed(), a.samplingAppropriate(), a.outstanding(),
                a.minimumAuditDays(), a.sites(), findings, a.exclusions(), a.specialDeductions(), a.bonus(),
                a.score(), a.band(), a.certificateNumber(), a.decision(), a.timeline(), a.team(), a.programmeStep(),
                a.attachments(), a.correctiveActions(), a.correctiveActionsVerifiedAt(), a.version());
    }
}
