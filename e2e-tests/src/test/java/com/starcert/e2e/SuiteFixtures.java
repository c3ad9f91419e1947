package com.starcert.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import com.starcert.infra.Credentials;
import com.starcert.infra.FreePorts;
import com.starcert.infra.Infrastructure;
import com.starcert.infra.LocalSuite;
import com.starcert.infra.SuiteClient;

/** Starting the whole suite for a test class, and the enterprises, outlets and audits the end-to-end tests make. */
final class SuiteFixtures {

    private SuiteFixtures() {
    }

    /** The suite on free ports over {@code infra}; logs and data under {@code e2e-tests/target/<name>-…}. */
    static LocalSuite start(Infrastructure infra, String name, Map<String, String> environment) throws Exception {
        Path root = Path.of(System.getProperty("starcert.root", "..")).toAbsolutePath().normalize();
        Path data = root.resolve("e2e-tests/target/" + name + "-data");
        Files.deleteIfExists(data.resolve(Credentials.FILE));
        return LocalSuite.start(root, infra, true, root.resolve("e2e-tests/target/" + name + "-logs"), data,
                defaultPort -> FreePorts.next(), environment);
    }

    static String registerEnterprise(SuiteClient api, String name, String uscc) {
        return api.post("/api/enterprises", Map.of("name", name, "uscc", uscc,
                "address", Map.of("regionCode", "410105", "line", "郑州市金水区花园路 1 号"),
                "contact", Map.of("name", "张伟", "phone", "0371-65551234"))).expect(201).text("id");
    }

    static void registerOutlet(SuiteClient api, String enterpriseId, String name, String kind, String region) {
        api.post("/api/enterprises/" + enterpriseId + "/outlets", Map.of("name", name, "kind", kind,
                "address", Map.of("regionCode", region, "line", name + " 1 号"),
                "contact", Map.of("name", "服务经理", "phone", "13912345678"),
                "serviceHours", Map.of("daysPerWeek", 7, "hoursPerDay", 10),
                "commitments", Map.of("responseHours", 2, "onSiteHours", 4, "resolutionHours", 24))).expect(201);
    }

    /** audit-service's view of the enterprise once it holds {@code activeOutlets} active outlets. */
    static JsonNode awaitScope(SuiteClient api, String enterpriseId, int activeOutlets) {
        return api.await("/api/enterprises/" + enterpriseId + "/audit-scope",
                r -> r.status() == 200 && r.body().path("activeOutlets").asInt() == activeOutlets,
                Duration.ofSeconds(60)).body();
    }

    /** An initial audit planned by the CB admin with {@code leadAuditor} leading it. */
    static JsonNode plan(SuiteClient api, String enterpriseId, String leadAuditor) {
        return api.post("/api/audits", Map.of("enterpriseId", enterpriseId, "type", "INITIAL",
                "team", Map.of("leadAuditor", leadAuditor, "members", List.of()))).expect(201).body();
    }
}
