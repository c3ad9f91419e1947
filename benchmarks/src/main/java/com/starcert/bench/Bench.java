package com.starcert.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.common.utils.Utils;
import tools.jackson.databind.json.JsonMapper;

import com.starcert.infra.EmbeddedInfrastructure;
import com.starcert.infra.FreePorts;
import com.starcert.infra.Infrastructure;
import com.starcert.infra.LocalSuite;
import com.starcert.infra.SuiteClient;
import com.starcert.infra.Tokens;

/**
 * {@code ./starcert bench}: starts the suite on embedded infrastructure (fresh data, free ports, the public rate
 * limit raised for the run), measures what issue 8's table asks for, prints one table and writes it as JSON to
 * {@code ./data/bench/}. {@code --only P1a,P2a} runs some of them.
 */
public final class Bench {

    /** One line of the table. {@code met} is null where there is no single target to compare with. */
    record Row(String id, String what, String target, String figure, Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private LocalSuite suite;
    private Infrastructure infra;
    private SuiteClient admin;
    private Fixtures fixtures;
    private String number;
    private String adminToken;

    public static void main(String[] args) throws Exception {
        Set<String> only = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--only") && i + 1 < args.length) {
                only.addAll(Arrays.asList(args[++i].split(",")));
            }
        }
        System.exit(new Bench().run(only) ? 0 : 1);
    }

    private boolean run(Set<String> only) throws Exception {
        Path root = Path.of(System.getProperty("starcert.root", ".")).toAbsolutePath().normalize();
        String stamp = OffsetDateTime.now(ZoneOffset.UTC).toString().replace(':', '-').substring(0, 19);
        Path out = Path.of(System.getenv().getOrDefault("STARCERT_DATA_DIR", root.resolve("data").toString()))
                .resolve("bench");
        Path work = out.resolve("run-" + stamp);
        long started = System.nanoTime();
        infra = EmbeddedInfrastructure.forTests();
        // Ctrl-C stops the applications too
        Thread stop = new Thread(() -> {
            if (suite != null) {
                suite.close();
            }
        }, "bench-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            suite = LocalSuite.start(root, infra, true, work.resolve("logs"), work, p -> FreePorts.next(), Map.of(
                    "STARCERT_GATEWAY_PUBLICRATELIMIT_REQUESTSPERSECOND", "1000000",
                    "STARCERT_GATEWAY_PUBLICRATELIMIT_BURST", "1000000"));
            double startSeconds = (System.nanoTime() - started) / 1e9;
            adminTokens = Tokens.forClient(suite.credentials(), "starcert-admin");
            admin = new SuiteClient(suite.gatewayUrl()).as(adminTokens);
            fixtures = new Fixtures(admin, new SuiteClient(suite.gatewayUrl())
                    .as(Tokens.forClient(suite.credentials(), "starcert-auditor")));
            adminToken = adminTokens.get();
            if (wanted(only, "P1a") || wanted(only, "P1b")) {
                Fixtures.ReadyAudit audit = fixtures.readyAudit(0);
                new SuiteClient(suite.gatewayUrl()).as(Tokens.forClient(suite.credentials(), "starcert-auditor"))
                        .post("/api/audits/" + audit.auditId() + "/submit", Map.of()).expect(202);
                admin.await("/api/audits/" + audit.auditId(), r -> "DECIDED".equals(r.text("status")),
                        Duration.ofSeconds(90));
                number = admin.get("/api/certificates?enterpriseId=" + audit.enterpriseId()).expect(200).body().get(0)
                        .path("number").asString();
            }
            step(only, "P1a", this::p1a);
            step(only, "P1b", this::p1b);
            step(only, "P2a", this::p2a);
            step(only, "P2b", this::p2b);
            step(only, "P3a", this::p3a);
            step(only, "P3b", this::p3b);
            step(only, "P4", () -> p4(startSeconds));
        } finally {
            if (suite != null) {
                suite.close();
                suite = null;
            } else {
                infra.close();
            }
        }
        step(only, "P2c", () -> p2c(root, work));
        print();
        write(out, stamp);
        return true;
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs one measurement; one that fails is a MISSED row with the reason, and the others still run. */
    private void step(Set<String> only, String id, Step step) {
        if (!wanted(only, id)) {
            return;
        }
        System.out.println("bench: " + id + " …");
        long start = System.nanoTime();
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            rows.add(new Row(id, "(did not complete)", "—", "failed: " + e, false));
        }
        System.out.printf("bench: %s done in %.0f s%n", id, (System.nanoTime() - start) / 1e9);
    }

    private static boolean wanted(Set<String> only, String id) {
        return only.isEmpty() || only.contains(id);
    }

    // ---- P1: reads through the gateway against the same reads straight at the service ----

    private void p1a() {
        GatewayVsDirect run = gatewayVsDirect("/api/public/certificates/" + number, null, 64, 24_000);
        rows.add(new Row("P1a", "public certificate, gateway vs service directly, 64 clients (rate limit raised)",
                "≥ 1.0× direct, only 2xx, p99 ≤ 20 ms", run.describe(),
                run.ratio() >= 1.0 && run.gateway().not2xx() == 0 && run.gateway().p99() <= 20));
    }

    private void p1b() {
        GatewayVsDirect run = gatewayVsDirect("/api/certificates/" + number, adminToken, 32, 12_000);
        rows.add(new Row("P1b", "GET /api/certificates/{number} with a token, gateway vs direct, 32 clients",
                "≥ 0.6× direct, p99 ≤ 2× direct", run.describe(), run.ratio() >= 0.6
                        && run.gateway().p99() <= 2 * run.service().p99() && run.gateway().not2xx() == 0));
    }

    /** The same GET through the gateway and straight at certificate-service, each warmed first. */
    private record GatewayVsDirect(Load.Result gateway, Load.Result service) {
        double ratio() {
            return gateway.throughput() / service.throughput();
        }

        String describe() {
            return String.format("%.2f× — gateway %s; direct %s", ratio(), gateway.describe(), service.describe());
        }
    }

    private GatewayVsDirect gatewayVsDirect(String path, String token, int clients, int requests) {
        Load.Get viaGateway = get(suite.gatewayUrl() + path, token);
        Load.Get direct = get(suite.url("certificate-service") + path, token);
        warm(viaGateway, clients);
        warm(direct, clients);
        return new GatewayVsDirect(Load.run(viaGateway, clients, requests), Load.run(direct, clients, requests));
    }

    // ---- P2: the event pipeline, submit → decision ----

    private void p2a() {
        List<Fixtures.ReadyAudit> audits = fixtures.readyAudits(1_000, 8);
        Set<String> ids = audits.stream().map(Fixtures.ReadyAudit::auditId).collect(Collectors.toSet());
        SuiteClient auditor = auditorClient();
        try (Decisions decisions = new Decisions(infra.kafkaBootstrapServers())) {
            Map<String, Long> submitted = new java.util.concurrent.ConcurrentHashMap<>();
            long first = System.nanoTime();
            var threads = Executors.newFixedThreadPool(32);
            for (Fixtures.ReadyAudit audit : audits) {
                threads.execute(() -> {
                    submitted.put(audit.auditId(), System.nanoTime());
                    auditor.post("/api/audits/" + audit.auditId() + "/submit", Map.of()).expect(202);
                });
            }
            threads.shutdown();
            awaitTermination(threads);
            double submitSeconds = (System.nanoTime() - first) / 1e9;
            decisions.awaitAll(ids, Duration.ofMinutes(3));
            long last = ids.stream().map(decisions::decidedAt).filter(java.util.Objects::nonNull)
                    .mapToLong(Long::longValue).max().orElse(first);
            double lastAfter = (last - first) / 1e9;
            long[] latencies = latencies(ids, submitted, decisions);
            int lost = ids.size() - decisions.decided(ids);
            int twice = decisions.decidedTwice(ids);
            rows.add(new Row("P2a", "1,000 initial audits submitted at once (32 clients)",
                    "last decision ≤ 20 s after the first submission; 0 lost, 0 duplicated",
                    String.format("last decision %.1f s after the first submission (submitting took %.1f s); "
                                    + "submit → decision p50 %.1f s, p99 %.1f s; lost %d, decided twice %d",
                            lastAfter, submitSeconds, Load.percentile(latencies, 0.5) / 1e3,
                            Load.percentile(latencies, 0.99) / 1e3, lost, twice),
                    lastAfter <= 20 && lost == 0 && twice == 0));
        }
    }

    private void p2b() {
        List<Fixtures.ReadyAudit> audits = fixtures.readyAudits(600, 8);
        Set<String> ids = audits.stream().map(Fixtures.ReadyAudit::auditId).collect(Collectors.toSet());
        SuiteClient auditor = auditorClient();
        try (Decisions decisions = new Decisions(infra.kafkaBootstrapServers())) {
            Map<String, Long> submitted = new java.util.concurrent.ConcurrentHashMap<>();
            ScheduledExecutorService pace = Executors.newScheduledThreadPool(4);
            for (int i = 0; i < audits.size(); i++) {
                Fixtures.ReadyAudit audit = audits.get(i);
                pace.schedule(() -> {
                    submitted.put(audit.auditId(), System.nanoTime());
                    auditor.post("/api/audits/" + audit.auditId() + "/submit", Map.of()).expect(202);
                }, i * 100L, TimeUnit.MILLISECONDS);
            }
            pace.shutdown();
            awaitTermination(pace);
            decisions.awaitAll(ids, Duration.ofMinutes(2));
            long[] latencies = latencies(ids, submitted, decisions);
            double p99 = Load.percentile(latencies, 0.99);
            int lost = ids.size() - decisions.decided(ids);
            rows.add(new Row("P2b", "10 audits per second for 60 s", "submit → decision p99 ≤ 250 ms",
                    String.format("p50 %.0f ms, p99 %.0f ms, max %.0f ms; lost %d", Load.percentile(latencies, 0.5),
                            p99, latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6, lost),
                    p99 <= 250 && lost == 0));
        }
    }

    /**
     * P2a on a suite of its own with two instances of audit, scoring and certificate service; one instance of each is
     * killed with SIGKILL once half the audits are submitted.
     */
    private void p2c(Path root, Path work) throws Exception {
        Infrastructure scaledInfra = EmbeddedInfrastructure.forTests();
        LocalSuite scaled = LocalSuite.start(root, scaledInfra, true, work.resolve("scaled-logs"),
                work.resolve("scaled"), p -> FreePorts.next(), Map.of(), Map.of("audit-service", 2,
                        "scoring-service", 2, "certificate-service", 2));
        suite = scaled;
        try {
            SuiteClient scaledAdmin = new SuiteClient(scaled.gatewayUrl())
                    .as(Tokens.forClient(scaled.credentials(), "starcert-admin"));
            SuiteClient scaledAuditor = new SuiteClient(scaled.gatewayUrl())
                    .as(Tokens.forClient(scaled.credentials(), "starcert-auditor"));
            List<Fixtures.ReadyAudit> audits = new Fixtures(scaledAdmin, scaledAuditor).readyAudits(1_000, 8);
            Set<String> ids = audits.stream().map(Fixtures.ReadyAudit::auditId).collect(Collectors.toSet());
            try (Decisions decisions = new Decisions(scaledInfra.kafkaBootstrapServers())) {
                var threads = Executors.newFixedThreadPool(32);
                java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
                java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
                Set<String> accepted = java.util.concurrent.ConcurrentHashMap.newKeySet();
                Map<Integer, Integer> refusals = new java.util.concurrent.ConcurrentSkipListMap<>();
                long[] killedAt = {0};
                for (Fixtures.ReadyAudit audit : audits) {
                    threads.execute(() -> {
                        // a submission that meets the killed instance is retried, as a client would
                        for (int attempt = 0; attempt < 5; attempt++) {
                            int status = scaledAuditor.post("/api/audits/" + audit.auditId() + "/submit", Map.of())
                                    .status();
                            if (status == 202 || status == 409) {
                                accepted.add(audit.auditId());
                                break;
                            }
                            refused.incrementAndGet();
                            refusals.merge(status, 1, Integer::sum);
                            Decisions.sleep(1_000);
                        }
                        if (sent.incrementAndGet() == audits.size() / 2) {
                            synchronized (killedAt) {
                                scaled.kill("audit-service", 2);
                                scaled.kill("scoring-service", 2);
                                scaled.kill("certificate-service", 2);
                                killedAt[0] = System.nanoTime();
                            }
                        }
                    });
                }
                threads.shutdown();
                awaitTermination(threads);
                decisions.awaitAll(accepted, Duration.ofMinutes(3));
                long last = accepted.stream().map(decisions::decidedAt).filter(java.util.Objects::nonNull)
                        .mapToLong(Long::longValue).max().orElse(killedAt[0]);
                double afterKill = (last - killedAt[0]) / 1e9;
                // lost: accepted (202) but never decided; a submission never accepted is reported on its own
                int lost = accepted.size() - decisions.decided(accepted);
                int twice = decisions.decidedTwice(ids);
                int neverAccepted = ids.size() - accepted.size();
                rows.add(new Row("P2c", "1,000 audits with 2 instances of audit, scoring and certificate service; "
                        + "one of each killed (SIGKILL) after half were submitted",
                        "0 lost, 0 duplicated, all decided within 20 s of the kill",
                        String.format("last decision %.1f s after the kill; lost %d, decided twice %d; "
                                + "submissions answered other than 202 and retried: %d %s, never accepted after 5 "
                                + "tries: %d", afterKill, lost, twice, refused.get(), refusals, neverAccepted),
                        afterKill <= 20 && lost == 0 && twice == 0 && neverAccepted == 0));
            }
        } finally {
            scaled.close();
            suite = null;
        }
    }

    /** Submit (before the request) → first decision event, sorted, in nanoseconds. */
    private static long[] latencies(Set<String> ids, Map<String, Long> submitted, Decisions decisions) {
        return ids.stream().filter(id -> decisions.decidedAt(id) != null && submitted.containsKey(id))
                .mapToLong(id -> decisions.decidedAt(id) - submitted.get(id)).sorted().toArray();
    }

    // ---- P3: a big import beside other enterprises ----

    private Tokens adminTokens;

    /** P3a's 10,000-outlet enterprise, which P3b reads and plans over. */
    private String bigNetwork;

    private void p3a() throws Exception {
        String big = fixtures.enterprise("大网络服务有限公司");
        int partitions = 12;
        int bigPartition = partition(big, partitions);
        // another enterprise whose events share the import's partition, and one on another partition
        String samePartition = null;
        String otherPartition = null;
        for (int i = 0; i < 200 && (samePartition == null || otherPartition == null); i++) {
            String candidate = fixtures.enterprise("邻居服务有限公司 " + i);
            if (partition(candidate, partitions) == bigPartition) {
                samePartition = samePartition == null ? candidate : samePartition;
            } else if (otherPartition == null) {
                otherPartition = candidate;
            }
        }
        long start = System.nanoTime();
        HttpResponse<String> accepted = importOutlets(big, 10_000);
        if (accepted.statusCode() != 202) {
            rows.add(new Row("P3a", "import 10,000 outlets", "—", "import refused: " + accepted.statusCode() + " "
                    + accepted.body(), false));
            return;
        }
        // the neighbours register six outlets each right after the import was accepted
        double neighbourSame = neighbour(samePartition);
        double neighbourOther = neighbour(otherPartition);
        String importPath = URI.create(accepted.headers().firstValue("Location").orElse("")).getPath();
        admin.await(importPath.isEmpty() ? "/api/enterprises/" + big + "/outlets/imports" : importPath,
                r -> "COMPLETED".equals(r.text("state")), Duration.ofMinutes(5));
        double inOutletService = (System.nanoTime() - start) / 1e9;
        fixtures.awaitScope(big, 10_000, Duration.ofMinutes(10));
        double inAuditScope = (System.nanoTime() - start) / 1e9;
        bigNetwork = big;
        rows.add(new Row("P3a", "import 10,000 outlets; meanwhile two other enterprises register 6 outlets each",
                "outlet-service ≤ 10 s, audit scope ≤ 20 s; the others' outlets in ≤ 2 s, also on the import's partition",
                String.format("outlet-service %.1f s, audit scope %.1f s; neighbour on the import's partition %.1f s, "
                        + "on another %.1f s", inOutletService, inAuditScope, neighbourSame, neighbourOther),
                inOutletService <= 10 && inAuditScope <= 20 && neighbourSame <= 2 && neighbourOther <= 2));
    }

    /** Sends an import of {@code count} outlets in eight provinces (CSV through the gateway); the 202 or the refusal. */
    private HttpResponse<String> importOutlets(String enterpriseId, int count) throws Exception {
        StringBuilder csv = new StringBuilder("name,kind,regionCode,addressLine,contactName,contactPhone,daysPerWeek,"
                + "hoursPerDay,responseHours,onSiteHours,resolutionHours\n");
        for (int i = 0; i < count; i++) {
            csv.append("网点 ").append(i).append(",BRANCH,").append(REGIONS[i % REGIONS.length]).append(",服务路 ")
                    .append(i).append(" 号,经理 ").append(i % 100).append(",1391234").append(String.format("%04d", i % 10_000))
                    .append(",7,10,2,4,24\n");
        }
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl()
                        + "/api/enterprises/" + enterpriseId + "/outlets/imports"))
                .header("Authorization", "Bearer " + adminTokens.get()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final String[] REGIONS = {"110105", "310115", "440106", "510107", "330106", "420106", "320102",
        "370102"};

    /** An enterprise with {@code count} imported outlets, waited for until audit-service's scope holds them all. */
    private String network(String name, int count) throws Exception {
        String enterpriseId = fixtures.enterprise(name);
        HttpResponse<String> accepted = importOutlets(enterpriseId, count);
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("import refused: " + accepted.statusCode() + " " + accepted.body());
        }
        fixtures.awaitScope(enterpriseId, count, Duration.ofMinutes(10));
        return enterpriseId;
    }

    // ---- P3b: reading and planning over a big network, with many outlets of others in the store ----

    private void p3b() throws Exception {
        String big = bigNetwork != null ? bigNetwork : network("大网络服务有限公司 P3b", 10_000);
        int others = 0;
        StringBuilder figure = new StringBuilder();
        boolean met = true;
        for (int target : new int[] {10_000, 100_000}) {
            while (others < target) {
                network("其他服务有限公司 " + others, 10_000);
                others += 10_000;
            }
            double[] list = p3bList(big);
            double[] plan = p3bPlan(big);
            figure.append(String.format("with %,d outlets of others: list a province p50 %.0f ms, max %.0f ms; "
                    + "plan a recertification p50 %.0f ms, max %.0f ms; ", target, list[0], list[1], plan[0], plan[1]));
            if (target == 10_000) {
                met = list[1] <= 100 && plan[1] <= 1_000;
            }
        }
        rows.add(new Row("P3b", "list one province (page of 100) of a 10,000-outlet network; plan a "
                + "recertification over it; 10,000 and 100,000 outlets of other enterprises in the store",
                "≤ 100 ms; ≤ 1 s (at 10,000; the 100,000 figure is reported)", figure.toString().trim(), met));
    }

    /** Milliseconds to list the first page of 100 of one province, 20 times after 5 to warm: p50 and max. */
    private double[] p3bList(String enterpriseId) {
        String path = "/api/enterprises/" + enterpriseId + "/outlets?province=31&size=100";
        for (int i = 0; i < 5; i++) {
            admin.get(path).expect(200);
        }
        long[] nanos = new long[20];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            admin.get(path + "&page=" + (i % 5)).expect(200);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new double[] {Load.percentile(nanos, 0.5), nanos[nanos.length - 1] / 1e6};
    }

    /** Milliseconds to plan a recertification audit over the whole network, 5 times: p50 and max. */
    private double[] p3bPlan(String enterpriseId) {
        long[] nanos = new long[5];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            admin.post("/api/audits", Map.of("enterpriseId", enterpriseId, "type", "RECERTIFICATION",
                    "team", Map.of("leadAuditor", "starcert-auditor", "members", List.of()))).expect(201);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new double[] {Load.percentile(nanos, 0.5), nanos[nanos.length - 1] / 1e6};
    }

    /** Seconds from registering six outlets to audit-service's scope showing them. */
    private double neighbour(String enterpriseId) {
        if (enterpriseId == null) {
            return Double.NaN;
        }
        for (int i = 1; i <= 6; i++) {
            fixtures.outlet(enterpriseId, i);
        }
        long registered = System.nanoTime();
        fixtures.awaitScope(enterpriseId, 6, Duration.ofMinutes(10));
        return (System.nanoTime() - registered) / 1e9;
    }

    /** The partition Kafka's default partitioner gives a key. */
    static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    // ---- P4: memory and start-up ----

    private void p4(double startSeconds) {
        StringBuilder figure = new StringBuilder();
        boolean met = startSeconds <= 60;
        for (Map.Entry<String, Long> app : suite.pids().entrySet()) {
            long heap = heapAfterFullGc(app.getValue());
            long rss = residentKiB(app.getValue());
            met &= heap >= 0 && heap <= 256L * 1024 * 1024;
            figure.append(String.format("%s heap %s, RSS %d MiB; ", app.getKey(),
                    heap < 0 ? "?" : (heap / (1024 * 1024)) + " MiB", rss / 1024));
        }
        figure.append(String.format("start-up %.0f s (infrastructure and all applications healthy)", startSeconds));
        rows.add(new Row("P4", "heap after a full GC and resident memory per application (after the other runs); "
                + "time to all healthy", "≤ 256 MiB heap each; ≤ 60 s", figure.toString(), met));
    }

    /** {@code jcmd <pid> GC.run}, then the used heap from {@code GC.heap_info}; -1 when jcmd is not there. */
    private static long heapAfterFullGc(long pid) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            exec(jcmd.toString(), String.valueOf(pid), "GC.run");
            String info = exec(jcmd.toString(), String.valueOf(pid), "GC.heap_info");
            long usedKiB = 0;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
            while (m.find()) {
                usedKiB += Long.parseLong(m.group(1));
            }
            // "Metaspace used" is not heap
            java.util.regex.Matcher meta = java.util.regex.Pattern.compile("Metaspace\\s+used (\\d+)K").matcher(info);
            while (meta.find()) {
                usedKiB -= Long.parseLong(meta.group(1));
            }
            java.util.regex.Matcher klass = java.util.regex.Pattern.compile("class space\\s+used (\\d+)K").matcher(info);
            while (klass.find()) {
                usedKiB -= Long.parseLong(klass.group(1));
            }
            return usedKiB * 1024;
        } catch (Exception e) {
            return -1;
        }
    }

    private static long residentKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private static String exec(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    // ---- output ----

    private void print() {
        System.out.println();
        System.out.println("StarCert benchmarks — " + LocalDate.now(ZoneOffset.UTC) + ", " + machine());
        for (Row row : rows) {
            System.out.printf("%-4s %-6s %s%n     target: %s%n     figure: %s%n", row.id(),
                    row.met() == null ? "" : row.met() ? "met" : "MISSED", row.what(), row.target(), row.figure());
        }
    }

    private void write(Path out, String stamp) throws IOException {
        Files.createDirectories(out);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", OffsetDateTime.now(ZoneOffset.UTC).toString());
        report.put("machine", machine());
        report.put("rows", rows);
        String json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report);
        Files.writeString(out.resolve("bench-" + stamp + ".json"), json);
        Files.writeString(out.resolve("latest.json"), json);
        System.out.println("written to " + out.resolve("bench-" + stamp + ".json"));
    }

    static String machine() {
        long memKiB = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKiB = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + (memKiB < 0 ? "?" : (memKiB / 1024 / 1024) + " GiB") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version");
    }

    private SuiteClient auditorClient() {
        return new SuiteClient(suite.gatewayUrl()).as(Tokens.forClient(suite.credentials(), "starcert-auditor"));
    }

    /**
     * Loads one path until its throughput is steady (two rounds of 4,000 requests within 5 % of each other, at most
     * 15 rounds): the gateway runs with the full JIT, whose compilations take the CPU for a while after a start.
     */
    private static void warm(Load.Get get, int clients) {
        double previous = 0;
        for (int round = 0; round < 15; round++) {
            double throughput = Load.run(get, clients, 4_000).throughput();
            if (previous > 0 && Math.abs(throughput - previous) <= 0.05 * previous) {
                return;
            }
            previous = throughput;
        }
    }

    private static Load.Get get(String url, String token) {
        return new Load.Get(URI.create(url), token);
    }

    private static void awaitTermination(java.util.concurrent.ExecutorService threads) {
        try {
            threads.awaitTermination(30, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
