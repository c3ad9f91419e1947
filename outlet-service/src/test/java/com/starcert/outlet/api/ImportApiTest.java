package com.starcert.outlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.OutletChanged;
import com.starcert.contracts.Topics;
import com.starcert.outlet.imports.OutletImport;
import com.starcert.outlet.network.Outlet;
import tools.jackson.databind.JsonNode;

class ImportApiTest extends ApiIntegrationTest {

    static final String HEADER = "name,kind,regionCode,addressLine,contactName,contactPhone,daysPerWeek,hoursPerDay,"
            + "responseHours,onSiteHours,resolutionHours,periodicInspection,freeItems,openComplaints\n";

    @Autowired
    MongoTemplate mongo;

    static String csv(int rows) {
        StringBuilder csv = new StringBuilder(HEADER);
        csv.append("总部,HEADQUARTERS,410105,金水路 1 号,李工,0371-12345678,5,8,1,2,8,true,,0\n");
        for (int i = 1; i < rows; i++) {
            csv.append("网点 ").append(i).append(",BRANCH,4101").append(String.format("%02d", 2 + i % 8))
                    .append(",\"中原路 ").append(i).append(" 号, 1 楼\",王工,13912345678,7,12,2,4,24,yes,")
                    .append("上门检测;清洗,").append(i % 3).append('\n');
        }
        return csv.toString();
    }

    private MockMultipartFile file(String name, String type, String content) {
        return new MockMultipartFile("file", name, type, content.getBytes(StandardCharsets.UTF_8));
    }

