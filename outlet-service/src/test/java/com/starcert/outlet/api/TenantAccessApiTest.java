package com.starcert.outlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EnterpriseChanged;
import com.starcert.contracts.Topics;
import com.starcert.outlet.imports.OutletImport;
import com.starcert.outlet.network.Outlet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7's object-level rules in outlet-service: an enterprise principal sees and changes only its own enterprise,
 * and of the enterprise record only its contact details; another enterprise's objects are "not found"; lists hold
 * only what the caller may see; whoever is recorded as having acted comes from the token.
 */
class TenantAccessApiTest extends ApiIntegrationTest {

    private static final String CB_ONLY = "may be changed by the certification body only";

    @Autowired
    MongoTemplate mongo;

    private JsonNode read(String enterpriseId) throws Exception {
        return json(admin.perform(get("/api/enterprises/{id}", enterpriseId)).andReturn().getResponse()
                .getContentAsString());
    }

    private static MockHttpServletRequestBuilder replace(
            String enterpriseId, String etag, ObjectNode body) {
        return put("/api/enterprises/{id}", enterpriseId).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", etag).content(body.toString());
    }

    @Test
    void anEnterpriseChangesItsContactDetailsButNothingElse() throws Exception {
        String a = registerEnterprise("自助企业");
        Client own = client(ISSUER.enterprise(a));
        JsonNode registered = read(a);

        ObjectNode moved = editable(registered);
        moved.putObject("address").put("regionCode", "410105").put("line", "郑州市金水路 9 号");
        moved.putObject("contact").put("name", "赵敏").put("phone", "13812345678");
        own.perform(replace(a, "\"1\"", moved))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.name").value("自助企业"))
                .andExpect(jsonPath("$.address.province").value("41"))
                .andExpect(jsonPath("$.address.line").value("郑州市金水路 9 号"))
                .andExpect(jsonPath("$.contact.name").value("赵敏"))
                .andExpect(jsonPath("$.contact.phone").value("13812345678"));
        List<CloudEvent> events = eventsOf(Topics.ENTERPRISE_CHANGED, a, 2);
        EnterpriseChanged updated = codec.data(events.get(1), EnterpriseChanged.class);
        assertThat(updated.change()).isEqualTo(EnterpriseChanged.Change.UPDATED);
        assertThat(updated.regionCode()).isEqualTo("410105");

        // name and USCC are the CB's: one 403 names both, whatever else is in the body, and nothing changes
        ObjectNode renamed = editable(read(a));
        renamed.put("name", "改名企业");
        renamed.put("uscc", freshUscc());
        renamed.putObject("contact").put("name", "钱工").put("phone", "13912345678");
        own.perform(replace(a, "\"2\"", renamed))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.errors[*].field", contains("name", "uscc")))
                .andExpect(jsonPath("$.errors[*].reason", everyItem(is(CB_ONLY))));
        ObjectNode recategorised = editable(read(a));
        recategorised.putArray("productCategories").add("空调");
        recategorised.put("status", "DEREGISTERED");
        own.perform(replace(a, "\"2\"", recategorised))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[*].field", contains("productCategories", "status")));
        // a malformed body is a 400 first, as for anybody
        ObjectNode malformed = editable(read(a));
        malformed.put("name", "改名企业");
        malformed.putObject("contact").put("name", "钱工").put("phone", "12345");
        own.perform(replace(a, "\"2\"", malformed))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("contact.phone")));
        JsonNode after = read(a);
        assertThat(after.get("version").asInt()).isEqualTo(2);
        assertThat(after.get("name").asString()).isEqualTo("自助企业");
        assertThat(after.at("/contact/name").asString()).isEqualTo("赵敏");

        // CB staff who may read it may not change it; another enterprise does not even see it
        for (String token : List.of(ISSUER.auditor("a-1"), ISSUER.reviewer("r-1"))) {
            client(token).perform(replace(a, "\"2\"", editable(after))).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        String b = registerEnterprise("别家企业");
        client(ISSUER.enterprise(b)).perform(replace(a, "\"2\"", editable(after)))
                .andExpect(status().isNotFound());
        // the CB administrator changes any field
        admin.perform(replace(a, "\"2\"", renamed.put("uscc", after.get("uscc").asString())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("改名企业"));
    }

    @Test
    void theLookUpByUsccListsOnlyWhatTheCallerMaySee() throws Exception {
        String a = registerEnterprise("查询企业");
        String b = registerEnterprise("他家企业");
        String usccA = read(a).get("uscc").asString();
        for (String token : List.of(ISSUER.enterprise(a), ISSUER.auditor("a-1"), ISSUER.reviewer("r-1"))) {
            client(token).perform(get("/api/enterprises").param("uscc", usccA))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$", hasSize(1)))
                    .andExpect(jsonPath("$[0].id").value(a));
        }
        client(ISSUER.enterprise(b)).perform(get("/api/enterprises").param("uscc", usccA))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    @Test
    void anotherEnterprisesObjectsAreNotFoundAsIfTheyDidNotExist() throws Exception {
        String a = registerEnterprise("甲企业");
        String outletA = registerOutlet(a, "甲网点", "BRANCH", "350102");
        String importA = importOne(admin, a, "甲导入");
        String b = registerEnterprise("乙企业");
        String outletB = registerOutlet(b, "乙网点", "BRANCH", "350102");
        String importB = importOne(admin, b, "乙导入");
        Client enterpriseB = client(ISSUER.enterprise(b));
        Client enterpriseA = client(ISSUER.enterprise(a));

        // B asking for A's enterprise, outlet or import gets the answer an unknown enterprise gets
        String unknown = "0123456789abcdef01234567";
        enterpriseB.perform(get("/api/enterprises/{id}/outlets/{o}", unknown, outletA))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no enterprise with id '" + unknown + "'"));
        enterpriseB.perform(get("/api/enterprises/{id}/outlets/{o}", a, outletA))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("no enterprise with id '" + a + "'"));
        enterpriseB.perform(get("/api/enterprises/{id}/outlets/imports/{i}", a, importA))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no enterprise with id '" + a + "'"));
        enterpriseB.perform(get("/api/enterprises/{id}", a)).andExpect(status().isNotFound());
        enterpriseB.perform(get("/api/enterprises/{id}/outlets", a)).andExpect(status().isNotFound());
        enterpriseB.perform(post("/api/enterprises/{id}/outlets/{o}/status", a, outletA)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"CLOSED\", \"reason\": \"x\"}"))
                .andExpect(status().isNotFound());
        enterpriseB.perform(post("/api/enterprises/{id}/outlets/imports", a).contentType("text/csv")
                        .content(oneRow("乙写入甲")))
                .andExpect(status().isNotFound());
        assertThat(mongo.count(Query.query(Criteria.where("enterpriseId").is(a)), Outlet.class)).isEqualTo(2);
        assertThat(mongo.count(Query.query(Criteria.where("enterpriseId").is(a)), OutletImport.class)).isOne();
        admin.perform(get("/api/enterprises/{id}/outlets/{o}", a, outletA))
                .andExpect(jsonPath("$.status").value("ACTIVE")).andExpect(jsonPath("$.version").value(1));

        // A naming B's outlet or import under its own enterprise finds nothing either
        enterpriseA.perform(get("/api/enterprises/{id}/outlets/{o}", a, outletB))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no outlet with id '" + outletB + "'"));
        enterpriseA.perform(get("/api/enterprises/{id}/outlets/imports/{i}", a, importB))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no import with id '" + importB + "'"));
        enterpriseA.perform(get("/api/enterprises/{id}/outlets/imports/{i}", a, importA)).andExpect(status().isOk());

        // an ENTERPRISE token that names no enterprise sees nothing at all
        client(ISSUER.token("ent-user-x").roles("ENTERPRISE").sign()).perform(get("/api/enterprises/{id}", a))
                .andExpect(status().isForbidden());
    }

    @Test
    void whoActedIsTakenFromTheTokenNeverFromAHeader() throws Exception {
        String a = registerEnterprise("留痕企业");
        String outlet = registerOutlet(a, "留痕网点", "BRANCH", "350102");
        Client own = client(ISSUER.enterprise(a));

        own.perform(post("/api/enterprises/{id}/outlets/{o}/status", a, outlet)
                        .contentType(MediaType.APPLICATION_JSON).header("X-User", "someone-else")
                        .header("X-Actor", "someone-else")
                        .content("{\"status\": \"SUSPENDED\", \"reason\": \"装修\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history[0].by.subject").value("ent-user-" + a))
                .andExpect(jsonPath("$.history[0].by.name").value("Enterprise " + a));
        admin.perform(post("/api/enterprises/{id}/outlets/{o}/status", a, outlet)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"ACTIVE\", \"reason\": \"复业\"}"))
                .andExpect(jsonPath("$.history[1].by.subject").value("admin-1"))
                .andExpect(jsonPath("$.history[1].by.name").value("CB Admin"));

        String importId = importOne(own, a, "自助导入");
        admin.perform(get("/api/enterprises/{id}/outlets/imports/{i}", a, importId))
                .andExpect(jsonPath("$.requestedBy.subject").value("ent-user-" + a))
                .andExpect(jsonPath("$.requestedBy.name").value("Enterprise " + a));
    }

    private static byte[] oneRow(String name) {
        return (ImportApiTest.HEADER + name + ",BRANCH,410102,中原路 3 号,王工,13912345678,7,12,2,4,24,,,\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Imports one outlet as {@code who} and waits until the import is COMPLETED; its id. */
    private String importOne(Client who, String enterpriseId, String name) throws Exception {
        String location = who.perform(post("/api/enterprises/{id}/outlets/imports", enterpriseId)
                        .contentType("text/csv").content(oneRow(name)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        String[] last = new String[2];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode progress = json(admin.perform(get(location)).andReturn().getResponse().getContentAsString());
            last[0] = progress.get("state").asString();
            last[1] = progress.get("importId").asString();
            return !last[0].equals("STORING");
        });
        assertThat(last[0]).isEqualTo("COMPLETED");
        return last[1];
    }
}
