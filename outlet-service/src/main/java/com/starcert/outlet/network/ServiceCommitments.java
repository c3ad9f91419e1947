package com.starcert.outlet.network;

import java.util.ArrayList;
import java.util.List;

import com.starcert.outlet.registry.InvalidValueException;
import com.starcert.support.problem.FieldProblem;

/**
 * Committed times in whole hours (服务承诺): respond (响应), arrive on site (到达现场) and resolve (解决).
 * Neither responding nor arriving can be promised later than resolving, e.g. 2 h / 4 h / 24 h.
 */
public record ServiceCommitments(int responseHours, int onSiteHours, int resolutionHours) {

    public ServiceCommitments {
        List<FieldProblem> problems = problems(responseHours, onSiteHours, resolutionHours);
        if (!problems.isEmpty()) {
            throw new InvalidValueException(problems.get(0).field() + " " + problems.get(0).reason());
        }
    }

    /** Every problem of the three values, by field name; the ordering rules are checked once all are positive. */
    public static List<FieldProblem> problems(Integer responseHours, Integer onSiteHours, Integer resolutionHours) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean response = positive(problems, "responseHours", responseHours);
        boolean onSite = positive(problems, "onSiteHours", onSiteHours);
        boolean resolution = positive(problems, "resolutionHours", resolutionHours);
        if (resolution && response && responseHours > resolutionHours) {
            problems.add(new FieldProblem("responseHours", "must not exceed resolutionHours (" + resolutionHours + ")"));
        }
        if (resolution && onSite && onSiteHours > resolutionHours) {
            problems.add(new FieldProblem("onSiteHours", "must not exceed resolutionHours (" + resolutionHours + ")"));
        }
        return problems;
    }

    private static boolean positive(List<FieldProblem> problems, String field, Integer value) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required"));
            return false;
        }
        if (value <= 0) {
            problems.add(new FieldProblem(field, "must be a positive number of hours"));
            return false;
        }
        return true;
    }
}
