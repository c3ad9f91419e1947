package com.starcert.infra;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Tells a developer which queries the embedded store answers by reading a whole collection: an index that answers
 * nothing itself, and logs (logger {@code com.starcert.infra.ScanReport} at DEBUG, once per collection and query
 * shape) a query on a collection of more than {@value #SMALL} documents that no other index narrows. On MongoDB the
 * same query may well be covered; here it costs a scan. Run with {@code STARCERT_LOG_SCANS=DEBUG}.
 */
final class ScanReport<P> extends EmptyIndex<P> {

    private static final Logger log = LoggerFactory.getLogger(ScanReport.class);
    private static final int SMALL = 100;

    private final MongoCollection<P> collection;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    ScanReport(MongoCollection<P> collection) {
        super("_scan_report", List.of(new IndexKey("_id", true)));
        this.collection = collection;
    }

    @Override
    public boolean canHandle(Document query) {
        if (log.isDebugEnabled() && collection.count() > SMALL && collection.getIndexes().stream()
                .filter(index -> index != this).noneMatch(index -> index.canHandle(query))) {
            String shape = shape(query);
            if (reported.add(shape)) {
                log.debug("scan of {} ({} documents): {}", collection.getFullName(), collection.count(), shape);
            }
        }
        return false;
    }

    /** The query with its values left out: field names and operators only. */
    static String shape(Object query) {
        if (query instanceof Document document) {
            return document.entrySet().stream().map(e -> e.getKey() + ": " + shape(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (query instanceof Map<?, ?> map) {
            return shape(new Document((Map<String, Object>) map));
        }
        if (query instanceof Collection<?> values && values.stream().anyMatch(v -> v instanceof Document)) {
            return values.stream().map(ScanReport::shape).collect(Collectors.joining(", ", "[", "]"));
        }
        return "?";
    }
}
