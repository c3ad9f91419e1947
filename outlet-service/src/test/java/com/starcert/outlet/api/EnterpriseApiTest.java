package com.starcert.outlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EnterpriseChanged;
import com.starcert.contracts.Topics;
import com.starcert.outlet.enterprise.Enterprise;
import tools.jackson.databind.JsonNode;

class EnterpriseApiTest extends ApiIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void registersAnEnterpriseAndPublishesEnterpriseChanged() throws Exception {
        String uscc = freshUscc();
        String correlation = "corr-" + UUID.randomUUID();
        String body = admin.perform(post("/api/enterprises").contentType(MediaType.APPLICATION_JSON)
                        .header("X-Correlation-Id", correlation)
                        .content(enterpriseBody("福建星级服务有限公司", uscc.toLowerCase())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/enterprises/")))
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.name").value("福建星级服务有限公司"))
                .andExpect(jsonPath("$.uscc").value(uscc))
                .andExpect(jsonPath("$.address.regionCode").value("350102"))
                .andExpect(jsonPath("$.address.province").value("35"))
                .andExpect(jsonPath("$.address.line").value("福州市鼓楼区五四路 1 号"))
                .andExpect(jsonPath("$.contact.name").value("林工"))
                .andExpect(jsonPath("$.contact.phone").value("0591-87654321"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.createdAt").isString())
                .andExpect(jsonPath("$.outbox").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        JsonNode enterprise = json(body);
        String id = enterprise.get("id").asString();

        admin.perform(get("/api/enterprises/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.uscc").value(uscc))
                .andExpect(jsonPath("$.createdAt").value(enterprise.get("createdAt").asString()));
        admin.perform(get("/api/enterprises").param("uscc", uscc))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(id));
        admin.perform(get("/api/enterprises").param("uscc", freshUscc()))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));

        List<CloudEvent> events = eventsOf(Topics.ENTERPRISE_CHANGED, id, 1);
        assertThat(events).hasSize(1);
        CloudEvent event = events.get(0);
        assertThat(event.specversion()).isEqualTo("1.0");
        assertThat(event.type()).isEqualTo("com.starcert.enterprise.changed.v1");
        assertThat(event.enterpriseid()).isEqualTo(id);
        assertThat(event.subject()).isEqualTo(id);
        assertThat(event.correlationid()).isEqualTo(correlation);
        assertThat(event.source()).isEqualTo("/starcert/outlet-service");
        EnterpriseChanged data = codec.data(event, EnterpriseChanged.class);
        assertThat(data).isEqualTo(new EnterpriseChanged(id, EnterpriseChanged.Change.REGISTERED, 1,
                "福建星级服务有限公司", uscc, "350102", "福州市鼓楼区五四路 1 号"));
        assertThat(mongo.findById(id, Enterprise.class).outbox()).as("relayed events leave the outbox").isEmpty();
    }

    @Test
    void generatesACorrelationIdWhenNoneIsSent() throws Exception {
        String id = registerEnterprise("无关联号企业");
        CloudEvent event = eventsOf(Topics.ENTERPRISE_CHANGED, id, 1).get(0);
        assertThat(UUID.fromString(event.correlationid())).isNotNull();
    }

    @Test
    void aWrongCheckCharacterIsA400NamingUscc() throws Exception {
        admin.perform(post("/api/enterprises").contentType(MediaType.APPLICATION_JSON)
                        .content(enterpriseBody("错码企业", "91350100M000100Y44")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("uscc"));
        admin.perform(post("/api/enterprises").contentType(MediaType.APPLICATION_JSON)
                        .content(enterpriseBody("错码企业", "91350100M000100Y4")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("uscc"));
        admin.perform(get("/api/enterprises").param("uscc", "91350100M000100Y44"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("uscc"));
    }

    @Test
    void everyBadFieldIsListedInOneAnswer() throws Exception {
        admin.perform(post("/api/enterprises").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": " ", "uscc": "91350100M000100Y43",
                         "address": {"regionCode": "990100", "line": ""},
                         "contact": {"phone": "12345"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder(
                        "name", "address.regionCode", "address.line", "contact.name", "contact.phone")));
        admin.perform(post("/api/enterprises").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "uscc",
                        "address.regionCode", "address.line", "contact.name", "contact.phone")));
    }

    @Test
    void aDuplicateUsccIsA409EvenWhenRegisteredConcurrently() throws Exception {
        String uscc = freshUscc();
        admin.perform(post("/api/enterprises").contentType(MediaType.APPLICATION_JSON)
                        .content(enterpriseBody("首个企业", uscc)))
                .andExpect(status().isCreated());
        admin.perform(post("/api/enterprises").contentType(MediaType.APPLICATION_JSON)
                        .content(enterpriseBody("重复企业", " " + uscc.toLowerCase())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("uscc"));

        String raced = freshUscc();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                results.add(pool.submit(() -> admin.perform(post("/api/enterprises")
                                .contentType(MediaType.APPLICATION_JSON).content(enterpriseBody("并发" + n, raced)))
                        .andReturn().getResponse().getStatus()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(mongo.count(Query.query(Criteria.where("uscc").is(raced)), Enterprise.class)).isEqualTo(1);
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        admin.perform(post("/api/enterprises").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        admin.perform(post("/api/enterprises").contentType(MediaType.APPLICATION_JSON).content("[1,2]"))
                .andExpect(status().isBadRequest());
        admin.perform(post("/api/enterprises").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", \"address\": \"not an object\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("address"));
    }

    @Test
    void anUnknownEnterpriseIsA404() throws Exception {
        admin.perform(get("/api/enterprises/{id}", "0123456789abcdef01234567"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        admin.perform(get("/api/enterprises/{id}", "not-an-object-id")).andExpect(status().isNotFound());
    }

    @Test
    void aRefusedRegistrationStoresAndPublishesNothing() throws Exception {
        String taken = freshUscc();
        admin.perform(post("/api/enterprises").contentType(MediaType.APPLICATION_JSON)
                        .content(enterpriseBody("占位企业", taken)))
                .andExpect(status().isCreated());
        String refusedName = "被拒企业-" + UUID.randomUUID();
        admin.perform(post("/api/enterprises").contentType(MediaType.APPLICATION_JSON)
                        .content(enterpriseBody(refusedName, taken.substring(0, 17) + wrongCheck(taken))))
                .andExpect(status().isBadRequest());
        String duplicateName = "重复企业-" + UUID.randomUUID();
        admin.perform(post("/api/enterprises").contentType(MediaType.APPLICATION_JSON)
                        .content(enterpriseBody(duplicateName, taken)))
                .andExpect(status().isConflict());

        assertThat(mongo.count(Query.query(Criteria.where("name").in(refusedName, duplicateName)), Enterprise.class))
                .isZero();
        // an enterprise registered afterwards is published; nothing of the refused ones went out before it
        String marker = registerEnterprise("标记企业-" + UUID.randomUUID());
        var seen = readUntil(Topics.ENTERPRISE_CHANGED, records -> records.stream()
                .anyMatch(r -> marker.equals(r.key())));
        assertThat(seen).anyMatch(r -> marker.equals(r.key()));
        assertThat(seen).noneMatch(r -> r.value().contains(refusedName) || r.value().contains(duplicateName));
    }

    private static char wrongCheck(String uscc) {
        return uscc.charAt(17) == '0' ? '1' : '0';
    }

    @Test
    void lookingUpWithoutAUsccIsA400() throws Exception {
        admin.perform(get("/api/enterprises")).andExpect(status().isBadRequest());
    }

    @Test
    void theListOfProblemsNamesTheRegionRule() throws Exception {
        admin.perform(post("/api/enterprises").contentType(MediaType.APPLICATION_JSON)
                        .content(enterpriseBody("x", freshUscc()).replace("350102", "35010")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("address.regionCode")));
    }
}
