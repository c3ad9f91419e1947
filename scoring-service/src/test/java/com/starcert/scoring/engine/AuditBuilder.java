package com.starcert.scoring.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.starcert.contracts.AuditSubmitted.Bonus;
import com.starcert.contracts.AuditSubmitted.DeductionCategory;
import com.starcert.contracts.AuditSubmitted.Exclusion;
import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.Result;
import com.starcert.contracts.AuditSubmitted.SpecialDeduction;
import com.starcert.contracts.AuditedSite;
import com.starcert.contracts.Scheme;

/** Builds audit findings for tests: every assessed indicator conforming unless a test says otherwise. */
final class AuditBuilder {

    static final String CENTRAL = "HQ";

    private final Scheme scheme;
    private final List<AuditedSite> sites = new ArrayList<>();
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final List<Exclusion> exclusions = new ArrayList<>();
    private final List<SpecialDeduction> deductions = new ArrayList<>();
    private Bonus bonus;

    private AuditBuilder(Scheme scheme, int outlets) {
        this.scheme = scheme;
        sites.add(new AuditedSite(CENTRAL, "o-hq", true, "总部 Headquarters", "350100", "1 Main St"));
        for (int i = 1; i <= outlets; i++) {
            sites.add(new AuditedSite(outlet(i), "o-" + i, false, "网点 " + i, "350100", i + " Side St"));
        }
        boolean centralOnly = outlets == 0;
        for (AuditedSite site : sites) {
            for (Scheme.Indicator indicator : scheme.indicators()) {
                if (Scheme.assessedAt(indicator, site.central(), centralOnly)) {
                    findings.put(key(site.siteId(), indicator.code()), new Finding(site.siteId(), indicator.code(),
                            Result.CONFORMING, null, indicator.sampled() ? 5 : null, indicator.sampled() ? 0 : null));
                }
            }
        }
    }

    static AuditBuilder audit(Scheme scheme, int outlets) {
        return new AuditBuilder(scheme, outlets);
    }

    static AuditBuilder defaultAudit(int outlets) {
        return audit(Scheme.defaultScheme(), outlets);
    }

    static String outlet(int i) {
        return "S" + i;
    }

    AuditBuilder nonconforming(String siteId, String indicator) {
        return finding(new Finding(siteId, indicator, Result.NONCONFORMING, "not met", null, null));
    }

    AuditBuilder sampled(String siteId, String indicator, int checked, int nonconforming) {
        return finding(new Finding(siteId, indicator, nonconforming == 0 ? Result.CONFORMING : Result.NONCONFORMING,
                nonconforming + " of " + checked + " records deficient", checked, nonconforming));
    }

    AuditBuilder notApplicable(String siteId, String indicator) {
        return finding(new Finding(siteId, indicator, Result.NOT_APPLICABLE, "no such service here", null, null));
    }

    AuditBuilder finding(Finding finding) {
        findings.put(key(finding.siteId(), finding.indicator()), finding);
        return this;
    }

    AuditBuilder without(String siteId, String indicator) {
        findings.remove(key(siteId, indicator));
        return this;
    }

    AuditBuilder exclude(String indicator) {
        exclusions.add(new Exclusion(indicator, "the enterprise sells no products needing " + indicator));
        findings.keySet().removeIf(k -> k.endsWith("|" + indicator));
        return this;
    }

    AuditBuilder deduction() {
        deductions.add(new SpecialDeduction(DeductionCategory.LEGAL, "breach #" + (deductions.size() + 1)));
        return this;
    }

    AuditBuilder bonus() {
        bonus = new Bonus("industry-leading 24 h resolution");
        return this;
    }

    AuditBuilder site(AuditedSite site) {
        sites.add(site);
        return this;
    }

    List<Finding> findings() {
        return List.copyOf(findings.values());
    }

    AuditFindings build() {
        return new AuditFindings(sites, List.copyOf(findings.values()), exclusions, deductions, bonus);
    }

    ScoreCard score() {
        return new ScoringEngine().score(scheme, build());
    }

    private static String key(String siteId, String indicator) {
        return siteId + "|" + indicator;
    }
}
