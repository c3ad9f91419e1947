package com.starcert.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The in-process pair: a KRaft broker from Kafka's own classes and mongo-java-server. */
public final class EmbeddedInfrastructure implements Infrastructure {

    private final KraftBroker broker;
    private final WireMongo mongo;
    private final Path scratch;
    /** Between the services and the Mongo wire server, for fault tests that take the store away; else null. */
    private final TcpRelay storeRelay;

    private EmbeddedInfrastructure(KraftBroker broker, WireMongo mongo, Path scratch, TcpRelay storeRelay) {
        this.broker = broker;
        this.mongo = mongo;
        this.scratch = scratch;
        this.storeRelay = storeRelay;
    }

    public static EmbeddedInfrastructure forTests() {
        try {
            Path dir = Files.createTempDirectory("starcert-kafka");
            return new EmbeddedInfrastructure(new KraftBroker(0, 0, dir).start(), WireMongo.inMemory(0), dir, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #forTests()}, with the store reached through a {@link TcpRelay}, so that a fault test can take it
     * away ({@link #stopStore()}: every connection dropped, new ones refused) and bring it back with its data.
     */
    public static EmbeddedInfrastructure forFaultTests() {
        try {
            Path dir = Files.createTempDirectory("starcert-kafka");
            WireMongo mongo = WireMongo.inMemory(0);
            return new EmbeddedInfrastructure(new KraftBroker(0, 0, dir).start(), mongo, dir,
                    new TcpRelay(mongo.port()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fixed ports and data kept under {@code dataDir}, for {@code ./starcert run}. */
    public static EmbeddedInfrastructure persistent(Path dataDir, int kafkaPort, int controllerPort, int mongoPort) {
        WireMongo mongo = WireMongo.persistent(mongoPort, dataDir.resolve("mongo"));
        KraftBroker broker = new KraftBroker(kafkaPort, controllerPort, dataDir.resolve("kafka")).start();
        return new EmbeddedInfrastructure(broker, mongo, null, null);
    }

    @Override
    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String mongoUri(String database) {
        return storeRelay == null ? mongo.uri(database)
                : "mongodb://localhost:" + storeRelay.port() + "/" + database;
    }

    @Override
    public boolean canInterruptStore() {
        return storeRelay != null;
    }

    @Override
    public void stopStore() {
        storeRelay.cut();
    }

    @Override
    public void startStore() {
        storeRelay.restore();
    }

    @Override
    public java.util.Map<String, String> serviceEnvironment() {
        // the Mongo wire server answers the relay's look-up for waiting events by scanning the whole collection
        // (it ignores secondary indexes); new events are handed to the relay at once anyway, so its safety-net
        // pass can run rarely
        return java.util.Map.of("STARCERT_MESSAGING_OUTBOX_POLLINTERVAL", "5s");
    }

    @Override
    public String description() {
        return "embedded Kafka (KRaft) at " + kafkaBootstrapServers() + ", mongo-java-server at localhost:"
                + mongo.port();
    }

    @Override
    public boolean canInterruptKafka() {
        return true;
    }

    @Override
    public void stopKafka() {
        broker.stop();
    }

    @Override
    public void startKafka() {
        broker.start();
    }

    @Override
    public void close() {
        if (storeRelay != null) {
            storeRelay.close();
        }
        broker.close();
        mongo.close();
        if (scratch != null) {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }
}
