package com.starcert.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.starcert.infra.AuditWorksheet;
import com.starcert.infra.Demo;
import com.starcert.infra.FreePorts;
import com.starcert.infra.Infrastructure;
import com.starcert.infra.LocalSuite;
import com.starcert.infra.SuiteClient;
import com.starcert.infra.Tokens;

/**
 * What checking the token and the rules costs a reader of a certificate, through the gateway (issue 7's target:
 * at most 10 % more latency). Not part of the build — run it on purpose:
 * <pre>./mvnw -q install -DskipTests && ./mvnw -q -pl e2e-tests test -Dtest=SecurityOverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Both requests go gateway → certificate-service → one certificate look-up by number:
 * <ul>
 *   <li>without security: {@code GET /api/public/certificates/{number}} with no token — no token validation at the
 *   gateway or in the service, no rule (the public rate limit is raised for the run, and the request says
 *   {@code Cache-Control: no-store} so that the gateway's cache of public answers does not answer it: every request
 *   reaches certificate-service, as a secured one does);</li>
 *   <li>with security: {@code GET /api/certificates/{number}} with a CB_ADMIN access token — signature, issuer,
 *   audience and expiry checked at the gateway and again in certificate-service, route rule, role rule and the
 *   object-level check.</li>
 * </ul>
 * Rounds alternate between the two so that a busy moment of the machine falls on both; one client, requests one
 * after another, so the figure is latency rather than throughput.
 */
class SecurityOverheadBenchmark {

    private static final int WARM_UP = 3_000;
    private static final int ROUNDS = 10;
    private static final int PER_ROUND = 500;

