package com.starcert.outlet.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    public record Outcome(int rowsRead, List<ValidRow> valid, List<ImportProblem> problems) {

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
        List<ImportProblem> problems = new ArrayList<>(file.fileProblems());
        List<ValidRow> valid = new ArrayList<>();
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        Integer firstHeadquarters = null;
        for (ImportRow row : file.rows()) {
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
                valid.add(new ValidRow(row.row(), profile));
            } else {
                problems.addAll(rowProblems);
            }
        }
        return new Outcome(file.rows().size(), valid, problems);
    }
}
