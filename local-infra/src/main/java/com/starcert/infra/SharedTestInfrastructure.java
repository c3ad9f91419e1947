package com.starcert.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One infrastructure per test JVM, started on first use and stopped when the JVM exits, so every Spring test
 * context of a module shares the same broker and Mongo wire server.
 */
public final class SharedTestInfrastructure {

    private static Infrastructure instance;

    private SharedTestInfrastructure() {
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            instance = Infrastructure.forTests();
            Infrastructure started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "starcert-test-infra-stop"));
        }
        return instance;
    }

    /** The two settings a service needs, ready for {@code @DynamicPropertySource}. */
    public static Map<String, String> springProperties(String database) {
        Infrastructure infra = get();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        props.put("spring.mongodb.uri", infra.mongoUri(database));
        return props;
    }
}
