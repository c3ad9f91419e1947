package com.starcert.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server speaking the MongoDB wire protocol: an H2 file under the data directory for the local run
 * (data survives a restart), memory for tests. It offers single-document atomicity only, which is all StarCert
 * relies on.
 */
public final class WireMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WireMongo.class);

    private final MongoServer server;
    private final int port;

    private WireMongo(MongoBackend backend, int port) {
        this.server = new MongoServer(backend);
        this.server.bind("localhost", port);
        this.port = server.getLocalAddress().getPort();
        log.info("MongoDB wire server listening on localhost:{}", this.port);
    }

    public static WireMongo inMemory(int port) {
        return new WireMongo(new MemoryBackend(), port);
    }

    public static WireMongo persistent(int port, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WireMongo(new H2Backend(dataDir.resolve("mongo.mv").toAbsolutePath().toString()), port);
    }

    public String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
