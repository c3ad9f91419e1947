package com.starcert.support.indexes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

/**
 * Every query a service sends to MongoDB during its tests, checked against the indexes declared on the collection
 * it reads: on MongoDB a query no index serves reads the whole collection, which is fine in a test and not at a
 * certification body's scale (hundreds of thousands of outlets, audits and certificates).
 *
 * <p>The recorder is a driver {@link CommandListener} (every test context of a service gets it through
 * {@link IndexCoverageAutoConfiguration}); it keeps the shape of each filter (field names and operators, no
 * values) of {@code find}, {@code count}, {@code distinct}, {@code findAndModify}, {@code update}, {@code delete}
 * and the first {@code $match} of an {@code aggregate} (a {@code find} of any one document, no filter, no sort,
 * limit 1, reads no more than that and is left out). {@link #assertEveryQueryUsesAnIndex} then reads each
 * collection's indexes ({@code listIndexes}) and fails for a shape none of them serves, naming the shape — unless
 * the service lists it as an exception, with its reason. Queries a test sends itself (to check what was stored)
 * are left out.
 *
 * <p>An index serves a filter the way MongoDB's planner would use it at all: the filter constrains the index's
 * first field with something an index answers (equality, {@code $in}, a range, {@code $elemMatch}, {@code $all};
 * not {@code $ne}, {@code $nin}, {@code $exists: false}, {@code $not}, {@code $regex}), directly or inside
 * {@code $and}; an {@code $or} needs every branch served; a {@code find} whose sort starts with an index's first
 * field is served by walking that index in order.
 */
public final class IndexCoverage implements CommandListener {

    static final IndexCoverage RECORDER = new IndexCoverage();

    /** One query shape on one collection. */
    record Query(ServerAddress server, String database, String collection, String command, String shape,
                 BsonDocument filter, BsonDocument sort) {
        String describe() {
            return database + "." + collection + " " + command + " " + shape
                    + (sort == null || sort.isEmpty() ? "" : " sort " + sort.keySet());
        }
    }

    /** One declared index: its fields in order, and whether it leaves out documents without them. */
    record Declared(List<String> keys, boolean sparse) {
        @Override
        public String toString() {
            return keys + (sparse ? " sparse" : "");
        }
    }

    private final Map<String, Query> queries = new ConcurrentHashMap<>();

