package com.starcert.outlet.imports;

import java.util.ArrayList;
import java.util.List;
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

    private NdjsonOutletReader() {
    }

    public static ImportFile read(String text, int maxRows, ObjectMapper mapper) {
        List<ImportRow> rows = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            lineNumber++;
            String line = text.substring(start, end);
            start = end + 1;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            if (rows.size() == maxRows) {
                return ImportFile.tooMany(rows, lineNumber, maxRows);
            }
            rows.add(row(lineNumber, line.strip(), mapper));
        }
        return new ImportFile(rows, List.of(), false);
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
