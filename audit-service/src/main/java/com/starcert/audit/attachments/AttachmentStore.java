package com.starcert.audit.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditRepository;
import com.starcert.audit.AuditSettings;
import com.starcert.audit.SchemeCatalog;
import com.starcert.audit.Who;
import com.starcert.audit.access.AuditAccess;
import com.starcert.audit.access.AuditAccess.Act;
import com.starcert.audit.access.Precondition;
import com.starcert.audit.planning.PlannedSite;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FieldProblem;
import com.starcert.support.security.Caller;

/**
 * Evidence files of an audit in GridFS (bucket {@code fs}, metadata {@code auditId}, {@code enterpriseId}); their
 * description lives on the audit document. The auditors of the team upload them; whoever may read the audit may read
 * them. A file is stored first and its description saved after; if the save loses a concurrent write the file is
 * removed again, so no description points nowhere — which is why this command saves by itself rather than through
 * {@link AuditAccess#command}.
 */
@Service
public class AttachmentStore {

    private final GridFsTemplate gridFs;
    private final AuditRepository audits;
    private final AuditAccess access;
    private final SchemeCatalog schemes;
    private final long maxBytes;
    private final Clock clock;

    public AttachmentStore(GridFsTemplate gridFs, AuditRepository audits, AuditAccess access, SchemeCatalog schemes,
                           AuditSettings settings, Clock clock) {
        this.gridFs = gridFs;
        this.audits = audits;
        this.access = access;
        this.schemes = schemes;
        this.maxBytes = settings.attachmentMaxSize().toBytes();
        this.clock = clock;
    }

    /** A file as received: name, declared type, and its bytes (read only after the size was checked). */
    public interface Upload {
        String fileName();

        String declaredType();

        long size();

        byte[] bytes() throws IOException;
    }

    public Attachment attach(String auditId, Upload upload, String siteId, String indicator, String note,
                             Precondition precondition, Caller caller) {
        Audit audit = access.authorize(auditId, caller, Act.AUDIT, precondition);
        Who by = Who.of(caller);
        if (upload.size() > maxBytes) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "file: " + upload.size() + " bytes is more than the " + maxBytes + " bytes an attachment may have");
            problem.setTitle("Attachment too large");
            problem.setProperty("errors", List.of(new FieldProblem("file", "larger than " + maxBytes + " bytes")));
            throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
        }
        List<FieldProblem> problems = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = upload.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<FileKind> kind = FileKind.detect(bytes);
        if (bytes.length == 0) {
            problems.add(new FieldProblem("file", "is empty"));
        } else if (kind.isEmpty()) {
            problems.add(new FieldProblem("file", "is not a JPEG, PNG or PDF file (checked by its content)"));
        } else if (!kind.get().agreesWith(upload.declaredType())) {
            problems.add(new FieldProblem("file", "declared as " + upload.declaredType() + " but its content is "
                    + kind.get().contentType()));
        }
        String site = blankToNull(siteId);
        String code = blankToNull(indicator);
        if (site != null && audit.sites().stream().map(PlannedSite::siteId).noneMatch(site::equals)) {
            problems.add(new FieldProblem("siteId", "'" + site + "' is not in the site plan"));
        }
        if (code != null && schemes.get(audit.scheme()).indicator(code).isEmpty()) {
            problems.add(new FieldProblem("indicator", "'" + code + "' is not an indicator of " + audit.scheme().id()
                    + " version " + audit.scheme().version()));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblemException.InvalidRequest(problems);
        }
        if (audit.status() == com.starcert.audit.AuditStatus.DECIDED) {
            throw new ApiProblemException.Conflict("audit " + auditId + " is DECIDED; no more evidence can be attached");
        }
        String fileName = fileName(upload.fileName(), kind.get());
        Document metadata = new Document("auditId", audit.id()).append("enterpriseId", audit.enterpriseId());
        ObjectId fileId = gridFs.store(new ByteArrayInputStream(bytes), fileName, kind.get().contentType(), metadata);
        Attachment attachment = new Attachment(fileId.toHexString(), fileName, kind.get().contentType(), bytes.length,
                sha256(bytes), site, code, blankToNull(note), by.sub(), by.name(), clock.instant());
        try {
            audit.attach(attachment);
            audits.save(audit);
        } catch (OptimisticLockingFailureException | IllegalStateException e) {
            gridFs.delete(byId(fileId));
            if (e instanceof IllegalStateException) {
                throw new ApiProblemException.Conflict(e.getMessage());
            }
            throw e;
        }
        return attachment;
    }

    public record Content(Attachment attachment, InputStream stream) {
    }

    public Content content(String auditId, String attachmentId, Caller caller) {
        Audit audit = access.read(auditId, caller);
        Attachment attachment = audit.attachments().stream().filter(a -> a.id().equals(attachmentId)).findFirst()
                .orElseThrow(() -> new ApiProblemException.NotFound("attachment", attachmentId));
        var file = gridFs.findOne(byId(new ObjectId(attachment.id())));
        if (file == null) {
            throw new ApiProblemException.NotFound("attachment", attachmentId);
        }
        GridFsResource resource = gridFs.getResource(file);
        try {
            return new Content(attachment, resource.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Attachment> list(String auditId, Caller caller) {
        return access.read(auditId, caller).attachments();
    }

    private static Query byId(ObjectId id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static String fileName(String given, FileKind kind) {
        String name = given == null ? "" : given.replaceAll("[\\\\/\\p{Cntrl}\"]", "_").trim();
        if (name.isEmpty()) {
            name = "attachment." + kind.name().toLowerCase(java.util.Locale.ROOT);
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
