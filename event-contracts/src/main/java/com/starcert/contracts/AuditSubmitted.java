package com.starcert.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * An audit's findings were submitted for scoring. {@code revision} starts at 1; a corrected resubmission
 * carries a higher revision and consumers keep only the latest revision's outcome.
 * <p>
 * An audit too large for one event (an unsampled network of thousands of sites, findings with long reasons) is
 * sent as {@code parts} events numbered {@code part} 1…n, in order on the enterprise's key, each within the size
 * the producer allows: every part names the audit, revision, holder, type and scheme; the sites and findings are
 * divided among the parts; exclusions, special deductions and bonus travel in part 1. A consumer waits for all
 * parts and {@link #assemble}s them. An event without {@code parts} (or with 1) is the whole submission.
 */
public record AuditSubmitted(
        String auditId,
        int revision,
        String enterpriseId,
        Holder holder,
        AuditType auditType,
        SchemeRef scheme,
        List<AuditedSite> sites,
        List<Finding> findings,
        List<Exclusion> exclusions,
        List<SpecialDeduction> specialDeductions,
        Bonus bonus,
        boolean outstanding,
        Instant submittedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer part,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer parts) implements IntegrationEvent {

    /** The whole submission in one event. */
    public AuditSubmitted(String auditId, int revision, String enterpriseId, Holder holder, AuditType auditType,
                          SchemeRef scheme, List<AuditedSite> sites, List<Finding> findings,
                          List<Exclusion> exclusions, List<SpecialDeduction> specialDeductions, Bonus bonus,
                          boolean outstanding, Instant submittedAt) {
        this(auditId, revision, enterpriseId, holder, auditType, scheme, sites, findings, exclusions,
                specialDeductions, bonus, outstanding, submittedAt, null, null);
    }

    /** Whether this event is the whole submission rather than one of its parts. */
    public boolean whole() {
        return parts == null || parts <= 1;
    }

    /**
     * The submission in {@code count} parts (1: itself): sites and findings divided evenly and in order, the rest
     * in part 1.
     */
    public List<AuditSubmitted> split(int count) {
        if (count <= 1) {
            return List.of(this);
        }
        List<AuditSubmitted> split = new java.util.ArrayList<>(count);
        List<AuditedSite> allSites = sites == null ? List.of() : sites;
        List<Finding> allFindings = findings == null ? List.of() : findings;
        for (int k = 0; k < count; k++) {
            boolean first = k == 0;
            split.add(new AuditSubmitted(auditId, revision, enterpriseId, holder, auditType, scheme,
                    slice(allSites, k, count), slice(allFindings, k, count), first ? exclusions : List.of(),
                    first ? specialDeductions : List.of(), first ? bonus : null, outstanding, submittedAt, k + 1,
                    count));
        }
        return split;
    }

    /**
     * The whole submission from all its parts, in any order; a part missing, repeated or of another submission is
     * a {@link MalformedEventException}.
     */
    public static AuditSubmitted assemble(List<AuditSubmitted> parts) {
        if (parts.isEmpty()) {
            throw new MalformedEventException("no parts to assemble");
        }
        List<AuditSubmitted> ordered = parts.stream()
                .sorted(java.util.Comparator.comparing(p -> p.part() == null ? 1 : p.part())).toList();
        AuditSubmitted first = ordered.get(0);
        int count = first.parts() == null ? 1 : first.parts();
        for (int k = 0; k < ordered.size(); k++) {
            AuditSubmitted p = ordered.get(k);
            int number = p.part() == null ? 1 : p.part();
            int of = p.parts() == null ? 1 : p.parts();
            if (number != k + 1 || of != count || !java.util.Objects.equals(p.auditId(), first.auditId())
                    || p.revision() != first.revision()) {
                throw new MalformedEventException("parts of audit " + first.auditId() + " revision "
                        + first.revision() + " do not make one submission (part " + number + " of " + of + ")");
            }
        }
        if (ordered.size() != count) {
            throw new MalformedEventException("audit " + first.auditId() + " revision " + first.revision() + " has "
                    + ordered.size() + " of its " + count + " parts");
        }
        List<AuditedSite> allSites = new java.util.ArrayList<>();
        List<Finding> allFindings = new java.util.ArrayList<>();
        for (AuditSubmitted p : ordered) {
            if (p.sites() != null) {
                allSites.addAll(p.sites());
            }
            if (p.findings() != null) {
                allFindings.addAll(p.findings());
            }
        }
        return new AuditSubmitted(first.auditId(), first.revision(), first.enterpriseId(), first.holder(),
                first.auditType(), first.scheme(), allSites, allFindings, first.exclusions(),
                first.specialDeductions(), first.bonus(), first.outstanding(), first.submittedAt());
    }

    private static <T> List<T> slice(List<T> all, int k, int count) {
        int from = (int) ((long) all.size() * k / count);
        int to = (int) ((long) all.size() * (k + 1) / count);
        return new java.util.ArrayList<>(all.subList(from, to));
    }

    public enum Result { CONFORMING, NONCONFORMING, NOT_APPLICABLE }

    /** 特别扣分项 categories. */
    public enum DeductionCategory { LEGAL, POLICY, INDUSTRY, SYSTEM }

    /** One indicator assessed at one site; sampled indicators carry the two sample counts. */
    public record Finding(String siteId, String indicator, Result result, String reason,
                          Integer samplesChecked, Integer samplesNonconforming) {
    }

    /** 删减: an indicator excluded for the whole audit. */
    public record Exclusion(String indicator, String justification) {
    }

    /** 特别扣分项: costs one point outside the indicator points and requires a corrective action. */
    public record SpecialDeduction(DeductionCategory category, String description) {
    }

    /** 特别加分项: at most one, adds one point. */
    public record Bonus(String description) {
    }

    @Override
    public String subject() {
        return auditId;
    }
}
