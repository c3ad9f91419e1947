package com.starcert.infra;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-infra-exec.jar run|demo} — what {@code ./starcert} calls.
 * <ul>
 *   <li>{@code run}: embedded Kafka and Mongo wire server on fixed ports with data under {@code STARCERT_DATA_DIR},
 *   the four services and the gateway; prints their URLs and stops everything on Ctrl-C.</li>
 *   <li>{@code demo}: against a running suite ({@code STARCERT_URL}, default http://localhost:8080), takes a sample
 *   enterprise from registration to a certificate and prints the result.</li>
 * </ul>
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        switch (command) {
            case "run" -> run();
            case "demo" -> System.exit(new Demo(new SuiteClient(
                    System.getenv().getOrDefault("STARCERT_URL", "http://localhost:8080")), System.out).run() ? 0 : 1);
            default -> {
                System.err.println("usage: run | demo");
                System.exit(2);
            }
        }
    }

    private static void run() throws InterruptedException {
        Path root = Path.of(System.getProperty("starcert.root", ".")).toAbsolutePath().normalize();
        Path data = Path.of(System.getenv().getOrDefault("STARCERT_DATA_DIR", root.resolve("data").toString()));
        Map<Integer, Integer> fixed = Map.of(
                8080, envPort("GATEWAY_PORT", 8080),
                8081, envPort("OUTLET_PORT", 8081),
                8082, envPort("AUDIT_PORT", 8082),
                8083, envPort("SCORING_PORT", 8083),
                8084, envPort("CERTIFICATE_PORT", 8084));
        Infrastructure infra = EmbeddedInfrastructure.persistent(data,
                envPort("KAFKA_PORT", 9092), envPort("KAFKA_CONTROLLER_PORT", 9093), envPort("MONGO_PORT", 27017));
        LocalSuite suite;
        try {
            suite = LocalSuite.start(root, infra, true, data.resolve("logs"), fixed::get, Map.of());
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
            System.out.printf("  %-20s %s%n", app.module(), suite.url(app.module()));
        }
        System.out.println("  logs                 " + data.resolve("logs"));
        System.out.println("Public entry: " + suite.gatewayUrl() + "  — try ./starcert demo; Ctrl-C stops everything.");
        stopped.await();
    }

    private static int envPort(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
