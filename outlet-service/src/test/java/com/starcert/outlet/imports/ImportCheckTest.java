package com.starcert.outlet.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ImportCheckTest {

    private static final String HEADER = CsvOutletReaderTest.HEADER + "\n";

    private static String row(String name, String kind, String line, int onSite) {
        return name + "," + kind + ",410102," + line + ",王工,13912345678,7,12,2," + onSite + ",24\n";
    }

    @Test
    void aCleanFileGivesEveryRowItsOutlet() {
        ImportCheck.Outcome outcome = ImportCheck.check(CsvOutletReader.read(HEADER
                + row("总部", "HEADQUARTERS", "a", 4) + row("网点", "BRANCH", "b", 4), 10), Set.of(), false);
        assertThat(outcome.clean()).isTrue();
        assertThat(outcome.rowsRead()).isEqualTo(2);
        assertThat(outcome.valid()).extracting(ImportCheck.ValidRow::row).containsExactly(2, 3);
        assertThat(outcome.valid().get(0).profile().address().province()).isEqualTo("41");
    }

    @Test
    void theRegistryRulesAreReportedByRowAndCsvColumn() {
        ImportCheck.Outcome outcome = ImportCheck.check(CsvOutletReader.read(HEADER
                + row("a", "BRANCH", "x", 4)
                + row("b", "BRANCH", "y", 48)                                  // on site after resolution
                + "c,BRANCH,990000,z,王工,12345,8,12,2,4,24\n"                   // region, phone, days
                + row("d", "BRANCH", "w", 4), 10), Set.of(), false);
        assertThat(outcome.clean()).isFalse();
        assertThat(outcome.valid()).extracting(ImportCheck.ValidRow::row).containsExactly(2, 5);
        assertThat(outcome.problems()).extracting(ImportProblem::row, ImportProblem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "onSiteHours"),
                org.assertj.core.groups.Tuple.tuple(4, "regionCode"),
                org.assertj.core.groups.Tuple.tuple(4, "contactPhone"),
                org.assertj.core.groups.Tuple.tuple(4, "daysPerWeek"));
        assertThat(outcome.rowsInvalid()).isEqualTo(2);
        assertThat(outcome.problems().get(0).field()).isEqualTo("row 3: onSiteHours");
    }

    @Test
    void aNameAndAddressOnceInTheFileAndNotAlreadyStored() {
        ImportCheck.Outcome outcome = ImportCheck.check(CsvOutletReader.read(HEADER
                + row("a", "BRANCH", "x", 4) + row(" a ", "PARTNER", "x", 4) + row("old", "BRANCH", "y", 4), 10),
                Set.of("old\u0000410102\u0000y"), false);
        assertThat(outcome.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "name",
                                "same name and address as row 2; one outlet per name and address"),
                        org.assertj.core.groups.Tuple.tuple(4, "name",
                                "an outlet with this name and address is already registered"));
    }

    @Test
    void oneOpenHeadquartersAtMost() {
        String file = HEADER + row("hq1", "HEADQUARTERS", "x", 4) + row("hq2", "HEADQUARTERS", "y", 4);
        assertThat(ImportCheck.check(CsvOutletReader.read(file, 10), Set.of(), false).problems())
                .extracting(ImportProblem::row, ImportProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "kind"));
        assertThat(ImportCheck.check(CsvOutletReader.read(file, 10), Set.of(), true).problems())
                .extracting(ImportProblem::row).containsExactly(2, 3);
    }

    @Test
    void aCellThatCannotBeReadIsReportedOnce() {
        ImportCheck.Outcome outcome = ImportCheck.check(CsvOutletReader.read(HEADER
                + "a,BRANCH,410102,x,王工,13912345678,seven,12,2,4,24\n", 10), Set.of(), false);
        assertThat(outcome.problems()).extracting(ImportProblem::column).containsExactly("daysPerWeek");
    }

    @Test
    void ndjsonRowsAreReportedByFieldPath() {
        String line = NdjsonOutletReaderTest.LINE.replace("\"onSiteHours\":4", "\"onSiteHours\":48")
                + ",\"standInEquipment\":{\"offered\":true}}";
        ImportCheck.Outcome outcome = ImportCheck.check(NdjsonOutletReader.read(line,
                10, tools.jackson.databind.json.JsonMapper.builder().build()), Set.of(), false);
        assertThat(outcome.problems()).extracting(ImportProblem::column)
                .containsExactly("commitments.onSiteHours", "standInEquipment.description");
    }
}
