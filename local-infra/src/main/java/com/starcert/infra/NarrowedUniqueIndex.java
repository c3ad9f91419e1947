package com.starcert.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * A compound unique index of the Mongo wire server that also narrows queries naming only its first field, as
 * MongoDB does with an index prefix: the server's own unique index answers a query naming every field and keeps the
 * uniqueness, a {@link SecondaryIndex} on the first field answers the rest. Without it a query by audit on the unique
 * index {@code auditId, revision} would read the whole collection.
 *
 * @param <P> the backend's document position
 */
final class NarrowedUniqueIndex<P> extends Index<P> {

    private final Index<P> unique;
    private final SecondaryIndex<P> prefix;

    NarrowedUniqueIndex(Index<P> unique, boolean sparse) {
        super(unique.getName(), unique.getKeys(), sparse);
        this.unique = unique;
        this.prefix = new SecondaryIndex<>(unique.getName(), unique.getKeys(), sparse);
    }

    @Override
    public boolean isUnique() {
        return unique.isUnique();
    }

    @Override
    public P getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        unique.add(document, position, collection);
        prefix.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        prefix.remove(document);
        return unique.remove(document);
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query) || prefix.canHandle(query);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return unique.canHandle(query) ? unique.getPositions(query) : prefix.getPositions(query);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
        prefix.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        unique.drop();
        prefix.drop();
    }
}
