package com.starcert.outlet.imports;

import java.util.List;

/**
 * What an import file amounted to once read: its outlet rows, the problems of the file as a whole (a CSV header
 * naming unknown columns…; then no row is read), and whether it has more rows than an import takes.
 */
public record ImportFile(List<ImportRow> rows, List<ImportProblem> fileProblems, boolean tooManyRows) {
}
