package com.starcert.identity;

import java.nio.file.Files;
import java.nio.file.Path;

import com.starcert.infra.Infrastructure;
import com.starcert.infra.SharedTestInfrastructure;
import com.starcert.infra.WireMongo;

/**
 * Where the tests' MongoDB comes from. This service needs no Kafka, so when local-infra would run everything
 * in-process (the default without a Docker engine) only its Mongo wire server is started, saving the broker's
 * start-up; whenever containers may be wanted ({@code STARCERT_INFRA=containers}, or a Docker engine in sight in
 * {@code auto} mode) the choice is left to {@link SharedTestInfrastructure}, as in every other service.
 */
public final class TestMongo {

    private static WireMongo wire;

    private TestMongo() {
    }

    public static synchronized String uri(String database) {
        if (!embeddedOnly()) {
            return SharedTestInfrastructure.get().mongoUri(database);
        }
        if (wire == null) {
            WireMongo started = WireMongo.inMemory(0);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "identity-test-mongo-stop"));
            wire = started;
        }
        return wire.uri(database);
    }

    private static boolean embeddedOnly() {
        Infrastructure.Mode mode = Infrastructure.Mode.configured();
        if (mode == Infrastructure.Mode.EMBEDDED) {
            return true;
        }
        String dockerHost = System.getenv("DOCKER_HOST");
        return mode == Infrastructure.Mode.AUTO && !Files.exists(Path.of("/var/run/docker.sock"))
                && (dockerHost == null || dockerHost.isBlank());
    }
}
