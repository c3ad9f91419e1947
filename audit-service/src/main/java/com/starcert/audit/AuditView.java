package com.starcert.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.starcert.audit.attachments.Attachment;
import com.starcert.audit.correction.CorrectiveAction;
import com.starcert.audit.decision.Decision;
import com.starcert.audit.findings.FindingNote;
import com.starcert.audit.planning.AuditTeam;
import com.starcert.audit.planning.PlannedSite;
import com.starcert.audit.planning.SeedChoice;
import com.starcert.audit.programme.ProgrammeStep;
import com.starcert.contracts.AuditSubmitted.Bonus;
import com.starcert.contracts.AuditSubmitted.Exclusion;
import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.Result;
import com.starcert.contracts.AuditSubmitted.SpecialDeduction;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Band;
import com.starcert.contracts.SchemeRef;
import com.starcert.support.security.Caller;

/**
 * The audit as the HTTP API shows it (the outbox and the holder snapshot stay inside). {@code version} is the
 * optimistic-lock version, also sent as the ETag. {@code seedChoice}: who chose the random seed and why, null when
 * the server drew it.
 *
 * <p>The audited enterprise (an ENTERPRISE caller) does not get the findings before the audit is DECIDED:
 * {@code findings}, {@code exclusions} and {@code specialDeductions} are left out and {@code bonus} is null. Until
 * the certification decision they are the auditors' working notes (审核记录), still open to correction by a return;
 * the enterprise learns what it must correct through its corrective actions (整改), opened at submission.
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
        SeedChoice seedChoice,
        List<PlannedSite> sites,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FindingView> findings,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Exclusion> exclusions,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<SpecialDeduction> specialDeductions,
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

    /** The audit as {@code caller} may see it (they were already found allowed to read it). */
    public static AuditView of(Audit a, Caller caller) {
        boolean withheld = !caller.cbStaff() && a.status() != AuditStatus.DECIDED;
        return withheld ? withoutFindings(of(a)) : of(a);
    }

    /** The whole audit, as CB staff see it. */
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
                a.minimumAuditDays(), a.seedChoice(), a.sites(), findings, a.exclusions(), a.specialDeductions(),
                a.bonus(), a.score(), a.band(), a.certificateNumber(), a.decision(), a.timeline(), a.team(),
                a.programmeStep(), a.attachments(), a.correctiveActions(), a.correctiveActionsVerifiedAt(),
                a.version());
    }

    private static AuditView withoutFindings(AuditView v) {
        return new AuditView(v.id(), v.enterpriseId(), v.type(), v.status(), v.revision(), v.scheme(), v.sampleBase(),
                v.sampleSize(), v.randomSeed(), v.samplingAppropriate(), v.outstanding(), v.minimumAuditDays(),
                v.seedChoice(), v.sites(), null, null, null, null, v.score(), v.band(), v.certificateNumber(),
                v.decision(), v.timeline(), v.team(), v.programmeStep(), v.attachments(), v.correctiveActions(),
                v.correctiveActionsVerifiedAt(), v.version());
    }
}
