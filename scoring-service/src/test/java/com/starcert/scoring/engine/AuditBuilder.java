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
public final class AuditBuilder {

    public static final String CENTRAL = "HQ";
    /** Read once: parsing the scheme file for every generated audit made the properties slow. */
    public static final Scheme DEFAULT_SCHEME = Scheme.defaultScheme();

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

    public static AuditBuilder audit(Scheme scheme, int outlets) {
        return new AuditBuilder(scheme, outlets);
    }

    public static AuditBuilder defaultAudit(int outlets) {
        return audit(DEFAULT_SCHEME, outlets);
    }

    public static String outlet(int i) {
        return "S" + i;
    }

    public AuditBuilder nonconforming(String siteId, String indicator) {
        return finding(new Finding(siteId, indicator, Result.NONCONFORMING, "not met", null, null));
    }

    public AuditBuilder sampled(String siteId, String indicator, int checked, int nonconforming) {
        return finding(new Finding(siteId, indicator, nonconforming == 0 ? Result.CONFORMING : Result.NONCONFORMING,
                nonconforming + " of " + checked + " records deficient", checked, nonconforming));
    }

    AuditBuilder notApplicable(String siteId, String indicator) {
        return finding(new Finding(siteId, indicator, Result.NOT_APPLICABLE, "no such service here", null, null));
    }

    public AuditBuilder finding(Finding finding) {
        findings.put(key(finding.siteId(), finding.indicator()), finding);
        return this;
    }

    public AuditBuilder without(String siteId, String indicator) {
        findings.remove(key(siteId, indicator));
        return this;
    }

    public AuditBuilder exclude(String indicator) {
        exclusions.add(new Exclusion(indicator, "the enterprise sells no products needing " + indicator));
        findings.keySet().removeIf(k -> k.endsWith("|" + indicator));
        return this;
    }

    /** Excludes an indicator but keeps whatever findings were already recorded for it. */
    public AuditBuilder excludeAfterAssessing(String indicator) {
        exclusions.add(new Exclusion(indicator, "excluded by the CB after the site visits"));
        return this;
    }

    public AuditBuilder deduction() {
        deductions.add(new SpecialDeduction(DeductionCategory.LEGAL, "breach #" + (deductions.size() + 1)));
        return this;
    }

    public AuditBuilder bonus() {
        bonus = new Bonus("industry-leading 24 h resolution");
        return this;
    }

    public AuditBuilder site(AuditedSite site) {
        sites.add(site);
        return this;
    }

    public List<Finding> findings() {
        return List.copyOf(findings.values());
    }

    public AuditFindings build() {
        return new AuditFindings(sites, List.copyOf(findings.values()), exclusions, deductions, bonus);
    }

    public ScoreCard score() {
        return new ScoringEngine().score(scheme, build());
    }

    /** The audit as the event audit-service publishes. */
    public com.starcert.contracts.AuditSubmitted toEvent(String auditId, int revision, String enterpriseId) {
        return new com.starcert.contracts.AuditSubmitted(auditId, revision, enterpriseId,
                new com.starcert.contracts.Holder("厦门星级服务有限公司", "91350100M000100Y43"),
                com.starcert.contracts.AuditType.INITIAL, scheme.ref(), List.copyOf(sites),
                List.copyOf(findings.values()), List.copyOf(exclusions), List.copyOf(deductions), bonus, false,
                java.time.Instant.parse("2026-11-20T08:00:00Z"));
    }

    private static String key(String siteId, String indicator) {
        return siteId + "|" + indicator;
    }
}
