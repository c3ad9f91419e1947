package com.starcert.audit.findings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.starcert.audit.findings.FindingsRequest.DeductionInput;
import com.starcert.audit.findings.FindingsRequest.ExclusionInput;
import com.starcert.audit.findings.FindingsRequest.FindingInput;
import com.starcert.audit.planning.PlannedSite;
import com.starcert.contracts.AuditSubmitted.Bonus;
import com.starcert.contracts.AuditSubmitted.DeductionCategory;
import com.starcert.contracts.AuditSubmitted.Exclusion;
import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.Result;
import com.starcert.contracts.AuditSubmitted.SpecialDeduction;
import com.starcert.contracts.Scheme;
import com.starcert.support.problem.FieldProblem;
import com.starcert.support.problem.FreeText;

/**
 * Checks findings against the audit's site plan and pinned scheme and lists every bad item with its JSON path.
 * Sample counts are kept only on sampled indicators (the scoring of a qualitative indicator ignores them).
 */
public final class FindingsRules {

    private FindingsRules() {
    }

    /** Either problems (nothing to record) or the update to merge. */
    public record Checked(List<FieldProblem> problems, FindingsUpdate update) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Checked check(FindingsRequest request, List<PlannedSite> sites, Scheme scheme) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, PlannedSite> bySiteId = new LinkedHashMap<>();
        sites.forEach(s -> bySiteId.put(s.siteId(), s));
        boolean centralOnly = sites.stream().allMatch(PlannedSite::central);

        List<Finding> findings = new ArrayList<>();
        List<FindingNote> notes = new ArrayList<>();
        List<FindingInput> inputs = request.findings() == null ? List.of() : request.findings();
        for (int i = 0; i < inputs.size(); i++) {
            Finding f = finding("findings[" + i + "]", inputs.get(i), bySiteId, centralOnly, scheme, problems);
            if (f != null) {
                findings.add(f);
                if (!blank(inputs.get(i).evidence())) {
                    notes.add(new FindingNote(f.siteId(), f.indicator(), inputs.get(i).evidence().trim()));
                }
            }
        }

        List<Exclusion> exclusions = null;
        if (request.exclusions() != null) {
            Map<String, Exclusion> byIndicator = new LinkedHashMap<>();
            for (int i = 0; i < request.exclusions().size(); i++) {
                Exclusion e = exclusion("exclusions[" + i + "]", request.exclusions().get(i), scheme, problems);
                if (e != null) {
                    byIndicator.put(e.indicator(), e);
                }
            }
            exclusions = List.copyOf(byIndicator.values());
        }

        List<SpecialDeduction> deductions = null;
        if (request.specialDeductions() != null) {
            deductions = new ArrayList<>();
            for (int i = 0; i < request.specialDeductions().size(); i++) {
                SpecialDeduction d = deduction("specialDeductions[" + i + "]", request.specialDeductions().get(i),
                        problems);
                if (d != null) {
                    deductions.add(d);
                }
            }
        }

