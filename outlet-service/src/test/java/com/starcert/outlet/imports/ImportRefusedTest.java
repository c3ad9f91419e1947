package com.starcert.outlet.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ImportRefusedTest {

    @Test
    void everyBadRowIsListedEvenBeyondTheLimitOfProblems() {
        List<ImportProblem> problems = new ArrayList<>();
        for (int row = 2; row <= 6; row++) {
            problems.add(ImportProblem.of(row, "name", "is required"));
            problems.add(ImportProblem.of(row, "onSiteHours", "must be positive"));
        }
        List<ImportProblem> listed = ImportRefused.everyRow(problems, 3);
        assertThat(listed).extracting(ImportProblem::row).containsExactly(2, 2, 3, 4, 5, 6);
        assertThat(ImportRefused.everyRow(problems, 100)).isEqualTo(problems);
    }
}