    @Test
    void tokenCheckingAddsLittleToACertificateLookUp() throws Exception {
        Path root = Path.of(System.getProperty("starcert.root", "..")).toAbsolutePath().normalize();
        Infrastructure infra = Infrastructure.forTests();
        try (LocalSuite suite = LocalSuite.start(root, infra, true, root.resolve("e2e-tests/target/bench-logs"),
                root.resolve("e2e-tests/target/bench-data"), p -> FreePorts.next(), Map.of(
                        "STARCERT_GATEWAY_PUBLICRATELIMIT_REQUESTSPERSECOND", "1000000",
                        "STARCERT_GATEWAY_PUBLICRATELIMIT_BURST", "1000000"))) {
            SuiteClient anonymous = new SuiteClient(suite.gatewayUrl());
            Tokens adminTokens = Tokens.forClient(suite.credentials(), "starcert-admin");
            String number = certify(anonymous.as(adminTokens), anonymous.as(Tokens.forClient(suite.credentials(),
                    "starcert-auditor")));
            String token = adminTokens.get();

            HttpClient http = HttpClient.newHttpClient();
            String gateway = suite.gatewayUrl();
            String direct = suite.url("certificate-service");
            Map<String, HttpRequest> requests = new java.util.LinkedHashMap<>();
            requests.put("without security (public, no token)", get(gateway + "/api/public/certificates/" + number,
                    null));
            requests.put("public with a token (token checked)", get(gateway + "/api/public/certificates/" + number,
                    token));
            requests.put("with security (token, rules)", get(gateway + "/api/certificates/" + number, token));
            requests.put("direct: public, no token", get(direct + "/api/public/certificates/" + number, null));
            requests.put("direct: with security", get(direct + "/api/certificates/" + number, token));
            Map<String, Integer> sizes = new java.util.HashMap<>();
            for (Map.Entry<String, HttpRequest> request : requests.entrySet()) {
                run(http, request.getValue(), WARM_UP);
                sizes.put(request.getKey(), http.send(request.getValue(), HttpResponse.BodyHandlers.ofByteArray())
                        .body().length);
            }
            Map<String, long[]> nanos = new java.util.LinkedHashMap<>();
            requests.keySet().forEach(name -> nanos.put(name, new long[ROUNDS * PER_ROUND]));
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, HttpRequest> request : requests.entrySet()) {
                    System.arraycopy(run(http, request.getValue(), PER_ROUND), 0, nanos.get(request.getKey()),
                            round * PER_ROUND, PER_ROUND);
                }
            }
            System.out.println();
            System.out.printf("Certificate look-up, one client, %d requests each (%s)%n",
                    ROUNDS * PER_ROUND, Runtime.getRuntime().availableProcessors() + " cores");
            Map<String, Stats> stats = new java.util.LinkedHashMap<>();
            nanos.forEach((name, figures) -> {
                Stats of = Stats.of(figures);
                stats.put(name, of);
                System.out.printf("  %-38s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  mean %6.2f ms  %5d bytes%n",
                        name, of.p50, of.p90, of.p99, of.mean, sizes.get(name));
            });
            Stats off = stats.get("without security (public, no token)");
            Stats tokenOnly = stats.get("public with a token (token checked)");
            Stats on = stats.get("with security (token, rules)");
            System.out.printf("  added by security: p50 %+.1f %%, mean %+.1f %% (target ≤ 10 %%)%n",
                    100 * (on.p50 / off.p50 - 1), 100 * (on.mean / off.mean - 1));
            System.out.printf("  of which checking the token on the same answer: p50 %+.1f %%, mean %+.1f %%%n",
                    100 * (tokenOnly.p50 / off.p50 - 1), 100 * (tokenOnly.mean / off.mean - 1));
        }
    }

    private static HttpRequest get(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (url.contains("/api/public/")) {
            builder.header("Cache-Control", "no-store"); // past the gateway's cache, to the service like the rest
        }
        return builder.build();
    }

    private static long[] run(HttpClient http, HttpRequest request, int count) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            nanos[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                        + new String(response.body()));
            }
        }
        return nanos;
    }

    /** An enterprise with one outlet, audited and certified, through the gateway; answers the certificate number. */
    private static String certify(SuiteClient admin, SuiteClient auditor) {
        String enterpriseId = admin.post("/api/enterprises", Map.of("name", "基准测试服务有限公司",
                "uscc", Demo.randomUscc("410100"),
                "address", Map.of("regionCode", "410105", "line", "郑州市金水区花园路 1 号"),
                "contact", Map.of("name", "张伟", "phone", "0371-65551234"))).expect(201).text("id");
        admin.post("/api/enterprises/" + enterpriseId + "/outlets", Map.of("name", "郑州网点", "kind", "BRANCH",
                "address", Map.of("regionCode", "410102", "line", "郑州网点 1 号"),
                "contact", Map.of("name", "服务经理", "phone", "13912345678"),
                "serviceHours", Map.of("daysPerWeek", 7, "hoursPerDay", 10),
                "commitments", Map.of("responseHours", 2, "onSiteHours", 4, "resolutionHours", 24))).expect(201);
        admin.await("/api/enterprises/" + enterpriseId + "/audit-scope",
                r -> r.status() == 200 && r.body().path("activeOutlets").asInt() == 1, Duration.ofSeconds(60));
        JsonNode audit = admin.post("/api/audits", Map.of("enterpriseId", enterpriseId, "type", "INITIAL",
                "team", Map.of("leadAuditor", "starcert-auditor", "members", List.of()))).expect(201).body();
        String auditId = audit.path("id").asString();
        AuditWorksheet sheet = new AuditWorksheet(audit);
        for (String site : sheet.siteIds()) {
            auditor.put("/api/audits/" + auditId + "/findings", sheet.siteBody(site)).expect(200);
        }
        auditor.post("/api/audits/" + auditId + "/submit", Map.of()).expect(202);
        admin.await("/api/audits/" + auditId, r -> "DECIDED".equals(r.text("status")), Duration.ofSeconds(90));
        return admin.get("/api/certificates?enterpriseId=" + enterpriseId).expect(200).body().get(0)
                .path("number").asString();
    }

    private record Stats(double p50, double p90, double p99, double mean) {
        static Stats of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Stats(ms(sorted[sorted.length / 2]), ms(sorted[(int) (sorted.length * 0.9)]),
                    ms(sorted[(int) (sorted.length * 0.99)]), Arrays.stream(sorted).average().orElse(0) / 1e6);
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }
}
