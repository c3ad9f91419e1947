package com.starcert.outlet.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.starcert.support.problem.ApiProblemException;

/** What keeps one import from filling the memory: bounded cells, cells per row and lines; strict UTF-8. */
class BoundedReadingTest {

    @Test
    void anEndlessCellIsKeptOnlyUpToItsBoundAndFailsTheFieldsLengthRule() {
        String huge = "x".repeat(1_000_000);
        ImportFile file = CsvOutletReader.read(CsvOutletReaderTest.HEADER + "\n\"" + huge
                + "\",BRANCH,410102,中原路 1 号,王工,13912345678,7,12,2,4,24\n", 10);
        assertThat(file.rows()).hasSize(1);
        assertThat(file.rows().get(0).form().name()).hasSize(CsvOutletReader.CsvRecords.MAX_CELL + 1);
        ImportCheck.Outcome outcome = ImportCheck.check(file, java.util.Set.of(), false);
        assertThat(outcome.problems()).extracting(ImportProblem::column).containsExactly("name");
    }

    @Test
    void aRowOfEndlessCellsIsKeptOnlyUpToItsBoundAndFailsTheCellCount() {
        ImportFile file = CsvOutletReader.read(CsvOutletReaderTest.HEADER + "\n" + ",".repeat(500_000) + "\n", 10);
        assertThat(file.rows()).singleElement().satisfies(row -> {
            assertThat(row.form()).isNull();
            assertThat(row.readProblems()).singleElement().satisfies(p -> assertThat(p.reason())
                    .contains("cells, the header has 11"));
        });
    }

    @Test
    void anEndlessNdjsonLineIsAProblemOfItsRowAndTheNextLinesAreRead() {
        List<ImportRow> rows = new ArrayList<>();
        NdjsonOutletReader.read(ImportText.of("{\"name\": \"" + "x".repeat(200_000) + "\"}\n{\"name\": \"ok\"}\n"),
                JsonMapper.builder().build(), rows::add);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).readProblems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("longer than 65536 characters"));
        assertThat(rows.get(1).row()).isEqualTo(2);
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheFile() {
        byte[] gbk = (CsvOutletReaderTest.HEADER + "\n郑州网点,BRANCH\n").getBytes(java.nio.charset.Charset.forName("GBK"));
        ImportText text = ImportText.of(new ByteArrayInputStream(gbk));
        assertThatThrownBy(() -> CsvOutletReader.read(text, row -> { }))
                .isInstanceOfSatisfying(ApiProblemException.InvalidRequest.class,
                        e -> assertThat(e.getMessage()).contains("UTF-8"));
    }

    @Test
    void anUploadPastTheLimitStopsBeingRead() {
        ImportText.Limited limited = new ImportText.Limited(new ByteArrayInputStream(new byte[2048]), 1024);
        assertThatThrownBy(limited::readAllBytes).isInstanceOf(ImportText.TooLarge.class);
    }
}
