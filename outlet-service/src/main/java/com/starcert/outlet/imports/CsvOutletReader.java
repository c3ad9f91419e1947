package com.starcert.outlet.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.starcert.outlet.network.OutletForm;
import com.starcert.outlet.network.OutletKind;
import com.starcert.outlet.registry.AddressForm;
import com.starcert.outlet.registry.ContactForm;

/**
 * Reads outlets from CSV (RFC 4180: comma separated, fields with commas, quotes or line breaks in double quotes,
 * a quote doubled inside them; UTF-8, optional BOM, CRLF or LF). The first row names the columns, in any order;
 * see {@link #COLUMNS}. Values are trimmed; an empty optional cell takes the default.
 */
public final class CsvOutletReader {

    /** Column name → the outlet field it fills (the JSON path of {@code POST …/outlets}). */
    public static final Map<String, String> COLUMNS;
    /** Columns every file must have; the after-sales terms may be left out entirely. */
    public static final Set<String> REQUIRED = Set.of("name", "kind", "regionCode", "addressLine", "contactName",
            "contactPhone", "daysPerWeek", "hoursPerDay", "responseHours", "onSiteHours", "resolutionHours");
    /** Separators between free items in one cell (ASCII and full-width semicolon). */
    static final String ITEM_SEPARATORS = "[;；]";

    static {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("name", "name");
        c.put("kind", "kind");
        c.put("regionCode", "address.regionCode");
        c.put("addressLine", "address.line");
        c.put("contactName", "contact.name");
        c.put("contactPhone", "contact.phone");
        c.put("daysPerWeek", "serviceHours.daysPerWeek");
        c.put("hoursPerDay", "serviceHours.hoursPerDay");
        c.put("responseHours", "commitments.responseHours");
        c.put("onSiteHours", "commitments.onSiteHours");
        c.put("resolutionHours", "commitments.resolutionHours");
        c.put("periodicInspection", "periodicInspection");
        c.put("faultFinding", "faultFinding");
        c.put("postWarrantyTerms", "postWarranty.terms");
        c.put("postWarrantyCharges", "postWarranty.charges");
        c.put("freeItems", "freeItems");
        c.put("standInEquipment", "standInEquipment.offered");
        c.put("standInEquipmentDescription", "standInEquipment.description");
        c.put("openComplaints", "openComplaints");
        COLUMNS = java.util.Collections.unmodifiableMap(c);
    }

    private static final Map<String, String> COLUMN_OF_FIELD = new HashMap<>();

    static {
        COLUMNS.forEach((column, field) -> COLUMN_OF_FIELD.put(field, column));
    }

    /** The CSV column for a form field path ({@code freeItems[2]} → {@code freeItems}). */
    static final UnaryOperator<String> COLUMN = field -> {
        String plain = field.replaceAll("\\[\\d+]", "");
        return COLUMN_OF_FIELD.getOrDefault(plain, plain);
    };

    private CsvOutletReader() {
    }

    /** The rows of the file, or the problems of its header row (then no row is read); for tests and small files. */
    public static ImportFile read(String text, int maxRows) {
        List<ImportRow> rows = new ArrayList<>();
        try {
            List<ImportProblem> headerProblems = read(ImportText.of(text), row -> {
                if (rows.size() == maxRows) {
                    throw new RowLimit(row.row());
                }
                rows.add(row);
            });
            return new ImportFile(rows, headerProblems, false);
        } catch (RowLimit limit) {
            return ImportFile.tooMany(rows, limit.row, maxRows);
        }
    }

    /** Reading stopped at a row beyond the limit. */
    static final class RowLimit extends RuntimeException {
        final int row;

        RowLimit(int row) {
            super("row " + row + " is beyond the limit", null, false, false);
            this.row = row;
        }
    }

