package com.starcert.outlet.imports;

import java.io.IOException;
import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.starcert.outlet.infra.Actor;
import com.starcert.outlet.infra.CorrelationId;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.security.Caller;
import com.starcert.support.security.Roles;

/**
 * {@code POST /api/enterprises/{id}/outlets/imports}: a CSV or NDJSON file, as the multipart part {@code file} or
 * as the raw body with {@code Content-Type: text/csv} or {@code application/x-ndjson}. 202 with the import's
 * progress and its Location when the file is clean, 422 listing every bad row otherwise.
 * The CB administrator or the enterprise itself imports, and the import records who did; CB staff and the
 * enterprise read its progress. Another enterprise's imports are "not found".
 */
@RestController
@RequestMapping("/api/enterprises/{enterpriseId}/outlets/imports")
@EnableConfigurationProperties(ImportSettings.class)
class OutletImportController {

    private final OutletImports imports;

    OutletImportController(OutletImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RolesAllowed({Roles.CB_ADMIN, Roles.ENTERPRISE})
    ResponseEntity<ImportView> upload(@PathVariable String enterpriseId,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestHeader(name = CorrelationId.HEADER, required = false) String correlationId,
            Caller caller) throws IOException {
        caller.requireSees(enterpriseId, "enterprise", enterpriseId);
        if (file == null || file.isEmpty()) {
            throw new ApiProblemException.InvalidRequest("file", "is required: a CSV or NDJSON file in the part 'file'");
        }
        ImportFormat format = ImportFormat.of(file.getContentType(), file.getOriginalFilename())
                .or(() -> ImportFormat.of(null, file.getOriginalFilename()))
                .orElseThrow(() -> new ApiProblemException.InvalidRequest("file", "must be CSV (.csv, text/csv) "
                        + "or NDJSON (.ndjson, application/x-ndjson)"));
        return accepted(enterpriseId, imports.accept(enterpriseId, format, file.getInputStream(), Actor.of(caller),
                CorrelationId.from(correlationId)));
    }

    @PostMapping(consumes = {"text/csv", "application/x-ndjson"})
    @RolesAllowed({Roles.CB_ADMIN, Roles.ENTERPRISE})
    ResponseEntity<ImportView> raw(@PathVariable String enterpriseId, HttpServletRequest request,
            @RequestHeader(name = CorrelationId.HEADER, required = false) String correlationId,
            Caller caller) throws IOException {
        caller.requireSees(enterpriseId, "enterprise", enterpriseId);
        ImportFormat format = ImportFormat.of(request.getContentType(), null).orElseThrow();
        return accepted(enterpriseId, imports.accept(enterpriseId, format, request.getInputStream(),
                Actor.of(caller), CorrelationId.from(correlationId)));
    }

    @GetMapping("/{importId}")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    ImportView get(@PathVariable String enterpriseId, @PathVariable String importId, Caller caller) {
        caller.requireSees(enterpriseId, "enterprise", enterpriseId);
        return ImportView.of(imports.get(enterpriseId, importId));
    }

    private static ResponseEntity<ImportView> accepted(String enterpriseId, OutletImport started) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/enterprises/" + enterpriseId + "/outlets/imports/" + started.id()))
                .body(ImportView.of(started));
    }
}
