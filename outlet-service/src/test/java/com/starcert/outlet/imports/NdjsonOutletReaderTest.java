package com.starcert.outlet.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class NdjsonOutletReaderTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    static final String LINE = "{\"name\":\"n\",\"kind\":\"BRANCH\",\"address\":{\"regionCode\":\"410102\",\"line\":\"a\"},"
            + "\"contact\":{\"name\":\"王工\",\"phone\":\"13912345678\"},\"serviceHours\":{\"daysPerWeek\":7,"
            + "\"hoursPerDay\":12},\"commitments\":{\"responseHours\":2,\"onSiteHours\":4,\"resolutionHours\":24}";

    @Test
    void eachLineIsAnOutletAndBlankLinesStillCount() {
        ImportFile file = NdjsonOutletReader.read(LINE + ",\"openComplaints\":2,\"freeItems\":[\"安装\"]}\n\n"
                + LINE + "}\r\n", 10, mapper);
        assertThat(file.rows()).extracting(ImportRow::row).containsExactly(1, 3);
        assertThat(file.rows().get(0).form().openComplaints()).isEqualTo(2);
        assertThat(file.rows().get(0).form().freeItems()).containsExactly("安装");
        assertThat(file.rows().get(1).readProblems()).isEmpty();
    }

    @Test
    void aLineThatCannotBeReadNamesTheField() {
        ImportFile file = NdjsonOutletReader.read(
                LINE.replace("\"onSiteHours\":4", "\"onSiteHours\":\"four\"") + "}\n"
                        + LINE.replace("BRANCH", "SHOP") + "}\n"
                        + "[1,2]\n"
                        + "{\"name\": \n", 10, mapper);
        assertThat(file.rows()).allMatch(r -> r.form() == null);
        assertThat(file.rows()).hasSize(4).allMatch(r -> r.readProblems().size() == 1);
        assertThat(file.rows().subList(0, 3)).extracting(r -> r.readProblems().get(0).column())
                .containsExactly("commitments.onSiteHours", "kind", "$");
        assertThat(file.rows().get(1).readProblems().get(0).reason()).contains("HEADQUARTERS");
        assertThat(file.rows().get(0).readProblems().get(0).field()).isEqualTo("row 1: commitments.onSiteHours");
    }
}
