package com.starcert.outlet.enterprise;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.outlet.infra.CorrelationId;
import com.starcert.support.web.IfMatch;

@RestController
@RequestMapping("/api/enterprises")
class EnterpriseController {

    private final EnterpriseRegistry registry;

    EnterpriseController(EnterpriseRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    ResponseEntity<EnterpriseView> register(@RequestBody EnterpriseForm form,
            @RequestHeader(name = CorrelationId.HEADER, required = false) String correlationId) {
        Enterprise enterprise = registry.register(form, CorrelationId.from(correlationId));
        return ResponseEntity.created(URI.create("/api/enterprises/" + enterprise.id()))
                .eTag(IfMatch.etag(enterprise.version()))
                .body(EnterpriseView.of(enterprise));
    }

    @GetMapping("/{id}")
    ResponseEntity<EnterpriseView> get(@PathVariable String id) {
        Enterprise enterprise = registry.get(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(enterprise.version())).body(EnterpriseView.of(enterprise));
    }

    /** Replaces the editable profile; {@code If-Match} with the ETag read is required (428 without, 412 stale). */
    @PutMapping("/{id}")
    ResponseEntity<EnterpriseView> update(@PathVariable String id,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @RequestBody EnterpriseForm form,
            @RequestHeader(name = CorrelationId.HEADER, required = false) String correlationId) {
        Enterprise enterprise = registry.update(id, ifMatch, form, CorrelationId.from(correlationId));
        return ResponseEntity.ok().eTag(IfMatch.etag(enterprise.version())).body(EnterpriseView.of(enterprise));
    }

    /** Look-up by USCC for a CB: an array of zero or one enterprise. */
    @GetMapping
    List<EnterpriseView> findByUscc(@RequestParam String uscc) {
        return registry.findByUscc(uscc).map(EnterpriseView::of).stream().toList();
    }
}
