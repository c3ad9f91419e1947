package com.starcert.audit;

import java.util.List;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.result.UpdateResult;
import com.starcert.support.messaging.OutboxMessage;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FieldProblem;

/**
 * The audit repository's save. A new audit is inserted whole. A stored one is updated field by field under its
 * version (optimistic locking as before): every mapped field is set (or unset when now empty), except the outbox,
 * to which only the events queued since the audit was read are appended ({@code $push}) — so no write path undoes
 * what the relay did meanwhile, and the relay's lease fields, which the audit does not map, are left alone.
 */
class OutboxSafeSaveImpl implements OutboxSafeSave<Audit> {

    private static final String OUTBOX = "outbox";
    private static final String VERSION = "version";

    private final MongoTemplate mongo;

    OutboxSafeSaveImpl(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public <S extends Audit> S save(S audit) {
        if (audit.version() == null) {
            S inserted = mongo.insert(audit);
            inserted.saved();
            return inserted;
        }
        Document written = new Document();
        mongo.getConverter().write(audit, written);
        long version = audit.version();
        Update update = new Update();
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(Audit.class);
        for (MongoPersistentProperty property : entity) {
            String field = property.getFieldName();
            if (property.isIdProperty() || field.equals(OUTBOX) || field.equals(VERSION)) {
                continue;
            }
            if (written.containsKey(field)) {
                update.set(field, written.get(field));
            } else {
                update.unset(field);
            }
        }
        update.set(VERSION, version + 1);
        List<OutboxMessage> enqueued = audit.enqueued();
        if (!enqueued.isEmpty()) {
            update.push(OUTBOX).each(enqueued.stream().map(m -> mongo.getConverter().convertToMongoType(m)).toArray());
        }
        UpdateResult result;
        try {
            result = mongo.updateFirst(Query.query(Criteria.where("_id").is(audit.id())
                    .and(VERSION).is(version)), update, Audit.class);
        } catch (RuntimeException e) {
            if (documentTooLarge(e)) {
                // refused as a whole by the driver or the server: nothing of this change was stored
                throw new ApiProblemException.Unprocessable("audit " + audit.id() + " would be larger than the "
                        + "store keeps in one document (16 MB); this change was not stored",
                        List.of(new FieldProblem("findings", "the audit's findings, evidence notes and reasons "
                                + "together are too large: shorten evidence notes or reasons (keep the detail in "
                                + "attachments)")));
            }
            throw e;
        }
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("audit " + audit.id() + " was changed by someone else "
                    + "meanwhile (version " + version + " is no longer current)");
        }
        // the audit as now stored, without reading it again: its new version, its queued events written
        entity.getPropertyAccessor(audit).setProperty(entity.getRequiredVersionProperty(), version + 1);
        audit.saved();
        return audit;
    }

    /**
     * The store refused the write because a document would exceed 16 MB: the driver before sending (the command's
     * document too large) or the server (BSONObjectTooLarge, 10334; a document grown beyond the limit by an update,
     * 17419).
     */
    static boolean documentTooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.bson.BsonMaximumSizeExceededException) {
                return true;
            }
            if (t instanceof com.mongodb.MongoServerException server
                    && (server.getCode() == 10334 || server.getCode() == 17419)) {
                return true;
            }
        }
        return false;
    }
}
