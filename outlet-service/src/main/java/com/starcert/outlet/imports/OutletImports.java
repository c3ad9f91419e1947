package com.starcert.outlet.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

import com.starcert.outlet.enterprise.EnterpriseRegistry;
import com.starcert.outlet.infra.Actor;
import com.starcert.outlet.network.Outlet;
import com.starcert.outlet.network.OutletStatus;
import com.starcert.support.messaging.OutboxEvents;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FieldProblem;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import of outlets (批量导入), taken whole or not at all.
 * <ol>
 * <li>The file is written to a temporary file and every row checked as it is read from there
 *     ({@link ImportCheck}); any problem refuses the file with a 422 listing them, and nothing is stored.</li>
 * <li>A clean file becomes an {@link OutletImport} (STORING) and the request is answered 202. The outlets are then
 *     written in bulk, marked {@code staged} and with their events parked in {@code stagedOutbox}: no read of the
 *     registry sees them and the outbox relay does not publish them.</li>
 * <li>One multi-document update unmarks them all and moves each event into its outbox, then the import is
 *     COMPLETED. If writing fails (say a concurrent registration took a name and address of the file), the staged
 *     outlets are deleted and the import is FAILED. An import left STORING by a stopped instance is finished when
 *     all its outlets were written, else undone.</li>
 * </ol>
 * MongoDB without transactions cannot make the final update atomic across documents; on a real replica set a
 * reader running during that one update may see part of the file for its duration (milliseconds), never a
 * file that is later undone.
 */
@Service
public class OutletImports {

    private static final Logger log = LoggerFactory.getLogger(OutletImports.class);
    private static final String OUTLETS = "outlets";

    private final MongoTemplate mongo;
    private final EnterpriseRegistry enterprises;
    private final OutboxEvents outboxEvents;
    private final JsonMapper json;
    private final Clock clock;
    private final ImportSettings settings;
    private final ExecutorService storing;
    /** Imports this instance has taken and not finished: waiting for a worker or being stored (see heartbeat). */
    private final java.util.Set<String> active = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Set on an import while its outlets are made visible: from then on it is finished, never undone. */
    static final String PUBLISHING = "publishingSince";

