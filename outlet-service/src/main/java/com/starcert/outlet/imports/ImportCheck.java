package com.starcert.outlet.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.starcert.outlet.network.OutletKind;
import com.starcert.outlet.network.OutletProfile;
import com.starcert.outlet.registry.Violations;
import com.starcert.support.problem.FieldProblem;

/**
 * Applies the registry's rules to every row of an import file before anything is stored: each row on its own
 * (the same rules as {@code POST …/outlets}), then the rules across rows — one outlet per name and address, within
 * the file and against the enterprise's stored outlets, and at most one open headquarters. A file is taken whole
 * or not at all, so the outcome either has no problem or lists every one.
 */
public final class ImportCheck {

    private ImportCheck() {
    }

    /** A row that passed, with the outlet it describes. */
    public record ValidRow(int row, OutletProfile profile) {
    }

    /**
     * @param validRows how many rows passed
     * @param valid     the rows that passed, when they were collected ({@link #check(ImportFile, Set, boolean)});
     *                  empty when a file was checked as it was read ({@link Rows})
     */
    public record Outcome(int rowsRead, int validRows, List<ValidRow> valid, List<ImportProblem> problems) {

        public boolean clean() {
            return problems.isEmpty();
        }

        /** Rows with at least one problem. */
        public long rowsInvalid() {
            return problems.stream().mapToInt(ImportProblem::row).distinct().count();
        }
    }

    /**
     * @param storedKeys           {@link OutletProfile#nameAddressKey()} of every outlet the enterprise has
     * @param hasOpenHeadquarters  whether the enterprise already has a headquarters that is not closed
     */
    public static Outcome check(ImportFile file, Set<String> storedKeys, boolean hasOpenHeadquarters) {
        List<ValidRow> valid = new ArrayList<>();
        Rows rows = new Rows(storedKeys, hasOpenHeadquarters, file.fileProblems(), valid::add);
        file.rows().forEach(rows);
        Outcome outcome = rows.outcome();
        return new Outcome(outcome.rowsRead(), outcome.validRows(), valid, outcome.problems());
    }

    /**
     * The rules applied to the rows one at a time as the file is read, so that only what the rules across rows
     * need (the name-and-address keys seen) is kept; each row that passes goes to {@code valid}.
     */
    public static final class Rows implements Consumer<ImportRow> {
        private final Set<String> storedKeys;
        private final boolean hasOpenHeadquarters;
        private final Consumer<ValidRow> valid;
        private final List<ImportProblem> problems;
        private final Map<String, Integer> firstRowOfKey = new HashMap<>();
        private Integer firstHeadquarters;
        private int rowsRead;
        private int validRows;

        public Rows(Set<String> storedKeys, boolean hasOpenHeadquarters, List<ImportProblem> fileProblems,
                    Consumer<ValidRow> valid) {
            this.storedKeys = storedKeys;
            this.hasOpenHeadquarters = hasOpenHeadquarters;
            this.valid = valid;
            this.problems = new ArrayList<>(fileProblems);
        }

        public void fileProblems(List<ImportProblem> fileProblems) {
            problems.addAll(fileProblems);
        }

        public Outcome outcome() {
            return new Outcome(rowsRead, validRows, List.of(), problems);
        }

        @Override
        public void accept(ImportRow row) {
            rowsRead++;
            List<ImportProblem> rowProblems = new ArrayList<>(row.readProblems());
            OutletProfile profile = null;
            if (row.form() != null) {
                Violations violations = new Violations();
                profile = row.form().check(violations);
                Set<String> columnsWithReadProblems = new HashSet<>();
                row.readProblems().forEach(p -> columnsWithReadProblems.add(p.column()));
                for (FieldProblem p : violations.problems()) {
                    String column = row.column().apply(p.field());
                    // a cell that could not be read is already reported; "is required" for it would only repeat it
                    if (!columnsWithReadProblems.contains(column)) {
                        rowProblems.add(ImportProblem.of(row.row(), column, p.reason()));
                    }
                }
            }
            if (profile != null && rowProblems.isEmpty()) {
                String key = profile.nameAddressKey();
                String nameColumn = row.column().apply("name");
                Integer first = firstRowOfKey.putIfAbsent(key, row.row());
                if (first != null) {
                    rowProblems.add(ImportProblem.of(row.row(), nameColumn,
                            "same name and address as row " + first + "; one outlet per name and address"));
                } else if (storedKeys.contains(key)) {
                    rowProblems.add(ImportProblem.of(row.row(), nameColumn,
                            "an outlet with this name and address is already registered"));
                }
                if (profile.kind() == OutletKind.HEADQUARTERS) {
                    String kindColumn = row.column().apply("kind");
                    if (hasOpenHeadquarters) {
                        rowProblems.add(ImportProblem.of(row.row(), kindColumn,
                                "the enterprise already has a headquarters outlet; only one HEADQUARTERS"));
                    } else if (firstHeadquarters != null) {
                        rowProblems.add(ImportProblem.of(row.row(), kindColumn,
                                "a second HEADQUARTERS (the first is row " + firstHeadquarters + ")"));
                    } else {
                        firstHeadquarters = row.row();
                    }
                }
            }
            if (rowProblems.isEmpty()) {
                validRows++;
                valid.accept(new ValidRow(row.row(), profile));
            } else {
                problems.addAll(rowProblems);
            }
        }
    }
}
