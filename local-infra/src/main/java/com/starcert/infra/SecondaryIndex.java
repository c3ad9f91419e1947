package com.starcert.infra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index for the Mongo wire server, which otherwise keeps unique indexes only and answers every other
 * query by reading the whole collection. The services declare their indexes for MongoDB; with this the embedded
 * store uses them too, so a query the API offers costs about what it costs on MongoDB, not a collection scan.
 * <p>
 * It indexes the first field of the declared key (the part every query on the index names) and hands the server
 * the positions of the documents with the queried value; the server then matches those documents against the whole
 * query (and sorts them), so the index only narrows, it never decides. A query it cannot narrow (no plain equality
 * or {@code $in} on that field) is left to the other indexes or a scan, as before. Arrays are indexed per element,
 * as MongoDB's multikey indexes are.
 *
 * @param <P> the backend's document position
 */
final class SecondaryIndex<P> extends Index<P> {

    private final String field;
    /** The document's field the indexed path starts in ({@code outbox} for {@code outbox.eventId}). */
    private final String topField;
    /** Extracts the first field's values the way the server's own indexes do (dotted paths, arrays). */
    private final Index<P> firstField;
    private final Map<KeyValue, Set<P>> byValue = new HashMap<>();
    private final Map<KeyValue, P> byId = new HashMap<>();
    private final Map<P, Set<KeyValue>> valuesOf = new HashMap<>();

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
        this.topField = field.split("\\.", 2)[0];
        this.firstField = new EmptyIndex<>(name, List.of(keys.get(0)));
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return valuesQueried(query) != null;
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Collection<KeyValue> values = valuesQueried(query);
        Set<P> positions = new LinkedHashSet<>();
        if (values != null) {
            for (KeyValue value : values) {
                positions.addAll(byValue.getOrDefault(value, Set.of()));
            }
        }
        return new ArrayList<>(positions);
    }

    /**
     * The normalised values the query asks this field to equal, directly or in one of its {@code $and} conditions
     * (every match satisfies each of them); null when it asks nothing of the kind.
     */
    private Collection<KeyValue> valuesQueried(Document query) {
        Collection<KeyValue> values = query.containsKey(field) ? valuesOf(query.get(field)) : null;
        if (values == null && query.get("$and") instanceof Collection<?> conditions) {
            for (Object condition : conditions) {
                if (condition instanceof Document conjunct && (values = valuesQueried(conjunct)) != null) {
                    return values;
                }
            }
        }
        return values;
    }

    private static Collection<KeyValue> valuesOf(Object condition) {
        if (condition instanceof Document operators) {
            if (operators.size() != 1) {
                return null;
            }
            if (operators.containsKey("$eq")) {
                return plain(operators.get("$eq")) ? List.of(key(operators.get("$eq"))) : null;
            }
            if (operators.get("$in") instanceof Collection<?> candidates) {
                List<KeyValue> keys = new ArrayList<>();
                for (Object candidate : candidates) {
                    if (!plain(candidate)) {
                        return null;
                    }
                    keys.add(key(candidate));
                }
                return keys;
            }
            return null;
        }
        return plain(condition) ? List.of(key(condition)) : null;
    }

    /** A value whose equality match is the value itself: not null (matches missing), an array, a sub-document or a regex. */
    private static boolean plain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection<?>)
                && !(value instanceof java.util.regex.Pattern)
                && !de.bwaldvogel.mongo.bson.BsonRegularExpression.isRegularExpression(value);
    }

    private static KeyValue key(Object value) {
        return new KeyValue(value).normalized();
    }

    private Set<KeyValue> values(Document document) {
        Set<KeyValue> values = new LinkedHashSet<>();
        for (KeyValue value : firstField.getKeyValues(document)) {
            values.add(value.normalized());
        }
        return values;
    }

    private static KeyValue id(Document document) {
        return key(document.get("_id"));
    }

    @Override
    public synchronized P getPosition(Document document) {
        return byId.get(id(document));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: any document may be added
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        add(document, values(document), position);
    }

    private void add(Document document, Set<KeyValue> values, P position) {
        byId.put(id(document), position);
        valuesOf.put(position, values);
        for (KeyValue value : values) {
            byValue.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(position);
        }
    }

    @Override
    public synchronized P remove(Document document) {
        P position = byId.remove(id(document));
        if (position != null) {
            forget(position);
        }
        return position;
    }

    private void forget(P position) {
        Set<KeyValue> values = valuesOf.remove(position);
        if (values == null) {
            return;
        }
        for (KeyValue value : values) {
            Set<P> positions = byValue.get(value);
            if (positions != null) {
                positions.remove(position);
                if (positions.isEmpty()) {
                    byValue.remove(value);
                }
            }
        }
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: any change is allowed
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
                                           MongoCollection<P> collection) {
        if (field.equals("_id") || java.util.Objects.equals(oldDocument.get(topField), newDocument.get(topField))) {
            return; // _id never changes; nor can the indexed values when the field's top-level value is the same
        }
        Set<KeyValue> values = values(newDocument);
        if (values.equals(valuesOf.get(position))) {
            return; // most updates leave the indexed field alone (and _id never changes)
        }
        byId.remove(id(oldDocument));
        forget(position);
        add(newDocument, values, position);
    }

    @Override
    public synchronized long getCount() {
        return byId.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        byValue.clear();
        byId.clear();
        valuesOf.clear();
    }
}
