package com.starcert.scoring.scheme;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import com.starcert.contracts.Scheme;
import com.starcert.scoring.scheme.SchemeCatalog.SchemeSummary;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.security.Roles;

/**
 * Scoring schemes (评价方案): list, read a version, publish the next version. CB staff and enterprises read them —
 * the published indicators are not secret to the audited; only a CB administrator publishes.
 */
@RestController
@RequestMapping("/api/schemes")
class SchemeController {

    static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final SchemeCatalog catalog;
    private final JsonMapper mapper;

    SchemeController(SchemeCatalog catalog, JsonMapper mapper) {
        this.catalog = catalog;
        this.mapper = mapper;
    }

    @GetMapping
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    List<SchemeSummary> list() {
        return catalog.list();
    }

    @GetMapping("/{id}")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    SchemeSummary scheme(@PathVariable String id) {
        return catalog.summary(id).orElseThrow(() -> new ApiProblemException.NotFound("scheme", id));
    }

    @GetMapping("/{id}/versions/{version}")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    Scheme version(@PathVariable String id, @PathVariable String version) {
        return catalog.get(id, versionNumber(id, version));
    }

    @PostMapping(path = "/{id}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed(Roles.CB_ADMIN)
    ResponseEntity<Scheme> publish(@PathVariable String id, @RequestBody SchemeDraft draft,
            @RequestHeader(name = CORRELATION_HEADER, required = false) String correlationId) {
        return published(id, draft, correlationId);
    }

    /** The same document in YAML ({@code application/yaml}, {@code application/x-yaml} or {@code text/yaml}). */
    @PostMapping(path = "/{id}/versions", consumes = {"application/yaml", "application/x-yaml", "text/yaml"})
    @RolesAllowed(Roles.CB_ADMIN)
    ResponseEntity<Scheme> publishYaml(@PathVariable String id, @RequestBody String yaml,
            @RequestHeader(name = CORRELATION_HEADER, required = false) String correlationId) {
        return published(id, SchemeYaml.read(yaml, mapper), correlationId);
    }

    private ResponseEntity<Scheme> published(String id, SchemeDraft draft, String correlationId) {
        Scheme scheme = catalog.publish(id, draft, correlationId == null || correlationId.isBlank()
                ? UUID.randomUUID().toString() : truncate(correlationId.strip()));
        return ResponseEntity.created(URI.create("/api/schemes/" + scheme.id() + "/versions/" + scheme.version()))
                .body(scheme);
    }

    private static String truncate(String id) {
        return id.length() > 128 ? id.substring(0, 128) : id;
    }

    /** A version that is not a positive number simply does not exist. */
    private static int versionNumber(String id, String version) {
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to 404
        }
        throw new ApiProblemException.NotFound("scheme version", id + "/" + version);
    }
}
