package com.starcert.outlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EnterpriseChanged;
import com.starcert.contracts.OutletChanged;
import com.starcert.contracts.Topics;

/** Profile updates under optimistic concurrency: ETag on reads, If-Match required on writes. */
class ProfileApiTest extends ApiIntegrationTest {

    private static String enterpriseUpdate(String name, String uscc) {
        return """
                {"name": "%s", %s
                 "address": {"regionCode": "410105", "line": "郑州市金水路 9 号"},
                 "contact": {"name": "李工", "phone": "13812345678"},
                 "productCategories": ["家用电器", "空调", "家用电器"], "status": "ACTIVE"}"""
                .formatted(name, uscc == null ? "" : "\"uscc\": \"" + uscc + "\",");
    }

    private static String outletUpdate(int onSite, int complaints) {
        return """
                {"name": "郑州网点", "kind": "BRANCH",
                 "address": {"regionCode": "410102", "line": "中原路 1 号"},
                 "contact": {"name": "王工", "phone": "0371-1234567"},
                 "serviceHours": {"daysPerWeek": 6, "hoursPerDay": 10},
                 "commitments": {"responseHours": 1, "onSiteHours": %d, "resolutionHours": 24},
                 "periodicInspection": true, "faultFinding": true,
                 "postWarranty": {"terms": "保修期外上门维修", "charges": "上门费 50 元，配件按价"},
                 "freeItems": ["上门检测", "清洗保养"],
                 "standInEquipment": {"offered": true, "description": "同型号备用机"},
                 "openComplaints": %d}""".formatted(onSite, complaints);
    }

    @Test
    void anEnterpriseProfileIsReplacedOnlyWithTheCurrentETag() throws Exception {
        String id = registerEnterprise("并发企业");
        admin.perform(get("/api/enterprises/{id}", id))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.productCategories").isEmpty());
        String uscc = json(admin.perform(get("/api/enterprises/{id}", id)).andReturn().getResponse()
                .getContentAsString()).get("uscc").asString();

        admin.perform(put("/api/enterprises/{id}", id).contentType(MediaType.APPLICATION_JSON)
                        .content(enterpriseUpdate("新名称", null)))
                .andExpect(status().isPreconditionRequired())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        admin.perform(put("/api/enterprises/{id}", id).contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", "\"1\"").header("X-Correlation-Id", "corr-ent-update")
                        .content(enterpriseUpdate("新名称", uscc)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.name").value("新名称"))
                .andExpect(jsonPath("$.uscc").value(uscc))
                .andExpect(jsonPath("$.address.province").value("41"))
                .andExpect(jsonPath("$.productCategories", contains("家用电器", "空调")));
        // a second writer that read version 1 loses
        admin.perform(put("/api/enterprises/{id}", id).contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", "\"1\"").content(enterpriseUpdate("旧读者", null)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        admin.perform(put("/api/enterprises/{id}", id).contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", "\"2\"").content(enterpriseUpdate("换码", freshUscc())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("uscc"));
        admin.perform(put("/api/enterprises/{id}", id).contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", "*").content(enterpriseUpdate("通配", null)))
                .andExpect(status().isBadRequest());
        admin.perform(get("/api/enterprises/{id}", id))
                .andExpect(header().string("ETag", "\"2\"")).andExpect(jsonPath("$.name").value("新名称"));

        List<CloudEvent> events = eventsOf(Topics.ENTERPRISE_CHANGED, id, 2);
        assertThat(events).hasSize(2);
        EnterpriseChanged updated = codec.data(events.get(1), EnterpriseChanged.class);
        assertThat(updated.change()).isEqualTo(EnterpriseChanged.Change.UPDATED);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.name()).isEqualTo("新名称");
        assertThat(updated.regionCode()).isEqualTo("410105");
        assertThat(events.get(1).correlationid()).isEqualTo("corr-ent-update");
    }

    @Test
    void anOutletProfileIsReplacedOnlyWithTheCurrentETagAndCarriesOpenComplaints() throws Exception {
        String enterpriseId = registerEnterprise("网点资料企业");
        String registered = admin.perform(post("/api/enterprises/{id}/outlets", enterpriseId)
                        .contentType(MediaType.APPLICATION_JSON).content(outletUpdate(4, 2)))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.openComplaints").value(2))
                .andExpect(jsonPath("$.postWarranty.charges").value("上门费 50 元，配件按价"))
                .andReturn().getResponse().getContentAsString();
        String outletId = json(registered).get("id").asString();
        String path = "/api/enterprises/" + enterpriseId + "/outlets/" + outletId;

        admin.perform(get(path)).andExpect(header().string("ETag", "\"1\""));
        admin.perform(put(path).contentType(MediaType.APPLICATION_JSON).content(outletUpdate(2, 5)))
                .andExpect(status().isPreconditionRequired());
        admin.perform(put(path).contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"1\"")
                        .content(outletUpdate(48, 5)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("commitments.onSiteHours"));
        admin.perform(put(path).contentType(MediaType.APPLICATION_JSON).header("If-Match", "W/\"1\"")
                        .content(outletUpdate(2, 5)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.commitments.onSiteHours").value(2))
                .andExpect(jsonPath("$.openComplaints").value(5))
                .andExpect(jsonPath("$.freeItems", contains("上门检测", "清洗保养")))
                .andExpect(jsonPath("$.standInEquipment.offered").value(true))
                .andExpect(jsonPath("$.faultFinding").value(true))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        admin.perform(put(path).contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"1\"")
                        .content(outletUpdate(1, 0)))
                .andExpect(status().isPreconditionFailed());
        // a status change may send If-Match too, and a stale one is refused the same way
        admin.perform(post(path + "/status").contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"1\"")
                        .content("{\"status\": \"SUSPENDED\", \"reason\": \"装修\"}"))
                .andExpect(status().isPreconditionFailed());
        admin.perform(post(path + "/status").contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"2\"")
                        .content("{\"status\": \"SUSPENDED\", \"reason\": \"装修\"}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"3\""));
        admin.perform(get(path)).andExpect(jsonPath("$.commitments.onSiteHours").value(2))
                .andExpect(jsonPath("$.version").value(3));

        List<OutletChanged> changes = eventsOf(Topics.OUTLET_CHANGED, enterpriseId, 3).stream()
                .map(e -> codec.data(e, OutletChanged.class)).toList();
        assertThat(changes).extracting(OutletChanged::change).containsExactly(OutletChanged.Change.REGISTERED,
                OutletChanged.Change.UPDATED, OutletChanged.Change.SUSPENDED);
        assertThat(changes).extracting(OutletChanged::version).containsExactly(1L, 2L, 3L);
        assertThat(changes).extracting(OutletChanged::openComplaints).containsExactly(2, 5, 5);
    }

    @Test
    void anUpdateCannotTakeASecondHeadquartersOrAnotherOutletsNameAndAddress() throws Exception {
        String enterpriseId = registerEnterprise("更新冲突企业");
        registerOutlet(enterpriseId, "总部", "HEADQUARTERS", "350102");
        String outletId = registerOutlet(enterpriseId, "网点", "BRANCH", "350102");
        String path = "/api/enterprises/" + enterpriseId + "/outlets/" + outletId;
        admin.perform(put(path).contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"1\"")
                        .content(outletBody("网点", "HEADQUARTERS", "350102")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        admin.perform(put(path).contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"1\"")
                        .content(outletBody("总部", "BRANCH", "350102")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("name"));
        admin.perform(get(path)).andExpect(jsonPath("$.version").value(1));
    }
}
