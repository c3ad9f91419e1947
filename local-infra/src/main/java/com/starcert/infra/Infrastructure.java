package com.starcert.infra;

import java.util.Locale;

/**
 * Where Kafka and MongoDB come from. This is the one switch: services only ever see a bootstrap address and a
 * Mongo URI. Set {@code STARCERT_INFRA} (or the system property {@code starcert.infra}) to {@code embedded},
 * {@code containers} or {@code auto} (the default: Testcontainers when a Docker engine answers, else embedded).
 */
public interface Infrastructure extends AutoCloseable {

    String kafkaBootstrapServers();

    String mongoUri(String database);

    String description();

    /**
     * Settings the services need on this infrastructure, as environment variables (none on real MongoDB and
     * Kafka). The launcher passes them on, so this stays the one place that knows what the store is.
     */
    default java.util.Map<String, String> serviceEnvironment() {
        return java.util.Map.of();
    }

    /** Stops the broker to simulate an outage; only the embedded broker supports it. */
    default boolean canInterruptKafka() {
        return false;
    }

    default void stopKafka() {
        throw new UnsupportedOperationException("this infrastructure cannot stop its broker");
    }

    default void startKafka() {
        throw new UnsupportedOperationException("this infrastructure cannot restart its broker");
    }

    /** Takes the store away (connections dropped, new ones refused) to simulate an outage; fault tests only. */
    default boolean canInterruptStore() {
        return false;
    }

    default void stopStore() {
        throw new UnsupportedOperationException("this infrastructure cannot take its store away");
    }

    default void startStore() {
        throw new UnsupportedOperationException("this infrastructure cannot bring its store back");
    }

    @Override
    void close();

    enum Mode {
        AUTO, EMBEDDED, CONTAINERS;

        public static Mode configured() {
            String value = System.getProperty("starcert.infra", System.getenv("STARCERT_INFRA"));
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** Throw-away infrastructure for tests: in memory, on free ports. */
    static Infrastructure forTests() {
        Mode mode = Mode.configured();
        if (mode == Mode.CONTAINERS || (mode == Mode.AUTO && ContainerInfrastructure.dockerAvailable())) {
            return ContainerInfrastructure.start();
        }
        return EmbeddedInfrastructure.forTests();
    }
}
