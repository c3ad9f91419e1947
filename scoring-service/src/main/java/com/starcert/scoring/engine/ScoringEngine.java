package com.starcert.scoring.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.starcert.contracts.AuditSubmitted.Exclusion;
import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.Result;
import com.starcert.contracts.AuditedSite;
import com.starcert.contracts.Band;
import com.starcert.contracts.Scheme;

/**
 * The scoring rules of docs/domain.md §3 in one place, for any scheme:
 * <ul>
 *   <li>at each site where an indicator is assessed, c = 1 (conforming), 0 (nonconforming), or
 *       1 − nonconforming/checked for a sampled indicator; a site that marks the indicator not applicable drops out;</li>
 *   <li>indicator conformity = mean of c over its assessed sites; earned = points × conformity;</li>
 *   <li>an indicator excluded for the whole audit (删减) or not applicable at every site leaves the applicable total;</li>
 *   <li>score = 100 × Σearned ÷ Σapplicable − 1 per special deduction (特别扣分项) + 1 for the bonus (特别加分项),
 *       clamped to [0, 100], computed exactly and rounded <em>down</em> to one decimal; the band follows the shown
 *       score, so a displayed score never reaches a threshold the real one did not.</li>
 * </ul>
 * An audit that cannot be scored is refused as a whole with every reason found; nothing is half-scored.
 */
public final class ScoringEngine {

    public static final Rational SPECIAL_DEDUCTION_POINTS = Rational.ONE;
    public static final Rational BONUS_POINTS = Rational.ONE;
    public static final int SHOWN_SCALE = 1;

    private static final Rational HUNDRED = Rational.of(100);

    public ScoreCard score(Scheme scheme, AuditFindings audit) {
        List<String> problems = new ArrayList<>();
        Map<String, AuditedSite> sites = sites(audit.sites(), problems);
        boolean centralOnly = sites.size() == 1 && sites.values().iterator().next().central();
        Map<String, Scheme.Indicator> byCode = byCode(scheme);
        Map<String, String> exclusions = exclusions(byCode, audit.exclusions(), problems);
        Map<String, Finding> findings = findings(byCode, sites, centralOnly, exclusions, audit.findings(), problems);

        List<IndicatorScore> indicators = new ArrayList<>();
        for (Scheme.Indicator indicator : scheme.indicators()) {
            if (indicator.points() == null || indicator.points().signum() < 0) {
                problems.add("indicator " + indicator.code() + " of the scheme has no valid points");
                continue;
            }
            if (exclusions.containsKey(indicator.code())) {
                indicators.add(new IndicatorScore(indicator, true, exclusions.get(indicator.code()), null, null,
                        List.of()));
                continue;
            }
            indicators.add(assess(indicator, sites, centralOnly, findings, problems));
        }

        Rational applicableTotal = Rational.ZERO;
        Rational earnedTotal = Rational.ZERO;
        for (IndicatorScore line : indicators) {
            if (line.applicable()) {
                applicableTotal = applicableTotal.plus(line.points());
                earnedTotal = earnedTotal.plus(line.earned());
            }
        }
        if (problems.isEmpty() && applicableTotal.signum() <= 0) {
            problems.add("no indicator is applicable, so the applicable total is 0");
        }
        if (!problems.isEmpty()) {
            throw new UnscorableAuditException(problems);
        }

        Rational exact = HUNDRED.times(earnedTotal).dividedBy(applicableTotal)
                .minus(SPECIAL_DEDUCTION_POINTS.times(Rational.of(audit.specialDeductions().size())))
                .plus(audit.bonus() == null ? Rational.ZERO : BONUS_POINTS)
                .clamp(Rational.ZERO, HUNDRED);
        BigDecimal shown = exact.floor(SHOWN_SCALE);
        return new ScoreCard(scheme.ref(), exact, shown, Band.of(shown), applicableTotal, earnedTotal, indicators,
                audit.specialDeductions(), audit.bonus());
    }

    private static IndicatorScore assess(Scheme.Indicator indicator, Map<String, AuditedSite> sites,
                                         boolean centralOnly, Map<String, Finding> findings, List<String> problems) {
        List<SiteAssessment> assessments = new ArrayList<>();
        Rational sum = Rational.ZERO;
        int counted = 0;
        for (AuditedSite site : sites.values()) {
            if (!Scheme.assessedAt(indicator, site.central(), centralOnly)) {
                continue;
            }
            Finding finding = findings.get(key(site.siteId(), indicator.code()));
            if (finding == null) {
                problems.add("no finding for " + indicator.code() + " at site " + site.siteId());
                continue;
            }
            Rational c = conformity(indicator, finding);
            assessments.add(new SiteAssessment(site, finding, c));
            if (c != null) {
                sum = sum.plus(c);
                counted++;
            }
        }
        if (counted == 0) {
            return new IndicatorScore(indicator, false, null, null, null, assessments);
        }
        Rational conformity = sum.dividedBy(Rational.of(counted));
        return new IndicatorScore(indicator, false, null, conformity,
                Rational.of(indicator.points()).times(conformity), assessments);
    }

