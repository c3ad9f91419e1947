package com.starcert.outlet.enterprise;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.outlet.infra.CorrelationId;

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
                .body(EnterpriseView.of(enterprise));
    }

    @GetMapping("/{id}")
    EnterpriseView get(@PathVariable String id) {
        return EnterpriseView.of(registry.get(id));
    }

    /** Look-up by USCC for a CB: an array of zero or one enterprise. */
    @GetMapping
    List<EnterpriseView> findByUscc(@RequestParam String uscc) {
        return registry.findByUscc(uscc).map(EnterpriseView::of).stream().toList();
    }
}
