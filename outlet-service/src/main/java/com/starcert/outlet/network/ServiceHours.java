package com.starcert.outlet.network;

import java.util.ArrayList;
import java.util.List;

import com.starcert.outlet.registry.InvalidValueException;
import com.starcert.support.problem.FieldProblem;

/** Service days per week and hours per day (服务时间), as tenders ask for them. */
public record ServiceHours(int daysPerWeek, int hoursPerDay) {

    public ServiceHours {
        List<FieldProblem> problems = problems(daysPerWeek, hoursPerDay);
        if (!problems.isEmpty()) {
            throw new InvalidValueException(problems.get(0).field() + " " + problems.get(0).reason());
        }
    }

    /** Every problem of the two values, by field name; a missing value is reported as required. */
    public static List<FieldProblem> problems(Integer daysPerWeek, Integer hoursPerDay) {
        List<FieldProblem> problems = new ArrayList<>();
        range(problems, "daysPerWeek", daysPerWeek, 1, 7);
        range(problems, "hoursPerDay", hoursPerDay, 1, 24);
        return problems;
    }

    private static void range(List<FieldProblem> problems, String field, Integer value, int min, int max) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value < min || value > max) {
            problems.add(new FieldProblem(field, "must be between " + min + " and " + max));
        }
    }
}
