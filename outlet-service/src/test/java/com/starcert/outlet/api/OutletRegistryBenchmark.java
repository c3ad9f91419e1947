package com.starcert.outlet.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.starcert.outlet.registry.Province;

/**
 * Prints how long importing 10 000 outlets takes (until COMPLETED) and how long one page of an enterprise's
 * outlets in a province takes with 10 000 active outlets. Not a timed test and not run by {@code mvn verify}:
 * {@code mvn -o -q -pl outlet-service test -Dtest=OutletRegistryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Runs against the in-process Mongo wire server (memory backend), which scans instead of using non-unique indexes.
 * The outbox relay publishes the imported outlets' events meanwhile, as in production (each stored chunk is
 * handed to it at once and claimed by id); {@code -Dbenchmark.relay-interval=…} sets its safety-net pass.
 */
@org.springframework.test.context.TestPropertySource(properties =
        "starcert.messaging.outbox.poll-interval=${benchmark.relay-interval:1s}")
class OutletRegistryBenchmark extends ApiIntegrationTest {

    private static final int OUTLETS = 10_000;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;
    private static final String[] PROVINCES = Arrays.stream(Province.values()).map(Province::code)
            .toArray(String[]::new);

    private static String file(int rows) {
        StringBuilder csv = new StringBuilder(ImportApiTest.HEADER);
        for (int i = 0; i < rows; i++) {
            String province = PROVINCES[i % PROVINCES.length];
            csv.append("网点 ").append(i).append(',').append(i == 0 ? "HEADQUARTERS" : i % 3 == 0 ? "PARTNER" : "BRANCH")
                    .append(',').append(province).append("0").append(1 + i % 9).append("02,")
                    .append("\"服务大道 ").append(i).append(" 号\",王工,13912345678,7,12,")
                    .append(1 + i % 4).append(',').append(2 + i % 6).append(',').append(24 + i % 24)
                    .append(",yes,上门检测;清洗,").append(i % 5).append('\n');
        }
        return csv.toString();
    }

    /** Imports {@code OUTLETS} outlets into a new enterprise; returns {validateMillis, totalMillis}. */
    private long[] importInto(String enterpriseId) throws Exception {
        byte[] content = file(OUTLETS).getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        String location = admin.perform(post("/api/enterprises/{id}/outlets/imports", enterpriseId)
                        .contentType("text/csv").content(content))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        long accepted = System.nanoTime();
        while (true) {
            String state = json(admin.perform(get(location)).andReturn().getResponse().getContentAsString())
                    .get("state").asString();
            if (state.equals("COMPLETED")) {
                break;
            }
            if (state.equals("FAILED")) {
                throw new AssertionError("import failed");
            }
            Thread.sleep(20);
        }
        long done = System.nanoTime();
        return new long[] {(accepted - start) / 1_000_000, (done - start) / 1_000_000};
    }

    @Test
    void importOfTenThousandOutlets() throws Exception {
        importInto(registerEnterprise("预热企业"));  // warm-up: JIT, indexes, connections
        String enterpriseId = registerEnterprise("导入基准企业");
        long start = System.nanoTime();
        long[] t = importInto(enterpriseId);
        org.springframework.data.mongodb.core.query.Query pending = org.springframework.data.mongodb.core.query.Query
                .query(org.springframework.data.mongodb.core.query.Criteria.where("outbox.eventId").exists(true));
        while (mongo.count(pending, "outlets") > 0) {
            Thread.sleep(50);
        }
        long published = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%nBENCHMARK import of %d outlets (CSV, %d KB): checked and accepted in %d ms, "
                        + "COMPLETED after %d ms, every OutletChanged acknowledged by the broker after %d ms%n%n",
                OUTLETS, file(OUTLETS).getBytes(StandardCharsets.UTF_8).length / 1024, t[0], t[1], published);
    }

    @Test
    void listingByProvinceWithTenThousandActiveOutlets() throws Exception {
        String enterpriseId = registerEnterprise("列表基准企业");
        importInto(enterpriseId);
        for (int i = 0; i < 20; i++) {
            page(enterpriseId, "41", 0, "name,asc");
        }
        report("province=41, page 0 of 100, by id", enterpriseId, "41", 0, null);
        report("province=41, page 2 of 100, sort=name,asc", enterpriseId, "41", 2, "name,asc");
        report("province=44, onSiteWithinHours=4, page 0", enterpriseId, "44", 0, null);
        List<Long> coverage = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long s = System.nanoTime();
            admin.perform(get("/api/enterprises/{id}/coverage", enterpriseId)).andExpect(status().isOk());
            coverage.add((System.nanoTime() - s) / 1000);
        }
        print("coverage of all provinces", coverage);
    }

    private void report(String what, String enterpriseId, String province, int page, String sort) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long s = System.nanoTime();
            page(enterpriseId, province, page, sort);
            micros.add((System.nanoTime() - s) / 1000);
        }
        print(what, micros);
    }

    private void page(String enterpriseId, String province, int page, String sort) throws Exception {
        var request = get("/api/enterprises/{id}/outlets", enterpriseId).param("province", province)
                .param("page", String.valueOf(page)).param("size", "100");
        if (sort != null) {
            request.param("sort", sort);
        }
        if (province.equals("44")) {
            request.param("onSiteWithinHours", "4");
        }
        admin.perform(request).andExpect(status().isOk());
    }

    private static void print(String what, List<Long> micros) {
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("BENCHMARK %d outlets, %s: median %.1f ms, p95 %.1f ms, max %.1f ms (%d requests)%n",
                OUTLETS, what, sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get((int) (sorted.size() * 0.95)) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0,
                sorted.size());
    }
}
