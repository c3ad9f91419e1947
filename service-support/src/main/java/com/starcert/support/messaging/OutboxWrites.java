package com.starcert.support.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Watches this service's own writes on the MongoDB client and tells the relay, the moment a write that put events
 * into a document's {@code outbox} has been acknowledged, which document that was — so the event leaves within
 * milliseconds instead of waiting for the relay's next pass. Whatever the style of the write (a repository
 * {@code save}, an {@code insert}, an update that {@code $push}es to {@code outbox}, a {@code findAndModify}) it
 * reaches the driver as one of three commands, so no service code has to remember to call anything.
 *
 * <p>Documents named by {@code _id} in the write are handed over one by one; a write that fills outboxes by another
 * filter (an import making all its outlets visible with one multi-document update) starts a sweep of the
 * collection. The relay's periodic pass remains the safety net for crashes.
 */
public class OutboxWrites implements CommandListener {

    /** A document with new outbox events, by collection and {@code _id}; no id: some documents of the collection. */
    public record Committed(String collection, BsonValue id) {
        boolean named() {
            return id != null;
        }
    }

    private final Map<Integer, List<Committed>> inFlight = new ConcurrentHashMap<>();
    private volatile OutboxRelay relay;

    /** Where acknowledged writes are reported (the relay, once it runs). */
    public void reportTo(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        List<Committed> touched = touchedOutboxes(event.getCommandName(), event.getCommand());
        if (!touched.isEmpty()) {
            inFlight.put(event.getRequestId(), touched);
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        List<Committed> touched = inFlight.remove(event.getRequestId());
        OutboxRelay target = relay;
        if (touched != null && target != null) {
            for (Committed c : touched) {
                if (c.named()) {
                    target.committed(c.collection(), c.id());
                } else {
                    target.sweep(c.collection());
                }
            }
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        inFlight.remove(event.getRequestId());
    }

    /** The documents a write command gives new outbox events, named by {@code _id}; empty for anything else. */
    static List<Committed> touchedOutboxes(String commandName, BsonDocument command) {
        List<Committed> touched = new ArrayList<>();
        switch (commandName) {
            case "insert" -> {
                String collection = command.getString("insert").getValue();
                for (BsonValue value : array(command, "documents")) {
                    if (value.isDocument() && hasEvents(value.asDocument().get(OutboxRelay.OUTBOX))
                            && value.asDocument().containsKey("_id")) {
                        touched.add(new Committed(collection, value.asDocument().get("_id")));
                    }
                }
            }
            case "update" -> {
                String collection = command.getString("update").getValue();
                for (BsonValue value : array(command, "updates")) {
                    if (value.isDocument()) {
                        BsonDocument statement = value.asDocument();
                        addIfOutboxWrite(touched, collection, statement.get("q"), statement.get("u"),
                                statement.getBoolean("multi", org.bson.BsonBoolean.FALSE).getValue());
                    }
                }
            }
            case "findAndModify", "findandmodify" -> {
                String collection = command.get(commandName).asString().getValue();
                addIfOutboxWrite(touched, collection, command.get("query"), command.get("update"), false);
            }
            default -> {
                // reads, deletes and everything else leave no events behind
            }
        }
        return touched;
    }

    private static void addIfOutboxWrite(List<Committed> touched, String collection, BsonValue filter,
                                         BsonValue update, boolean multi) {
        if (filter == null || !filter.isDocument() || update == null || !update.isDocument()
                || !writesOutbox(update.asDocument())) {
            return;
        }
        BsonValue id = filter.asDocument().get("_id");
        boolean named = !multi && id != null
                && !(id.isDocument() && id.asDocument().keySet().stream().anyMatch(k -> k.startsWith("$")));
        Committed committed = new Committed(collection, named ? id : null);
        if (!touched.contains(committed)) {
            touched.add(committed);
        }
    }

    /**
     * A replacement with events in {@code outbox}, or an update that pushes, adds, sets or renames a field into
     * {@code outbox}.
     */
    private static boolean writesOutbox(BsonDocument update) {
        boolean operators = update.keySet().stream().anyMatch(k -> k.startsWith("$"));
        if (!operators) {
            return hasEvents(update.get(OutboxRelay.OUTBOX));
        }
        for (String operator : List.of("$push", "$addToSet", "$set")) {
            BsonValue fields = update.get(operator);
            if (fields != null && fields.isDocument() && fields.asDocument().containsKey(OutboxRelay.OUTBOX)) {
                return true;
            }
        }
        BsonValue renames = update.get("$rename");
        return renames != null && renames.isDocument() && renames.asDocument().values().stream()
                .anyMatch(target -> target.isString() && OutboxRelay.OUTBOX.equals(target.asString().getValue()));
    }

    private static boolean hasEvents(BsonValue outbox) {
        return outbox != null && outbox.isArray() && !outbox.asArray().isEmpty();
    }

    private static BsonArray array(BsonDocument command, String field) {
        BsonValue value = command.get(field);
        return value != null && value.isArray() ? value.asArray() : new BsonArray();
    }
}