    /** c at one site; null when the site marked the indicator not applicable. Counts were checked beforehand. */
    static Rational conformity(Scheme.Indicator indicator, Finding finding) {
        if (finding.result() == Result.NOT_APPLICABLE) {
            return null;
        }
        if (indicator.sampled()) {
            if (finding.samplesChecked() == null || finding.samplesNonconforming() == null
                    || finding.samplesChecked() <= 0) {
                return Rational.ZERO; // already reported as a problem: the card is refused anyway
            }
            return Rational.ONE.minus(Rational.of(finding.samplesNonconforming(), finding.samplesChecked()));
        }
        return finding.result() == Result.CONFORMING ? Rational.ONE : Rational.ZERO;
    }

    private static Map<String, AuditedSite> sites(List<AuditedSite> list, List<String> problems) {
        Map<String, AuditedSite> sites = new LinkedHashMap<>();
        int central = 0;
        for (AuditedSite site : list) {
            if (site.siteId() == null || site.siteId().isBlank()) {
                problems.add("a site has no siteId");
                continue;
            }
            if (sites.putIfAbsent(site.siteId(), site) != null) {
                problems.add("site " + site.siteId() + " is listed twice");
            }
            if (site.central()) {
                central++;
            }
        }
        if (list.isEmpty()) {
            problems.add("the audit has no sites");
        } else if (central != 1) {
            problems.add("the audit must have exactly one central function site, found " + central);
        }
        return sites;
    }

    /** Indicators by code, looked up once per finding (an audit of 300 sites has thousands); first one wins. */
    private static Map<String, Scheme.Indicator> byCode(Scheme scheme) {
        Map<String, Scheme.Indicator> byCode = new HashMap<>();
        scheme.indicators().forEach(i -> byCode.putIfAbsent(i.code(), i));
        return byCode;
    }

    private static Map<String, String> exclusions(Map<String, Scheme.Indicator> indicators, List<Exclusion> list,
                                                  List<String> problems) {
        Map<String, String> exclusions = new HashMap<>();
        for (Exclusion exclusion : list) {
            if (exclusion.indicator() == null || !indicators.containsKey(exclusion.indicator())) {
                problems.add("exclusion of unknown indicator " + exclusion.indicator());
            } else if (exclusions.putIfAbsent(exclusion.indicator(), exclusion.justification()) != null) {
                problems.add("indicator " + exclusion.indicator() + " is excluded twice");
            }
        }
        return exclusions;
    }

    private static Map<String, Finding> findings(Map<String, Scheme.Indicator> indicators,
                                                 Map<String, AuditedSite> sites, boolean centralOnly,
                                                 Map<String, String> exclusions, List<Finding> list,
                                                 List<String> problems) {
        Map<String, Finding> findings = new HashMap<>();
        Set<String> reported = new HashSet<>();
        for (Finding finding : list) {
            String where = finding.indicator() + " at site " + finding.siteId();
            Scheme.Indicator indicator = finding.indicator() == null ? null : indicators.get(finding.indicator());
            AuditedSite site = finding.siteId() == null ? null : sites.get(finding.siteId());
            if (indicator == null) {
                problems.add("finding for unknown indicator " + where);
                continue;
            }
            if (site == null) {
                problems.add("finding for " + where + ", which is not a site of the audit");
                continue;
            }
            if (!Scheme.assessedAt(indicator, site.central(), centralOnly)) {
                problems.add("finding for " + where + ", where the scheme does not assess it");
                continue;
            }
            if (exclusions.containsKey(indicator.code())) {
                // the auditor may have assessed it before the CB excluded it (删减): the exclusion wins
                continue;
            }
            if (finding.result() == null) {
                problems.add("finding for " + where + " has no result");
                continue;
            }
            if (findings.putIfAbsent(key(site.siteId(), indicator.code()), finding) != null
                    && reported.add(key(site.siteId(), indicator.code()))) {
                problems.add("more than one finding for " + where);
            }
            checkCounts(indicator, finding, where, problems);
        }
        return findings;
    }

    /** Sample counts decide a sampled indicator, so they must be present and agree with the result. */
    private static void checkCounts(Scheme.Indicator indicator, Finding finding, String where, List<String> problems) {
        Integer checked = finding.samplesChecked();
        Integer nonconforming = finding.samplesNonconforming();
        if (checked != null || nonconforming != null) {
            if (checked == null || nonconforming == null || checked < 0 || nonconforming < 0
                    || nonconforming > checked) {
                problems.add("inconsistent sample counts for " + where + ": " + nonconforming
                        + " nonconforming of " + checked + " checked");
                return;
            }
        }
        if (!indicator.sampled() || finding.result() == Result.NOT_APPLICABLE) {
            return;
        }
        if (checked == null || checked == 0) {
            problems.add("sampled indicator " + where + " needs the number of samples checked (at least 1)");
        } else if (finding.result() == Result.CONFORMING && nonconforming > 0) {
            problems.add("inconsistent sample counts for " + where + ": CONFORMING with " + nonconforming
                    + " nonconforming samples");
        } else if (finding.result() == Result.NONCONFORMING && nonconforming == 0) {
            problems.add("inconsistent sample counts for " + where + ": NONCONFORMING without nonconforming samples");
        }
    }

    private static String key(String siteId, String indicator) {
        return siteId + "\u0000" + indicator;
    }
}
