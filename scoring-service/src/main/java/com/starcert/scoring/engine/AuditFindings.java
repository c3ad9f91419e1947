package com.starcert.scoring.engine;

import java.util.List;

import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.AuditSubmitted.Bonus;
import com.starcert.contracts.AuditSubmitted.Exclusion;
import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.SpecialDeduction;
import com.starcert.contracts.AuditedSite;

/**
 * What the scoring engine needs of a submitted audit: the audited sites, the findings per site and indicator,
 * the exclusions (删减), the special deductions (特别扣分项) and the optional bonus (特别加分项).
 * Missing lists are read as empty.
 */
public record AuditFindings(List<AuditedSite> sites, List<Finding> findings, List<Exclusion> exclusions,
                            List<SpecialDeduction> specialDeductions, Bonus bonus) {

    public AuditFindings {
        sites = sites == null ? List.of() : List.copyOf(nonNull(sites));
        findings = findings == null ? List.of() : List.copyOf(nonNull(findings));
        exclusions = exclusions == null ? List.of() : List.copyOf(nonNull(exclusions));
        specialDeductions = specialDeductions == null ? List.of() : List.copyOf(nonNull(specialDeductions));
    }

    public static AuditFindings of(AuditSubmitted audit) {
        return new AuditFindings(audit.sites(), audit.findings(), audit.exclusions(), audit.specialDeductions(),
                audit.bonus());
    }

    /** A null entry in a list of the event would make it unscorable; dropping it here would hide that. */
    private static <T> List<T> nonNull(List<T> list) {
        if (list.stream().anyMatch(java.util.Objects::isNull)) {
            throw new UnscorableAuditException(List.of("a list of the audit contains a null entry"));
        }
        return list;
    }
}