    private IndexCoverage() {
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        BsonValue target = command.get(name);
        if (target == null || !target.isString() || event.getDatabaseName().equals("admin")
                || target.asString().getValue().startsWith("system.")) {
            return;
        }
        if (fromTestCode()) {
            return;
        }
        String collection = target.asString().getValue();
        switch (name) {
            case "find" -> {
                BsonDocument filter = document(command, "filter");
                BsonDocument sort = document(command, "sort");
                BsonValue limit = command.get("limit");
                // any one document, e.g. the GridFS driver asking whether fs.files is still empty: no scan
                boolean anyOne = filter.isEmpty() && sort.isEmpty() && limit != null && limit.isNumber()
                        && Math.abs(limit.asNumber().longValue()) == 1;
                if (!anyOne) {
                    record(event, collection, name, filter, sort);
                }
            }
            case "count", "distinct", "findAndModify" -> record(event, collection, name, document(command, "query"),
                    name.equals("findAndModify") ? document(command, "sort") : null);
            case "aggregate" -> {
                BsonValue pipeline = command.get("pipeline");
                if (pipeline instanceof BsonArray stages && !stages.isEmpty() && stages.get(0).isDocument()
                        && stages.get(0).asDocument().containsKey("$match")) {
                    record(event, collection, name, stages.get(0).asDocument().getDocument("$match"), null);
                } else {
                    record(event, collection, name, new BsonDocument(), null);
                }
            }
            case "update", "delete" -> {
                BsonValue statements = command.get(name.equals("update") ? "updates" : "deletes");
                if (statements instanceof BsonArray array) {
                    for (BsonValue statement : array) {
                        if (statement.isDocument()) {
                            record(event, collection, name, document(statement.asDocument(), "q"), null);
                        }
                    }
                }
            }
            default -> {
            }
        }
    }

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /**
     * Whether the nearest StarCert code on the stack is a test's (a test checking what was stored, say): only the
     * queries the service itself sends count. The driver calls listeners on the thread that sends the command.
     */
    private static boolean fromTestCode() {
        return STACK.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> c.getName().startsWith("com.starcert.") && c != IndexCoverage.class)
                .findFirst()).map(IndexCoverage::isTestClass).orElse(false);
    }

    private static boolean isTestClass(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        String location = source == null || source.getLocation() == null ? "" : source.getLocation().toString();
        return location.contains("/test-classes/") || location.endsWith("-tests.jar");
    }

    private static BsonDocument document(BsonDocument command, String key) {
        BsonValue value = command.get(key);
        return value != null && value.isDocument() ? value.asDocument() : new BsonDocument();
    }

    private void record(CommandStartedEvent event, String collection, String command, BsonDocument filter,
                        BsonDocument sort) {
        String shape = shape(filter);
        Query query = new Query(event.getConnectionDescription().getServerAddress(), event.getDatabaseName(),
                collection, command, shape, filter.clone(), sort == null ? null : sort.clone());
        queries.putIfAbsent(query.describe(), query);
    }

    /** The filter with its values left out: field names and operators only. */
    static String shape(BsonValue value) {
        if (value instanceof BsonDocument document) {
            return document.entrySet().stream().map(e -> e.getKey() + ": " + shape(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof BsonArray array && array.stream().anyMatch(BsonValue::isDocument)) {
            return array.stream().map(IndexCoverage::shape).collect(Collectors.joining(", ", "[", "]"));
        }
        return "?";
    }

    /**
     * Fails, naming every query shape recorded so far that no declared index of its collection serves, except the
     * shapes {@code exceptions} names ({@code "database.collection command shape"} as the failure message prints
     * it, mapped to why it may scan).
     */
    public static void assertEveryQueryUsesAnIndex(Map<String, String> exceptions) {
        List<String> unserved = new ArrayList<>();
        Map<String, List<Declared>> indexes = new LinkedHashMap<>();
        for (Query query : RECORDER.queries.values()) {
            if (exceptions.containsKey(query.describe())) {
                continue;
            }
            List<Declared> declared = indexes.computeIfAbsent(
                    query.server() + "/" + query.database() + "." + query.collection(), key -> indexesOf(query));
            if (!served(query.filter(), declared)
                    && !(query.sort() != null && !query.sort().isEmpty() && declared.stream()
                                        .anyMatch(index -> index.keys().get(0).equals(query.sort().getFirstKey())))) {
                unserved.add(query.describe() + "   (indexes: " + declared + ")");
            }
        }
        if (!unserved.isEmpty()) {
            throw new AssertionError("queries no declared index serves (each reads the whole collection on MongoDB):\n  "
                    + String.join("\n  ", new TreeSet<>(unserved)));
        }
    }

    /** The recorded shapes, for a test that wants to see them. */
    static Set<String> recorded() {
        return new TreeSet<>(RECORDER.queries.keySet());
    }

    private static List<Declared> indexesOf(Query query) {
        try (MongoClient client = MongoClients.create("mongodb://" + query.server().getHost() + ":"
                + query.server().getPort())) {
            List<Declared> declared = new ArrayList<>();
            for (Document index : client.getDatabase(query.database()).getCollection(query.collection())
                    .listIndexes()) {
                declared.add(new Declared(List.copyOf(index.get("key", Document.class).keySet()),
                        Boolean.TRUE.equals(index.getBoolean("sparse")) || index.containsKey("partialFilterExpression")));
            }
            if (declared.isEmpty()) {
                declared.add(new Declared(List.of("_id"), false));
            }
            return declared;
        }
    }

    /** Whether one of the indexes serves the filter. */
    static boolean served(BsonDocument filter, Collection<Declared> indexes) {
        if (filter.isEmpty()) {
            return false;
        }
        if (filter.get("$or") instanceof BsonArray branches && !branches.isEmpty()) {
            boolean every = branches.stream().allMatch(b -> b.isDocument() && served(b.asDocument(), indexes));
            if (every) {
                return true;
            }
        }
        return indexes.stream().anyMatch(index -> constrains(filter, index.keys().get(0), index.sparse()));
    }

    private static boolean constrains(BsonDocument filter, String field, boolean sparse) {
        for (Map.Entry<String, BsonValue> condition : filter.entrySet()) {
            String key = condition.getKey();
            if (key.equals("$and") && condition.getValue() instanceof BsonArray parts) {
                if (parts.stream().anyMatch(p -> p.isDocument() && constrains(p.asDocument(), field, sparse))) {
                    return true;
                }
            } else if (key.equals(field) && usable(condition.getValue(), sparse)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> USABLE = Set.of("$eq", "$in", "$gt", "$gte", "$lt", "$lte", "$elemMatch",
            "$all");

    private static boolean usable(BsonValue condition, boolean sparse) {
        if (condition.isRegularExpression()) {
            // only a case-sensitive prefix (^…) narrows an index; a part of a name reads every key
            return condition.asRegularExpression().getPattern().startsWith("^")
                    && !condition.asRegularExpression().getOptions().contains("i");
        }
        if (!(condition instanceof BsonDocument operators) || operators.isEmpty()
                || !operators.getFirstKey().startsWith("$")) {
            return true; // equality with a value or a sub-document
        }
        if (operators.containsKey("$exists")) {
            // {$exists: true} is answered by a sparse (or partial) index, which holds only those documents
            boolean exists = operators.get("$exists").isBoolean() && operators.getBoolean("$exists").getValue();
            return exists && (sparse || operators.keySet().stream().anyMatch(USABLE::contains));
        }
        return operators.keySet().stream().anyMatch(USABLE::contains);
    }
}
