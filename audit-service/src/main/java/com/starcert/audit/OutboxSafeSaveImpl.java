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
        UpdateResult result = mongo.updateFirst(Query.query(Criteria.where("_id").is(audit.id())
                .and(VERSION).is(version)), update, Audit.class);
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("audit " + audit.id() + " was changed by someone else "
                    + "meanwhile (version " + version + " is no longer current)");
        }
        // the audit as now stored, without reading it again: its new version, its queued events written
        entity.getPropertyAccessor(audit).setProperty(entity.getRequiredVersionProperty(), version + 1);
        audit.saved();
        return audit;
    }
}
