package com.starcert.audit.submission;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.starcert.audit.planning.PlannedSite;
import com.starcert.contracts.AuditSubmitted.Exclusion;
import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.Result;
import com.starcert.contracts.Scheme;
import com.starcert.support.problem.FieldProblem;

/**
 * Whether an audit can go to scoring: every indicator assessed at every site of the plan (indicators excluded
 * for the whole audit are skipped), and something left to score.
 */
public final class SubmissionCheck {

    private SubmissionCheck() {
    }

    /** Every (site, indicator) still to assess, as {@code sites[S01].SYS-STAFF: not assessed}, in plan order. */
    public static List<FieldProblem> missing(List<PlannedSite> sites, Scheme scheme, List<Finding> findings,
                                             List<Exclusion> exclusions) {
        boolean centralOnly = sites.stream().allMatch(PlannedSite::central);
        Set<String> excluded = excluded(exclusions);
        Set<String> assessed = new HashSet<>();
        findings.forEach(f -> assessed.add(f.siteId() + "|" + f.indicator()));
        List<FieldProblem> missing = new ArrayList<>();
        for (PlannedSite site : sites) {
            for (Scheme.Indicator indicator : scheme.indicators()) {
                if (!excluded.contains(indicator.code())
                        && Scheme.assessedAt(indicator, site.central(), centralOnly)
                        && !assessed.contains(site.siteId() + "|" + indicator.code())) {
                    missing.add(new FieldProblem("sites[" + site.siteId() + "]." + indicator.code(), "not assessed"));
                }
            }
        }
        return missing;
    }

    /**
     * Findings that contradict the rest of the audit: a site or indicator the plan or the pinned scheme does not
     * have (findings of an indicator excluded afterwards are kept; scoring ignores them).
     */
    public static List<FieldProblem> inconsistent(List<PlannedSite> sites, Scheme scheme, List<Finding> findings,
                                                  List<Exclusion> exclusions) {
        Set<String> siteIds = new HashSet<>();
        sites.forEach(s -> siteIds.add(s.siteId()));
        List<FieldProblem> problems = new ArrayList<>();
        for (Finding f : findings) {
            String field = "sites[" + f.siteId() + "]." + f.indicator();
            if (!siteIds.contains(f.siteId())) {
                problems.add(new FieldProblem(field, "site is not in the site plan"));
            } else if (scheme.indicator(f.indicator()).isEmpty()) {
                problems.add(new FieldProblem(field, "not an indicator of " + scheme.id() + " version "
                        + scheme.version()));
            }
        }
        return problems;
    }

    /**
     * True when no indicator is left to score: each one is excluded or found not applicable wherever it was
     * assessed, so the applicable total would be zero.
     */
    public static boolean nothingToScore(Scheme scheme, List<Finding> findings, List<Exclusion> exclusions) {
        Set<String> excluded = excluded(exclusions);
        return findings.stream()
                .filter(f -> !excluded.contains(f.indicator()))
                .filter(f -> scheme.indicator(f.indicator()).isPresent())
                .noneMatch(f -> f.result() != Result.NOT_APPLICABLE);
    }

    private static Set<String> excluded(List<Exclusion> exclusions) {
        Set<String> excluded = new HashSet<>();
        exclusions.forEach(e -> excluded.add(e.indicator()));
        return excluded;
    }
}
