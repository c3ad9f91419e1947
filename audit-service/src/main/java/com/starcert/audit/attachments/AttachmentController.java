package com.starcert.audit.attachments;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.starcert.audit.access.Precondition;
import com.starcert.support.security.Caller;
import com.starcert.support.security.Roles;

/** Evidence files (证据): uploaded by the auditors of the team, read by whoever may read the audit. */
@RestController
public class AttachmentController {

    private final AttachmentStore store;

    public AttachmentController(AttachmentStore store) {
        this.store = store;
    }

    /** Adds to the audit, so {@code If-Match} is checked when sent. */
    @PostMapping(value = "/api/audits/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RolesAllowed(Roles.AUDITOR)
    public ResponseEntity<Attachment> upload(@PathVariable String id, @RequestPart("file") MultipartFile file,
                                             @RequestParam(required = false) String siteId,
                                             @RequestParam(required = false) String indicator,
                                             @RequestParam(required = false) String note,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                             String ifMatch, Caller caller) {
        Attachment attachment = store.attach(id, new AttachmentStore.Upload() {
            @Override
            public String fileName() {
                return file.getOriginalFilename();
            }

            @Override
            public String declaredType() {
                return file.getContentType();
            }

            @Override
            public long size() {
                return file.getSize();
            }

            @Override
            public byte[] bytes() throws IOException {
                return file.getBytes();
            }
        }, siteId, indicator, note, Precondition.ifSent(ifMatch), caller);
        return ResponseEntity.created(URI.create("/api/audits/" + id + "/attachments/" + attachment.id()))
                .body(attachment);
    }

    @GetMapping("/api/audits/{id}/attachments")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    public List<Attachment> list(@PathVariable String id, Caller caller) {
        return store.list(id, caller);
    }

    @GetMapping("/api/audits/{id}/attachments/{attachmentId}")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    public ResponseEntity<InputStreamResource> download(@PathVariable String id, @PathVariable String attachmentId,
                                                        Caller caller) {
        AttachmentStore.Content content = store.content(id, attachmentId, caller);
        Attachment a = content.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(a.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content.stream()));
    }
}
