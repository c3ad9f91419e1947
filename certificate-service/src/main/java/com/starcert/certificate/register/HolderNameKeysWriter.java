package com.starcert.certificate.register;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Writes {@link HolderNameKeys} into every certificate document as it is inserted (a certificate's holder never
 * changes afterwards), and once after start-up into certificates stored before the keys existed, so that the
 * public search by name finds them too.
 */
@Component
public class HolderNameKeysWriter implements BeforeSaveCallback<Certificate> {

    private static final Logger log = LoggerFactory.getLogger(HolderNameKeysWriter.class);

    // looked up when needed: the converter asks for its callbacks (this one) while MongoTemplate is being made
    private final ObjectProvider<MongoTemplate> template;

    HolderNameKeysWriter(ObjectProvider<MongoTemplate> template) {
        this.template = template;
    }

    @Override
    public Certificate onBeforeSave(Certificate certificate, Document document, String collection) {
        document.put(HolderNameKeys.FIELD, HolderNameKeys.of(certificate.holder() == null ? null
                : certificate.holder().name()));
        return certificate;
    }

    /**
     * Certificates stored without the keys get them (a targeted {@code $set}, so the outbox relay's lease and
     * pending events stay as they are). Reads the whole collection once per start, which stays cheap because
     * only the holder's name is read.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void addMissingKeys() {
        MongoTemplate mongo = template.getObject();
        Query missing = Query.query(Criteria.where(HolderNameKeys.FIELD).exists(false));
        missing.fields().include("holder.name");
        int written = 0;
        for (Document certificate : mongo.find(missing, Document.class, "certificates")) {
            Document holder = certificate.get("holder", Document.class);
            String name = holder == null ? null : holder.getString("name");
            mongo.updateFirst(Query.query(Criteria.where("_id").is(certificate.get("_id"))
                            .and(HolderNameKeys.FIELD).exists(false)),
                    Update.update(HolderNameKeys.FIELD, HolderNameKeys.of(name)), "certificates");
            written++;
        }
        if (written > 0) {
            log.info("added name search keys to {} certificates stored before them", written);
        }
    }
}
