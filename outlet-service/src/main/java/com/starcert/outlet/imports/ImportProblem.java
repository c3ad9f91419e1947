package com.starcert.outlet.imports;

/**
 * One thing wrong with one row of an import file. {@code row} is the line of the file where the row starts
 * (in a CSV file the header is row 1, the first outlet row 2; in NDJSON the first line is row 1); {@code column}
 * is the CSV header name or the NDJSON field path; {@code field} repeats both for clients that only read
 * {@code errors[].field}, as every other StarCert problem has it.
 */
public record ImportProblem(int row, String column, String field, String reason) {

    public static ImportProblem of(int row, String column, String reason) {
        return new ImportProblem(row, column, "row " + row + ": " + column, reason);
    }
}
