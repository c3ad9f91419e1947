package com.starcert.audit.attachments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes evidence files no audit refers to. An upload stores the file first and then saves the audit with its
 * reference (a file and a document cannot be written in one step); a crash between the two would leave the file
 * for ever. This pass looks at files older than {@code starcert.audit.orphaned-files.after} (default one hour, so an
 * upload still on its way is never touched) in the order they were stored — a file's id carries its creation time,
 * so the look-up is by {@code _id} alone — and deletes those whose audit does not list them (or no longer exists).
 */
@Component
public class OrphanedFiles {

    private static final Logger log = LoggerFactory.getLogger(OrphanedFiles.class);
    private static final int PAGE = 500;

    private final GridFsTemplate gridFs;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration after;

    public OrphanedFiles(GridFsTemplate gridFs, MongoTemplate mongo, Clock clock,
                         @Value("${starcert.audit.orphaned-files.after:1h}") Duration after) {
        this.gridFs = gridFs;
        this.mongo = mongo;
        this.clock = clock;
        this.after = after;
    }

    @Scheduled(fixedDelayString = "${starcert.audit.orphaned-files.interval:1h}", initialDelayString = "${starcert.audit.orphaned-files.interval:1h}")
    void scheduled() {
        try {
            removeStoredBefore(clock.instant().minus(after));
        } catch (RuntimeException e) {
            log.warn("the pass over evidence files stopped and runs again later: {}", e.toString());
        }
    }

    /** Deletes the files stored before {@code cutoff} that no audit refers to; how many. */
    public int removeStoredBefore(Instant cutoff) {
        ObjectId before = new ObjectId(Date.from(cutoff));
        ObjectId last = null;
        int removed = 0;
        while (true) {
            Criteria ids = Criteria.where("_id").lt(before);
            if (last != null) {
                ids = ids.gt(last);
            }
            List<ObjectId> fileIds = new ArrayList<>();
            List<String> auditIds = new ArrayList<>();
            Query page = Query.query(ids).with(Sort.by("_id")).limit(PAGE);
            page.fields().include("_id").include("metadata.auditId");
            List<Document> files = mongo.find(page, Document.class, "fs.files");
            if (files.isEmpty()) {
                return removed;
            }
            for (Document file : files) {
                fileIds.add(file.getObjectId("_id"));
                Document metadata = file.get("metadata", Document.class);
                if (metadata != null && metadata.getString("auditId") != null) {
                    auditIds.add(metadata.getString("auditId"));
                }
            }
            Set<String> referenced = referenced(auditIds);
            for (ObjectId fileId : fileIds) {
                if (!referenced.contains(fileId.toHexString())) {
                    gridFs.delete(Query.query(Criteria.where("_id").is(fileId)));
                    removed++;
                    log.info("removed evidence file {}: no audit refers to it", fileId.toHexString());
                }
            }
            last = fileIds.get(fileIds.size() - 1);
        }
    }

    /** The attachment ids the given audits list. */
    private Set<String> referenced(List<String> auditIds) {
        Set<String> referenced = new HashSet<>();
        if (auditIds.isEmpty()) {
            return referenced;
        }
        Query audits = Query.query(Criteria.where("_id").in(new HashSet<>(auditIds)));
        audits.fields().include("attachments._id").include("attachments.id");
        for (Document audit : mongo.find(audits, Document.class, "audits")) {
            for (Document attachment : audit.getList("attachments", Document.class, List.of())) {
                Object id = attachment.get("_id") != null ? attachment.get("_id") : attachment.get("id");
                if (id != null) {
                    referenced.add(id.toString());
                }
            }
        }
        return referenced;
    }
}
