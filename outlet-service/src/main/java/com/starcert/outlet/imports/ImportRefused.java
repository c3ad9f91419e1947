package com.starcert.outlet.imports;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 422: the file has bad rows and nothing of it was stored. {@code errors} lists every bad row with its row number,
 * column and reason: all problems up to a configured number, and beyond it the first problem of each further bad
 * row, so no bad row is ever left out while the answer stays bounded ({@code errorsTruncated} says when some
 * further problems of already-listed rows were left out; {@code errorCount} counts them all).
 */
public class ImportRefused extends ErrorResponseException {

    public ImportRefused(String detail, int rowsRead, long rowsInvalid, List<ImportProblem> problems, int maxListed) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, body(detail, rowsRead, rowsInvalid, problems, maxListed), null);
    }

    private static ProblemDetail body(String detail, int rowsRead, long rowsInvalid, List<ImportProblem> problems,
                                      int maxListed) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        body.setTitle("Import refused");
        body.setProperty("rowsRead", rowsRead);
        body.setProperty("rowsInvalid", rowsInvalid);
        body.setProperty("errorCount", problems.size());
        List<ImportProblem> listed = everyRow(problems, maxListed);
        body.setProperty("errorsTruncated", listed.size() < problems.size());
        body.setProperty("errors", listed);
        return body;
    }

    static List<ImportProblem> everyRow(List<ImportProblem> problems, int maxListed) {
        if (problems.size() <= maxListed) {
            return problems;
        }
        List<ImportProblem> listed = new java.util.ArrayList<>(problems.subList(0, Math.max(0, maxListed)));
        java.util.Set<Integer> rows = new java.util.HashSet<>();
        listed.forEach(p -> rows.add(p.row()));
        for (ImportProblem problem : problems.subList(listed.size(), problems.size())) {
            if (rows.add(problem.row())) {
                listed.add(problem);
            }
        }
        return listed;
    }
}
