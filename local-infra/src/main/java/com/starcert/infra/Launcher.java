package com.starcert.infra;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-infra-exec.jar run|demo|token} — what {@code ./starcert} calls.
 * <ul>
 *   <li>{@code run}: embedded Kafka and Mongo wire server on fixed ports with data under {@code STARCERT_DATA_DIR},
 *   identity-service, the four services and the gateway; the first accounts in {@code credentials.json} there;
 *   prints their URLs and stops everything on Ctrl-C. {@code run --scale audit-service=2,…} starts more instances
 *   of services on further ports (default port + 100 each), balanced over by the gateway.</li>
 *   <li>{@code demo}: against a running suite ({@code STARCERT_URL}, default http://localhost:8080), takes a sample
 *   enterprise from registration to a certificate with the tokens of the roles that do each step.</li>
 *   <li>{@code token <client-id>}: prints an access token of that client from {@code credentials.json}.</li>
 *   <li>{@code redrive <topic>}: every service re-drives its dead letters of that topic (through the gateway).</li>
 *   <li>{@code resend-parked}: every service puts the events the broker refused for good back to be sent.</li>
 * </ul>
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        switch (command) {
            case "run" -> run(scale(args));
            case "demo" -> System.exit(new Demo(new SuiteClient(
                    System.getenv().getOrDefault("STARCERT_URL", "http://localhost:8080")),
                    Credentials.read(dataDir().resolve(Credentials.FILE)), System.out).run() ? 0 : 1);
            case "token" -> {
                if (args.length != 2) {
                    System.err.println("usage: token <client-id>   (clients: see " + dataDir().resolve(Credentials.FILE)
                            + ")");
                    System.exit(2);
                }
                try {
                    System.out.println(Tokens.forClient(Credentials.read(dataDir().resolve(Credentials.FILE)), args[1])
                            .get());
                } catch (RuntimeException e) {
                    System.err.println(e.getMessage());
                    System.exit(1);
                }
            }
            case "redrive" -> {
                if (args.length != 2) {
                    System.err.println("usage: redrive <topic>   (the source topic, e.g. score.computed)");
                    System.exit(2);
                }
                System.exit(operatorPost("/api/operations/dead-letters/"
                        + java.net.URLEncoder.encode(args[1], java.nio.charset.StandardCharsets.UTF_8) + "/redrive")
                        ? 0 : 1);
            }
            case "resend-parked" -> System.exit(operatorPost("/api/operations/outbox/parked/resend") ? 0 : 1);
            default -> {
                System.err.println("usage: run | demo | token <client-id> | redrive <topic> | resend-parked");
                System.exit(2);
            }
        }
    }

    /**
     * Asks the gateway ({@code STARCERT_URL}, default http://localhost:8080) for an operator's remedy (re-drive a
     * topic's dead letters, re-send parked events), as {@code starcert-operator} from {@code credentials.json} or
     * with the token in {@code STARCERT_TOKEN} (an OPERATOR's, for a suite elsewhere); prints the answer.
     */
    private static boolean operatorPost(String path) throws Exception {
        String gateway = System.getenv().getOrDefault("STARCERT_URL", "http://localhost:8080");
        String token = System.getenv("STARCERT_TOKEN");
        if (token == null || token.isBlank()) {
            token = Tokens.forClient(Credentials.read(dataDir().resolve(Credentials.FILE)), "starcert-operator").get();
        }
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway + path))
                        .header("Authorization", "Bearer " + token)
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        (answer.statusCode() == 200 ? System.out : System.err).println(answer.statusCode() + " " + answer.body());
        return answer.statusCode() == 200;
    }

    private static Path root() {
        return Path.of(System.getProperty("starcert.root", ".")).toAbsolutePath().normalize();
    }

    private static Path dataDir() {
        return Path.of(System.getenv().getOrDefault("STARCERT_DATA_DIR", root().resolve("data").toString()))
                .toAbsolutePath();
    }

    /**
     * {@code run --scale audit-service=2,scoring-service=2}: how many instances of which services (default one
     * each). Exits with a usage message on anything else.
     */
    static Map<String, Integer> scale(String[] args) {
        Map<String, Integer> scale = new java.util.LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String spec;
            if (args[i].equals("--scale") && i + 1 < args.length) {
                spec = args[++i];
            } else if (args[i].startsWith("--scale=")) {
                spec = args[i].substring("--scale=".length());
            } else {
                System.err.println("usage: run [--scale <service>=<instances>,…]   (not understood: " + args[i] + ")");
                System.exit(2);
                return scale;
            }
            for (String part : spec.split(",")) {
                String[] kv = part.trim().split("=");
                try {
                    scale.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
                } catch (RuntimeException e) {
                    System.err.println("--scale wants <service>=<instances>, e.g. audit-service=2; not: " + part);
                    System.exit(2);
                }
            }
        }
        return scale;
    }

    private static void run(Map<String, Integer> scale) throws InterruptedException {
        Path root = root();
        Path data = dataDir();
        Map<Integer, Integer> fixed = Map.of(
                9000, envPort("IDENTITY_PORT", 9000),
                8080, envPort("GATEWAY_PORT", 8080),
                8081, envPort("OUTLET_PORT", 8081),
                8082, envPort("AUDIT_PORT", 8082),
                8083, envPort("SCORING_PORT", 8083),
                8084, envPort("CERTIFICATE_PORT", 8084));
        Infrastructure infra = EmbeddedInfrastructure.persistent(data,
                envPort("KAFKA_PORT", 9092), envPort("KAFKA_CONTROLLER_PORT", 9093), envPort("MONGO_PORT", 27017));
        LocalSuite suite;
        try {
            // a further instance asks for its application's default port + 100·k: it gets the configured one + 100·k
            java.util.function.IntUnaryOperator portFor = port -> {
                int base = fixed.keySet().stream().filter(d -> port >= d && (port - d) % 100 == 0 && port - d < 1000)
                        .max(Integer::compare).orElseThrow();
                return fixed.get(base) + (port - base);
            };
            suite = LocalSuite.start(root, infra, true, data.resolve("logs"), data, portFor, Map.of(), scale);
        } catch (RuntimeException e) {
            System.err.println("StarCert did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping StarCert…");
            suite.close();
            stopped.countDown();
        }, "starcert-stop"));
        System.out.println();
        System.out.println("StarCert is running (" + infra.description() + ")");
        for (LocalSuite.App app : LocalSuite.APPS) {
            System.out.printf("  %-20s %s%n", app.module(), String.join("  ", suite.urls(app.module())));
        }
        System.out.println("  logs                 " + data.resolve("logs"));
        System.out.println("  credentials          " + data.resolve(Credentials.FILE)
                + "  (API clients and people per CB role; ./starcert token starcert-admin prints a token)");
        System.out.println("Public entry: " + suite.gatewayUrl() + "  — try ./starcert demo; Ctrl-C stops everything.");
        stopped.await();
    }

    private static int envPort(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
