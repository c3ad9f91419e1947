package com.starcert.outlet.imports;

import java.util.List;

/**
 * What an import file amounted to once read: its outlet rows, the problems of the file as a whole (a CSV header
 * naming unknown columns…; then no row is read), and whether it has more rows than an import takes.
 */
public record ImportFile(List<ImportRow> rows, List<ImportProblem> fileProblems, boolean tooManyRows) {

    /** Reading stopped at {@code row}, the first row beyond {@code maxRows}. */
    static ImportFile tooMany(List<ImportRow> rows, int row, int maxRows) {
        return new ImportFile(rows, List.of(ImportProblem.of(row, "file",
                "an import takes at most " + maxRows + " outlet rows; split the file")), true);
    }
}
