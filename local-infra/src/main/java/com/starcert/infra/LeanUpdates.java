package com.starcert.infra;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * The Mongo wire server's update of documents, doing the same with half the copying. The server's own
 * {@code updateDocuments} copies each matched document twice (a snapshot of the old one, and the new one computed
 * from it) and compares old and new twice; for the large documents StarCert keeps (an audit with its findings and
 * its outbox) that copying and comparing is most of what the embedded store does under load. The new document is
 * computed from the stored one without changing it, so the stored one can serve as the old one for the indexes
 * until it is overwritten: one copy and one comparison per document.
 * <p>
 * Upserts and whole-document replacements go the server's own way (they are rare here). Everything else is the
 * server's own code, reached through its computation of an updated document ({@code calculateUpdateDocument},
 * private in mongo-java-server 1.47, whose version the build pins); {@code LeanUpdatesTest} runs the server's
 * update semantics through both paths.
 */
final class LeanUpdates {

    private static final MethodHandle CALCULATE;

    static {
        try {
            CALCULATE = MethodHandles.privateLookupIn(AbstractMongoCollection.class, MethodHandles.lookup())
                    .findVirtual(AbstractMongoCollection.class, "calculateUpdateDocument",
                            MethodType.methodType(Document.class, Document.class, Document.class,
                                    ArrayFilters.class, Integer.class, boolean.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final QueryMatcher MATCHER = new DefaultQueryMatcher();

    private LeanUpdates() {
    }

    /** What a collection offers this update: its matching documents (the stored ones) and its write-back. */
    interface Store<P> {
        Iterable<Document> matching(Document selector);

        String idField();

        /** Where the document is stored, when no index says (a collection without indexes). */
        P positionOf(Document document);

        /** The document at this position now holds its new content (a no-op where documents live in memory). */
        void written(P position, Document document);
    }

    /** Whether this update can take the lean way; the others go to the server's own {@code updateDocuments}. */
    static boolean handles(Document update, boolean upsert) {
        if (upsert || update.isEmpty()) {
            return false;
        }
        for (String key : update.keySet()) {
            if (!key.startsWith("$")) {
                return false;
            }
        }
        return true;
    }

    /** The server's {@code updateDocuments} for operator updates without upsert. */
    static <P> Document update(AbstractMongoCollection<P> collection, Store<P> store, Document selector,
                               Document update, ArrayFilters arrayFilters, boolean multi, Oplog oplog) {
        int matched = 0;
        List<Object> updatedIds = new ArrayList<>();
        String idField = store.idField();
        for (Document document : store.matching(selector)) {
            Integer matchPosition = MATCHER.matchPosition(document, selector);
            if (change(collection, store, document, update, arrayFilters, matchPosition)) {
                updatedIds.add(document.get(idField));
            }
            matched++;
            if (!multi) {
                break;
            }
        }
        oplog.handleUpdate(collection.getFullName(), selector, update, updatedIds);
        Document result = new Document();
        result.put("n", Integer.valueOf(matched));
        result.put("nModified", Integer.valueOf(updatedIds.size()));
        return result;
    }

    /** Changes one stored document in place; false when the update leaves it as it was. */
    private static <P> boolean change(AbstractMongoCollection<P> collection, Store<P> store, Document document,
                                      Document update, ArrayFilters arrayFilters, Integer matchPosition) {
        Document changed = calculate(collection, document, update, arrayFilters, matchPosition);
        if (changed.equals(document)) {
            return false;
        }
        List<Index<P>> indexes = collection.getIndexes();
        for (Index<P> index : indexes) {
            index.checkUpdate(document, changed, collection);
        }
        P position = position(indexes, store, document);
        for (Index<P> index : indexes) {
            index.updateInPlace(document, changed, position, collection);
        }
        // as the server does: fields the new content lacks go, the others take their new values in place
        Set<String> gone = new LinkedHashSet<>(document.keySet());
        gone.removeAll(changed.keySet());
        for (String key : gone) {
            document.remove(key);
        }
        for (String key : changed.keySet()) {
            if (key.contains(".")) {
                throw new MongoServerException("illegal field name. must not happen as it must be caught by the driver");
            }
            document.put(key, changed.get(key));
        }
        store.written(position, document);
        return true;
    }

    private static <P> P position(List<Index<P>> indexes, Store<P> store, Document document) {
        for (Index<P> index : indexes) {
            P position = index.getPosition(document);
            if (position != null) {
                return position;
            }
        }
        return store.positionOf(document);
    }

    private static Document calculate(AbstractMongoCollection<?> collection, Document document, Document update,
                                      ArrayFilters arrayFilters, Integer matchPosition) {
        try {
            return (Document) CALCULATE.invoke(collection, document, update, arrayFilters, matchPosition, false);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
