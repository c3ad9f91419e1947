package com.starcert.outlet.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.starcert.outlet.network.OutletForm;
import com.starcert.support.problem.FieldProblem;
import com.starcert.support.problem.JsonProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads outlets from NDJSON: one JSON object per line, shaped like the body of {@code POST …/outlets}; blank lines
 * are skipped (and still counted, so row numbers are line numbers). A line that is not such an object yields one
 * problem naming the first field that could not be read.
 */
public final class NdjsonOutletReader {

    private static final UnaryOperator<String> SAME_PATH = UnaryOperator.identity();
    static final int MAX_LINE = 64 * 1024;

    private NdjsonOutletReader() {
    }

    /** For tests and small files: every row, or the rows up to the first beyond {@code maxRows}. */
    public static ImportFile read(String text, int maxRows, ObjectMapper mapper) {
        List<ImportRow> rows = new ArrayList<>();
        try {
            read(ImportText.of(text), mapper, row -> {
                if (rows.size() == maxRows) {
                    throw new CsvOutletReader.RowLimit(row.row());
                }
                rows.add(row);
            });
            return new ImportFile(rows, List.of(), false);
        } catch (CsvOutletReader.RowLimit limit) {
            return ImportFile.tooMany(rows, limit.row, maxRows);
        }
    }

    /**
     * Reads the file line by line, handing each row to {@code rows} as it is read. A line keeps at most
     * {@link #MAX_LINE} characters; a longer one is a problem of its row, not a reason to hold it whole.
     */
    static void read(ImportText text, ObjectMapper mapper, Consumer<ImportRow> rows) {
        StringBuilder line = new StringBuilder();
        int lineNumber = 0;
        while (text.peek() >= 0) {
            lineNumber++;
            line.setLength(0);
            boolean tooLong = false;
            for (int c = text.read(); c >= 0 && c != '\n'; c = text.read()) {
                if (line.length() < MAX_LINE) {
                    line.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            if (lineNumber == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
                line.deleteCharAt(0);
            }
            if (tooLong) {
                rows.accept(new ImportRow(lineNumber, null, List.of(ImportProblem.of(lineNumber, "$",
                        "the line is longer than " + MAX_LINE + " characters")), SAME_PATH));
                continue;
            }
            String json = line.toString();
            if (json.isBlank()) {
                continue;
            }
            rows.accept(row(lineNumber, json.strip(), mapper));
        }
    }

    static ImportRow row(int line, String json, ObjectMapper mapper) {
        if (!json.startsWith("{")) {
            return new ImportRow(line, null, List.of(ImportProblem.of(line, "$", "must be a JSON object")), SAME_PATH);
        }
        try {
            return new ImportRow(line, mapper.readValue(json, OutletForm.class), List.of(), SAME_PATH);
        } catch (JacksonException e) {
            FieldProblem problem = JsonProblem.of(e);
            return new ImportRow(line, null, List.of(ImportProblem.of(line, problem.field(), problem.reason())),
                    SAME_PATH);
        }
    }
}
