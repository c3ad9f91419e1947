package com.starcert.outlet.imports;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 422: the file has bad rows and nothing of it was stored. {@code errors} lists each problem with its row and
 * column (up to a configured number; {@code errorsTruncated} says when more were found than listed).
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
        body.setProperty("errorsTruncated", problems.size() > maxListed);
        body.setProperty("errors", problems.size() > maxListed ? problems.subList(0, maxListed) : problems);
        return body;
    }
}
