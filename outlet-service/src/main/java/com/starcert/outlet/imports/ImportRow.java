package com.starcert.outlet.imports;

import java.util.List;
import java.util.function.UnaryOperator;

import com.starcert.outlet.network.OutletForm;

/**
 * One outlet row as read from a file, before the registry rules are applied: the form it amounts to (null when
 * the row could not be read at all), the problems found while reading it (a number that is not a number…), and
 * how a field path of the form is called in this file (a CSV column, or the same path in NDJSON).
 */
public record ImportRow(int row, OutletForm form, List<ImportProblem> readProblems, UnaryOperator<String> column) {
}
