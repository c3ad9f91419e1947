package com.starcert.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server speaking the MongoDB wire protocol: an H2 file under the data directory for the local run
 * (data survives a restart), memory for tests. It offers single-document atomicity only, which is all StarCert
 * relies on. The declared non-unique indexes are kept too ({@link SecondaryIndex}), which the server alone would
 * ignore.
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
        return new WireMongo(new IndexedMemoryBackend(), port);
    }

    public static WireMongo persistent(int port, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WireMongo(new IndexedH2Backend(dataDir.resolve("mongo.mv").toAbsolutePath().toString()), port);
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

    /** A compound unique index narrows queries on its first field too; a single-field one already does. */
    private static <P> Index<P> narrowed(Index<P> unique, boolean sparse) {
        return unique.getKeys().size() > 1 ? new NarrowedUniqueIndex<>(unique, sparse) : unique;
    }

    /**
     * The server answers a query from its {@code _id} index only when {@code _id} is all it names; a conditional
     * update ({@code _id} and a version, or an {@code $or}) would read the whole collection. This second, unlisted
     * index on {@code _id} narrows those to the one document too.
     */
    private static <C extends MongoCollection<P>, P> C withIdNarrowing(C collection) {
        collection.addIndex(new SecondaryIndex<>("_id_narrowing", List.of(new IndexKey("_id", true)), false));
        collection.addIndex(new ScanReport<>(collection));
        return collection;
    }

    /** The memory backend, keeping declared non-unique indexes. */
    static final class IndexedMemoryBackend extends MemoryBackend {
        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    // no data-size statistics: they encode every updated document twice, a fifth of the store's work
                    return withIdNarrowing(new LeanMemoryCollection(this, collectionName, options, cursorRegistry));
                }

                @Override
                protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                                    List<IndexKey> keys, boolean sparse) {
                    return new SecondaryIndex<>(indexName, keys, sparse);
                }

                @Override
                protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                                 List<IndexKey> keys, boolean sparse) {
                    return narrowed(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), sparse);
                }
            };
        }
    }

    /** Memory collection without data-size statistics and with the {@link LeanUpdates lean update}. */
    static final class LeanMemoryCollection extends MemoryCollection {

        private final LeanUpdates.Store<Integer> store = new LeanUpdates.Store<>() {
            @Override
            public Iterable<Document> matching(Document selector) {
                return queryDocuments(selector, null, 0, 0, 0, null);
            }

            @Override
            public String idField() {
                return getIdField();
            }

            @Override
            public Integer positionOf(Document document) {
                return findDocumentPosition(document);
            }

            @Override
            public void written(Integer position, Document document) {
                // the stored document was changed in place
            }
        };

        LeanMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        // no data-size statistics: they encode every updated document twice, a fifth of the store's work
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                     boolean multi, boolean upsert, Oplog oplog) {
            if (!LeanUpdates.handles(update, upsert)) {
                return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
            }
            return LeanUpdates.update(this, store, selector, update, arrayFilters, multi, oplog);
        }
    }

    /** The H2 backend, keeping declared non-unique indexes (in memory, rebuilt from the documents on start). */
    static final class IndexedH2Backend extends H2Backend {
        IndexedH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
                @Override
                protected MongoCollection<Object> openOrCreateCollection(String collectionName,
                                                                         CollectionOptions options) {
                    return withIdNarrowing(super.openOrCreateCollection(collectionName, options));
                }

                @Override
                protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                                   List<IndexKey> keys, boolean sparse) {
                    return new SecondaryIndex<>(indexName, keys, sparse);
                }

                @Override
                protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                                List<IndexKey> keys, boolean sparse) {
                    return narrowed(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), sparse);
                }
            };
        }
    }
}
