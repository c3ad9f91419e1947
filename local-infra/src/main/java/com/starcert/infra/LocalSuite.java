package com.starcert.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole suite on one machine: infrastructure first, then identity-service, the four services and the gateway
 * as separate processes (each built as {@code <module>/target/<module>-exec.jar}), each waited for until its health endpoint
 * reports UP. Behind {@code ./starcert run}, and reused by the end-to-end test on free ports.
 */
public final class LocalSuite implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSuite.class);

    /** A StarCert application: its Maven module, default port and (for services) its own database. */
    public record App(String module, int defaultPort, String database) {
        boolean gateway() {
            return database == null;
        }

        boolean identity() {
            return module.equals("identity-service");
        }
    }

    /** identity-service first: the others fetch its signing keys. */
    public static final List<App> APPS = List.of(
            new App("identity-service", 9000, "starcert-identity"),
            new App("outlet-service", 8081, "starcert-outlet"),
            new App("audit-service", 8082, "starcert-audit"),
            new App("scoring-service", 8083, "starcert-scoring"),
            new App("certificate-service", 8084, "starcert-certificate"),
            new App("gateway", 8080, null));

    private final Infrastructure infra;
    private final boolean ownsInfra;
    private final Map<App, Integer> ports = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final Path logDir;
    private Credentials credentials;

    private LocalSuite(Infrastructure infra, boolean ownsInfra, Path logDir) {
        this.infra = infra;
        this.ownsInfra = ownsInfra;
        this.logDir = logDir;
    }

    /**
     * Starts every application against {@code infra}.
     *
     * @param repositoryRoot where the modules' {@code target} directories are
     * @param portFor        chooses each application's port from its default (identity for fixed ports)
     * @param dataDir        where {@code credentials.json} is kept (made with random secrets when missing)
     * @param extraEnv       additional environment for every application (e.g. shorter intervals in tests)
     */
    public static LocalSuite start(Path repositoryRoot, Infrastructure infra, boolean ownsInfra, Path logDir,
                                   Path dataDir, IntUnaryOperator portFor, Map<String, String> extraEnv) {
        LocalSuite suite = new LocalSuite(infra, ownsInfra, logDir);
        try {
            Files.createDirectories(logDir);
            for (App app : APPS) {
                suite.ports.put(app, portFor.applyAsInt(app.defaultPort()));
            }
            Credentials.Ensured ensured = Credentials.ensure(dataDir, suite.gatewayUrl() + "/oauth2/token");
            suite.credentials = ensured.credentials();
            // identity-service seeds the first accounts from the file, and takes new secrets when the file is new
            Map<String, String> env = new LinkedHashMap<>();
            env.put("STARCERT_IDENTITY_SEED_FILE", ensured.file().toString());
            env.put("STARCERT_IDENTITY_SEED_ROTATE", String.valueOf(ensured.fresh()));
            env.putAll(extraEnv);
            for (App app : APPS) {
                suite.launch(repositoryRoot, app, env);
            }
            for (App app : APPS) {
                suite.awaitHealthy(app, Duration.ofMinutes(4));
            }
            return suite;
        } catch (IOException e) {
            suite.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    public String url(String module) {
        return APPS.stream().filter(a -> a.module().equals(module)).findFirst()
                .map(a -> "http://localhost:" + ports.get(a))
                .orElseThrow(() -> new IllegalArgumentException("no application " + module));
    }

    public String gatewayUrl() {
        return url("gateway");
    }

    public Infrastructure infrastructure() {
        return infra;
    }

    /** The first accounts (one API client and one person per CB role) and the token endpoint. */
    public Credentials credentials() {
        return credentials;
    }

    /**
     * The gateway carries every request of the suite, so it gets the full JIT (C2) for its peak throughput; the
     * services stop at C1, which starts five JVMs on two cores quickly and keeps their memory small.
     * {@code STARCERT_JAVA_OPTS} replaces these for every application.
     */
    static String defaultJavaOptions(App app) {
        return app.gateway() ? "-Xmx384m -XX:+UseSerialGC" : "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    }

    private void launch(Path root, App app, Map<String, String> appEnv) {
        Path jar = root.resolve(app.module()).resolve("target").resolve(app.module() + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + " — build first with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getenv().getOrDefault("STARCERT_JAVA_OPTS", defaultJavaOptions(app));
        for (String opt : opts.trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt);
            }
        }
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("SERVER_PORT", String.valueOf(ports.get(app)));
        // tokens name the gateway (the public entry) as their issuer; keys are fetched from identity-service directly
        env.put("STARCERT_SECURITY_ISSUER", gatewayUrl());
        env.put("STARCERT_SECURITY_JWKSETURI", url("identity-service") + "/oauth2/jwks");
        env.put("STARCERT_IDENTITY_ISSUER", gatewayUrl());
        if (app.gateway()) {
            env.put("STARCERT_GATEWAY_IDENTITYURI", url("identity-service"));
            env.put("STARCERT_GATEWAY_OUTLETURI", url("outlet-service"));
            env.put("STARCERT_GATEWAY_AUDITURI", url("audit-service"));
            env.put("STARCERT_GATEWAY_SCORINGURI", url("scoring-service"));
            env.put("STARCERT_GATEWAY_CERTIFICATEURI", url("certificate-service"));
        } else if (app.identity()) {
            env.put("SPRING_MONGODB_URI", infra.mongoUri(app.database()));
        } else {
            env.put("SPRING_KAFKA_BOOTSTRAPSERVERS", infra.kafkaBootstrapServers());
            env.put("SPRING_MONGODB_URI", infra.mongoUri(app.database()));
            env.putAll(infra.serviceEnvironment());
        }
        env.putAll(appEnv);
        Path logFile = logDir.resolve(app.module() + ".log");
        pb.redirectErrorStream(true);
        pb.redirectOutput(logFile.toFile());
        try {
            processes.add(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + app.module(), e);
        }
        log.info("starting {} on port {} (log: {})", app.module(), ports.get(app), logFile);
    }

    private void awaitHealthy(App app, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create(url(app.module()) + "/actuator/health");
        Process process = processes.get(APPS.indexOf(app));
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(app.module() + " exited with code " + process.exitValue()
                        + "; see " + logDir.resolve(app.module() + ".log"));
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    log.info("{} is UP at {}", app.module(), url(app.module()));
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + app.module(), e);
            }
            sleep(500);
        }
        throw new IllegalStateException(app.module() + " did not become healthy within " + timeout
                + "; see " + logDir.resolve(app.module() + ".log"));
    }

    @Override
    public void close() {
        List<Process> reversed = new ArrayList<>(processes);
        java.util.Collections.reverse(reversed);
        for (Process p : reversed) {
            p.destroy();
        }
        for (Process p : reversed) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        if (ownsInfra) {
            infra.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
