package com.starcert.outlet.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Listing filters by place and commitment, sorting, and the per-province coverage a tender asks for. */
class QueryApiTest extends ApiIntegrationTest {

    private String outlet(String enterpriseId, String name, String kind, String region, int response, int onSite,
                          int resolution) throws Exception {
        String body = outletBody(name, kind, region)
                .replace("\"responseHours\": 2", "\"responseHours\": " + response)
                .replace("\"onSiteHours\": 4", "\"onSiteHours\": " + onSite)
                .replace("\"resolutionHours\": 24", "\"resolutionHours\": " + resolution);
        return json(admin.perform(post("/api/enterprises/{id}/outlets", enterpriseId)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    @Test
    void filtersByCityAndCommitmentSortsAndReportsCoverage() throws Exception {
        String e = registerEnterprise("覆盖企业");
        String zz1 = outlet(e, "郑州甲", "BRANCH", "410102", 2, 4, 24);
        String zz2 = outlet(e, "郑州乙", "PARTNER", "410105", 1, 2, 8);
        String ly = outlet(e, "洛阳", "BRANCH", "410302", 2, 8, 48);
        String gz = outlet(e, "广州", "BRANCH", "440106", 1, 24, 48);
        String closed = outlet(e, "郑州丙", "BRANCH", "410103", 1, 1, 4);
        admin.perform(post("/api/enterprises/{id}/outlets/{o}/status", e, closed).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"CLOSED\", \"reason\": \"撤店\"}")).andExpect(status().isOk());

        admin.perform(get("/api/enterprises/{id}/outlets", e).param("city", "4101").param("status", "ACTIVE"))
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(jsonPath("$[*].id", contains(zz1, zz2)));
        admin.perform(get("/api/enterprises/{id}/outlets", e).param("province", "41").param("onSiteWithinHours", "4"))
                .andExpect(jsonPath("$[*].id", contains(zz1, zz2, closed)));
        admin.perform(get("/api/enterprises/{id}/outlets", e).param("responseWithinHours", "1")
                        .param("resolutionWithinHours", "48").param("status", "ACTIVE"))
                .andExpect(jsonPath("$[*].id", containsInAnyOrder(zz2, gz)));
        admin.perform(get("/api/enterprises/{id}/outlets", e).param("sort", "onSiteHours,desc").param("size", "2"))
                .andExpect(header().string("X-Total-Count", "5"))
                .andExpect(jsonPath("$[*].id", contains(gz, ly)));
        admin.perform(get("/api/enterprises/{id}/outlets", e).param("sort", "name,asc").param("province", "44"))
                .andExpect(jsonPath("$[*].id", contains(gz)));
        admin.perform(get("/api/enterprises/{id}/outlets", e).param("onSiteWithinHours", "soon")
                        .param("city", "4401").param("province", "41").param("sort", "colour"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("onSiteWithinHours", "city", "sort")));

        admin.perform(get("/api/enterprises/{id}/coverage", e))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].province").value("41"))
                .andExpect(jsonPath("$[0].provinceName").value("河南"))
                .andExpect(jsonPath("$[0].activeOutlets").value(3))
                .andExpect(jsonPath("$[0].bestResponseHours").value(1))
                .andExpect(jsonPath("$[0].bestOnSiteHours").value(2))
                .andExpect(jsonPath("$[0].bestResolutionHours").value(8))
                .andExpect(jsonPath("$[1].province").value("44"))
                .andExpect(jsonPath("$[1].provinceName").value("广东"))
                .andExpect(jsonPath("$[1].activeOutlets").value(1));
        // "an outlet in Henan that is on site within 4 hours": Guangdong has none
        admin.perform(get("/api/enterprises/{id}/coverage", e).param("onSiteWithinHours", "4"))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].province").value("41"))
                .andExpect(jsonPath("$[0].activeOutlets").value(2));
        admin.perform(get("/api/enterprises/{id}/coverage", e).param("onSiteWithinHours", "0"))
                .andExpect(status().isBadRequest());
        admin.perform(get("/api/enterprises/{id}/coverage", "0123456789abcdef01234567"))
                .andExpect(status().isNotFound());
    }
}