    OutletImports(MongoTemplate mongo, EnterpriseRegistry enterprises, OutboxEvents outboxEvents, JsonMapper json,
                  Clock clock, ImportSettings settings) {
        this.mongo = mongo;
        this.enterprises = enterprises;
        this.outboxEvents = outboxEvents;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.storing = Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "outlet-import");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        storing.shutdownNow();
    }

    /**
     * Checks the whole file and, if it is clean, starts storing it; a bad file is a 422 listing every problem. The
     * upload is first written to a temporary file (at most {@code max-file-size}); the rows are then read from it
     * one at a time, once to check them and once more to store them, so that no import holds its file in memory.
     */
    OutletImport accept(String enterpriseId, ImportFormat format, InputStream content, Actor requestedBy,
                        String correlationId) {
        if (!enterprises.exists(enterpriseId)) {
            throw new ApiProblemException.NotFound("enterprise", enterpriseId);
        }
        if (mongo.exists(Query.query(Criteria.where("enterpriseId").is(enterpriseId)
                .and("state").is(OutletImport.State.STORING)), OutletImport.class)) {
            throw new ApiProblemException.Conflict("an import of this enterprise is still being stored; "
                    + "wait until it is COMPLETED or FAILED");
        }
        Path file = spool(content);
        boolean handedOver = false;
        try {
            ImportCheck.Rows check = new ImportCheck.Rows(storedKeys(enterpriseId),
                    hasOpenHeadquarters(enterpriseId), List.of(), valid -> { });
            readRows(file, format, check, settings.maxRows());
            ImportCheck.Outcome outcome = check.outcome();
            if (outcome.rowsRead() == 0 && outcome.problems().isEmpty()) {
                throw new ImportRefused("the file has no outlet rows", 0, 0,
                        List.of(ImportProblem.of(1, "file", "has no outlet rows")), settings.maxListedProblems());
            }
            if (!outcome.clean()) {
                throw new ImportRefused(outcome.rowsInvalid() + " of " + outcome.rowsRead()
                        + " rows are invalid; nothing was imported", outcome.rowsRead(), outcome.rowsInvalid(),
                        outcome.problems(), settings.maxListedProblems());
            }
            Instant now = now();
            OutletImport started = mongo.insert(new OutletImport(new ObjectId().toHexString(), enterpriseId,
                    format, OutletImport.State.STORING, outcome.rowsRead(), outcome.validRows(), 0, correlationId,
                    now, now, null, null, requestedBy));
            active.add(started.id());
            storing.submit(() -> {
                try {
                    store(started, sink -> readValid(file, format, sink));
                } finally {
                    delete(file);
                }
            });
            handedOver = true;
            return started;
        } finally {
            if (!handedOver) {
                delete(file);
            }
        }
    }

    /** The upload in a temporary file; beyond {@code max-file-size} a 413 and nothing kept. */
    private Path spool(InputStream content) {
        Path file;
        try {
            file = Files.createTempFile("starcert-import-", ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException("no room for the upload in " + System.getProperty("java.io.tmpdir"), e);
        }
        try (InputStream in = new ImportText.Limited(content, settings.maxFileSize().toBytes())) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (ImportText.TooLarge e) {
            delete(file);
            throw new FileTooLarge(settings.maxFileSize());
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) e);
        }
    }

    /** Every row of the file to {@code rows}; a row beyond {@code maxRows} refuses the file (422). */
    private void readRows(Path file, ImportFormat format, ImportCheck.Rows rows, int maxRows) {
        int[] read = {0};
        java.util.function.Consumer<ImportRow> limited = row -> {
            if (++read[0] > maxRows) {
                throw new CsvOutletReader.RowLimit(row.row());
            }
            rows.accept(row);
        };
        try (ImportText text = ImportText.of(Files.newInputStream(file))) {
            if (format == ImportFormat.CSV) {
                rows.fileProblems(CsvOutletReader.read(text, limited));
            } else {
                NdjsonOutletReader.read(text, json, limited);
            }
        } catch (CsvOutletReader.RowLimit limit) {
            throw new ImportRefused("the file has more than " + maxRows + " outlet rows; nothing was imported",
                    maxRows, 0, List.of(ImportProblem.of(limit.row, "file", "an import takes at most " + maxRows
                    + " outlet rows; split the file")), settings.maxListedProblems());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The valid rows of a file already checked, read again for storing. The rules across rows hold as they did
     * (same file); those against the stored outlets are the unique indexes' now.
     */
    private void readValid(Path file, ImportFormat format, java.util.function.Consumer<ImportCheck.ValidRow> sink) {
        ImportCheck.Rows rows = new ImportCheck.Rows(Set.of(), false, List.of(), sink);
        readRows(file, format, rows, Integer.MAX_VALUE);
        if (!rows.outcome().clean()) {
            throw new IllegalStateException("the import file read differently the second time: "
                    + rows.outcome().problems().get(0));
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not remove the import file {}: {}", file, e.toString());
        }
    }

    OutletImport get(String enterpriseId, String importId) {
        OutletImport found = mongo.findOne(Query.query(Criteria.where("id").is(importId)
                .and("enterpriseId").is(enterpriseId)), OutletImport.class);
        if (found == null) {
            throw new ApiProblemException.NotFound("import", importId);
        }
        return found;
    }

    /**
     * Writes the staged outlets chunk by chunk, then makes them visible at once; undoes everything when writing
     * fails. Once making them visible has begun the import is only ever finished: a failure there is tried again
     * here and otherwise left to {@link #recoverStale}, which finishes it too. A worker that stalled so long that
     * recovery undid its import meanwhile finds the import FAILED when it comes to make it visible, removes what it
     * wrote since, and stops.
     */
    void store(OutletImport imp, List<ImportCheck.ValidRow> rows) {
        store(imp, rows::forEach);
    }

    /** The valid rows of an import, handed over one at a time (read from its file). */
    interface ValidRows {
        void forEach(java.util.function.Consumer<ImportCheck.ValidRow> sink);
    }

    void store(OutletImport imp, ValidRows rows) {
        long started = System.nanoTime();
        boolean publishing = false;
        try {
            Instant registeredAt = now();
            int[] stored = {0};
            List<Document> documents = new ArrayList<>(settings.chunkSize());
            Runnable flush = () -> {
                if (!documents.isEmpty()) {
                    mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, OUTLETS).insert(documents).execute();
                    stored[0] += documents.size();
                    documents.clear();
                    progress(imp.id(), stored[0]);
                }
            };
            rows.forEach(row -> {
                documents.add(staged(imp, row, registeredAt));
                if (documents.size() == settings.chunkSize()) {
                    flush.run();
                }
            });
            flush.run();
            long written = System.nanoTime();
            publishing = startPublishing(imp.id());
            if (!publishing) {
                removeStaged(imp.id());
                log.warn("import {} of enterprise {} was undone while it was being stored (its worker stalled); "
                        + "what the worker wrote since is removed", imp.id(), imp.enterpriseId());
                return;
            }
            publish(imp);
            log.info("import {} of enterprise {}: {} outlets written in {} ms, made visible in {} ms", imp.id(),
                    imp.enterpriseId(), stored[0], (written - started) / 1_000_000,
                    (System.nanoTime() - written) / 1_000_000);
        } catch (RuntimeException e) {
            if (publishing) {
                finishPublishing(imp, e);
                return;
            }
            String reason = isDuplicate(e)
                    ? "an outlet with a name and address of the file, or a headquarters, was registered while the "
                    + "file was being stored; nothing of the file was kept, import it again"
                    : "storing failed (" + e.getClass().getSimpleName() + "); nothing of the file was kept";
            log.warn("import {} of enterprise {} undone: {}", imp.id(), imp.enterpriseId(), e.toString());
            undo(imp, reason);
        } finally {
            active.remove(imp.id());
        }
    }

    /** Making the outlets visible failed part-way: try again a few times, else recovery finishes it. */
    private void finishPublishing(OutletImport imp, RuntimeException first) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                Thread.sleep(200L * attempt);
                publish(imp);
                return;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException again) {
                first.addSuppressed(again);
            }
        }
        log.warn("import {} of enterprise {}: making its outlets visible failed ({}); the recovery pass finishes it",
                imp.id(), imp.enterpriseId(), first.toString());
    }

    /**
     * Keeps the imports this instance holds (waiting for a worker or being stored) from looking stale to the
     * recovery pass of any instance: an import waiting behind others is not abandoned.
     */
    @Scheduled(fixedDelayString = "${starcert.outlet.import.heartbeat-interval:10s}", initialDelay = 10_000)
    void heartbeat() {
        if (!active.isEmpty()) {
            mongo.updateMulti(Query.query(Criteria.where("_id").in(List.copyOf(active))
                    .and("state").is(OutletImport.State.STORING)), new Update().set("updatedAt", now()),
                    OutletImport.class);
        }
    }

    /** For a test: this instance holds the import (as accept does until its worker is done). */
    void holding(String importId, boolean holding) {
        if (holding) {
            active.add(importId);
        } else {
            active.remove(importId);
        }
    }

    /**
     * Finishes or undoes imports whose instance stopped: one that was making its outlets visible, or had written
     * them all, is finished; any other is undone. Imports an instance still holds are kept fresh by its heartbeat.
     */
    @Scheduled(fixedDelayString = "${starcert.outlet.import.recovery-interval:60s}", initialDelay = 10_000)
    void recoverStale() {
        Instant staleBefore = now().minus(settings.staleAfter());
        for (OutletImport imp : mongo.find(Query.query(Criteria.where("state").is(OutletImport.State.STORING)
                .and("updatedAt").lt(staleBefore)), OutletImport.class)) {
            if (active.contains(imp.id())) {
                continue;
            }
            boolean publishing = mongo.exists(Query.query(Criteria.where("_id").is(imp.id())
                    .and(PUBLISHING).exists(true)), OutletImport.class);
            long written = mongo.count(Query.query(Criteria.where("importId").is(imp.id())), OUTLETS);
            if (publishing || (written == imp.rowsValid() && startPublishing(imp.id()))) {
                publish(imp);
            } else {
                undo(imp, "the service stopped while storing the file; nothing of it was kept, import it again");
            }
        }
    }

    /** STORING → making visible, unless the import was undone or is being made visible already. */
    private boolean startPublishing(String importId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(importId)
                        .and("state").is(OutletImport.State.STORING).and(PUBLISHING).exists(false)),
                new Update().set(PUBLISHING, now()).set("updatedAt", now()), OutletImport.class)
                .getModifiedCount() == 1;
    }

    private void removeStaged(String importId) {
        mongo.remove(Query.query(Criteria.where("importId").is(importId).and(Outlet.STAGED).is(true)), OUTLETS);
    }

    private void publish(OutletImport imp) {
        mongo.updateMulti(Query.query(Criteria.where("importId").is(imp.id()).and(Outlet.STAGED).is(true)),
                new Update().unset(Outlet.STAGED).rename(Outlet.STAGED_OUTBOX, "outbox"), OUTLETS);
        Instant now = now();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(imp.id()).and("state").is(OutletImport.State.STORING)),
                new Update().set("state", OutletImport.State.COMPLETED).set("rowsStored", imp.rowsValid())
                        .set("updatedAt", now).set("finishedAt", now).unset(PUBLISHING), OutletImport.class);
    }

    /**
     * FAILED and its staged outlets removed — only while it is STORING and not being made visible (then it is
     * finished instead); the state changes first, so a worker still writing finds it FAILED and cleans up.
     */
    private void undo(OutletImport imp, String reason) {
        Instant now = now();
        boolean undone = mongo.updateFirst(Query.query(Criteria.where("_id").is(imp.id())
                        .and("state").is(OutletImport.State.STORING).and(PUBLISHING).exists(false)), new Update()
                .set("state", OutletImport.State.FAILED).set("rowsStored", 0).set("failure", reason)
                .set("updatedAt", now).set("finishedAt", now), OutletImport.class).getModifiedCount() == 1;
        if (undone) {
            removeStaged(imp.id());
        }
    }

    private void progress(String importId, int stored) {
        mongo.updateFirst(Query.query(Criteria.where("id").is(importId)),
                new Update().set("rowsStored", stored).set("updatedAt", now()), OutletImport.class);
    }

    private Document staged(OutletImport imp, ImportCheck.ValidRow row, Instant registeredAt) {
        Outlet outlet = Outlet.register(new ObjectId().toHexString(), imp.enterpriseId(), row.profile(), registeredAt,
                imp.id());
        outlet = outlet.withOutbox(List.of(outboxEvents.message(outlet.changedEvent(), imp.correlationId())));
        Document document = new Document();
        mongo.getConverter().write(outlet, document);
        document.put(Outlet.STAGED_OUTBOX, document.remove("outbox"));
        document.put(Outlet.STAGED, true);
        return document;
    }

    private Set<String> storedKeys(String enterpriseId) {
        Query query = Query.query(Criteria.where("enterpriseId").is(enterpriseId));
        query.fields().include("name").include("address");
        Set<String> keys = new HashSet<>();
        for (Document d : mongo.find(query, Document.class, OUTLETS)) {
            Document address = d.get("address", Document.class);
            keys.add(d.getString("name") + "\u0000" + address.getString("regionCode") + "\u0000"
                    + address.getString("line"));
        }
        return keys;
    }

    private boolean hasOpenHeadquarters(String enterpriseId) {
        return mongo.exists(Query.query(Criteria.where("centralFunctionSlot").is("hq:" + enterpriseId)
                .and("status").ne(OutletStatus.CLOSED)), OUTLETS);
    }

    /** 413, as for a multipart upload over {@code spring.servlet.multipart.max-file-size}. */
    static final class FileTooLarge extends ErrorResponseException {
        FileTooLarge(DataSize max) {
            super(HttpStatus.CONTENT_TOO_LARGE, problem(max), null);
        }

        private static ProblemDetail problem(DataSize max) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "the file is larger than " + max.toMegabytes() + " MB; split it");
            body.setTitle("File too large");
            body.setProperty("errors", List.of(new FieldProblem("file", "must be at most " + max.toMegabytes()
                    + " MB")));
            return body;
        }
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DuplicateKeyException || String.valueOf(t.getMessage()).contains("E11000")) {
                return true;
            }
        }
        return false;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
