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

        /** The four services run as several instances; the gateway and identity-service as one here. */
        boolean scalable() {
            return !gateway() && !identity();
        }

        String whyNotScalable() {
            return gateway() ? "it is the one entry the launcher prints"
                    : "its sign-in sessions live in one instance's memory";
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
    /** Each application's instances: their ports, the first at the application's own port. */
    private final Map<App, List<Integer>> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    /** How each instance was started (its class data sharing archive), by instance name. */
    private final Map<String, ClassDataSharing.Launch> launches = new LinkedHashMap<>();
    private final Path logDir;
    /** Where the jars are and the environment every application was started with, for {@link #restart}. */
    private Path root;
    private Map<String, String> launchEnv = Map.of();
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
        return start(repositoryRoot, infra, ownsInfra, logDir, dataDir, portFor, extraEnv, Map.of());
    }

    /**
     * As above, with more than one instance of some services ({@code audit-service → 2}); instance {@code k}
     * (from 2) asks {@code portFor} for the port {@code default + 100·(k-1)} (8182 for a second audit-service).
     * The gateway balances over every instance; instances of a service share its database and consumer group.
     */
    public static LocalSuite start(Path repositoryRoot, Infrastructure infra, boolean ownsInfra, Path logDir,
                                   Path dataDir, IntUnaryOperator portFor, Map<String, String> extraEnv,
                                   Map<String, Integer> scale) {
        LocalSuite suite = new LocalSuite(infra, ownsInfra, logDir);
        try {
            Files.createDirectories(logDir);
            for (String module : scale.keySet()) {
                App app = APPS.stream().filter(a -> a.module().equals(module)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no application " + module + " to scale"));
                if (!app.scalable()) {
                    throw new IllegalArgumentException(module + " runs as one instance (" + app.whyNotScalable()
                            + ")");
                }
                if (scale.get(module) < 1 || scale.get(module) > 9) {
                    throw new IllegalArgumentException(module + ": between 1 and 9 instances, not " + scale.get(module));
                }
            }
            for (App app : APPS) {
                List<Integer> instancePorts = new ArrayList<>();
                for (int k = 0; k < scale.getOrDefault(app.module(), 1); k++) {
                    instancePorts.add(portFor.applyAsInt(app.defaultPort() + 100 * k));
                }
                suite.ports.put(app, instancePorts);
            }
            Credentials.Ensured ensured = Credentials.ensure(dataDir, suite.gatewayUrl() + "/oauth2/token");
            suite.credentials = ensured.credentials();
            // identity-service seeds the first accounts from the file, and takes new secrets when the file is new
            Map<String, String> env = new LinkedHashMap<>();
            env.put("STARCERT_IDENTITY_SEED_FILE", ensured.file().toString());
            env.put("STARCERT_IDENTITY_SEED_ROTATE", String.valueOf(ensured.fresh()));
            env.putAll(extraEnv);
            suite.root = repositoryRoot;
            suite.launchEnv = Map.copyOf(env);
            for (App app : APPS) {
                for (int k = 0; k < suite.ports.get(app).size(); k++) {
                    suite.launch(repositoryRoot, app, k, env, false);
                }
            }
            for (App app : APPS) {
                for (int k = 0; k < suite.ports.get(app).size(); k++) {
                    suite.awaitHealthy(app, k, Duration.ofMinutes(4));
                }
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

    /** The first instance of an application. */
    public String url(String module) {
        return urls(module).get(0);
    }

    /** Every instance of an application. */
    public List<String> urls(String module) {
        return APPS.stream().filter(a -> a.module().equals(module)).findFirst()
                .map(a -> ports.get(a).stream().map(port -> "http://localhost:" + port).toList())
                .orElseThrow(() -> new IllegalArgumentException("no application " + module));
    }

    /** The process id of every running instance, by instance name ({@code audit-service}, {@code audit-service-2}). */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        processes.forEach((name, process) -> {
            if (process.isAlive()) {
                pids.put(name, process.pid());
            }
        });
        return pids;
    }

    /**
     * Kills one instance at once, without a shutdown (SIGKILL), as a crash would, and returns once it is gone;
     * {@code instance} counts from 1.
     */
    public void kill(String module, int instance) {
        Process process = processes.get(instanceName(module, instance - 1));
        if (process == null) {
            throw new IllegalArgumentException("no instance " + instance + " of " + module);
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException(module + " instance " + instance + " did not die within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("killed {} instance {}", module, instance);
    }

    private static String instanceName(String module, int index) {
        return index == 0 ? module : module + "-" + (index + 1);
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

    /**
     * Starts a killed instance again on its port, with the environment it had, and waits until it is healthy; its
     * log goes on in the same file. {@code instance} counts from 1.
     */
    public void restart(String module, int instance) {
        restart(module, instance, Map.of());
    }

    /**
     * As {@link #restart(String, int)}, with these variables added to (or replacing some of) the environment it had —
     * for this start only.
     */
    public void restart(String module, int instance, Map<String, String> environment) {
        App app = APPS.stream().filter(a -> a.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no application " + module));
        Process old = processes.get(instanceName(module, instance - 1));
        if (old == null) {
            throw new IllegalArgumentException("no instance " + instance + " of " + module);
        }
        if (old.isAlive()) {
            throw new IllegalStateException(module + " instance " + instance + " is still running; kill it first");
        }
        Map<String, String> env = new java.util.HashMap<>(launchEnv);
        env.putAll(environment);
        launch(root, app, instance - 1, env, true);
        awaitHealthy(app, instance - 1, Duration.ofMinutes(3));
    }

    private void launch(Path root, App app, int index, Map<String, String> appEnv, boolean again) {
        Path jar = root.resolve(app.module()).resolve("target").resolve(app.module() + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + " — build first with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command.add(java);
        String opts = System.getenv().getOrDefault("STARCERT_JAVA_OPTS", defaultJavaOptions(app));
        for (String opt : opts.trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt);
            }
        }
        String name = instanceName(app.module(), index);
        ClassDataSharing.Launch cds = ClassDataSharing.enabled() ? ClassDataSharing.of(java, jar, index == 0)
                : new ClassDataSharing.Launch(jar, List.of(), null, null);
        launches.put(name, cds);
        command.addAll(cds.options());
        command.add("-jar");
        command.add(cds.jar().toString());
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        int port = ports.get(app).get(index);
        env.put("SERVER_PORT", String.valueOf(port));
        // tokens name the gateway (the public entry) as their issuer; keys are fetched from identity-service directly
        env.put("STARCERT_SECURITY_ISSUER", gatewayUrl());
        env.put("STARCERT_SECURITY_JWKSETURI", url("identity-service") + "/oauth2/jwks");
        env.put("STARCERT_IDENTITY_ISSUER", gatewayUrl());
        if (app.gateway()) {
            env.put("STARCERT_GATEWAY_IDENTITYURI", url("identity-service"));
            // every instance, comma-separated: the gateway balances over them
            env.put("STARCERT_GATEWAY_OUTLETURI", String.join(",", urls("outlet-service")));
            env.put("STARCERT_GATEWAY_AUDITURI", String.join(",", urls("audit-service")));
            env.put("STARCERT_GATEWAY_SCORINGURI", String.join(",", urls("scoring-service")));
            env.put("STARCERT_GATEWAY_CERTIFICATEURI", String.join(",", urls("certificate-service")));
        } else if (app.identity()) {
            env.put("SPRING_MONGODB_URI", infra.mongoUri(app.database()));
        } else {
            env.put("SPRING_KAFKA_BOOTSTRAPSERVERS", infra.kafkaBootstrapServers());
            env.put("SPRING_MONGODB_URI", infra.mongoUri(app.database()));
            env.putAll(infra.serviceEnvironment());
        }
        env.putAll(appEnv);
        Path logFile = logDir.resolve(name + ".log");
        pb.redirectErrorStream(true);
        pb.redirectOutput(again ? ProcessBuilder.Redirect.appendTo(logFile.toFile()) : ProcessBuilder.Redirect.to(
                logFile.toFile()));
        try {
            processes.put(name, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        log.info("starting {} on port {} (log: {})", name, port, logFile);
    }

    private void awaitHealthy(App app, int index, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String name = instanceName(app.module(), index);
        String url = urls(app.module()).get(index);
        URI health = URI.create(url + "/actuator/health");
        Process process = processes.get(name);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + "; see " + logDir.resolve(name + ".log"));
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    log.info("{} is UP at {}", name, url);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " did not become healthy within " + timeout
                + "; see " + logDir.resolve(name + ".log"));
    }

    @Override
    public void close() {
        List<Map.Entry<String, Process>> reversed = new ArrayList<>(processes.entrySet());
        java.util.Collections.reverse(reversed);
        for (Map.Entry<String, Process> p : reversed) {
            p.getValue().destroy();
        }
        for (Map.Entry<String, Process> entry : reversed) {
            Process p = entry.getValue();
            try {
                // a first run writes its class data sharing archive on the way out: give it the time
                if (!p.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
                if (!p.isAlive() && launches.containsKey(entry.getKey())) {
                    ClassDataSharing.adopt(launches.get(entry.getKey()), p.exitValue());
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