    JsonNode awaitFinished(String location) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = json(admin.perform(get(location)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString());
            return !last[0].get("state").asString().equals("STORING");
        });
        return last[0];
    }

    @Test
    void aCleanCsvFileIsImportedWholeAndEveryOutletAnnounced() throws Exception {
        String enterpriseId = registerEnterprise("导入企业");
        var response = admin.perform(multipart("/api/enterprises/{id}/outlets/imports", enterpriseId)
                        .file(file("outlets.csv", "text/csv", csv(25))).header("X-Correlation-Id", "corr-import"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location",
                        startsWith("/api/enterprises/" + enterpriseId + "/outlets/imports/")))
                .andExpect(jsonPath("$.importId").isString())
                .andExpect(jsonPath("$.enterpriseId").value(enterpriseId))
                .andExpect(jsonPath("$.format").value("CSV"))
                .andExpect(jsonPath("$.state").value("STORING"))
                .andExpect(jsonPath("$.rowsRead").value(25))
                .andExpect(jsonPath("$.rowsValid").value(25))
                .andExpect(jsonPath("$.requestedBy.subject").value("admin-1"))
                .andReturn().getResponse();
        String location = response.getHeader("Location");
        JsonNode finished = awaitFinished(location);
        assertThat(finished.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(finished.get("rowsStored").asInt()).isEqualTo(25);
        assertThat(finished.get("finishedAt").isString()).isTrue();
        String importId = finished.get("importId").asString();

        admin.perform(get("/api/enterprises/{id}/outlets", enterpriseId))
                .andExpect(header().string("X-Total-Count", "25"))
                .andExpect(jsonPath("$[0].name").value("总部"))
                .andExpect(jsonPath("$[0].kind").value("HEADQUARTERS"))
                .andExpect(jsonPath("$[0].importId").value(importId))
                .andExpect(jsonPath("$[1].address.line").value("中原路 1 号, 1 楼"))
                .andExpect(jsonPath("$[1].freeItems", hasSize(2)))
                .andExpect(jsonPath("$[1].periodicInspection").value(true))
                .andExpect(jsonPath("$[1].openComplaints").value(1));
        assertThat(mongo.count(Query.query(Criteria.where("importId").is(importId).and("staged").exists(true)),
                Outlet.class)).isZero();

        List<CloudEvent> events = eventsOf(Topics.OUTLET_CHANGED, enterpriseId, 25);
        assertThat(events).hasSize(25).allMatch(e -> "corr-import".equals(e.correlationid()));
        List<OutletChanged> changes = events.stream().map(e -> codec.data(e, OutletChanged.class)).toList();
        assertThat(changes).allMatch(c -> c.change() == OutletChanged.Change.REGISTERED && c.version() == 1);
        assertThat(changes).extracting(OutletChanged::openComplaints).contains(0, 1, 2);
        assertThat(changes).extracting(OutletChanged::outletId).doesNotHaveDuplicates();
    }

    @Test
    void aCleanNdjsonBodyIsImportedToo() throws Exception {
        String enterpriseId = registerEnterprise("NDJSON 企业");
        String ndjson = outletBody("A", "BRANCH", "440106").replace("\n", "") + "\n\n"
                + outletBody("B", "PARTNER", "440106").replace("\n", "")
                        .replace("}}", "}, \"openComplaints\": 4, \"standInEquipment\": {\"offered\": true, "
                                + "\"description\": \"备用机\"}}") + "\n";
        String location = admin.perform(post("/api/enterprises/{id}/outlets/imports", enterpriseId)
                        .contentType("application/x-ndjson").content(ndjson.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.format").value("NDJSON"))
                .andExpect(jsonPath("$.rowsRead").value(2))
                .andReturn().getResponse().getHeader("Location");
        assertThat(awaitFinished(location).get("state").asString()).isEqualTo("COMPLETED");
        admin.perform(get("/api/enterprises/{id}/outlets", enterpriseId).param("kind", "PARTNER"))
                .andExpect(jsonPath("$[0].openComplaints").value(4))
                .andExpect(jsonPath("$[0].standInEquipment.description").value("备用机"));
    }

    @Test
    void aFileWithOneBadRowIsRefusedListingItAndNothingIsStoredOrPublished() throws Exception {
        String enterpriseId = registerEnterprise("坏行企业");
        String content = csv(10).replaceFirst("(网点 6,[^\n]*),2,4,24,", "$1,2,48,24,");
        assertThat(content).contains(",2,48,24,");
        admin.perform(multipart("/api/enterprises/{id}/outlets/imports", enterpriseId)
                        .file(file("outlets.csv", "text/csv", content)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(jsonPath("$.title").value("Import refused"))
                .andExpect(jsonPath("$.rowsRead").value(10))
                .andExpect(jsonPath("$.rowsInvalid").value(1))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].row").value(8))
                .andExpect(jsonPath("$.errors[0].column").value("onSiteHours"))
                .andExpect(jsonPath("$.errors[0].field").value("row 8: onSiteHours"))
                .andExpect(jsonPath("$.errors[0].reason").value("must not exceed resolutionHours (24)"));

        assertThat(mongo.count(Query.query(Criteria.where("enterpriseId").is(enterpriseId)), Outlet.class)).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("enterpriseId").is(enterpriseId)), OutletImport.class))
                .isZero();
        String marker = registerOutlet(enterpriseId, "标记", "BRANCH", "350102");
        var seen = readUntil(Topics.OUTLET_CHANGED, records -> records.stream()
                .anyMatch(r -> r.value().contains(marker)));
        assertThat(seen).filteredOn(r -> enterpriseId.equals(r.key())).hasSize(1)
                .allMatch(r -> r.value().contains(marker));
    }

    @Test
    void duplicatesAndASecondHeadquartersAreBadRowsToo() throws Exception {
        String enterpriseId = registerEnterprise("重复导入企业");
        registerOutlet(enterpriseId, "总部", "HEADQUARTERS", "350102");
        String content = HEADER
                + "总部二,HEADQUARTERS,410105,金水路 1 号,李工,0371-12345678,5,8,1,2,8,,,\n"
                + "A,BRANCH,410102,x,王工,13912345678,7,12,2,4,24,,,\n"
                + "A,PARTNER,410102,x,王工,13912345678,7,12,2,4,24,,,\n"
                + "总部,BRANCH,350102,服务路 8 号,王工,13912345678,7,12,2,4,24,,,\n"
                + "B,SHOP,410102,y,王工,139,7,12,2,4,24,maybe,,-1\n";
        admin.perform(post("/api/enterprises/{id}/outlets/imports", enterpriseId).contentType("text/csv")
                        .content(content.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rowsInvalid").value(4))
                .andExpect(jsonPath("$.errors[*].row").value(org.hamcrest.Matchers.contains(2, 4, 5, 6, 6, 6, 6)))
                .andExpect(jsonPath("$.errors[*].column").value(org.hamcrest.Matchers.contains("kind", "name",
                        "name", "kind", "periodicInspection", "contactPhone", "openComplaints")));
        assertThat(mongo.count(Query.query(Criteria.where("enterpriseId").is(enterpriseId)), Outlet.class))
                .isEqualTo(1);
    }

    @Test
    void whatIsNotAnOutletFileIsRefused() throws Exception {
        String enterpriseId = registerEnterprise("无文件企业");
        admin.perform(multipart("/api/enterprises/{id}/outlets/imports", enterpriseId)
                        .file(file("outlets.xlsx", "application/vnd.ms-excel", "x")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        admin.perform(multipart("/api/enterprises/{id}/outlets/imports", enterpriseId))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        admin.perform(post("/api/enterprises/{id}/outlets/imports", enterpriseId).contentType("text/csv")
                        .content(new byte[] {(byte) 0xff, (byte) 0xfe, 'a'}))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        admin.perform(post("/api/enterprises/{id}/outlets/imports", enterpriseId).contentType("text/csv")
                        .content(HEADER.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableContent());
        admin.perform(post("/api/enterprises/{id}/outlets/imports", enterpriseId).contentType("text/csv")
                        .content("name,colour\nx,red\n".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(1))
                .andExpect(jsonPath("$.errors[0].column").value("colour"));
        admin.perform(post("/api/enterprises/{id}/outlets/imports", enterpriseId).contentType(MediaType.TEXT_PLAIN)
                        .content("x"))
                .andExpect(status().isUnsupportedMediaType());
        admin.perform(post("/api/enterprises/{id}/outlets/imports", "0123456789abcdef01234567").contentType("text/csv")
                        .content(csv(2).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isNotFound());
        admin.perform(get("/api/enterprises/{id}/outlets/imports/{i}", enterpriseId, "0123456789abcdef01234567"))
                .andExpect(status().isNotFound());
        assertThat(mongo.count(Query.query(Criteria.where("enterpriseId").is(enterpriseId)), Outlet.class)).isZero();
    }
}
