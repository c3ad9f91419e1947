package com.starcert.contracts;

import java.time.Instant;
import java.util.List;

/**
 * An audit's findings were submitted for scoring. {@code revision} starts at 1; a corrected resubmission
 * carries a higher revision and consumers keep only the latest revision's outcome.
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
        Instant submittedAt) implements IntegrationEvent {

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
