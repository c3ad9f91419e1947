package com.starcert.outlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.OutletChanged;
import com.starcert.contracts.Topics;
import com.starcert.outlet.network.Outlet;
import tools.jackson.databind.JsonNode;

class OutletApiTest extends ApiIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ApplicationContext context;

    @Test
    void registersOutletsAndPublishesOutletChanged() throws Exception {
        String enterpriseId = registerEnterprise("网点企业");
        String body = admin.perform(post("/api/enterprises/{id}/outlets", enterpriseId)
                        .contentType(MediaType.APPLICATION_JSON).header("X-Correlation-Id", "corr-outlet")
                        .content(outletBody("福州总部", "HEADQUARTERS", "350102")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/enterprises/" + enterpriseId + "/outlets/")))
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.enterpriseId").value(enterpriseId))
                .andExpect(jsonPath("$.name").value("福州总部"))
                .andExpect(jsonPath("$.kind").value("HEADQUARTERS"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.address.regionCode").value("350102"))
                .andExpect(jsonPath("$.address.province").value("35"))
                .andExpect(jsonPath("$.address.line").value("服务路 8 号"))
                .andExpect(jsonPath("$.contact.phone").value("13912345678"))
                .andExpect(jsonPath("$.serviceHours.daysPerWeek").value(7))
                .andExpect(jsonPath("$.serviceHours.hoursPerDay").value(12))
                .andExpect(jsonPath("$.commitments.responseHours").value(2))
                .andExpect(jsonPath("$.commitments.onSiteHours").value(4))
                .andExpect(jsonPath("$.commitments.resolutionHours").value(24))
                .andExpect(jsonPath("$.registeredAt").isString())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.history", hasSize(0)))
                .andExpect(jsonPath("$.outbox").doesNotExist())
                .andExpect(jsonPath("$.centralFunctionSlot").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        JsonNode outlet = json(body);
        String outletId = outlet.get("id").asString();
        String branch = registerOutlet(enterpriseId, "广州网点", "BRANCH", "440106");

        admin.perform(get("/api/enterprises/{id}/outlets/{o}", enterpriseId, outletId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registeredAt").value(outlet.get("registeredAt").asString()));

        List<CloudEvent> events = eventsOf(Topics.OUTLET_CHANGED, enterpriseId, 2);
        assertThat(events).hasSize(2);
        CloudEvent first = events.stream().filter(e -> outletId.equals(e.subject())).findFirst().orElseThrow();
        assertThat(first.specversion()).isEqualTo("1.0");
        assertThat(first.type()).isEqualTo("com.starcert.outlet.changed.v1");
        assertThat(first.enterpriseid()).isEqualTo(enterpriseId);
        assertThat(first.correlationid()).isEqualTo("corr-outlet");
        OutletChanged data = codec.data(first, OutletChanged.class);
        assertThat(data.enterpriseId()).isEqualTo(enterpriseId);
        assertThat(data.outletId()).isEqualTo(outletId);
        assertThat(data.change()).isEqualTo(OutletChanged.Change.REGISTERED);
        assertThat(data.version()).isEqualTo(1);
        assertThat(data.kind()).isEqualTo(OutletChanged.OutletKind.HEADQUARTERS);
        assertThat(data.status()).isEqualTo(OutletChanged.OutletStatus.ACTIVE);
        assertThat(data.regionCode()).isEqualTo("350102");
        assertThat(data.addressLine()).isEqualTo("服务路 8 号");
        assertThat(data.registeredAt().toString()).isEqualTo(outlet.get("registeredAt").asString());
        assertThat(events).extracting(CloudEvent::subject).containsExactlyInAnyOrder(outletId, branch);
    }

    @Test
    void oneHeadquartersPerEnterpriseAndOneOutletPerNameAndAddress() throws Exception {
        String enterpriseId = registerEnterprise("唯一性企业");
        registerOutlet(enterpriseId, "总部", "HEADQUARTERS", "110105");
        admin.perform(post("/api/enterprises/{id}/outlets", enterpriseId).contentType(MediaType.APPLICATION_JSON)
                        .content(outletBody("第二总部", "HEADQUARTERS", "310115")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));

        registerOutlet(enterpriseId, "朝阳网点", "BRANCH", "110105");
        admin.perform(post("/api/enterprises/{id}/outlets", enterpriseId).contentType(MediaType.APPLICATION_JSON)
                        .content(outletBody(" 朝阳网点 ", "PARTNER", "110105")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        // the same name elsewhere, or at another enterprise, is fine
        registerOutlet(enterpriseId, "朝阳网点", "BRANCH", "110106");
        registerOutlet(registerEnterprise("另一企业"), "朝阳网点", "BRANCH", "110105");
        assertThat(mongo.count(Query.query(Criteria.where("enterpriseId").is(enterpriseId)), Outlet.class))
                .isEqualTo(3);
    }

    @Test
    void concurrentHeadquartersRegistrationsLeaveOne() throws Exception {
        String enterpriseId = registerEnterprise("并发总部企业");
        List<Integer> statuses = parallel(6, n -> admin.perform(post("/api/enterprises/{id}/outlets", enterpriseId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(outletBody("总部" + n, "HEADQUARTERS", "350102")))
                .andReturn().getResponse().getStatus());
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
    }

    @Test
    void everyBadOutletFieldIsListedInOneAnswer() throws Exception {
        String enterpriseId = registerEnterprise("错误网点企业");
        admin.perform(post("/api/enterprises/{id}/outlets", enterpriseId).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "", "address": {"regionCode": "720000", "line": "x"},
                                 "contact": {"name": "王", "phone": "010-1234"},
                                 "serviceHours": {"daysPerWeek": 8, "hoursPerDay": 0},
                                 "commitments": {"responseHours": 48, "onSiteHours": 0, "resolutionHours": 24}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "kind", "address.regionCode",
                        "contact.phone", "serviceHours.daysPerWeek", "serviceHours.hoursPerDay",
                        "commitments.responseHours", "commitments.onSiteHours")));
        admin.perform(post("/api/enterprises/{id}/outlets", enterpriseId).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(11)));
        assertThat(mongo.count(Query.query(Criteria.where("enterpriseId").is(enterpriseId)), Outlet.class)).isZero();
    }

    @Test
    void aWrongEnumValueIsA400NamingTheField() throws Exception {
        String enterpriseId = registerEnterprise("枚举企业");
        admin.perform(post("/api/enterprises/{id}/outlets", enterpriseId).contentType(MediaType.APPLICATION_JSON)
                        .content(outletBody("网点", "SHOP", "350102")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].reason", containsString("HEADQUARTERS")));
        admin.perform(post("/api/enterprises/{id}/outlets", enterpriseId).contentType(MediaType.APPLICATION_JSON)
                        .content(outletBody("网点", "BRANCH", "350102").replace("\"hoursPerDay\": 12",
                                "\"hoursPerDay\": \"twelve\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("serviceHours.hoursPerDay"));
        admin.perform(get("/api/enterprises/{id}/outlets", enterpriseId).param("kind", "SHOP"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        assertThat(context.getBeansOfType(ResponseEntityExceptionHandler.class)).hasSize(1);
    }

    @Test
    void anUnknownEnterpriseOrOutletIsA404() throws Exception {
        String unknown = "0123456789abcdef01234567";
        admin.perform(post("/api/enterprises/{id}/outlets", unknown).contentType(MediaType.APPLICATION_JSON)
                        .content(outletBody("网点", "BRANCH", "350102")))
                .andExpect(status().isNotFound());
        admin.perform(get("/api/enterprises/{id}/outlets", unknown)).andExpect(status().isNotFound());
        String enterpriseId = registerEnterprise("有企业无网点");
        admin.perform(get("/api/enterprises/{id}/outlets/{o}", enterpriseId, unknown)).andExpect(status().isNotFound());
        admin.perform(get("/api/enterprises/{id}/outlets", enterpriseId))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)))
                .andExpect(header().string("X-Total-Count", "0"));
        // an outlet is found only under its own enterprise
        String other = registerEnterprise("别家企业");
        String outlet = registerOutlet(other, "别家网点", "BRANCH", "350102");
        admin.perform(get("/api/enterprises/{id}/outlets/{o}", enterpriseId, outlet)).andExpect(status().isNotFound());
    }

    @Test
    void listsWithFiltersAndPages() throws Exception {
        String enterpriseId = registerEnterprise("列表企业");
        String hq = registerOutlet(enterpriseId, "总部", "HEADQUARTERS", "410105");
        String zz = registerOutlet(enterpriseId, "郑州", "BRANCH", "410102");
        String gz = registerOutlet(enterpriseId, "广州", "BRANCH", "440106");
        String hz = registerOutlet(enterpriseId, "杭州", "PARTNER", "330106");
        changeStatus(enterpriseId, gz, "SUSPENDED", "装修").andExpect(status().isOk());

        admin.perform(get("/api/enterprises/{id}/outlets", enterpriseId))
                .andExpect(status().isOk()).andExpect(header().string("X-Total-Count", "4"))
                .andExpect(jsonPath("$[*].id", contains(hq, zz, gz, hz)));
        admin.perform(get("/api/enterprises/{id}/outlets", enterpriseId).param("kind", "BRANCH"))
                .andExpect(jsonPath("$[*].id", contains(zz, gz)));
        admin.perform(get("/api/enterprises/{id}/outlets", enterpriseId).param("status", "ACTIVE"))
                .andExpect(header().string("X-Total-Count", "3"))
                .andExpect(jsonPath("$[*].id", contains(hq, zz, hz)));
        admin.perform(get("/api/enterprises/{id}/outlets", enterpriseId).param("province", "41"))
                .andExpect(jsonPath("$[*].id", contains(hq, zz)));
        admin.perform(get("/api/enterprises/{id}/outlets", enterpriseId).param("province", "41")
                        .param("kind", "BRANCH").param("status", "ACTIVE"))
                .andExpect(jsonPath("$[*].id", contains(zz)));
        admin.perform(get("/api/enterprises/{id}/outlets", enterpriseId).param("page", "1").param("size", "3"))
                .andExpect(header().string("X-Total-Count", "4"))
                .andExpect(jsonPath("$[*].id", contains(hz)));
        admin.perform(get("/api/enterprises/{id}/outlets", enterpriseId).param("size", "1001").param("page", "-1")
                        .param("province", "99"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("size", "page", "province")));
    }

    @Test
    void statusChangesKeepHistoryPublishAndCloseForGood() throws Exception {
        String enterpriseId = registerEnterprise("状态企业");
        String outletId = registerOutlet(enterpriseId, "厦门网点", "BRANCH", "350203");

        admin.perform(post("/api/enterprises/{id}/outlets/{o}/status", enterpriseId, outletId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"SUSPENDED\", \"reason\": \"装修\", \"effectiveFrom\": \"2026-01-05\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.history", hasSize(1)))
                .andExpect(jsonPath("$.history[0].status").value("SUSPENDED"))
                .andExpect(jsonPath("$.history[0].reason").value("装修"))
                .andExpect(jsonPath("$.history[0].effectiveFrom").value("2026-01-05"))
                .andExpect(jsonPath("$.history[0].at").isString());
        changeStatus(enterpriseId, outletId, "SUSPENDED", "again").andExpect(status().isConflict());
        changeStatus(enterpriseId, outletId, "ACTIVE", "重新营业")
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.history[1].effectiveFrom").isString());
        changeStatus(enterpriseId, outletId, "CLOSED", "撤店")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.version").value(4));
        changeStatus(enterpriseId, outletId, "ACTIVE", "想重开").andExpect(status().isConflict());
        changeStatus(enterpriseId, outletId, "SUSPENDED", "x").andExpect(status().isConflict());

        admin.perform(get("/api/enterprises/{id}/outlets/{o}", enterpriseId, outletId))
                .andExpect(jsonPath("$.history[*].status", contains("SUSPENDED", "ACTIVE", "CLOSED")))
                .andExpect(jsonPath("$.version").value(4));

        List<CloudEvent> events = eventsOf(Topics.OUTLET_CHANGED, enterpriseId, 4);
        List<OutletChanged> changes = events.stream().map(e -> codec.data(e, OutletChanged.class)).toList();
        assertThat(changes).extracting(OutletChanged::change).containsExactly(OutletChanged.Change.REGISTERED,
                OutletChanged.Change.SUSPENDED, OutletChanged.Change.UPDATED, OutletChanged.Change.CLOSED);
        assertThat(changes).extracting(OutletChanged::version).containsExactly(1L, 2L, 3L, 4L);
        assertThat(changes).extracting(OutletChanged::status).containsExactly(OutletChanged.OutletStatus.ACTIVE,
                OutletChanged.OutletStatus.SUSPENDED, OutletChanged.OutletStatus.ACTIVE,
                OutletChanged.OutletStatus.CLOSED);
    }

    @Test
    void aStatusChangeNeedsAReasonAndAKnownStatus() throws Exception {
        String enterpriseId = registerEnterprise("原因企业");
        String outletId = registerOutlet(enterpriseId, "网点", "BRANCH", "350203");
        admin.perform(post("/api/enterprises/{id}/outlets/{o}/status", enterpriseId, outletId)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"SUSPENDED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        admin.perform(post("/api/enterprises/{id}/outlets/{o}/status", enterpriseId, outletId)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"PAUSED\", \"reason\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        admin.perform(post("/api/enterprises/{id}/outlets/{o}/status", enterpriseId, outletId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"SUSPENDED\", \"reason\": \"x\", \"effectiveFrom\": \"2999-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));
        admin.perform(get("/api/enterprises/{id}/outlets/{o}", enterpriseId, outletId))
                .andExpect(jsonPath("$.status").value("ACTIVE")).andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void concurrentStatusChangesCannotBothWin() throws Exception {
        // with If-Match every writer names the version it read: exactly one wins, the others get 412
        String enterpriseId = registerEnterprise("并发状态企业");
        String outletId = registerOutlet(enterpriseId, "网点", "BRANCH", "350203");
        List<Integer> statuses = parallel(6, n -> admin.perform(post("/api/enterprises/{id}/outlets/{o}/status",
                        enterpriseId, outletId).contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"1\"")
                        .content("{\"status\": \"" + (n % 2 == 0 ? "SUSPENDED" : "CLOSED") + "\", \"reason\": \"并发"
                                + n + "\"}"))
                .andReturn().getResponse().getStatus());
        assertThat(statuses).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
        admin.perform(get("/api/enterprises/{id}/outlets/{o}", enterpriseId, outletId))
                .andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.history", hasSize(1)));
    }

    @Test
    void concurrentStatusChangesWithoutIfMatchNeverLoseAChange() throws Exception {
        // issue-2 clients send no If-Match: a writer that read a version someone else changed meanwhile gets 409;
        // one that started after that change may legitimately apply its own on top, so count what succeeded
        String enterpriseId = registerEnterprise("并发状态企业二");
        String outletId = registerOutlet(enterpriseId, "网点", "BRANCH", "350203");
        List<Integer> statuses = parallel(6, n -> changeStatus(enterpriseId, outletId, n % 2 == 0 ? "SUSPENDED" : "CLOSED",
                "并发" + n).andReturn().getResponse().getStatus());
        assertThat(statuses).containsOnly(200, 409).contains(200);
        long won = statuses.stream().filter(s -> s == 200).count();
        admin.perform(get("/api/enterprises/{id}/outlets/{o}", enterpriseId, outletId))
                .andExpect(jsonPath("$.version").value(1 + (int) won))
                .andExpect(jsonPath("$.history", hasSize((int) won)));
    }

    @Test
    void aClosedHeadquartersLetsTheEnterpriseRegisterItsNewOne() throws Exception {
        String enterpriseId = registerEnterprise("搬迁总部企业");
        String old = registerOutlet(enterpriseId, "旧总部", "HEADQUARTERS", "350102");
        changeStatus(enterpriseId, old, "CLOSED", "搬迁").andExpect(status().isOk());
        registerOutlet(enterpriseId, "新总部", "HEADQUARTERS", "350104");
    }

    @Test
    void aRefusedOutletPublishesNothing() throws Exception {
        String enterpriseId = registerEnterprise("拒绝网点企业");
        registerOutlet(enterpriseId, "总部", "HEADQUARTERS", "350102");
        String refused = "拒绝-" + UUID.randomUUID();
        admin.perform(post("/api/enterprises/{id}/outlets", enterpriseId).contentType(MediaType.APPLICATION_JSON)
                .content(outletBody(refused, "HEADQUARTERS", "350102"))).andExpect(status().isConflict());
        admin.perform(post("/api/enterprises/{id}/outlets", enterpriseId).contentType(MediaType.APPLICATION_JSON)
                .content(outletBody(refused, "BRANCH", "350102").replace("\"onSiteHours\": 4", "\"onSiteHours\": 48")))
                .andExpect(status().isBadRequest());
        String marker = registerOutlet(enterpriseId, "标记", "BRANCH", "350102");
        var seen = readUntil(Topics.OUTLET_CHANGED, records -> records.stream()
                .anyMatch(r -> r.value().contains(marker)));
        assertThat(seen).anyMatch(r -> r.value().contains(marker));
        assertThat(seen).noneMatch(r -> r.value().contains(refused));
        assertThat(mongo.count(Query.query(Criteria.where("name").is(refused)), Outlet.class)).isZero();
    }

    private org.springframework.test.web.servlet.ResultActions changeStatus(String enterpriseId, String outletId,
            String status, String reason) throws Exception {
        return admin.perform(post("/api/enterprises/{id}/outlets/{o}/status", enterpriseId, outletId)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"" + status + "\", \"reason\": \"" + reason + "\"}"));
    }

    interface Call {
        int run(int n) throws Exception;
    }

    private static List<Integer> parallel(int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                futures.add(pool.submit(() -> call.run(n)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