        Bonus bonus = null;
        boolean clearBonus = false;
        tools.jackson.databind.JsonNode bonusNode = request.bonus();
        if (bonusNode == null) {
            // left out: the recorded bonus is kept
        } else if (bonusNode.isNull()) {
            clearBonus = true; // "bonus": null
        } else if (!bonusNode.isObject()) {
            problems.add(new FieldProblem("bonus", "must be an object {description} or null"));
        } else if (!bonusNode.path("description").isString() || blank(bonusNode.path("description").stringValue())) {
            problems.add(new FieldProblem("bonus.description", "is required"));
        } else if (FreeText.fits("bonus.description", bonusNode.path("description").stringValue(), problems)) {
            bonus = new Bonus(bonusNode.path("description").stringValue().trim());
        }
        return new Checked(bounded(problems), problems.isEmpty()
                ? new FindingsUpdate(List.copyOf(findings), exclusions, deductions, bonus, clearBonus, notes) : null);
    }

    /** Problems named one by one in an answer; beyond them one more entry counts the rest. */
    static final int NAMED_PROBLEMS = 100;

    /**
     * A request naming thousands of unknown sites gets a bounded answer: the first {@value #NAMED_PROBLEMS} problems
     * with their paths, then how many more there are.
     */
    static List<FieldProblem> bounded(List<FieldProblem> problems) {
        if (problems.size() <= NAMED_PROBLEMS) {
            return List.copyOf(problems);
        }
        List<FieldProblem> named = new ArrayList<>(problems.subList(0, NAMED_PROBLEMS));
        named.add(new FieldProblem("$", (problems.size() - NAMED_PROBLEMS) + " more problems of the same request "
                + "are not listed; correct the ones above and send it again"));
        return List.copyOf(named);
    }

    private static Finding finding(String path, FindingInput in, Map<String, PlannedSite> sites, boolean centralOnly,
                                   Scheme scheme, List<FieldProblem> problems) {
        if (in == null) {
            problems.add(new FieldProblem(path, "must be an object"));
            return null;
        }
        int before = problems.size();
        PlannedSite site = null;
        if (blank(in.siteId())) {
            problems.add(new FieldProblem(path + ".siteId", "is required"));
        } else {
            site = sites.get(in.siteId());
            if (site == null) {
                problems.add(new FieldProblem(path + ".siteId", "'" + in.siteId() + "' is not in the site plan "
                        + sites.keySet()));
            }
        }
        Scheme.Indicator indicator = null;
        if (blank(in.indicator())) {
            problems.add(new FieldProblem(path + ".indicator", "is required"));
        } else {
            Optional<Scheme.Indicator> known = scheme.indicator(in.indicator());
            if (known.isEmpty()) {
                problems.add(new FieldProblem(path + ".indicator", "'" + in.indicator() + "' is not an indicator of "
                        + scheme.id() + " version " + scheme.version()));
            } else {
                indicator = known.get();
                if (site != null && !Scheme.assessedAt(indicator, site.central(), centralOnly)) {
                    problems.add(new FieldProblem(path + ".indicator", indicator.code() + " is not assessed at "
                            + (site.central() ? "the central function" : "outlets") + " (scope "
                            + indicator.scope() + ")"));
                }
            }
        }
        Result result = null;
        if (blank(in.result())) {
            problems.add(new FieldProblem(path + ".result", "is required (one of CONFORMING, NONCONFORMING, NOT_APPLICABLE)"));
        } else {
            result = enumValue(Result.class, in.result());
            if (result == null) {
                problems.add(new FieldProblem(path + ".result",
                        "'" + in.result() + "' is not one of CONFORMING, NONCONFORMING, NOT_APPLICABLE"));
            }
        }
        if ((result == Result.NONCONFORMING || result == Result.NOT_APPLICABLE) && blank(in.reason())) {
            problems.add(new FieldProblem(path + ".reason", "is required when the result is " + result));
        }
        FreeText.fits(path + ".reason", in.reason(), problems);
        FreeText.fits(path + ".evidence", in.evidence(), problems);
        boolean sampled = indicator != null && indicator.sampled() && result != null
                && result != Result.NOT_APPLICABLE;
        if (sampled) {
            Integer checked = in.samplesChecked();
            Integer bad = in.samplesNonconforming();
            if (checked == null || checked < 1) {
                problems.add(new FieldProblem(path + ".samplesChecked",
                        "must be at least 1: " + indicator.code() + " is a sampled indicator"));
            }
            if (bad == null || bad < 0) {
                problems.add(new FieldProblem(path + ".samplesNonconforming",
                        "must be 0 or more: " + indicator.code() + " is a sampled indicator"));
            } else if (checked != null && checked >= 1 && bad > checked) {
                problems.add(new FieldProblem(path + ".samplesNonconforming",
                        "cannot exceed samplesChecked (" + checked + ")"));
            } else if (result == Result.CONFORMING && bad != 0) {
                problems.add(new FieldProblem(path + ".samplesNonconforming",
                        "must be 0 when the result is CONFORMING"));
            } else if (result == Result.NONCONFORMING && bad == 0) {
                problems.add(new FieldProblem(path + ".samplesNonconforming",
                        "must be at least 1 when the result is NONCONFORMING"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Finding(site.siteId(), indicator.code(), result, trimToNull(in.reason()),
                sampled ? in.samplesChecked() : null, sampled ? in.samplesNonconforming() : null);
    }

    private static Exclusion exclusion(String path, ExclusionInput in, Scheme scheme, List<FieldProblem> problems) {
        if (in == null) {
            problems.add(new FieldProblem(path, "must be an object"));
            return null;
        }
        int before = problems.size();
        if (blank(in.indicator())) {
            problems.add(new FieldProblem(path + ".indicator", "is required"));
        } else if (scheme.indicator(in.indicator()).isEmpty()) {
            problems.add(new FieldProblem(path + ".indicator", "'" + in.indicator() + "' is not an indicator of "
                    + scheme.id() + " version " + scheme.version()));
        }
        FreeText.fits(path + ".justification", in.justification(), problems);
        if (blank(in.justification())) {
            problems.add(new FieldProblem(path + ".justification", "is required: an exclusion (删减) must be justified"));
        }
        return problems.size() > before ? null : new Exclusion(in.indicator(), in.justification().trim());
    }

    private static SpecialDeduction deduction(String path, DeductionInput in, List<FieldProblem> problems) {
        if (in == null) {
            problems.add(new FieldProblem(path, "must be an object"));
            return null;
        }
        int before = problems.size();
        DeductionCategory category = null;
        if (blank(in.category())) {
            problems.add(new FieldProblem(path + ".category", "is required (one of LEGAL, POLICY, INDUSTRY, SYSTEM)"));
        } else {
            category = enumValue(DeductionCategory.class, in.category());
            if (category == null) {
                problems.add(new FieldProblem(path + ".category",
                        "'" + in.category() + "' is not one of LEGAL, POLICY, INDUSTRY, SYSTEM"));
            }
        }
        FreeText.fits(path + ".description", in.description(), problems);
        if (blank(in.description())) {
            problems.add(new FieldProblem(path + ".description", "is required"));
        }
        return problems.size() > before ? null : new SpecialDeduction(category, in.description().trim());
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimToNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