    /**
     * Reads the file row by row, handing each to {@code rows} as it is read; the problems of its header row, when
     * it has any (then no row is read).
     */
    static List<ImportProblem> read(ImportText text, Consumer<ImportRow> rows) {
        CsvRecords records = new CsvRecords(text);
        List<String> header = records.next();
        if (header == null) {
            return List.of(ImportProblem.of(1, "header", "the file is empty; the first row must name the columns"));
        }
        List<ImportProblem> headerProblems = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (!COLUMNS.containsKey(name)) {
                headerProblems.add(ImportProblem.of(1, name.isEmpty() ? "column " + (i + 1) : name,
                        "unknown column; the columns are " + COLUMNS.keySet()));
            } else if (index.putIfAbsent(name, i) != null) {
                headerProblems.add(ImportProblem.of(1, name, "column appears twice"));
            }
        }
        REQUIRED.stream().filter(r -> !index.containsKey(r)).sorted()
                .forEach(r -> headerProblems.add(ImportProblem.of(1, r, "required column is missing")));
        if (!headerProblems.isEmpty()) {
            return headerProblems;
        }
        while (true) {
            int line = records.line();
            List<String> cells = records.next();
            if (cells == null) {
                return List.of();
            }
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue; // an empty line, e.g. at the end of the file
            }
            rows.accept(row(line, cells, header.size(), index));
        }
    }

    private static ImportRow row(int line, List<String> cells, int width, Map<String, Integer> index) {
        List<ImportProblem> problems = new ArrayList<>();
        if (cells.size() != width) {
            problems.add(ImportProblem.of(line, "row", "has " + cells.size() + " cells, the header has " + width));
            return new ImportRow(line, null, problems, COLUMN);
        }
        Cells c = new Cells(line, cells, index, problems);
        OutletKind kind = c.kind();
        OutletForm form = new OutletForm(c.text("name"), kind,
                new AddressForm(c.text("regionCode"), c.text("addressLine")),
                new ContactForm(c.text("contactName"), c.text("contactPhone")),
                new OutletForm.Hours(c.integer("daysPerWeek"), c.integer("hoursPerDay")),
                new OutletForm.Commitments(c.integer("responseHours"), c.integer("onSiteHours"),
                        c.integer("resolutionHours")),
                c.bool("periodicInspection"), c.bool("faultFinding"),
                new OutletForm.PostWarrantyForm(c.text("postWarrantyTerms"), c.text("postWarrantyCharges")),
                c.items("freeItems"),
                new OutletForm.StandInForm(c.bool("standInEquipment"), c.text("standInEquipmentDescription")),
                c.integer("openComplaints"));
        return new ImportRow(line, form, problems, COLUMN);
    }

    /** The cells of one row by column name, converting as they are read and noting what cannot be converted. */
    private record Cells(int line, List<String> cells, Map<String, Integer> index, List<ImportProblem> problems) {

        String text(String column) {
            Integer i = index.get(column);
            if (i == null) {
                return null;
            }
            String value = cells.get(i).strip();
            return value.isEmpty() ? null : value;
        }

        Integer integer(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                problems.add(ImportProblem.of(line, column, "'" + value + "' is not a whole number"));
                return null;
            }
        }

        Boolean bool(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1", "是" -> {
                    return Boolean.TRUE;
                }
                case "false", "no", "n", "0", "否" -> {
                    return Boolean.FALSE;
                }
                default -> {
                    problems.add(ImportProblem.of(line, column, "'" + value + "' is not true or false"));
                    return null;
                }
            }
        }

        OutletKind kind() {
            String value = text("kind");
            if (value == null) {
                return null; // reported as required by the form's own check
            }
            try {
                return OutletKind.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(ImportProblem.of(line, "kind",
                        "'" + value + "' is not one of " + Arrays.toString(OutletKind.values())));
                return null;
            }
        }

        List<String> items(String column) {
            String value = text(column);
            return value == null ? null : Arrays.asList(value.split(ITEM_SEPARATORS));
        }
    }

    /**
     * Splits RFC 4180 text into records, remembering the line each record starts on. A cell keeps at most
     * {@link #MAX_CELL} characters and a record at most {@link #MAX_CELLS} cells (what is longer fails the field's
     * own length rule or the row's cell count anyway), so one endless cell cannot fill the memory.
     */
    static final class CsvRecords {
        static final int MAX_CELL = 4096;
        static final int MAX_CELLS = 1000;
        private final ImportText text;
        private int line = 1;

        CsvRecords(ImportText text) {
            this.text = text;
        }

        /** The line the next record starts on. */
        int line() {
            return line;
        }

        List<String> next() {
            if (text.peek() < 0) {
                return null;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            for (int c = text.read(); c >= 0; c = text.read()) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        if (text.peek() == '"') {
                            append(cell, '"');
                            text.read();
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        append(cell, ch);
                    }
                } else if (ch == '"' && !wasQuoted && cell.toString().isBlank()) {
                    quoted = true;
                    wasQuoted = true;
                    cell.setLength(0);
                } else if (ch == ',') {
                    add(cells, cell);
                    wasQuoted = false;
                } else if (ch == '\r' || ch == '\n') {
                    if (ch == '\r' && text.peek() == '\n') {
                        text.read();
                    }
                    line++;
                    add(cells, cell);
                    return cells;
                } else {
                    append(cell, ch);
                }
            }
            add(cells, cell);
            return cells;
        }

        private static void append(StringBuilder cell, char ch) {
            if (cell.length() <= MAX_CELL) {
                cell.append(ch);
            }
        }

        private static void add(List<String> cells, StringBuilder cell) {
            if (cells.size() <= MAX_CELLS) {
                cells.add(cell.toString());
            }
            cell.setLength(0);
        }
    }
}
